/**
 * Colour contrast as WCAG 2.x defines it (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio):
 * the relative luminance of each sRGB colour, and their ratio, (L1 + 0.05) / (L2 + 0.05).
 */

/** The relative luminance of a colour given as six hex digits (`1B2333`), 0 for black to 1 for white. */
export function relativeLuminance(hex: string): number {
  const n = Number.parseInt(hex.replace(/^#/, ''), 16);
  const channel = (shift: number): number => {
    const c = ((n >> shift) & 0xff) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
}

/** The contrast ratio of two colours, from 1 (the same) to 21 (black on white); order does not matter. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Large text in WCAG's sense: at least 18 pt, or 14 pt bold. */
export function isLargeText(sizePt: number, bold: boolean): boolean {
  return sizePt >= 18 || (bold && sizePt >= 14);
}

/** The ratio WCAG AA asks for (success criterion 1.4.3): 3:1 for large text, 4.5:1 for the rest. */
export function requiredContrast(sizePt: number, bold: boolean): number {
  return isLargeText(sizePt, bold) ? 3 : 4.5;
}

/** A ratio as people write it, 2.72:1; rounded down where rounding would reach `needed`, so a ratio just under it never shows as it. */
export function formatRatio(ratio: number, needed = Number.POSITIVE_INFINITY): string {
  const rounded = Math.round(ratio * 100) / 100;
  return `${(rounded >= needed && ratio < needed ? Math.floor(ratio * 100) / 100 : rounded).toFixed(2)}:1`;
}
