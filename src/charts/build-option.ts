import type { BuiltOption } from './kinds/kind-spec.js';
import { chartKind, type ResolvedChart } from './kinds/registry.js';
import type { ChartContext } from './style/context.js';

/** The ECharts option of a resolved chart: its kind's pure function. */
export function buildOption(chart: ResolvedChart, ctx: ChartContext): BuiltOption {
  return chartKind(chart.kind).option(chart, ctx);
}
