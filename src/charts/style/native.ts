import { formatNumber } from '../../data/format.js';
import type { Theme } from '../../load/theme/theme.js';
import type { ChartStyle } from './context.js';
import type { NativeChart } from '../types.js';

/** A native chart before its alt text and hash are added. */
export type NativeSpec = Omit<NativeChart, 'type' | 'altText' | 'hash'>;

const UNIT_SIZES: Record<string, number> = { 兆: 1e12, 萬億: 1e12, 億: 1e8, 萬: 1e4 };

/**
 * Excel number formats that show a raw value in a Chinese unit. A format scales only by
 * thousands (each `,` after the digits divides by 1000), so 萬 and 億 divide by 10^3 and 10^6
 * and put the decimal point in as a literal (`!.`) one or two digits from the end: the trick
 * Chinese Excel users write for 萬. 兆 is 10^12, four commas.
 */
const UNIT_FORMATS: Record<string, string> = { 兆: '0.0,,,,', 萬億: '0.0,,,,', 億: '0!.00,,', 萬: '0!.0,' };

/**
 * The Chinese unit that `formatNumber` would write `max` in, its size, and the number format
 * that shows raw values in it with `suffix` after the unit (`format('元')` → `0!.00,,"億元"`).
 * A native chart should store the raw numbers (so "Edit Data" shows what the source says) and
 * label them with `format`; `inUnit` divides them, for charts that still store values in units.
 */
export function scaledUnit(max: number): { unit: string; size: number; format(suffix?: string): string } {
  const unit = /(萬億|兆|億|萬)$/.exec(formatNumber(max))?.[1] ?? '';
  const code = UNIT_FORMATS[unit];
  const quoted = (text: string) => (text ? `"${text.replace(/"/g, '')}"` : '');
  return { unit, size: UNIT_SIZES[unit] ?? 1, format: (suffix = '') => `${code ?? 'General'}${quoted(unit + suffix)}` };
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
