import { formatNumber } from '../../data/format.js';
import type { Theme } from '../../load/theme/theme.js';
import type { Locale } from '../../locale/locale.js';
import type { ChartStyle } from './context.js';
import type { NativeChart } from '../types.js';

/** A native chart before its alt text and hash are added. */
export type NativeSpec = Omit<NativeChart, 'type' | 'altText' | 'hash'>;

const UNIT_SIZES: Record<string, number> = { 兆: 1e12, 萬億: 1e12, 億: 1e8, 萬: 1e4 };

/**
 * Excel number formats that show a raw value in a Chinese unit. A format scales only by
 * thousands (each `,` after the digits divides by 1000), so 萬 and 億 divide by 10^3 and 10^6
 * and put the decimal point in as a literal (`\.`) one or two digits from the end: the trick
 * Chinese Excel users write for 萬 (escaped with `\`: LibreOffice prints `!.` as it is). 兆 is 10^12, four commas.
 */
const UNIT_FORMATS: Record<string, string> = { 兆: '0.0,,,,', 萬億: '0.0,,,,', 億: '0\\.00,,', 萬: '0\\.0,' };

/** A unit a chart's numbers are shown in, and the number format that shows raw values in it. */
export interface ScaledUnit {
  /** The unit's word ("億", "billion"); empty when numbers are shown as they are. */
  unit: string;
  /** How much one of the unit is (10^8 for 億). */
  size: number;
  /**
   * An Excel number format that shows a raw value in the unit, with the data's unit: "3800.00億元"
   * (`0\.00,,"億元"`), "$48.0 billion" (`"$"0.0,,," billion"`). `decimals` where the unit's size is a
   * power of 1000 (elsewhere the literal point fixes them).
   */
  format(dataUnit?: string, decimals?: number): string;
}

/**
 * The unit `max` is written in, and how to show raw values in it. With `locale`, the unit Intl's
 * compact notation writes `max` in (and the value's own words around it, from the catalog: a
 * currency's symbol, a unit after the number); without, Taiwan's Chinese units (`formatNumber`).
 * A native chart stores the raw numbers (so "Edit Data" shows what the source says) and labels
 * them with `format`; `inUnit` divides them, for what is drawn in the unit (a picture's bars).
 */
export function scaledUnit(max: number, locale?: Locale): ScaledUnit {
  if (locale) return localeUnit(max, locale);
  const unit = /(萬億|兆|億|萬)$/.exec(formatNumber(max))?.[1] ?? '';
  const code = UNIT_FORMATS[unit];
  return { unit, size: UNIT_SIZES[unit] ?? 1, format: (suffix = '') => `${code ?? 'General'}${quoted(unit + suffix)}` };
}

/** The compact unit of `max` in `locale`: the smallest power of ten Intl writes with the same word. */
function localeUnit(max: number, locale: Locale): ScaledUnit {
  const abs = Math.abs(max);
  const compact = new Intl.NumberFormat(locale.spec.intl, { notation: 'compact', compactDisplay: 'long' });
  const wordOf = (n: number) => compact.formatToParts(n).find((p) => p.type === 'compact')?.value ?? '';
  const unit = abs >= (Number(locale.spec.words.compactFrom) || 0) ? wordOf(abs) : '';
  let exponent = 0;
  if (unit) for (let k = Math.floor(Math.log10(abs)); k >= 1 && wordOf(10 ** k) === unit; k--) exponent = k;
  if (!exponent) {
    return { unit: '', size: 1, format: (dataUnit = '') => `${quoted(affixes(abs, dataUnit, locale).before)}General${quoted(affixes(abs, dataUnit, locale).after)}` };
  }
  // The number's own text around the digits: " billion" in English, "億" in Chinese.
  const parts = compact.formatToParts(abs);
  const digits = parts.map((p, i) => (NUMERIC.has(p.type) ? i : -1)).filter((i) => i >= 0);
  const head = parts
    .slice(0, digits[0])
    .map((p) => p.value)
    .join('');
  const tail = parts
    .slice((digits.at(-1) ?? 0) + 1)
    .map((p) => p.value)
    .join('');
  const commas = ','.repeat(Math.floor(exponent / 3));
  const shift = exponent % 3;
  return {
    unit,
    size: 10 ** exponent,
    format: (dataUnit = '', decimals = 1) => {
      const digitsCode = shift ? `0\\.${'0'.repeat(shift)}` : decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
      const around = affixes(abs, dataUnit, locale);
      return `${quoted(around.before + head)}${digitsCode}${commas}${quoted(tail + around.after)}`;
    },
  };
}

const NUMERIC = new Set(['integer', 'group', 'decimal', 'fraction', 'minusSign', 'plusSign']);

/** What `locale.value` writes before and after the number: "$" (USD in English), "元" (zh-TW). */
function affixes(n: number, dataUnit: string, locale: Locale): { before: string; after: string } {
  if (!dataUnit) return { before: '', after: '' };
  const number = locale.number(n);
  const full = locale.value(n, dataUnit);
  const at = full.indexOf(number);
  return at < 0 ? { before: '', after: dataUnit } : { before: full.slice(0, at), after: full.slice(at + number.length) };
}

/** Text as an Excel format's literal: quoted, without quotes of its own. */
function quoted(text: string): string {
  return text ? `"${text.replace(/"/g, '')}"` : '';
}

/** Decimals a power-of-1000 unit needs for `values`: none when every value is a whole number of it. */
export function decimalsFor(values: readonly number[], size: number): number {
  return values.every((v) => Number.isInteger(Number((v / size).toFixed(6)))) ? 0 : 1;
}

/** `value` in `size` units, without float noise (0.30000000000000004 → 0.3). */
export function inUnit(value: number, size: number): number {
  return Number((value / size).toPrecision(12));
}

/**
 * Options every native chart shares: fonts (the East Asian face: pptxgenjs writes chart fonts
 * only to `<a:latin>`, upstream #1420, so the emit stage should add `<a:ea>`), sizes in points,
 * theme colours, value labels, no legend, no value axis (the labels carry the numbers). The
 * finish stage gives their text the deck's `lang`.
 */
export function nativeBase(theme: Theme, s: ChartStyle): Record<string, unknown> {
  const face = theme.fonts.eastAsian;
  const size = Math.max(12, theme.sizes.small);
  const hex = (c: string) => c.replace(/^#/, '');
  return {
    showLegend: false,
    showTitle: false,
    showValue: true,
    dataLabelFontFace: face,
    dataLabelFontSize: size,
    dataLabelFontBold: true,
    dataLabelColor: hex(s.color.text),
    catAxisLabelFontFace: face,
    catAxisLabelFontSize: size,
    catAxisLabelColor: hex(s.color.text),
    catAxisLineColor: hex(s.color.subduedMark),
    catGridLine: { style: 'none' },
    valAxisHidden: true,
    valGridLine: { style: 'none' },
    barGapWidthPct: 60,
  };
}
