/**
 * Text measurement with real font metrics, so that layout knows whether text fits before a
 * person opens the deck (pptxgenjs' `fit` only asks the viewer to shrink, and PowerPoint does
 * so only after an edit). Latin text is set in the theme's Latin font, Arial or a
 * metric-compatible one (Liberation Sans); its advance widths are Helvetica's, which Arial
 * shares. Chinese ideographs and full-width punctuation are one em wide in every CJK UI font.
 */

/** Advance widths of ASCII 32–126 in thousandths of an em (Helvetica/Arial regular). */
const LATIN = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611,
  778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833,
  556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
/** Bold Latin is about this much wider than regular (Helvetica-Bold vs Helvetica, averaged). */
const BOLD_FACTOR = 1.07;

/** Width of one character in ems. */
export function charWidth(ch: string, bold = false): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 32 && code <= 126) return ((LATIN[code - 32] ?? 556) / 1000) * (bold ? BOLD_FACTOR : 1);
  if (code === 0x2014 || code === 0x2026) return 1; // — …
  if (code < 0x2e80 && code !== 0x25b2 && code !== 0x25bc && code !== 0x25cf) return 0.6 * (bold ? BOLD_FACTOR : 1);
  return 1; // CJK, full-width forms, ▲▼●
}

export function textWidth(text: string, sizePt: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charWidth(ch, bold);
  return em * sizePt;
}

/** Characters that may not start a line (kinsoku): they stay with the character before. */
const NO_LINE_START = new Set([...'，。、；：？！」』）〉》】…％%,.;:?!)]}’”·']);
/** Characters that may not end a line: they go with the character after. */
const NO_LINE_END = new Set([...'「『（〈《【([{‘“']);

/**
 * Splits text into the pieces a line may break between: each CJK character (with the
 * punctuation that must stay beside it), and each Latin word with its trailing space.
 */
export function breakUnits(text: string): string[] {
  const units: string[] = [];
  let latin = '';
  const flushLatin = () => {
    if (latin) units.push(latin);
    latin = '';
  };
  for (const ch of text) {
    const wide = charWidth(ch) === 1;
    if (!wide && ch !== ' ' && !NO_LINE_START.has(ch) && !NO_LINE_END.has(ch)) {
      latin += ch;
      continue;
    }
    if (ch === ' ') {
      latin += ch;
      flushLatin();
      continue;
    }
    flushLatin();
    const last = units.length - 1;
    if (NO_LINE_START.has(ch) && last >= 0) units[last] += ch;
    else units.push(ch);
  }
  flushLatin();
  // An opening bracket joins the unit after it.
  for (let i = units.length - 2; i >= 0; i--) {
    const u = units[i] as string;
    if (NO_LINE_END.has(u.at(-1) ?? '')) {
      units[i] = u + (units[i + 1] ?? '');
      units.splice(i + 1, 1);
    }
  }
  return units;
}

/** The lines a paragraph wraps into in a box `widthPt` wide (greedy, as PowerPoint wraps). */
export function wrapLines(text: string, sizePt: number, widthPt: number, bold = false): string[] {
  const lines: string[] = [];
  for (const hardLine of text.split('\n')) {
    let line = '';
    let width = 0;
    for (const unit of breakUnits(hardLine)) {
      const w = textWidth(unit.trimEnd(), sizePt, bold);
      if (line && width + w > widthPt) {
        lines.push(line.trimEnd());
        line = '';
        width = 0;
      }
      line += unit;
      width += textWidth(unit, sizePt, bold);
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/** Line height as a multiple of the font size; the emitter sets exactly this spacing. */
export const LINE_HEIGHT = 1.25;

export interface MeasureParagraph {
  text: string;
  /** Font size relative to the box's base size (1 = base). */
  scale?: number;
  bold?: boolean;
  /** Left indent in points (bullets). */
  indentPt?: number;
  /** Space before the paragraph in lines of its own size. */
  spaceBefore?: number;
}

/** Height in points that paragraphs take at a base size in a box `widthPt` wide. */
export function paragraphsHeight(paragraphs: readonly MeasureParagraph[], sizePt: number, widthPt: number): number {
  let h = 0;
  paragraphs.forEach((p, i) => {
    const size = sizePt * (p.scale ?? 1);
    const lines = wrapLines(p.text, size, widthPt - (p.indentPt ?? 0), p.bold);
    h += lines.length * size * LINE_HEIGHT + (i > 0 ? (p.spaceBefore ?? 0) * size : 0);
  });
  return h;
}

/**
 * The largest size from `max` down to `min` (in steps of 1 pt) at which the paragraphs fit the
 * box; `fits: false` when even `min` overflows.
 */
export function fitSize(
  paragraphs: readonly MeasureParagraph[],
  box: { widthPt: number; heightPt: number },
  max: number,
  min: number,
  opts: { noWrap?: boolean } = {},
): { size: number; fits: boolean } {
  for (let size = max; size >= min; size--) {
    const wide = opts.noWrap && paragraphs.some((p) => textWidth(p.text, size * (p.scale ?? 1), p.bold) > box.widthPt - (p.indentPt ?? 0));
    if (!wide && paragraphsHeight(paragraphs, size, box.widthPt) <= box.heightPt) return { size, fits: true };
  }
  return { size: min, fits: false };
}
