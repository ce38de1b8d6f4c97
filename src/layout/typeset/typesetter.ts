import type { FontFile } from './font-file.js';
import { breakPoints, isWide, NO_LINE_START, type BreakPoint } from './breaks.js';
import { measuredFaces, type FacePair } from './stand-ins.js';

/** One line of a wrapped paragraph: `text.slice(start, end)`, its width in ems without trailing spaces. */
export interface SetLine {
  start: number;
  end: number;
  widthEm: number;
}

/** Measures and breaks text as the deck's fonts and language set it. */
export interface Typesetter {
  /** Width of `text` in ems (multiply by the size in points for points). */
  widthEm(text: string, bold?: boolean): number;
  /** The pieces a line may break between. */
  units(text: string): string[];
  /**
   * The lines of one paragraph line (no newline) in a measure `maxEm` wide: phrases kept whole
   * where they fit, no last line of a single character or short word where a break can move,
   * and `balance`d lines (titles) where two lines are needed.
   */
  lines(text: string, maxEm: number, opts?: { bold?: boolean; balance?: boolean }): SetLine[];
  /** The files measured (for `check --format json`). */
  fonts: { latin: FacePair['files']; eastAsian: FacePair['files'] };
}

export interface TypesetterFonts {
  latin: string;
  eastAsian: string;
  chartRegular: string;
  chartBold: string;
}

const made = new Map<string, Typesetter>();

/** The typesetter of a theme's fonts and a deck's language; one per pair for the process. */
export function typesetterFor(fonts: TypesetterFonts, lang: string): Typesetter {
  const key = [fonts.latin, fonts.eastAsian, fonts.chartRegular, fonts.chartBold, lang].join('\u0000');
  let t = made.get(key);
  if (!t) {
    t = createTypesetter(fonts, lang);
    made.set(key, t);
  }
  return t;
}

/** East Asian languages set general punctuation (— … “ ”) and symbols (▲ ●) in the East Asian font, as PowerPoint does. */
function eastAsianSlot(cp: number, cjkLang: boolean): boolean {
  if (isWide(cp)) return true;
  return cjkLang && ((cp >= 0x2010 && cp <= 0x206f) || (cp >= 0x2190 && cp <= 0x21ff) || (cp >= 0x2460 && cp <= 0x27bf));
}

function createTypesetter(fonts: TypesetterFonts, lang: string): Typesetter {
  const faces = measuredFaces(fonts);
  const cjkLang = /^(zh|ja|ko)\b/i.test(lang);
  const face = (pair: FacePair, bold: boolean): FontFile | undefined => {
    try {
      return bold ? pair.bold() : pair.regular();
    } catch {
      return undefined; // an unreadable file: the estimate below
    }
  };
  const widths = [new Map<string, number>(), new Map<string, number>()];
  const widthEm = (text: string, bold = false): number => {
    const cache = widths[bold ? 1 : 0] as Map<string, number>;
    let w = cache.get(text);
    if (w === undefined) {
      w = measure(text, face(faces.latin, bold), face(faces.eastAsian, bold), cjkLang);
      cache.set(text, w);
    }
    return w;
  };
  const piecesCache = [new Map<string, Pieces>(), new Map<string, Pieces>()];
  const pointsOf = new Map<string, BreakPoint[]>();
  const points = (text: string): BreakPoint[] => {
    let p = pointsOf.get(text);
    if (!p) {
      p = breakPoints(text, lang);
      pointsOf.set(text, p);
    }
    return p;
  };
  return {
    widthEm,
    units: (text) => {
      const cuts = [0, ...points(text).map((p) => p.at), text.length];
      return cuts.slice(1).map((end, i) => text.slice(cuts[i], end));
    },
    lines: (text, maxEm, opts = {}) => {
      const bold = opts.bold ?? false;
      // Most text fits on one line: it needs no break points (BudouX costs ~0.1 ms a string).
      const whole = widthEm(text.trimEnd(), bold);
      if (whole <= maxEm) return [{ start: 0, end: text.length, widthEm: whole }];
      const cache = piecesCache[bold ? 1 : 0] as Map<string, Pieces>;
      let base = cache.get(text);
      if (!base) {
        base = piecesOf(text, points(text), (s) => widthEm(s, bold), Number.POSITIVE_INFINITY);
        cache.set(text, base);
      }
      const pieces = base.trim.some((w) => w > maxEm) ? piecesOf(text, points(text), (s) => widthEm(s, bold), maxEm) : base;
      return setLines(text, pieces, maxEm, opts.balance ?? false);
    },
    fonts: { latin: faces.latin.files, eastAsian: faces.eastAsian.files },
  };
}

/**
 * LibreOffice puts extra space between CJK and Latin letters or digits (its "space between Asian
 * and non-Asian text", on by default, a quarter em: 未來 3 年); PowerPoint does not. Measuring with it keeps
 * LibreOffice's lines the ones layout decided, at the cost of a little room in PowerPoint.
 */
const AUTOSPACE_EM = 0.25;

/** Advances with kerning between neighbours set in the same font; a character no font has: 1 em if wide, else 0.55. */
function measure(text: string, latin: FontFile | undefined, ea: FontFile | undefined, cjkLang: boolean): number {
  let em = 0;
  let prev: { font: FontFile; glyph: number; wide: boolean; word: boolean } | undefined;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20 || (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0x200d) {
      prev = undefined;
      continue;
    }
    const first = eastAsianSlot(cp, cjkLang) ? ea : latin;
    const second = first === ea ? latin : ea;
    let font = first;
    let glyph = font?.glyph(cp) ?? 0;
    if (!glyph && second) {
      const g = second.glyph(cp);
      if (g) {
        font = second;
        glyph = g;
      }
    }
    if (!font || !glyph) {
      em += cp >= 0x1f000 || isWide(cp) || (cp >= 0x2600 && cp <= 0x27bf) ? 1 : 0.55;
      prev = undefined;
      continue;
    }
    em += font.advance(glyph);
    if (prev && prev.font === font) em += font.kern(prev.glyph, glyph);
    const wide = isWide(cp);
    const word = /[\p{L}\p{N}]/u.test(ch);
    if (prev && word && prev.word && wide !== prev.wide) em += AUTOSPACE_EM;
    prev = { font, glyph, wide, word };
  }
  return em;
}

/** A last line this short reads as an orphan: one character (and its closing punctuation), or one Latin word of up to 3 letters. */
export function isOrphan(line: string): boolean {
  const t = line.trim();
  if (!t) return false;
  const chars = [...t].filter((ch) => !NO_LINE_START.has(ch));
  if (chars.length <= 1) return true;
  return /^[A-Za-z]{1,3}[.,;:!?)]*$/.test(t);
}

/** A paragraph line cut at its break points, with each piece's width; a line's width is a sum of pieces. */
interface Pieces {
  cuts: number[];
  /** Whether the cut before piece k (k ≥ 1) is a phrase break ('phrase'), inside a phrase ('inner') or inside a word ('char'). */
  kinds: ('phrase' | 'inner' | 'char')[];
  full: number[];
  trim: number[];
  /** prefix[k]: the width of pieces 0..k-1. */
  prefix: number[];
}

function piecesOf(text: string, points: readonly BreakPoint[], width: (s: string) => number, maxEm: number): Pieces {
  const cuts = [0];
  const kinds: Pieces['kinds'] = ['phrase'];
  const ends = [...points.map((p) => p.at), text.length];
  ends.forEach((end, i) => {
    const start = cuts.at(-1) as number;
    const piece = text.slice(start, end);
    if (width(piece.trimEnd()) > maxEm && piece.length > 1) {
      // Wider than a line (a long URL): it may break at any character, as every viewer does.
      let at = start;
      for (const ch of piece) {
        at += ch.length;
        if (at < end) {
          cuts.push(at);
          kinds.push('char');
        }
      }
    }
    cuts.push(end);
    kinds.push(points[i]?.strength ?? 'phrase');
  });
  cuts.pop();
  kinds.pop();
  const full: number[] = [];
  const trim: number[] = [];
  cuts.forEach((start, k) => {
    const end = cuts[k + 1] ?? text.length;
    const piece = text.slice(start, end);
    // What joining the next piece adds: the space LibreOffice puts between CJK and Latin (AI|助手).
    const last = String.fromCodePoint(text.codePointAt(end - 1 - (/[\udc00-\udfff]/.test(text[end - 1] ?? '') && end - 2 >= start ? 1 : 0)) ?? 32);
    const first = String.fromCodePoint(text.codePointAt(end) ?? 32);
    const join = end < text.length ? width(last + first) - width(last) - width(first) : 0;
    full.push(width(piece) + Math.max(0, join));
    trim.push(width(piece.trimEnd()));
  });
  const prefix = [0];
  for (const w of full) prefix.push((prefix.at(-1) as number) + w);
  return { cuts, kinds, full, trim, prefix };
}

function setLines(text: string, pieces: Pieces, maxEm: number, balance: boolean): SetLine[] {
  const m = pieces.cuts.length;
  const { prefix } = pieces;
  if (m === 0) return [{ start: 0, end: text.length, widthEm: 0 }];
  /** Width of pieces i..j-1 set on one line. */
  const span = (i: number, j: number) => (prefix[j - 1] as number) - (prefix[i] as number) + (pieces.trim[j - 1] as number);
  const fits = (i: number, j: number) => span(i, j) <= maxEm;
  if (fits(0, m)) return [{ start: 0, end: text.length, widthEm: span(0, m) }];
  const textOf = (i: number, j: number) => text.slice(pieces.cuts[i], j >= m ? text.length : pieces.cuts[j]);
  let starts = greedy(m, pieces.kinds, fits);
  if (balance && starts.length === 2) starts = balanced(m, pieces.kinds, fits, span, textOf) ?? starts;
  else starts = withoutOrphan(m, pieces.kinds, starts, fits, textOf, span, maxEm);
  return starts.map((s, i) => {
    const e = starts[i + 1] ?? m;
    return { start: pieces.cuts[s] as number, end: e >= m ? text.length : (pieces.cuts[e] as number), widthEm: span(s, e) };
  });
}

/**
 * Line starts (piece indices), filling each line phrase by phrase where a phrase fits a line,
 * and piece by piece inside a phrase wider than one.
 */
function greedy(m: number, kinds: Pieces['kinds'], fits: (i: number, j: number) => boolean): number[] {
  // nextPhrase[k]: the first phrase break after piece k (m at the end); one pass, so long text
  // without phrase breaks stays linear.
  const nextPhrase = new Array<number>(m + 1).fill(m);
  for (let k = m - 1; k >= 0; k--) nextPhrase[k] = kinds[k + 1] === 'phrase' ? k + 1 : (nextPhrase[k + 1] as number);
  const phraseEnd = (from: number) => nextPhrase[from] as number;
  const starts = [0];
  let start = 0;
  let at = 0;
  while (at < m) {
    const next = phraseEnd(at);
    if (fits(start, next)) at = next;
    else if (at > start && fits(at, next)) {
      starts.push(at);
      start = at;
    } else if (fits(start, at + 1) || at === start) at += 1;
    else {
      starts.push(at);
      start = at;
    }
  }
  return starts;
}

/**
 * Where greedy filling leaves an orphan on the last line, the breaks that set the paragraph in
 * as many lines with a last line that is not one: fewest squared gaps at the lines' ends, breaks
 * inside phrases or words only where needed. Returns the greedy starts when no such breaking exists.
 */
function withoutOrphan(
  m: number,
  kinds: Pieces['kinds'],
  starts: number[],
  fits: (i: number, j: number) => boolean,
  textOf: (i: number, j: number) => string,
  span: (i: number, j: number) => number,
  maxEm: number,
): number[] {
  if (starts.length < 2 || !isOrphan(textOf(starts.at(-1) as number, m))) return starts;
  // Only the last lines are set again (as many as there are, up to four): an orphan moves by
  // breaking a few lines before it differently, and the work stays linear in a long paragraph.
  const n = Math.min(starts.length, 4);
  const offset = starts[starts.length - n] as number;
  const kept = starts.slice(0, starts.length - n);
  // A break inside a phrase costs as much as a line left half empty; inside a word, a whole empty line.
  const penalty = (k: number) => (kinds[k] === 'phrase' ? 0 : kinds[k] === 'inner' ? (maxEm / 2) ** 2 : maxEm ** 2);
  // cost[l][j - offset]: the best way to set pieces offset..j-1 in l lines; from[l][j - offset]: where its last line starts.
  const size = m - offset + 1;
  const cost: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(size).fill(Number.POSITIVE_INFINITY));
  const from: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(size).fill(-1));
  (cost[0] as number[])[0] = 0;
  for (let l = 1; l <= n; l++) {
    for (let j = offset + 1; j <= m; j++) {
      const lastLine = l === n;
      if (lastLine !== (j === m)) continue;
      for (let i = j - 1; i >= offset + l - 1; i--) {
        if (!fits(i, j)) break;
        const before = (cost[l - 1] as number[])[i - offset] as number;
        if (before === Number.POSITIVE_INFINITY) continue;
        if (lastLine && isOrphan(textOf(i, m))) continue;
        const gap = lastLine ? 0 : (maxEm - span(i, j)) ** 2;
        const c = before + gap + (i > 0 ? penalty(i) : 0);
        if (c < ((cost[l] as number[])[j - offset] as number)) {
          (cost[l] as number[])[j - offset] = c;
          (from[l] as number[])[j - offset] = i;
        }
      }
    }
  }
  if ((from[n] as number[])[m - offset] === -1) return starts;
  const out: number[] = [];
  for (let l = n, j = m; l > 0; l--) {
    const i = (from[l] as number[])[j - offset] as number;
    out.unshift(i);
    j = i;
  }
  return [...kept, ...out];
}

/** The break of a two-line paragraph that makes the lines most nearly equal, preferring phrase breaks and never an orphan. */
function balanced(m: number, kinds: Pieces['kinds'], fits: (i: number, j: number) => boolean, span: (i: number, j: number) => number, textOf: (i: number, j: number) => string): number[] | undefined {
  let best: { k: number; score: number } | undefined;
  for (let k = 1; k < m; k++) {
    if (!fits(0, k) || !fits(k, m)) continue;
    const penalty = (kinds[k] === 'phrase' ? 0 : kinds[k] === 'inner' ? 2 : 4) + (isOrphan(textOf(0, k)) || isOrphan(textOf(k, m)) ? 100 : 0);
    const score = Math.abs(span(0, k) - span(k, m)) + penalty;
    if (!best || score < best.score) best = { k, score };
  }
  return best ? [0, best.k] : undefined;
}
