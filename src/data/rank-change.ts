import type { RankingEdition, RankingEntry } from './types.js';

/** How an entry's rank moved since the previous edition. `by` is in places (always positive). */
export interface RankChange {
  kind: 'up' | 'down' | 'same' | 'new';
  by?: number;
}

/**
 * The change of every entry of `current` that can honestly be given one, keyed by entry name.
 *
 * - up / down / same: the entry has an exact rank in both editions (ties are just equal ranks).
 * - new: the entry is not in `previous` at all.
 * - no entry in the map: its rank is not published in one of the editions (`within`), so no
 *   change can be computed; or there is no previous edition, or it lists no entries (absence
 *   of data is not "new").
 *
 * Entries of `previous` missing from `current` are not in the map: see `droppedOut`. Note that
 * editions list only the entries the source states, so "new" means "not stated last time".
 */
export function rankChanges(current: RankingEdition, previous: RankingEdition | undefined): Map<string, RankChange> {
  const changes = new Map<string, RankChange>();
  // An edition that lists no entries says nothing about who was in it: nothing is "new".
  if (!previous || previous.entries.length === 0) return changes;
  const before = byName(previous.entries);
  for (const entry of current.entries) {
    const key = nameKey(entry.name);
    if (changes.has(entry.name)) continue;
    const was = before.get(key);
    if (!was) {
      changes.set(entry.name, { kind: 'new' });
      continue;
    }
    if (entry.rank === undefined || was.rank === undefined) continue;
    const by = was.rank - entry.rank;
    changes.set(entry.name, by > 0 ? { kind: 'up', by } : by < 0 ? { kind: 'down', by: -by } : { kind: 'same' });
  }
  return changes;
}

/** Entries of `previous` that `current` does not list (in `previous`'s order). */
export function droppedOut(current: RankingEdition, previous: RankingEdition | undefined): RankingEntry[] {
  if (!previous || current.entries.length === 0) return [];
  const now = byName(current.entries);
  const seen = new Set<string>();
  return previous.entries.filter((e) => {
    const key = nameKey(e.name);
    if (now.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The mark drawn beside an entry: "▲3", "▼2", "—", "NEW". */
export function formatRankChange(change: RankChange): string {
  switch (change.kind) {
    case 'up':
      return `▲${change.by ?? ''}`;
    case 'down':
      return `▼${change.by ?? ''}`;
    case 'same':
      return '—';
    case 'new':
      return 'NEW';
  }
}

/** The change in words, for alt text: "上升3名", "下降2名", "名次不變", "新上榜". */
export function describeRankChange(change: RankChange): string {
  switch (change.kind) {
    case 'up':
      return change.by === undefined ? '上升' : `上升${change.by}名`;
    case 'down':
      return change.by === undefined ? '下降' : `下降${change.by}名`;
    case 'same':
      return '名次不變';
    case 'new':
      return '新上榜';
  }
}

/** Names match across editions after Unicode normalisation (full-width vs half-width) and trimming. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').trim();
}

function byName(entries: readonly RankingEntry[]): Map<string, RankingEntry> {
  const map = new Map<string, RankingEntry>();
  for (const e of entries) {
    const key = nameKey(e.name);
    if (!map.has(key)) map.set(key, e);
  }
  return map;
}
