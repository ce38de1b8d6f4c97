import type { Dataset, DataStore, FigureItem, RankingEntry } from '../data/types.js';
import { splitDatasetId } from '../load/data/load-data.js';
import { TemplateError } from './template-error.js';

/**
 * What a template sees of a dataset: its fields, and for figures its items by key, so that
 * `{{capex.spending.alibaba.value}}` works. Printing the dataset itself is an error (it would
 * print "[object Object]"); helpers take it back to the dataset through `datasetOf`.
 */
export type DatasetView = Record<string, unknown>;

/** The dataset a view shows, carried by the view itself under a key templates cannot name. */
const DATASET = Symbol('dataset');

export function datasetOf(value: unknown, helper: string): Dataset {
  const d = value !== null && typeof value === 'object' ? (value as { [DATASET]?: Dataset })[DATASET] : undefined;
  if (!d) {
    const quoted = typeof value === 'string' && /^[\w-]+\.[\w-]+$/.test(value);
    throw new TemplateError(
      'TEMPLATE_HELPER_ARGUMENT',
      `'${helper}' needs a dataset such as a16z.web as its first argument, not ${describe(value)}`,
      quoted ? `remove the quotes: ${value}` : undefined,
    );
  }
  return d;
}

/** The template context: `deck` plus one object per data namespace. */
export function templateContext(deck: Record<string, unknown>, store: DataStore): Record<string, unknown> {
  const ctx: Record<string, Record<string, unknown>> = {};
  for (const d of store.values()) {
    const [ns, key] = splitDatasetId(d.id);
    (ctx[ns] ??= {})[key] = viewOf(d);
  }
  return { ...ctx, deck };
}

function viewOf(d: Dataset): DatasetView {
  const base: DatasetView = { id: d.id, title: d.title, source: d.source };
  const view: DatasetView =
    d.type === 'ranking'
      ? { ...base, size: d.size, asOf: d.editions[0]?.asOf, editions: d.editions.map((e) => ({ asOf: e.asOf, note: e.note, entries: e.entries.map(plainEntry) })) }
      : { ...base, asOf: d.asOf, ...Object.fromEntries(d.items.map((i) => [i.key, plainItem(i)])) };
  Object.defineProperty(view, 'toString', {
    enumerable: false,
    value: () => {
      throw new TemplateError('TEMPLATE_NOT_TEXT', `${d.id} is a dataset, not text`, `use a helper, e.g. {{cite ${d.id}}} or {{asOf ${d.id}}}`);
    },
  });
  Object.defineProperty(view, DATASET, { enumerable: false, value: d });
  return view;
}

function plainEntry({ origin: _o, ...e }: RankingEntry) {
  return e;
}

function plainItem({ origin: _o, ...i }: FigureItem) {
  return i;
}

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `the text "${value}"`;
  if (typeof value === 'number') return `the number ${value}`;
  return typeof value;
}
