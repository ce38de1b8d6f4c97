import type { HelperOptions } from 'handlebars';
import { citation } from '../data/citation.js';
import type { FigureItem, FiguresDataset, RankingDataset, RankingEdition, RankingEntry } from '../data/types.js';
import { datasetAsOf } from '../data/types.js';
import { formatRankChange, nameKey, rankChanges, type RankChange } from '../data/rank-change.js';
import { changeKey, changeValue, entryKey, entryValue, itemKey, itemValue, noteCitation, noteUse, type ValueUses } from '../data/uses.js';
import type { Locale } from '../locale/locale.js';
import type { MessageKey } from '../locale/messages.js';
import { MESSAGE_KEYS } from '../locale/messages.js';
import { didYouMean } from '../text/suggest.js';
import { BUILT_IN_CATALOGS } from '../load/locale/load-catalog.js';
import { resolveLocale } from '../locale/resolve-locale.js';
import { datasetOf, describe } from './data-context.js';
import { TemplateError } from './template-error.js';

/**
 * The Handlebars helpers an outline's strings may call. Each checks its arguments and throws a
 * TemplateError that the binder locates at the call. The values a helper reads are recorded in
 * the slide's uses, which the binder passes to each render as `data.uses`.
 */
export const helpers = {
  /** `{{rank a16z.web "DeepSeek"}}` → "2"; "前10" where only "in the top 10" is published. */
  rank(ds: unknown, name: unknown, options: HelperOptions): string {
    const d = ranking(ds, 'rank');
    const e = edition(d, options);
    const entry = findEntry(d, e, text(name, 'rank', 'an entry name'));
    noteUse(usesOf(options), entryKey(d, e, entry), entryValue(entry));
    return localeOf(options).rank(entry);
  },
  /** `{{value capex.spending "alibaba"}}` → "3800億" ("380 billion" in English); percentages → "93%". In the units `figure` gives. */
  value(ds: unknown, key: unknown, options: HelperOptions): string {
    const item = findItem(figures(ds, 'value'), text(key, 'value', 'an item key'), options);
    return localeOf(options).amount(item.value, item.unit);
  },
  /** `{{figure capex.spending "alibaba"}}` → "超過3800億元", "more than $48 billion". */
  figure(ds: unknown, key: unknown, options: HelperOptions): string {
    const item = findItem(figures(ds, 'figure'), text(key, 'figure', 'an item key'), options);
    const locale = localeOf(options);
    return locale.qualify(item.qualifier, locale.value(item.value, item.unit));
  },
  label(ds: unknown, key: unknown, options: HelperOptions): string {
    return findItem(figures(ds, 'label'), text(key, 'label', 'an item key'), options).label;
  },
  period(ds: unknown, key: unknown, options: HelperOptions): string {
    const item = findItem(figures(ds, 'period'), text(key, 'period', 'an item key'), options);
    if (item.period === undefined) throw new TemplateError('TEMPLATE_HELPER_ARGUMENT', `item '${item.key}' has no period`, 'add `period:` to the item in the data file');
    // A period that is a date ("2024", "2024-09") is written as the locale writes dates; words ("未來3年") as they are.
    return DATE.test(item.period) ? localeOf(options).date(item.period) : item.period;
  },
  /** `{{num 100000}}` → "10萬", "100,000"; `{{num 1234567}}` → "123.5萬", "1.2 million". */
  num(n: unknown, options: HelperOptions): string {
    return localeOf(options).number(number(n, 'num'));
  },
  percent(n: unknown, options: HelperOptions): string {
    return localeOf(options).percent(number(n, 'percent'));
  },
  /** `{{date "2025-03-07"}}` → "2025年3月7日", "March 7, 2025". */
  date(d: unknown, options: HelperOptions): string {
    const s = text(d, 'date', 'a date such as "2025-03-07"');
    if (!DATE.test(s)) throw new TemplateError('TEMPLATE_HELPER_ARGUMENT', `'date' needs a date YYYY, YYYY-MM or YYYY-MM-DD, not "${s}"`);
    return localeOf(options).date(s);
  },
  /** `{{asOf a16z.web}}` → "2025年3月", "March 2025". */
  asOf(ds: unknown, options: HelperOptions): string {
    const d = datasetOf(ds, 'asOf');
    noteUse(usesOf(options), `${d.id}: asOf`, datasetAsOf(d));
    return localeOf(options).date(datasetAsOf(d));
  },
  /** `{{cite a16z.web}}` → "a16z《…》，2025年3月". */
  cite(ds: unknown, options: HelperOptions): string {
    const d = datasetOf(ds, 'cite');
    const uses = usesOf(options);
    if (uses) noteCitation(uses, d);
    return citation(d, localeOf(options));
  },
  /** `{{word "sources.label"}}` → "資料來源：", "Sources: ": a word of the deck's catalog, for partials. */
  word(key: unknown, options: HelperOptions): string {
    const k = text(key, 'word', 'a catalog key such as "sources.label"');
    if (!(MESSAGE_KEYS as readonly string[]).includes(k)) throw new TemplateError('TEMPLATE_HELPER_ARGUMENT', `no catalog key '${k}'`, didYouMean(k, MESSAGE_KEYS));
    return localeOf(options).word(k as MessageKey, Object.fromEntries(Object.entries(options.hash ?? {}).map(([n, v]) => [n, String(v)])));
  },
  /** `{{count a16z.web group="china"}}` → how many entries of the newest edition (in a group). */
  count(ds: unknown, options: HelperOptions): string {
    const d = ranking(ds, 'count');
    const group = options.hash.group as unknown;
    if (group !== undefined && (typeof group !== 'string' || !(group in d.groups))) {
      throw new TemplateError('TEMPLATE_HELPER_ARGUMENT', `${d.id} has no group '${String(group)}'`, didYouMean(String(group), Object.keys(d.groups)));
    }
    const e = edition(d, options);
    const n = group === undefined ? e.entries.length : e.entries.filter((x) => x.group === group).length;
    noteUse(usesOf(options), entryKey(d, e, group === undefined ? 'count' : `count ${String(group)}`), n);
    return String(n);
  },
  /**
   * `{{change a16z.web "DeepSeek"}}` → "▲3", "▼2", "—" or "NEW": how the entry moved since the
   * edition before (`compare="2024-08"` names another older one; `edition=` the later one).
   * An entry whose rank is not published in one of the two editions has no change to show.
   */
  change(ds: unknown, name: unknown, options: HelperOptions): string {
    const d = ranking(ds, 'change');
    const e = edition(d, options);
    const entry = findEntry(d, e, text(name, 'change', 'an entry name'));
    const before = compareEdition(d, e, options);
    const moved = rankChangeOf(d, e, before, entry);
    const mark = moved.kind === 'new' ? localeOf(options).word('change.new') : formatRankChange(moved);
    noteUse(usesOf(options), entryKey(d, e, entry), entryValue(entry));
    noteUse(usesOf(options), changeKey(d, e, entry.name), changeValue(mark, before));
    return mark;
  },
};

export type HelperName = keyof typeof helpers;

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

let zhTW: Locale | undefined;

/** The deck's locale, as the binder passes it (`data.locale`); a zh-TW deck's where none is given. */
function localeOf(options: HelperOptions | undefined): Locale {
  const given = (options?.data as { locale?: Locale } | undefined)?.locale;
  if (given) return given;
  zhTW ??= resolveLocale('zh-TW', BUILT_IN_CATALOGS, { file: 'templates/locales/zh-TW.yaml' }).locale as Locale;
  return zhTW;
}

/** The uses of the slide being rendered, as the binder passes them (`data.uses`). */
function usesOf(options: HelperOptions | undefined): ValueUses | undefined {
  return (options?.data as { uses?: ValueUses } | undefined)?.uses;
}

function ranking(ds: unknown, helper: string): RankingDataset {
  const d = datasetOf(ds, helper);
  if (d.type !== 'ranking') throw new TemplateError('TEMPLATE_HELPER_ARGUMENT', `'${helper}' needs a ranking, but ${d.id} holds figures`);
  return d;
}

function figures(ds: unknown, helper: string): FiguresDataset {
  const d = datasetOf(ds, helper);
  if (d.type !== 'figures') throw new TemplateError('TEMPLATE_HELPER_ARGUMENT', `'${helper}' needs figures, but ${d.id} is a ranking`, `use {{rank ${d.id} "name"}}`);
  return d;
}

function edition(d: RankingDataset, options: HelperOptions): RankingEdition {
  const asOf = options.hash.edition as unknown;
  if (asOf === undefined) return d.editions[0] as RankingEdition;
  const found = d.editions.find((e) => e.asOf === String(asOf));
  if (!found) {
    throw new TemplateError('TEMPLATE_UNKNOWN_EDITION', `${d.id} has no edition '${String(asOf)}'`, `editions: ${d.editions.map((e) => e.asOf).join(', ')}`);
  }
  return found;
}

function findEntry(d: RankingDataset, e: RankingEdition, name: string) {
  const entry = e.entries.find((x) => x.name === name);
  if (!entry) {
    throw new TemplateError(
      'TEMPLATE_UNKNOWN_ENTRY',
      `${d.id} ${e.asOf} has no entry '${name}'`,
      didYouMean(
        name,
        e.entries.map((x) => x.name),
      ),
    );
  }
  return entry;
}

/** The older edition `change` compares with: `compare=`, or the one just before `e`. */
function compareEdition(d: RankingDataset, e: RankingEdition, options: HelperOptions): RankingEdition {
  const at = d.editions.indexOf(e);
  const asked = options.hash.compare as unknown;
  const older = d.editions.slice(at + 1);
  let before: RankingEdition | undefined;
  if (asked === undefined) {
    before = older[0];
    if (!before) {
      throw new TemplateError(
        'TEMPLATE_HELPER_ARGUMENT',
        `'change' needs an edition of ${d.id} before ${e.asOf} to compare with, and there is none`,
        'add the previous edition to the data file, or show the rank with {{rank}}',
      );
    }
  } else {
    before = d.editions.find((x) => x.asOf === String(asked));
    if (!before) {
      throw new TemplateError('TEMPLATE_UNKNOWN_EDITION', `${d.id} has no edition '${String(asked)}' to compare with`, `editions: ${d.editions.map((x) => x.asOf).join(', ')}`);
    }
    if (!older.includes(before)) {
      throw new TemplateError(
        'TEMPLATE_HELPER_ARGUMENT',
        `'change' compares with an older edition, and ${before.asOf} is not older than ${e.asOf}`,
        older.length ? `older editions of ${d.id}: ${older.map((x) => x.asOf).join(', ')}` : `${e.asOf} is the oldest edition of ${d.id}`,
      );
    }
  }
  if (before.entries.length === 0) {
    const others = older.filter((x) => x.entries.length > 0).map((x) => x.asOf);
    throw new TemplateError(
      'TEMPLATE_HELPER_ARGUMENT',
      `the ${before.asOf} edition of ${d.id} lists no entries (its source gives no ranks), so no rank change can be given against it`,
      others.length
        ? `compare with an edition that lists entries: ${others.map((x) => `compare="${x}"`).join(', ')}`
        : `say in words what the source says about ${before.asOf}${before.note ? ` (the data notes: ${before.note})` : ''}`,
    );
  }
  return before;
}

/** The entry's change from `before` to `e`, or an error saying why there is none. */
function rankChangeOf(d: RankingDataset, e: RankingEdition, before: RankingEdition, entry: RankingEntry): RankChange {
  const change = rankChanges(e, before).get(entry.name);
  if (change) return change;
  const was = before.entries.find((x) => nameKey(x.name) === nameKey(entry.name));
  const where = entry.rank === undefined ? `${e.asOf} gives it only as ${entryValue(entry)}` : `${before.asOf} gives it only as ${was ? entryValue(was) : 'unranked'}`;
  throw new TemplateError(
    'TEMPLATE_HELPER_ARGUMENT',
    `'${entry.name}' has no exact rank in both ${before.asOf} and ${e.asOf} of ${d.id} (${where}), so its change is not known`,
    `show the ranks instead: {{rank ${d.id} "${entry.name}"}}`,
  );
}

function findItem(d: FiguresDataset, key: string, options: HelperOptions): FigureItem {
  const item = d.items.find((i) => i.key === key);
  if (!item)
    throw new TemplateError(
      'TEMPLATE_UNKNOWN_ITEM',
      `${d.id} has no item '${key}'`,
      didYouMean(
        key,
        d.items.map((i) => i.key),
      ),
    );
  noteUse(usesOf(options), itemKey(d, item), itemValue(item));
  return item;
}

function text(v: unknown, helper: string, what: string): string {
  if (typeof v !== 'string' && typeof v !== 'number') {
    throw new TemplateError('TEMPLATE_HELPER_ARGUMENT', `'${helper}' needs ${what}, not ${describe(v)}`);
  }
  return String(v);
}

function number(v: unknown, helper: string): number {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n)) {
    throw new TemplateError('TEMPLATE_HELPER_ARGUMENT', `'${helper}' needs a number, not ${describe(v)}`);
  }
  return n;
}
