import { formatNumber } from '../../data/format.js';
import type { Theme } from '../../load/theme/theme.js';
import type { ChartStyle } from './context.js';
import type { NativeChart } from '../types.js';

/** A native chart before its alt text and hash are added. */
export type NativeSpec = Omit<NativeChart, 'type' | 'altText' | 'hash'>;

const UNIT_SIZES: Record<string, number> = { 萬億: 1e12, 億: 1e8, 萬: 1e4 };

/**
 * The Chinese unit that `formatNumber` would write `max` in, and its size: native charts hold
 * numbers, so values are divided by it and the unit goes into the number format ("3800億").
 */
export function scaledUnit(max: number): { unit: string; size: number } {
  const unit = /(萬億|億|萬)$/.exec(formatNumber(max))?.[1] ?? '';
  return { unit, size: UNIT_SIZES[unit] ?? 1 };
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
