import type { PartialDate, Qualifier } from '../data/types.js';
import { fill, type MessageKey, type Messages } from './messages.js';

/**
 * What a deck's language decides about its generated text: numbers, dates and lists through Intl
 * (ICU), the words from the locale's catalog.
 */
export interface Locale {
  /** The deck's `lang`, as the outline gives it. */
  tag: string;
  /** What the locale is made of, as plain data: to post to a chart thread, and to hash with a chart. */
  spec: LocaleSpec;
  /** The catalog the words come from (`zh-TW` for a `zh-HK` deck). */
  catalog: string;
  /** A catalog entry with its placeholders filled. */
  word(key: MessageKey, values?: Readonly<Record<string, string | number>>): string;
  /** 380000000000 → "3800億" (zh-TW), "3800亿" (zh-CN), "380 billion" (en). */
  number(n: number, decimals?: number): string;
  /** 93 (already in percent) → "93%". */
  percent(n: number, decimals?: number): string;
  /** A value with its unit: "3800億元", "480億美元", "$48 billion", "93%". */
  value(value: number, unit: string): string;
  /** The value alone, in the same units as `value` gives it: "3800億", "48 billion", "93%". */
  amount(value: number, unit: string): string;
  /** The qualifier around a value already formatted: "超過3800億元", "more than $380 billion". */
  qualify(q: Qualifier, formatted: string): string;
  /** "2025-03-07" → "2025年3月7日", "March 7, 2025"; "2025-03" → "2025年3月", "March 2025". */
  date(d: PartialDate): string;
  /** ["a", "b", "c"] → "a、b和c", "a, b, and c". */
  list(items: readonly string[]): string;
  /** An entry's rank as a sentence shows it: "2"; "前10", "top 10" where only that is published. */
  rank(entry: { rank?: number; within?: number }): string;
  /** A rank as a label shows it: "第2", "#2", "2位"; "前10", "top 10". */
  rankLabel(entry: { rank?: number; within?: number }): string;
  /** "「…」", "“…”". */
  quote(text: string): string;
}

/** A locale as plain data (`createLocale`'s arguments): `localeFrom(spec)` makes the same locale anywhere. */
export interface LocaleSpec {
  tag: string;
  catalog: string;
  words: Messages;
  intl: string;
}

/** The locale a spec describes (a chart thread's copy of the deck's). */
export function localeFrom(spec: LocaleSpec): Locale {
  return createLocale(spec.tag, spec.catalog, spec.words, spec.intl);
}

const ISO_CURRENCY = /^[A-Z]{3}$/;

/** The locale of `tag` with the words of a catalog; `words.intl` is Intl's locale where `tag` is not one the catalog was written for. */
export function createLocale(tag: string, catalog: string, words: Messages, intlTag: string): Locale {
  const compactFrom = Number(words.compactFrom) || 0;
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const number = (n: number, decimals = 1) => {
    const compact = Math.abs(n) >= compactFrom;
    const key = `${compact}${decimals}`;
    let f = numberFormats.get(key);
    if (!f) {
      f = new Intl.NumberFormat(intlTag, { maximumFractionDigits: decimals, minimumFractionDigits: 0, ...(compact ? { notation: 'compact', compactDisplay: 'long' } : {}) });
      numberFormats.set(key, f);
    }
    return f.format(n);
  };
  // Each Intl object costs ICU data on first use: made when a deck first needs it.
  const percentFormat = once(() => new Intl.NumberFormat(intlTag, { style: 'percent', maximumFractionDigits: 1, minimumFractionDigits: 0 }));
  const percent = (n: number, decimals = 1) => (decimals === 1 ? percentFormat() : new Intl.NumberFormat(intlTag, { style: 'percent', maximumFractionDigits: decimals })).format(n / 100);
  const currencyNames = once(() => new Intl.DisplayNames(intlTag, { type: 'currency' }));
  const word = (key: MessageKey, values: Readonly<Record<string, string | number>> = {}) => fill(words[key], values);
  const money = (value: number, code: string) => {
    const symbol = new Intl.NumberFormat(intlTag, { style: 'currency', currency: code, currencyDisplay: 'narrowSymbol' }).formatToParts(0).find((p) => p.type === 'currency')?.value ?? code;
    return word('number.money', { amount: number(value), symbol, currency: currencyNames().of(code) ?? code, code });
  };
  const dates = {
    day: once(() => new Intl.DateTimeFormat(intlTag, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })),
    month: once(() => new Intl.DateTimeFormat(intlTag, { year: 'numeric', month: 'long', timeZone: 'UTC' })),
    year: once(() => new Intl.DateTimeFormat(intlTag, { year: 'numeric', timeZone: 'UTC' })),
  };
  const lists = once(() => new Intl.ListFormat(intlTag, { type: 'conjunction' }));
  const rank = (e: { rank?: number; within?: number }) => (e.rank !== undefined ? String(e.rank) : word('rank.within', { n: e.within ?? '' }));
  const QUALIFIERS: Record<Qualifier, MessageKey | undefined> = { '=': undefined, '>': 'qualifier.more', '<': 'qualifier.less', '~': 'qualifier.about' };
  return {
    tag,
    spec: { tag, catalog, words, intl: intlTag },
    catalog,
    word,
    number,
    percent,
    amount: (value, unit) => (unit === '%' ? percent(value) : number(value)),
    value: (value, unit) => (unit === '%' ? percent(value) : ISO_CURRENCY.test(unit) ? money(value, unit) : unit ? word('number.unit', { amount: number(value), unit }) : number(value)),
    qualify: (q, formatted) => {
      const key = QUALIFIERS[q];
      return key ? word(key, { value: formatted }) : formatted;
    },
    date: (d) => {
      const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(d);
      if (!m) return d;
      const [, y, mo, day] = m;
      const at = new Date(Date.UTC(Number(y), Number(mo ?? 1) - 1, Number(day ?? 1)));
      return (day ? dates.day : mo ? dates.month : dates.year)().format(at);
    },
    list: (items) => lists().format(items),
    rank,
    rankLabel: (e) => (e.rank !== undefined ? word('rank.exact', { rank: e.rank }) : rank(e)),
    quote: (text) => word('quote', { text }),
  };
}

function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => {
    made ??= make();
    return made;
  };
}
