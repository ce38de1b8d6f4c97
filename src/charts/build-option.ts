import { breakdownOption } from './kinds/breakdown.js';
import { comparisonOption } from './kinds/comparison.js';
import type { ChartContext } from './style/context.js';
import { rankChangeOption } from './kinds/rank-change.js';
import { rankingOption, type BuiltOption } from './kinds/ranking.js';
import type { ResolvedChart } from './resolve.js';
import { shareOption } from './kinds/share.js';

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
