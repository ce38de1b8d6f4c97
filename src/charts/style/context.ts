import type { HexColor, Theme } from '../../load/theme/theme.js';
import { css, ensureContrast } from './contrast.js';
import type { Measure } from '../render/font-metrics.js';
import type { Locale } from '../../locale/locale.js';

/** CSS pixels per inch: a 13.333 in slide is 1280 px wide. */
export const PX_PER_INCH = 96;

/** What an option builder may use besides the data: the theme, the size, real text widths, the deck's words and numbers. */
export interface ChartContext {
  theme: Theme;
  /** The deck's locale: every word the chart draws, and its numbers and dates. */
  locale: Locale;
  /** The chart's size in CSS pixels (1×). */
  width: number;
  height: number;
  measure: Measure;
}

/** Sizes (CSS px at 1×) and colours (`#RRGGBB`) every chart kind draws with. */
export interface ChartStyle {
  font: string;
  /** Entry names and value labels. A projector needs at least 14 px at 1×; 16 is the floor here. */
  text: number;
  /** Axis ticks, captions, footnotes. */
  small: number;
  title: number;
  lineHeight: number;
  pad: number;
  color: {
    background: string;
    text: string;
    /** Muted text, darkened if needed to reach 4.5:1 on the background. */
    muted: string;
    accent: string;
    /** The accent as a text colour on the background (4.5:1). */
    accentText: string;
    accent2: string;
    /** Bars and dots that are not highlighted (dots reach 3:1, as graphics should). */
    subdued: string;
    subduedMark: string;
    grid: string;
    /** A light tint for bands and tracks. */
    tint: string;
    up: string;
    down: string;
  };
}

/**
 * The style of a chart in a box of `size` CSS px: text from the theme's small size (at least
 * 16 px), a fifth larger in a box about the slide's width, where it is read from further away
 * relative to the rest of the slide.
 */
export function chartStyle(theme: Theme, size?: { width: number; height: number }): ChartStyle {
  const c = theme.colors;
  const bg = c.background;
  const large = size !== undefined && size.width >= 900 && size.height >= 360;
  const text = Math.round(Math.max(16, (theme.sizes.small * 4) / 3) * (large ? 1.2 : 1));
  const small = Math.max(14, text - 3);
  const textColor = (h: HexColor) => css(ensureContrast(h, bg, 4.5));
  return {
    font: theme.fonts.chartFamily,
    text,
    small,
    title: text + 4,
    lineHeight: Math.round(text * 1.35),
    pad: 12,
    color: {
      background: css(bg),
      text: textColor(c.text),
      muted: textColor(c.muted),
      accent: css(c.accent),
      accentText: textColor(c.accent),
      accent2: css(c.accent2),
      subdued: css(c.subdued),
      subduedMark: css(ensureContrast(c.subdued, bg, 3)),
      grid: css(c.grid),
      tint: css(ensureContrast(c.grid, bg, 1.15)),
      up: textColor(c.up),
      down: textColor(c.down),
    },
  };
}

/**
 * Spreads labels vertically so that no two are closer than `gap`, each as near its wanted
 * position as the others allow (clusters centre on their anchors), kept within [lo, hi] when
 * they fit. Returns positions in the input's order, and whether they fit.
 */
export function spreadLabels(wanted: readonly number[], gap: number, lo: number, hi: number): { ys: number[]; fits: boolean } {
  const order = wanted.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  interface Block {
    first: number;
    count: number;
    start: number;
  }
  const blocks: Block[] = [];
  const fits = (order.length - 1) * gap <= hi - lo + 0.5;
  const place = (b: Block) => {
    let sum = 0;
    for (let k = 0; k < b.count; k++) sum += (order[b.first + k]?.y ?? 0) - k * gap;
    const start = sum / b.count;
    b.start = fits ? Math.min(Math.max(start, lo), hi - (b.count - 1) * gap) : Math.max(start, lo);
  };
  order.forEach((_, k) => {
    const b: Block = { first: k, count: 1, start: 0 };
    place(b);
    blocks.push(b);
    for (;;) {
      const last = blocks[blocks.length - 1];
      const prev = blocks[blocks.length - 2];
      if (!last || !prev || prev.start + prev.count * gap <= last.start + 1e-9) break;
      blocks.pop();
      prev.count += last.count;
      place(prev);
    }
  });
  const ys = new Array<number>(wanted.length).fill(0);
  for (const b of blocks) {
    for (let k = 0; k < b.count; k++) {
      const o = order[b.first + k];
      if (o) ys[o.i] = b.start + k * gap;
    }
  }
  return { ys, fits };
}

/**
 * Breaks a label into lines no wider than `max`: first before a full-width bracket
 * ("阿里巴巴（未來3年）" → "阿里巴巴" / "（未來3年）"), else between CJK characters or Latin words.
 */
export function wrapLabel(text: string, max: number, size: number, measure: Measure, bold = false): string[] {
  const fits = (s: string) => measure(s, size, bold) <= max;
  if (fits(text)) return [text];
  const bracket = text.search(/[（(]/);
  if (bracket > 0) {
    const head = text.slice(0, bracket);
    const tail = text.slice(bracket);
    if (fits(head) && fits(tail)) return [head, tail];
  }
  const tokens = text.match(/[A-Za-z0-9.%#+-]+\s*|\s+|./gsu) ?? [text];
  const lines: string[] = [];
  let line = '';
  for (const t of tokens) {
    // Line-breaking rules (kinsoku): a closing mark never starts a line, an opening one never ends it.
    if (line && !fits(line + t.trimEnd()) && !CLOSERS.includes(t)) {
      const opener = OPENERS.includes(line.slice(-1)) && line.length > 1 ? line.slice(-1) : '';
      lines.push(line.slice(0, line.length - opener.length).trimEnd());
      line = opener + t.trimStart();
    } else line += t;
  }
  if (line) lines.push(line.trimEnd());
  return lines;
}

const OPENERS = '（(「『〔【《〈';
const CLOSERS = '）)」』〕】》〉、，。：；！？,.:;!?';

/** The widest of `lines` in px. */
export function widest(lines: readonly string[], size: number, measure: Measure, bold = false): number {
  return lines.reduce((w, l) => Math.max(w, measure(l, size, bold)), 0);
}

/** Keeps text from being read as ECharts rich-text markup (`{style|text}`). */
/** What every chart option starts with: no animation (a still picture), the theme's background and text. */
export function baseOption(s: ChartStyle): { animation: false; backgroundColor: string; textStyle: { fontFamily: string; fontSize: number; color: string } } {
  return { animation: false, backgroundColor: s.color.background, textStyle: { fontFamily: s.font, fontSize: s.text, color: s.color.text } };
}

export function plain(text: string): string {
  return text.replace(/[{}|]/g, (ch) => ({ '{': '｛', '}': '｝', '|': '｜' })[ch] ?? ch);
}

/** The option's `title` block, when the request asks for a title in the chart. */
export function titleBlock(title: string | undefined, s: ChartStyle): { height: number; option?: object } {
  if (!title) return { height: 0 };
  return {
    height: Math.round(s.title * 1.4) + 8,
    option: {
      text: plain(title),
      left: s.pad,
      top: s.pad,
      textStyle: { fontFamily: s.font, fontSize: s.title, fontWeight: 'bold', color: s.color.text },
    },
  };
}

/** Round a number of px to a half pixel for stable snapshots. */
export function px(n: number): number {
  return Math.round(n * 2) / 2;
}
