import { breakdownOption } from './breakdown.js';
import { comparisonOption } from './comparison.js';
import type { ChartContext } from './context.js';
import { rankChangeOption } from './rank-change.js';
import { rankingOption, type BuiltOption } from './ranking.js';
import type { ResolvedChart } from './resolve.js';
import { shareOption } from './share.js';

/** The ECharts option of a resolved chart: one pure function per kind. */
export function buildOption(chart: ResolvedChart, ctx: ChartContext): BuiltOption {
  switch (chart.kind) {
    case 'ranking':
      return rankingOption(chart, ctx);
    case 'rank-change':
      return rankChangeOption(chart, ctx);
    case 'comparison':
      return comparisonOption(chart, ctx);
    case 'share':
      return shareOption(chart, ctx);
    case 'breakdown':
      return breakdownOption(chart, ctx);
  }
}
