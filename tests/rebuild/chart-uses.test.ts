/** What a chart slide records as the values it shows: what the rebuild report compares. */
import { describe, expect, it } from 'vitest';
import type { FiguresDataset, RankingDataset, RankingEdition, RankingEntry } from '../../src/data/types.js';
import { noteChartUses, type ChartUse, type ValueUses } from '../../src/data/uses.js';

const origin = { file: 'data/list.yaml' };
const e = (name: string, place: number | { within: number }): RankingEntry => (typeof place === 'number' ? { name, rank: place, origin } : { name, within: place.within, origin });
const edition = (asOf: string, entries: RankingEntry[]): RankingEdition => ({ asOf, entries, origin });
const list: RankingDataset = {
  type: 'ranking',
  id: 'list.web',
  title: 'list',
  groups: {},
  source: { publisher: 'p', title: 't' },
  origin,
  editions: [edition('2025-03', [e('A', 1), e('B', 4), e('N', { within: 10 })]), edition('2024-08', []), edition('2024-02', [e('A', 3), e('B', 2)])],
};
const figures: FiguresDataset = {
  type: 'figures',
  id: 'capex.spending',
  title: 'capex',
  asOf: '2025-02',
  source: { publisher: 'p', title: 't' },
  origin,
  items: [
    { key: 'a', label: 'A', value: 1e8, unit: '元', qualifier: '=', origin },
    { key: 'b', label: 'B', value: 2e8, unit: '元', qualifier: '>', period: '2025年', origin },
  ],
};

function chart(d: RankingDataset | FiguresDataset, c: ChartUse): Record<string, string> {
  const map: ValueUses = new Map();
  noteChartUses(map, d, c);
  return Object.fromEntries(map);
}

describe('noteChartUses', () => {
  it('records the newest edition of a ranking, with its date, under keys without one', () => {
    expect(chart(list, { kind: 'ranking' })).toEqual({
      'list.web: asOf': '2025-03',
      'list.web: A': '1',
      'list.web: B': '4',
      'list.web: N': '前10',
      'list.web: entries': 'A、B、N',
    });
  });

  it('records only the entries or items a chart draws', () => {
    expect(Object.keys(chart(list, { kind: 'ranking', items: ['B'] }))).toEqual(['list.web: asOf', 'list.web: B', 'list.web: entries']);
    expect(chart(figures, { kind: 'comparison', items: ['b'] })).toEqual({ 'capex.spending: b': '>2億元（2025年）' });
  });

  it('records an older edition under keys that name it', () => {
    expect(chart(list, { kind: 'ranking', edition: '2024-02' })).toEqual({
      'list.web@2024-02: asOf': '2024-02',
      'list.web@2024-02: A': '3',
      'list.web@2024-02: B': '2',
      'list.web@2024-02: entries': 'A、B',
    });
  });

  it('records both editions and the marks of a rank-change chart', () => {
    expect(chart(list, { kind: 'rank-change', compare: '2024-02' })).toMatchObject({
      'list.web: A': '1',
      'list.web@2024-02: A': '3',
      'list.web: A change': '▲2 vs 2024-02',
      'list.web: B change': '▼2 vs 2024-02',
    });
    // N is "top 10" now and absent before: new.
    expect(chart(list, { kind: 'ranking', changes: true, compare: '2024-02' })['list.web: N change']).toBe('NEW vs 2024-02');
  });

  it('gives no marks against an edition that lists no entries (the default compare here)', () => {
    const recorded = chart(list, { kind: 'rank-change' });
    expect(recorded['list.web@2024-08: entries']).toBe('');
    expect(Object.keys(recorded).filter((k) => k.endsWith(' change'))).toEqual([]);
  });

  it('records nothing for an edition the data does not have (the chart stage reports it)', () => {
    expect(chart(list, { kind: 'ranking', edition: '2019-01' })).toEqual({});
  });
});
