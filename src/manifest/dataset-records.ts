import type { BoundDeck, BoundSlide } from '../bind/bind.js';
import type { Dataset, DataStore, RankingDataset, RankingEdition } from '../data/types.js';
import { itemValue } from '../data/uses.js';
import type { Locale } from '../locale/locale.js';

/**
 * What a dataset said when the deck was built, as the deck's locale shows it ("2", "top 10",
 * ">¥380 billion (next 3 years)"), so that the next build can say what changed in the data
 * before it says what that did to the slides.
 */
export interface DatasetRecord {
  type: Dataset['type'];
  title: string;
  /** The newest edition's date (a ranking), the figures' date. */
  asOf: string;
  /** A ranking's editions, newest first (their dates). */
  editions?: string[];
  /** The newest edition's entries (a ranking) or the items (figures), in the data's order. */
  values: DatasetValue[];
}

export interface DatasetValue {
  /** The entry's name or the item's key: what identifies it across editions. */
  key: string;
  /** What a reader calls it: the entry's name, the item's label. */
  name: string;
  /** Its rank or value as the deck shows it. */
  value: string;
}

/** Records of every dataset the deck uses (cites, charts, or names in a helper), by id, sorted. */
export function datasetRecords(deck: BoundDeck, data: DataStore): Record<string, DatasetRecord> {
  const ids = [...usedDatasets(deck.slides)].filter((id) => data.has(id)).sort(byCodeUnits);
  return Object.fromEntries(ids.map((id) => [id, datasetRecord(data.get(id) as Dataset, deck.locale)]));
}

/** A dataset as of its newest edition; `edition` picks another edition of a ranking. */
export function datasetRecord(d: Dataset, locale: Locale, edition?: RankingEdition): DatasetRecord {
  if (d.type === 'figures') {
    return { type: d.type, title: d.title, asOf: d.asOf, values: d.items.map((item) => ({ key: item.key, name: item.label, value: itemValue(item).in(locale) })) };
  }
  const shown = edition ?? d.editions[0];
  return {
    type: d.type,
    title: d.title,
    asOf: shown?.asOf ?? '',
    editions: editionsUpTo(d, shown).map((e) => e.asOf),
    values: (shown?.entries ?? []).map((e) => ({ key: e.name, name: e.name, value: locale.rank(e) })),
  };
}

/** The editions from `edition` back (a record of an older edition knows nothing newer). */
function editionsUpTo(d: RankingDataset, edition: RankingEdition | undefined): RankingEdition[] {
  const at = edition ? d.editions.indexOf(edition) : 0;
  return d.editions.slice(Math.max(at, 0));
}

/** Ids of the datasets the slides draw on: their `sources`, their charts, and every value key ("a16z.web@2024-08: DeepSeek"). */
export function usedDatasets(slides: readonly BoundSlide[]): Set<string> {
  const ids = new Set<string>();
  for (const s of slides) {
    for (const id of s.datasets) ids.add(id);
    for (const key of s.uses.keys()) {
      const id = /^([^@:\s]+)(?:@[^:]*)?: /.exec(key)?.[1];
      if (id) ids.add(id);
    }
  }
  return ids;
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
