import type { RankingDataset, RankingEdition } from '../../data/types.js';
import type { Fail, Failure } from '../kinds/kind-spec.js';
import type { ChartRequest, ChartRequestField } from '../types.js';
import { fieldAt, itemAt } from './fields.js';
import { list } from './hints.js';

/** What a chart of a ranking says about its list, beside the entries. */
export type RankingMeta = Omit<RankingDataset, 'type' | 'editions' | 'origin'>;

/** What the kinds that draw a ranking take from it: the edition (only the entries asked for), the one before or asked for, the list. */
export interface RankingPick {
  meta: RankingMeta;
  /** The edition drawn, with only the entries `items` names (all by default). */
  shown: RankingEdition;
  /** The edition to compare with: `compare`, else the one before, if any. */
  compare?: RankingEdition;
}

/** When the kind needs an edition to compare with, and how to say so when there is none. */
export interface CompareNeed {
  needed: boolean;
  /** What needs it, for the message ("a rank-change chart"). */
  what: string;
  /** The field that asked for it, when `compare` is not given. */
  field: ChartRequestField;
  /** How else to do without it, for the hint ("drop `changes: true`"), if there is a way. */
  drop?: string;
}

/**
 * Checks a request against a ranking: the editions, the one to compare with (when `need` says
 * so, it must exist and list entries), the highlighted group, the named entries.
 */
export function pickRanking(request: ChartRequest, dataset: RankingDataset, fail: Fail, need: CompareNeed): RankingPick | Failure {
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
  const compareAt = request.compare !== undefined ? fieldAt(request, 'compare') : fieldAt(request, need.field);
  if (need.needed && !compare) {
    return fail(
      'CHART_NO_PREVIOUS_EDITION',
      `${need.what} need an edition before '${edition.asOf}' of '${dataset.id}', and there is none`,
      `editions: ${list(editions)}; add the previous edition to the data${need.drop ? `, or ${need.drop}` : ''}`,
      compareAt,
    );
  }
  if (need.needed && compare && compare.entries.length === 0) {
    return fail(
      'CHART_EMPTY_EDITION',
      `the ${compare.asOf} edition of '${dataset.id}' lists no entries, so no rank changes can be drawn against it`,
      `editions with entries: ${list(dataset.editions.filter((e) => e.entries.length).map((e) => e.asOf))}${need.drop ? `; or ${need.drop}` : ''}`,
      compareAt,
    );
  }

  if (request.highlight !== undefined && !(request.highlight in dataset.groups)) {
    const groups = Object.keys(dataset.groups);
    return fail(
      'CHART_UNKNOWN_GROUP',
      `'${dataset.id}' has no group '${request.highlight}'`,
      groups.length ? `groups: ${list(groups)}` : `'${dataset.id}' defines no groups`,
      fieldAt(request, 'highlight'),
    );
  }

  let shown = edition;
  if (request.items) {
    const names = edition.entries.map((e) => e.name);
    const missing = request.items.filter((n) => !names.includes(n));
    if (missing.length) {
      const at = itemAt(
        request,
        request.items.findIndex((n) => !names.includes(n)),
      );
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
  return compare ? { meta, shown, compare } : { meta, shown };
}
