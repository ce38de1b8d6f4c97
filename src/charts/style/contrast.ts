import type { HexColor } from '../../load/theme/theme.js';

/** WCAG 2 relative luminance of a six-digit hex colour (with or without `#`). */
export function luminance(hex: HexColor): number {
  const [r, g, b] = rgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio, 1–21. AA asks 4.5 for text, 3 for large text and graphics. */
export function contrast(a: HexColor, b: HexColor): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * `fg`, darkened or lightened (towards black or white, whichever `bg` contrasts with more)
 * just enough to reach `ratio` against `bg`; unchanged when it already does.
 */
export function ensureContrast(fg: HexColor, bg: HexColor, ratio: number): HexColor {
  if (contrast(fg, bg) >= ratio) return norm(fg);
  const towards = contrast('000000', bg) >= contrast('FFFFFF', bg) ? [0, 0, 0] : [255, 255, 255];
  const from = rgb(fg);
  for (let t = 0.05; t < 1; t += 0.05) {
    const mixed = hex(from.map((c, i) => c + ((towards[i] ?? 0) - c) * t));
    if (contrast(mixed, bg) >= ratio) return mixed;
  }
  return hex(towards);
}

/** White or the dark text colour, whichever reads better on `fill`. */
export function textOn(fill: HexColor, dark: HexColor): HexColor {
  return contrast('FFFFFF', fill) >= contrast(dark, fill) ? 'FFFFFF' : norm(dark);
}

/** `a` mixed with `b`: `t` = 0 gives `a`, 1 gives `b`. */
export function mix(a: HexColor, b: HexColor, t: number): HexColor {
  const x = rgb(a);
  const y = rgb(b);
  return hex(x.map((c, i) => c + ((y[i] ?? 0) - c) * t));
}

/** `#RRGGBB`, as ECharts wants it. */
export function css(c: HexColor): string {
  return `#${norm(c)}`;
}

function norm(c: HexColor): HexColor {
  return c.replace(/^#/, '').toUpperCase();
}

function rgb(c: HexColor): number[] {
  const h = norm(c);
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
}

function hex(parts: number[]): HexColor {
  return parts
    .map((c) =>
      Math.round(Math.max(0, Math.min(255, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')
    .toUpperCase();
}
