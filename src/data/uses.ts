import type { Locale } from '../locale/locale.js';
import { citation } from './citation.js';
import { formatValue } from './format.js';
import { formatRankChange, rankChanges } from './rank-change.js';
import type { Dataset, FigureItem, RankingDataset, RankingEdition, RankingEntry } from './types.js';

/**
 * The data values a slide shows, by a readable key ("a16z.web: DeepSeek" → "2"), so that a
 * rebuild can say which values changed a slide ("slide 6 — a16z.web: DeepSeek 2 → 4").
 *
 * Keys of a ranking name its edition when it is not the newest: `a16z.web: DeepSeek` is what
 * the newest edition says (so when a newer edition arrives, the report says the value a slide
 * shows went from 2 to 3, and `a16z.web: asOf` says why), `a16z.web@2024-08: DeepSeek` what the
 * August 2024 edition says, which a new edition does not change.
 */
export type ValueUses = Map<string, string>;

/**
 * A value as a reader sees it, which depends on the deck's language ("480億" or "48 billion"):
 * kept as a zh-TW string in the uses (what comparisons and messages read), and written in the
 * deck's locale when the manifest is made (`usedValues`).
 */
export interface ShownValue {
  in(locale: Locale): string;
  toString(): string;
}

// Beside each slide's uses, not in them: the uses stay plain strings for whoever reads them, and
// the binder, which makes them, need not know the deck's locale to record one.
const localized = new WeakMap<ValueUses, Map<string, ShownValue>>();

/** Records that a slide shows `value` under `key`; `uses` is the slide's (none: nothing is recorded). */
export function noteUse(uses: ValueUses | undefined, key: string, value: string | number | ShownValue): void {
  if (!uses) return;
  uses.set(key, String(value));
  if (typeof value !== 'object') {
    // The same value recorded again in zh-TW words (a helper's citation after the source line's) keeps its locale.
    if (String(localized.get(uses)?.get(key)) !== String(value)) localized.get(uses)?.delete(key);
    return;
  }
  let shown = localized.get(uses);
  if (!shown) localized.set(uses, (shown = new Map()));
  shown.set(key, value);
}

/** A slide's uses as the rebuild report gives them: each value in the deck's locale. */
export function usedValues(uses: ValueUses, locale: Locale): Map<string, string> {
  const shown = localized.get(uses);
  return new Map([...uses].map(([key, value]) => [key, shown?.get(key)?.in(locale) ?? value]));
}

/** Records that a slide cites a dataset, for the rebuild report. */
export function noteCitation(uses: ValueUses, d: Dataset): void {
  noteUse(
    uses,
    `${d.id}: source`,
    shownValue((locale) => citation(d, locale), citation(d)),
  );
}

function shownValue(write: (locale: Locale) => string, zhTW: string): ShownValue {
  return { in: write, toString: () => zhTW };
}

/** `a16z.web` for the newest edition, `a16z.web@2024-08` for an older one. */
export function editionKey(d: RankingDataset, edition: RankingEdition): string {
  return `${d.id}${edition === d.editions[0] ? '' : `@${edition.asOf}`}`;
}

export function entryKey(d: RankingDataset, edition: RankingEdition, entry: RankingEntry | string): string {
  const name = typeof entry === 'string' ? entry : entry.name;
  return `${editionKey(d, edition)}: ${name}`;
}

/** "2"; "前10", "top 10" where only that is published. */
export function entryValue(entry: RankingEntry): ShownValue {
  return shownValue((locale) => locale.rank(entry), entry.rank !== undefined ? String(entry.rank) : `前${entry.within}`);
}

/** `a16z.web: DeepSeek change` → "▲3 vs 2024-08": the mark and what it is measured against. */
export function changeKey(d: RankingDataset, edition: RankingEdition, name: string): string {
  return entryKey(d, edition, `${name} change`);
}

export function changeValue(mark: string, compare: RankingEdition): string {
  return `${mark} vs ${compare.asOf}`;
}

export function itemKey(d: Dataset, item: FigureItem): string {
  return `${d.id}: ${item.key}`;
}

/** ">3800億元（未來3年）", ">¥380 billion (next 3 years)": the qualifier as its sign, the value, the period. */
export function itemValue(item: FigureItem): ShownValue {
  const sign = item.qualifier === '=' ? '' : item.qualifier;
  return shownValue(
    (locale) => {
      const value = sign + locale.value(item.value, item.unit);
      return item.period ? locale.word('chart.period', { label: value, period: item.period }) : value;
    },
    `${sign}${formatValue(item.value, item.unit)}${item.period ? `（${item.period}）` : ''}`,
  );
}

/** Entry names as a list of the report: "DeepSeek、豆包", "DeepSeek, Doubao". */
function namesValue(entries: readonly RankingEntry[]): ShownValue {
  const names = entries.map((e) => e.name);
  return shownValue((locale) => names.join(locale.word('chart.nameSeparator')), names.join('、'));
}

/** What of a chart request decides the values it shows (the `chart:` of a chart slide). */
export interface ChartUse {
  kind?: string;
  /** The ranking edition drawn (its asOf); default the newest. */
  edition?: string;
  /** The edition compared with; default the one after `edition` (the one before it in time). */
  compare?: string;
  /** Rank-change marks on a ranking. */
  changes?: boolean;
  /** Only these entries (ranking) or items (figures). */
  items?: readonly string[];
}

/**
 * Every value a chart shows: the entries of the edition it draws (with the edition's date), and
 * for a rank-change chart or one with `changes: true` the compared edition and the marks; for
 * figures, the items it draws. A request that does not fit the data records what it can; the
 * chart stage reports the problem.
 */
export function noteChartUses(uses: ValueUses, d: Dataset, chart: ChartUse): void {
  const wanted = chart.items ? new Set(chart.items) : undefined;
  if (d.type !== 'ranking') {
    for (const item of d.items) if (!wanted || wanted.has(item.key)) noteUse(uses, itemKey(d, item), itemValue(item));
    return;
  }
  const index = chart.edition === undefined ? 0 : d.editions.findIndex((e) => e.asOf === chart.edition);
  const edition = d.editions[index];
  if (!edition) return;
  const shown = edition.entries.filter((e) => !wanted || wanted.has(e.name));
  const prefix = editionKey(d, edition);
  noteUse(uses, `${prefix}: asOf`, edition.asOf);
  for (const entry of shown) noteUse(uses, entryKey(d, edition, entry), entryValue(entry));
  noteUse(uses, `${prefix}: entries`, namesValue(shown));

  if (chart.kind !== 'rank-change' && chart.changes !== true) return;
  const compare = chart.compare === undefined ? d.editions[index + 1] : d.editions.find((e) => e.asOf === chart.compare);
  if (!compare || compare === edition) return;
  const comparePrefix = editionKey(d, compare);
  noteUse(uses, `${comparePrefix}: asOf`, compare.asOf);
  for (const entry of compare.entries) noteUse(uses, entryKey(d, compare, entry), entryValue(entry));
  noteUse(uses, `${comparePrefix}: entries`, namesValue(compare.entries));
  // An edition that lists nobody gives no marks (the chart stage refuses it).
  if (compare.entries.length === 0) return;
  const changes = rankChanges(edition, compare);
  for (const entry of shown) {
    const change = changes.get(entry.name);
    if (change) noteUse(uses, changeKey(d, edition, entry.name), changeValue(formatRankChange(change), compare));
  }
}
