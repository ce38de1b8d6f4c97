import { describe, expect, it } from 'vitest';
import { describeRankChange, droppedOut, formatRankChange, rankChanges } from '../../src/data/rank-change.js';
import type { RankingEdition, RankingEntry } from '../../src/data/types.js';

const origin = { file: 'data.yaml' };
const e = (name: string, place: number | { within: number }): RankingEntry => (typeof place === 'number' ? { name, rank: place, origin } : { name, within: place.within, origin });
const edition = (asOf: string, ...entries: RankingEntry[]): RankingEdition => ({ asOf, entries, origin });

const before = edition('2024-08', e('A', 5), e('B', 2), e('C', 7), e('D', 9), e('E', 3), e('F', { within: 10 }), e('G', 4));
const now = edition('2025-03', e('A', 2), e('B', 4), e('C', 7), e('N', 1), e('E', { within: 10 }), e('F', 6), e('G', 4), e('Ｈ', 12));

describe('rankChanges', () => {
  const changes = rankChanges(now, before);

  it('says up, down and same by how many places', () => {
    expect(changes.get('A')).toEqual({ kind: 'up', by: 3 });
    expect(changes.get('B')).toEqual({ kind: 'down', by: 2 });
    expect(changes.get('C')).toEqual({ kind: 'same' });
  });

  it('says new for an entry the previous edition does not list', () => {
    expect(changes.get('N')).toEqual({ kind: 'new' });
    expect(changes.get('Ｈ')).toEqual({ kind: 'new' });
  });

  it('gives no change when either rank is only "in the top N"', () => {
    expect(changes.has('E')).toBe(false); // exact before, "top 10" now
    expect(changes.has('F')).toBe(false); // "top 10" before, exact now: not new either
  });

  it('treats ties as equal ranks', () => {
    const tied = edition('2025-03', e('A', 3), e('B', 3));
    expect(rankChanges(tied, edition('2024-08', e('A', 3), e('B', 1)))).toEqual(
      new Map([
        ['A', { kind: 'same' }],
        ['B', { kind: 'down', by: 2 }],
      ]),
    );
  });

  it('says nothing without a previous edition, or one that lists no entries (missing data is not "new")', () => {
    expect(rankChanges(now, undefined).size).toBe(0);
    expect(rankChanges(now, edition('2024-08')).size).toBe(0);
  });

  it('matches names across full-width and half-width forms', () => {
    expect(rankChanges(edition('b', e('ＡＩ搜索', 2)), edition('a', e('AI搜索', 5))).get('ＡＩ搜索')).toEqual({ kind: 'up', by: 3 });
  });

  it('lists entries that dropped out, in the previous order', () => {
    expect(droppedOut(now, before).map((x) => x.name)).toEqual(['D']);
    expect(droppedOut(now, undefined)).toEqual([]);
  });
});

describe('formatRankChange', () => {
  it.each([
    [{ kind: 'up', by: 3 }, '▲3', '上升3名'],
    [{ kind: 'down', by: 2 }, '▼2', '下降2名'],
    [{ kind: 'same' }, '—', '名次不變'],
    [{ kind: 'new' }, 'NEW', '新上榜'],
  ] as const)('%j → %s', (change, mark, words) => {
    expect(formatRankChange(change)).toBe(mark);
    expect(describeRankChange(change)).toBe(words);
  });
});
