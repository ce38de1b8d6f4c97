import type { DatasetRecord, DatasetValue } from './dataset-records.js';

/**
 * What changed in one dataset between two builds (or two editions): a new edition (or a new
 * date of figures), the entries or items whose rank or value moved, those that are new and
 * those that are gone. Only changes: a dataset that did not change has no `DatasetChange`.
 */
export interface DatasetChange {
  id: string;
  title: string;
  type: DatasetRecord['type'];
  /** `changed`; `added` when the deck did not use the dataset before, `removed` when it no longer does. */
  status: 'changed' | 'added' | 'removed';
  /** The new date and the one it replaces, when the date changed (a ranking's new edition). */
  asOf?: { date: string; was: string };
  /** Entries or items shown differently: name, before, after. */
  moved: { key: string; name: string; before: string; after: string }[];
  /** Entries or items that are new. */
  added: DatasetValue[];
  /** Entries or items that are gone. */
  dropped: DatasetValue[];
  /** The older side listed nothing (an edition the source gives no ranks for): nothing is "new". */
  nothingBefore: boolean;
}

/** The changes of every dataset of either side, by id (sorted), leaving out those that did not change. */
export function datasetChanges(before: Readonly<Record<string, DatasetRecord>>, after: Readonly<Record<string, DatasetRecord>>): DatasetChange[] {
  const ids = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return ids.flatMap((id) => {
    const change = datasetChange(id, before[id], after[id]);
    return change ? [change] : [];
  });
}

/** What changed from `before` to `after`; undefined when nothing did. */
export function datasetChange(id: string, before: DatasetRecord | undefined, after: DatasetRecord | undefined): DatasetChange | undefined {
  const record = (after ?? before) as DatasetRecord;
  const base = { id, title: record.title, type: record.type, moved: [], added: [], dropped: [], nothingBefore: false };
  if (!before) return { ...base, status: 'added' };
  if (!after) return { ...base, status: 'removed' };
  const old = new Map(before.values.map((v) => [v.key, v]));
  const now = new Set(after.values.map((v) => v.key));
  const nothingBefore = before.values.length === 0;
  const change: DatasetChange = {
    ...base,
    status: 'changed',
    ...(before.asOf !== after.asOf ? { asOf: { date: after.asOf, was: before.asOf } } : {}),
    moved: after.values.flatMap((v) => {
      const was = old.get(v.key);
      return was && was.value !== v.value ? [{ key: v.key, name: v.name, before: was.value, after: v.value }] : [];
    }),
    added: nothingBefore ? [] : after.values.filter((v) => !old.has(v.key)),
    dropped: before.values.filter((v) => !now.has(v.key)),
    nothingBefore,
  };
  const same = !change.asOf && !change.moved.length && !change.added.length && !change.dropped.length && (nothingBefore ? after.values.length === 0 : true);
  return same ? undefined : change;
}
