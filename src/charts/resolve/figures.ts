import type { FigureItem, FiguresDataset } from '../../data/types.js';
import type { Fail, Failure } from '../kinds/kind-spec.js';
import type { ChartRequest } from '../types.js';
import { itemAt, fieldAt } from './fields.js';
import { list, suggest } from './hints.js';

export type FiguresMeta = Omit<FiguresDataset, 'type' | 'items' | 'origin'>;

/** Figures side by side (a comparison's amounts, a share's percentages): `K` is the kind. */
export interface FiguresChart<K extends string = string> {
  kind: K;
  meta: FiguresMeta;
  items: FigureItem[];
  /** The key of the item drawn in the accent colour. */
  highlight?: string;
  title?: string;
}

/** What the kinds that draw figures take from them: the dataset's meta, and the items `items` names, in order (none when it names none). */
export interface FiguresPick {
  meta: FiguresMeta;
  picked: FigureItem[];
}

/** Checks that every item the request names (in `items` or `highlight`) exists. */
export function pickFigures(request: ChartRequest, dataset: FiguresDataset, fail: Fail): FiguresPick | Failure {
  const keys = dataset.items.map((i) => i.key);
  const byKey = new Map(dataset.items.map((i) => [i.key, i] as const));
  const unknown = [...(request.items ?? []), ...(request.highlight !== undefined ? [request.highlight] : [])].filter((k) => !byKey.has(k));
  if (unknown.length) {
    const first = (request.items ?? []).findIndex((k) => !byKey.has(k));
    const at = first >= 0 ? itemAt(request, first) : fieldAt(request, 'highlight');
    return fail('CHART_UNKNOWN_ITEM', `'${dataset.id}' has no item ${unknown.map((k) => `'${k}'`).join(', ')}`, suggest(unknown[0] ?? '', keys, 'items'), at);
  }
  const meta: FiguresMeta = { id: dataset.id, title: dataset.title, asOf: dataset.asOf, source: dataset.source };
  return { meta, picked: (request.items ?? []).map((k) => byKey.get(k) as FigureItem) };
}

/** The items to draw side by side: those named, else the totals (parts stand beside their totals only when named). */
export function sideBySide(request: ChartRequest, dataset: FiguresDataset, fail: Fail): { meta: FiguresMeta; items: FigureItem[] } | Failure {
  const pick = pickFigures(request, dataset, fail);
  if ('diagnostics' in pick) return pick;
  const items = pick.picked.length ? pick.picked : dataset.items.filter((i) => i.parent === undefined);
  if (items.length === 0) return fail('CHART_EMPTY', `'${dataset.id}' has no items to draw`);
  return { meta: pick.meta, items };
}

/** CHART_MIXED_UNITS at `items` when the items do not share one unit. */
export function mixedUnits(items: readonly FigureItem[], request: ChartRequest, fail: Fail, what: string, hint?: string): Failure | undefined {
  const units = [...new Set(items.map((i) => i.unit))];
  if (units.length <= 1) return undefined;
  return fail('CHART_MIXED_UNITS', `${what} use ${list(units.map((u) => `'${u}'`))}`, hint, fieldAt(request, 'items'));
}
