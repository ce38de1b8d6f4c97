/**
 * The `change` helper: a rank's move against an older edition, recorded for the rebuild report.
 * `rankChanges` itself (up, down, same, new, ties, drop-outs, "top N") is tested in
 * tests/charts/rank-change.test.ts; here, what the helper makes of it.
 */
import type { HelperOptions } from 'handlebars';
import { describe, expect, it } from 'vitest';
import type { DataStore, RankingDataset, RankingEdition, RankingEntry } from '../../src/data/types.js';
import type { ValueUses } from '../../src/data/uses.js';
import { templateContext } from '../../src/bind/data-context.js';
import { helpers } from '../../src/bind/helpers.js';
import { TemplateError } from '../../src/bind/template-error.js';

const origin = { file: 'data/list.yaml' };
const e = (name: string, place: number | { within: number }): RankingEntry => (typeof place === 'number' ? { name, rank: place, origin } : { name, within: place.within, origin });
const edition = (asOf: string, entries: RankingEntry[], note?: string): RankingEdition => ({ asOf, entries, origin, ...(note ? { note } : {}) });

function ranking(id: string, editions: RankingEdition[]): RankingDataset {
  return { type: 'ranking', id, title: id, groups: {}, source: { publisher: 'p', title: 't' }, editions, origin };
}

const list = ranking('list.web', [
  edition('2025-09', [e('A', 1), e('B', 6), e('C', 3), e('N', 9), e('T', { within: 10 }), e('U', 8)]),
  edition('2025-03', [e('A', 4), e('B', 2), e('C', 3), e('T', 5), e('U', { within: 10 })]),
  edition('2024-08', [], '只列出字節和美圖的產品，未給名次'),
  edition('2024-02', [e('A', 7), e('B', 1)]),
]);
const only = ranking('list.only', [edition('2025-03', [e('A', 1)])]);
const gone = ranking('list.gone', [edition('2025-03', [e('A', 1)]), edition('2024-08', [], '只列出字節和美圖的產品，未給名次')]);
const store: DataStore = new Map([list, only, gone].map((d) => [d.id, d]));
const ctx = templateContext({}, store) as Record<string, Record<string, unknown>>;
const view = (id: string) => {
  const [ns, key] = id.split('.') as [string, string];
  return ctx[ns]?.[key];
};

function change(id: string, name: string, hash: Record<string, unknown> = {}): { mark: string; uses: ValueUses } {
  const uses: ValueUses = new Map();
  const mark = helpers.change(view(id), name, { hash, data: { uses } } as unknown as HelperOptions);
  return { mark, uses };
}

function refusal(id: string, name: string, hash: Record<string, unknown> = {}): TemplateError {
  try {
    change(id, name, hash);
  } catch (err) {
    if (err instanceof TemplateError) return err;
    throw err;
  }
  throw new Error('expected a TemplateError');
}

describe('{{change ds "name"}}', () => {
  it.each([
    ['A', '▲3'],
    ['B', '▼4'],
    ['C', '—'],
    ['N', 'NEW'],
  ])('%s against the edition before → %s', (name, mark) => {
    expect(change('list.web', name).mark).toBe(mark);
  });

  it('records the rank it shows and the mark with what it is measured against', () => {
    expect(Object.fromEntries(change('list.web', 'A').uses)).toEqual({
      'list.web: A': '1',
      'list.web: A change': '▲3 vs 2025-03',
    });
  });

  it('compares an older edition with edition= and compare=, under keys that name it', () => {
    const { mark, uses } = change('list.web', 'A', { edition: '2025-03', compare: '2024-02' });
    expect(mark).toBe('▲3');
    expect(Object.fromEntries(uses)).toEqual({ 'list.web@2025-03: A': '4', 'list.web@2025-03: A change': '▲3 vs 2024-02' });
  });

  it('refuses an entry whose rank one edition gives only as "top N", and says which', () => {
    const now = refusal('list.web', 'T');
    expect(now.code).toBe('TEMPLATE_HELPER_ARGUMENT');
    expect(now.message).toContain('2025-09 gives it only as 前10');
    const then = refusal('list.web', 'U');
    expect(then.code).toBe('TEMPLATE_HELPER_ARGUMENT');
    expect(then.message).toContain('2025-03 gives it only as 前10');
    expect(then.hint).toContain('{{rank list.web "U"}}');
  });

  it('refuses an edition that lists no entries: the source gives no ranks, so nothing is "new"', () => {
    const err = refusal('list.web', 'A', { edition: '2025-03' });
    expect(err.code).toBe('TEMPLATE_HELPER_ARGUMENT');
    expect(err.message).toBe('the 2024-08 edition of list.web lists no entries (its source gives no ranks), so no rank change can be given against it');
    expect(err.hint).toBe('compare with an edition that lists entries: compare="2024-02"');
    const named = refusal('list.web', 'A', { compare: '2024-08' });
    expect(named.message).toContain('2024-08 edition of list.web lists no entries');
    expect(named.hint).toBe('compare with an edition that lists entries: compare="2025-03", compare="2024-02"');
    const last = refusal('list.gone', 'A');
    expect(last.hint).toBe('say in words what the source says about 2024-08 (the data notes: 只列出字節和美圖的產品，未給名次)');
  });

  it('refuses without an older edition, or with compare= naming no older one', () => {
    expect(refusal('list.only', 'A').message).toBe("'change' needs an edition of list.only before 2025-03 to compare with, and there is none");
    expect(refusal('list.web', 'A', { compare: '2025-09' }).message).toContain('2025-09 is not older than 2025-09');
    expect(refusal('list.web', 'A', { compare: '2023-01' }).code).toBe('TEMPLATE_UNKNOWN_EDITION');
  });

  it('refuses a name the edition does not list, and a dataset of figures', () => {
    expect(refusal('list.web', 'Z').code).toBe('TEMPLATE_UNKNOWN_ENTRY');
    expect(() => helpers.change('list.web', 'A', { hash: {} } as unknown as HelperOptions)).toThrow(/needs a dataset/);
  });
});
