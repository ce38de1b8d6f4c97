import { breakdown } from './breakdown.js';
import { comparison } from './comparison.js';
import type { ChartKindSpec } from './kind-spec.js';
import { rankChange } from './rank-change.js';
import { ranking } from './ranking.js';
import { share } from './share.js';

/**
 * Every chart kind, by the name an outline gives it (`chart.kind`), in the order the schema lists
 * them. A kind is one entry: a file in this folder exporting its `ChartKindSpec`, and a line here.
 * The outline schema, `ChartKind`, `ResolvedChart` and the core (resolve, plan, draw) follow.
 */
export const CHART_KINDS = chartKinds({
  ranking,
  'rank-change': rankChange,
  comparison,
  breakdown,
  share,
});

/** A chart kind's name (`ranking`, `rank-change` …). */
export type ChartKind = keyof typeof CHART_KINDS;

/** The resolved chart each kind draws, by kind. */
export type ChartOfKind = { [K in ChartKind]: (typeof CHART_KINDS)[K] extends ChartKindSpec<infer C, infer _T> ? C : never };

/** A request checked against the data: everything a drawing depends on, and nothing else. */
export type ResolvedChart = ChartOfKind[ChartKind];

/** The kinds' names, for the outline schema's enum. */
export const CHART_KIND_NAMES = Object.keys(CHART_KINDS) as [ChartKind, ...ChartKind[]];

/** Each kind and what it draws, for the outline schema's description of `chart.kind`. */
export const CHART_KINDS_DESCRIPTION = `${CHART_KIND_NAMES.map((name) => `${name}: ${CHART_KINDS[name].summary}`).join('; ')}.`;

/**
 * The entry of `kind`, typed for any chart: the caller passes it only a request of that kind, or
 * a chart whose `kind` it is (as `chartKind(chart.kind).option(chart, ctx)` does).
 */
export function chartKind(kind: ChartKind): ChartKindSpec<ResolvedChart> {
  // biome-ignore lint/suspicious/noExplicitAny: the dataset type an entry wants is checked against the dataset before its `resolve` is called.
  return CHART_KINDS[kind] as ChartKindSpec<ResolvedChart, any>;
}

/** The registry as given, once the compiler has checked that each entry draws charts of its own name. */
// biome-ignore lint/suspicious/noExplicitAny: any dataset type; only the kind's name is checked here.
function chartKinds<T extends { [K in keyof T]: ChartKindSpec<{ kind: K & string }, any> }>(kinds: T): T {
  return kinds;
}
