import { formatValue } from './format.js';
import type { Dataset, FigureItem, RankingDataset, RankingEdition, RankingEntry } from './types.js';

/**
 * The data values a slide shows, by a readable key ("a16z.web: DeepSeek" → "2"), so that a
 * rebuild can say which values changed a slide ("slide 6 — a16z.web: DeepSeek 2 → 4").
 */
export type ValueUses = Map<string, string>;

let active: ValueUses | undefined;

/**
 * Runs `fn` (the rendering of one slide) while recording every value the helpers read into
 * `uses`. Rendering is synchronous, so the recorder is simply the one active during the call.
 */
export function recordUses<T>(uses: ValueUses, fn: () => T): T {
  const previous = active;
  active = uses;
  try {
    return fn();
  } finally {
    active = previous;
  }
}

export function noteUse(key: string, value: string | number): void {
  active?.set(key, String(value));
}

export function entryKey(d: RankingDataset, edition: RankingEdition, entry: RankingEntry | string): string {
  const name = typeof entry === 'string' ? entry : entry.name;
  return `${d.id}${edition === d.editions[0] ? '' : `@${edition.asOf}`}: ${name}`;
}

export function entryValue(entry: RankingEntry): string {
  return entry.rank !== undefined ? String(entry.rank) : `前${entry.within}`;
}

export function itemKey(d: Dataset, item: FigureItem): string {
  return `${d.id}: ${item.key}`;
}

export function itemValue(item: FigureItem): string {
  return `${item.qualifier === '=' ? '' : item.qualifier}${formatValue(item.value, item.unit)}${item.period ? `（${item.period}）` : ''}`;
}

/** Every value a chart of this dataset shows (a chart draws all of an edition, or all items). */
export function noteDatasetUses(d: Dataset, editionAsOf?: string): void {
  if (d.type === 'ranking') {
    const edition = d.editions.find((e) => e.asOf === editionAsOf) ?? d.editions[0];
    if (!edition) return;
    for (const entry of edition.entries) noteUse(entryKey(d, edition, entry), entryValue(entry));
    noteUse(`${d.id}${edition === d.editions[0] ? '' : `@${edition.asOf}`}: entries`, edition.entries.map((e) => e.name).join('、'));
  } else {
    for (const item of d.items) noteUse(itemKey(d, item), itemValue(item));
  }
}
