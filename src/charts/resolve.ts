import type { DiagnosticCode } from '../diagnostics/codes.js';
import { error, type Diagnostic, type SourceRef } from '../diagnostics/diagnostic.js';
import type { DataStore, Dataset, FigureItem, FiguresDataset, RankingDataset, RankingEdition } from '../data/types.js';
import type { ChartKind, ChartRequest, ChartRequestField } from './types.js';

/** What a ranking chart says about its list, beside the entries. */
export type RankingMeta = Omit<RankingDataset, 'type' | 'editions' | 'origin'>;

export type FiguresMeta = Omit<FiguresDataset, 'type' | 'items' | 'origin'>;

/** A ranking edition, drawn as a list of positions (or of scores, when every entry has one). */
export interface RankingChart {
  kind: 'ranking';
  meta: RankingMeta;
  edition: RankingEdition;
  /** The edition rank-change marks compare with; set only when marks are asked for. */
  compare?: RankingEdition;
  highlight?: string;
  title?: string;
}

/** Two editions of a ranking, drawn as a slope chart. */
export interface RankChangeChart {
  kind: 'rank-change';
  meta: RankingMeta;
  edition: RankingEdition;
  compare: RankingEdition;
  highlight?: string;
  title?: string;
}

/** Figures side by side: amounts (comparison) or percentages (share). */
export interface FiguresChart {
  kind: 'comparison' | 'share';
  meta: FiguresMeta;
  items: FigureItem[];
  /** The key of the item drawn in the accent colour. */
  highlight?: string;
  title?: string;
}

/** A total and its parts. */
export interface BreakdownChart {
  kind: 'breakdown';
  meta: FiguresMeta;
  parent: FigureItem;
  parts: FigureItem[];
  title?: string;
}

/** A request checked against the data: everything a drawing depends on, and nothing else. */
export type ResolvedChart = RankingChart | RankChangeChart | FiguresChart | BreakdownChart;

const WANTS: Record<ChartKind, Dataset['type']> = {
  ranking: 'ranking',
  'rank-change': 'ranking',
  comparison: 'figures',
  breakdown: 'figures',
  share: 'figures',
};

/**
 * Checks a request against the data: the dataset exists and suits the kind, the editions,
 * items and highlight group exist. Problems come back as diagnostics at `request.origin`,
 * each with a hint that lists what does exist.
 */
export function resolveChart(request: ChartRequest, data: DataStore): { chart?: ResolvedChart; diagnostics: Diagnostic[] } {
  const fail: Fail = (code, message, hint, at) => ({ diagnostics: [error(code, message, at ?? request.origin, hint)] });
  const dataset = data.get(request.data);
  if (!dataset) {
    const ids = [...data.keys()];
    return fail('CHART_UNKNOWN_DATASET', `no dataset '${request.data}'`, suggest(request.data, ids, 'datasets'), fieldAt(request, 'data'));
  }
  const wants = WANTS[request.kind];
  if (dataset.type !== wants) {
    const fitting = [...data.values()].filter((d) => d.type === wants).map((d) => d.id);
    return fail(
      'CHART_WRONG_DATASET_TYPE',
      `a ${request.kind} chart draws a ${wants} dataset; '${dataset.id}' is a ${dataset.type} dataset`,
      fitting.length ? `${wants} datasets: ${list(fitting)}` : `there are no ${wants} datasets`,
      fieldAt(request, 'data'),
    );
  }
  return dataset.type === 'ranking' ? resolveRanking(request, dataset, fail) : resolveFigures(request, dataset, fail);
}

type Fail = (code: DiagnosticCode, message: string, hint?: string, at?: SourceRef) => { diagnostics: Diagnostic[] };

/** Where a field of the request was written, when the outline stage says; else the request's origin. */
export function fieldAt(request: ChartRequest, field: ChartRequestField): SourceRef {
  return request.fieldOrigins?.[field] ?? request.origin;
}

/** Where the `index`th of `items` was written, else the `items` field, else the request. */
function itemAt(request: ChartRequest, index: number): SourceRef {
  return request.itemOrigins?.[index] ?? fieldAt(request, 'items');
}

function resolveRanking(request: ChartRequest, dataset: RankingDataset, fail: Fail): { chart?: ResolvedChart; diagnostics: Diagnostic[] } {
  const editions = dataset.editions.map((e) => e.asOf);
  const find = (asOf: string) => dataset.editions.findIndex((e) => e.asOf === asOf);
  const index = request.edition === undefined ? 0 : find(request.edition);
  const edition = dataset.editions[index];
  if (!edition) return fail('CHART_UNKNOWN_EDITION', `'${dataset.id}' has no edition '${request.edition}'`, `editions: ${list(editions)}`, fieldAt(request, 'edition'));

  let compare: RankingEdition | undefined;
  if (request.compare !== undefined) {
    compare = dataset.editions[find(request.compare)];
    if (!compare) return fail('CHART_UNKNOWN_EDITION', `'${dataset.id}' has no edition '${request.compare}' to compare with`, `editions: ${list(editions)}`, fieldAt(request, 'compare'));
    if (compare === edition) return fail('CHART_SAME_EDITION', `'${dataset.id}': an edition compared with itself ('${edition.asOf}')`, `editions: ${list(editions)}`, fieldAt(request, 'compare'));
  } else {
    compare = dataset.editions[index + 1];
  }
  const needsCompare = request.kind === 'rank-change' || request.changes === true;
  const compareAt = request.compare !== undefined ? fieldAt(request, 'compare') : fieldAt(request, request.kind === 'rank-change' ? 'kind' : 'changes');
  if (needsCompare && !compare) {
    const what = request.kind === 'rank-change' ? 'a rank-change chart' : 'rank-change marks (`changes: true`)';
    return fail(
      'CHART_NO_PREVIOUS_EDITION',
      `${what} need an edition before '${edition.asOf}' of '${dataset.id}', and there is none`,
      `editions: ${list(editions)}; add the previous edition to the data${request.kind === 'ranking' ? ', or drop `changes: true`' : ''}`,
      compareAt,
    );
  }

  if (needsCompare && compare && compare.entries.length === 0) {
    return fail(
      'CHART_EMPTY_EDITION',
      `the ${compare.asOf} edition of '${dataset.id}' lists no entries, so no rank changes can be drawn against it`,
      `editions with entries: ${list(dataset.editions.filter((e) => e.entries.length).map((e) => e.asOf))}${request.kind === 'ranking' ? '; or drop `changes: true`' : ''}`,
      compareAt,
    );
  }

  if (request.highlight !== undefined && !(request.highlight in dataset.groups)) {
    const groups = Object.keys(dataset.groups);
    return fail('CHART_UNKNOWN_GROUP', `'${dataset.id}' has no group '${request.highlight}'`, groups.length ? `groups: ${list(groups)}` : `'${dataset.id}' defines no groups`, fieldAt(request, 'highlight'));
  }

  let shown = edition;
  if (request.items) {
    const names = edition.entries.map((e) => e.name);
    const missing = request.items.filter((n) => !names.includes(n));
    if (missing.length) {
      const at = itemAt(request, request.items.findIndex((n) => !names.includes(n)));
      return fail('CHART_UNKNOWN_ITEM', `the ${edition.asOf} edition of '${dataset.id}' has no entry ${missing.map((m) => `'${m}'`).join(', ')}`, `entries: ${list(names)}`, at);
    }
    const wanted = new Set(request.items);
    shown = { ...edition, entries: edition.entries.filter((e) => wanted.has(e.name)) };
  }
  if (shown.entries.length === 0) return fail('CHART_EMPTY', `the ${edition.asOf} edition of '${dataset.id}' has no entries to draw`);

  const meta: RankingMeta = { id: dataset.id, title: dataset.title, groups: dataset.groups, source: dataset.source };
  if (dataset.size !== undefined) meta.size = dataset.size;
  if (dataset.basis !== undefined) meta.basis = dataset.basis;
  if (dataset.scoreUnit !== undefined) meta.scoreUnit = dataset.scoreUnit;

  const common = withOptional({ meta, edition: shown }, request);
  if (request.kind === 'rank-change') {
    return { chart: { kind: 'rank-change', ...common, compare: compare as RankingEdition }, diagnostics: [] };
  }
  const chart: RankingChart = { kind: 'ranking', ...common };
  if (request.changes && compare) chart.compare = compare;
  return { chart, diagnostics: [] };
}

function resolveFigures(request: ChartRequest, dataset: FiguresDataset, fail: Fail): { chart?: ResolvedChart; diagnostics: Diagnostic[] } {
  const keys = dataset.items.map((i) => i.key);
  const byKey = new Map(dataset.items.map((i) => [i.key, i] as const));
  const unknown = [...(request.items ?? []), ...(request.highlight !== undefined ? [request.highlight] : [])].filter((k) => !byKey.has(k));
  if (unknown.length) {
    const first = (request.items ?? []).findIndex((k) => !byKey.has(k));
    const at = first >= 0 ? itemAt(request, first) : fieldAt(request, 'highlight');
    return fail('CHART_UNKNOWN_ITEM', `'${dataset.id}' has no item ${unknown.map((k) => `'${k}'`).join(', ')}`, suggest(unknown[0] ?? '', keys, 'items'), at);
  }
  const meta: FiguresMeta = { id: dataset.id, title: dataset.title, asOf: dataset.asOf, source: dataset.source };
  const picked = (request.items ?? []).map((k) => byKey.get(k) as FigureItem);

  if (request.kind === 'breakdown') {
    const parents = dataset.items.filter((i) => dataset.items.some((p) => p.parent === i.key));
    const parent = picked[0] ?? parents[0];
    if (!parent) return fail('CHART_NO_PARTS', `'${dataset.id}' has no item with parts (items whose \`parent\` names it)`);
    const allParts = dataset.items.filter((i) => i.parent === parent.key);
    if (allParts.length === 0) {
      return fail('CHART_NO_PARTS', `'${parent.key}' in '${dataset.id}' has no parts`, parents.length ? `items with parts: ${list(parents.map((p) => p.key))}` : 'give parts a `parent` key', itemAt(request, 0));
    }
    const named = picked.slice(1);
    const strangers = named.filter((i) => i.parent !== parent.key);
    if (strangers.length) {
      return fail(
        'CHART_NOT_A_PART',
        `${strangers.map((s) => `'${s.key}'`).join(', ')} ${strangers.length > 1 ? 'are not parts' : 'is not a part'} of '${parent.key}'`,
        `parts of '${parent.key}': ${list(allParts.map((p) => p.key))}`,
        itemAt(request, 1 + named.findIndex((i) => i.parent !== parent.key)),
      );
    }
    const parts = named.length ? named : allParts;
    const units = new Set([parent, ...parts].map((i) => i.unit));
    if (units.size > 1) return fail('CHART_MIXED_UNITS', `a breakdown needs one unit; '${parent.key}' and its parts use ${list([...units].map((u) => `'${u}'`))}`, undefined, fieldAt(request, 'items'));
    const chart: BreakdownChart = { kind: 'breakdown', meta, parent, parts };
    if (request.title !== undefined) chart.title = request.title;
    return { chart, diagnostics: [] };
  }

  // Parts stand beside their totals only when named: by default a comparison shows totals.
  const items = picked.length ? picked : dataset.items.filter((i) => i.parent === undefined);
  if (items.length === 0) return fail('CHART_EMPTY', `'${dataset.id}' has no items to draw`);
  if (request.kind === 'share') {
    const notPercent = items.filter((i) => i.unit !== '%');
    if (notPercent.length) {
      return fail('CHART_NOT_PERCENT', `a share chart draws percentages; ${notPercent.map((i) => `'${i.key}'`).join(', ')} ${notPercent.length > 1 ? 'are' : 'is'} not in %`, 'use a comparison chart for amounts', fieldAt(request, picked.length ? 'items' : 'kind'));
    }
  } else {
    const units = [...new Set(items.map((i) => i.unit))];
    if (units.length > 1) {
      return fail('CHART_MIXED_UNITS', `a comparison needs one unit; the items use ${list(units.map((u) => `'${u}'`))}`, 'draw items with different units in separate charts', fieldAt(request, 'items'));
    }
  }
  const chart: FiguresChart = withOptional({ kind: request.kind as 'comparison' | 'share', meta, items }, request);
  return { chart, diagnostics: [] };
}

function withOptional<T extends object>(base: T, request: ChartRequest): T & { highlight?: string; title?: string } {
  const out: T & { highlight?: string; title?: string } = { ...base };
  if (request.highlight !== undefined) out.highlight = request.highlight;
  if (request.title !== undefined) out.title = request.title;
  return out;
}

/** "datasets: a, b, c" with a "did you mean" first when one name is close. */
function suggest(name: string, names: string[], what: string): string {
  const close = names
    .map((n) => ({ n, d: distance(name.toLowerCase(), n.toLowerCase()) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(name.length / 3)))
    .sort((a, b) => a.d - b.d)[0];
  const all = names.length ? `${what}: ${list(names)}` : `there are no ${what}`;
  return close ? `did you mean '${close.n}'? ${all}` : all;
}

function list(names: readonly string[], max = 12): string {
  return names.length > max ? `${names.slice(0, max).join(', ')} … (${names.length} in all)` : names.join(', ');
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j] ?? 0;
      row[j] = Math.min(up + 1, (row[j - 1] ?? 0) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length] ?? 0;
}
