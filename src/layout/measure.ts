/**
 * Text measurement with real font metrics, so that layout knows whether text fits before a
 * person opens the deck (pptxgenjs' `fit` only asks the viewer to shrink, and PowerPoint does
 * so only after an edit). Text is measured with the theme's fonts or their stand-ins
 * (typeset/stand-ins.ts: Arimo for Arial, Noto Sans TC/SC/JP for the East Asian fonts), Latin
 * characters in the Latin font and CJK in the East Asian one, with kerning; lines break where
 * UAX #14, kinsoku, the number rules and BudouX's phrases allow (typeset/breaks.ts).
 */
import { createRequire } from 'node:module';
import { typesetterFor, type Typesetter } from './typeset/typesetter.js';

const require = createRequire(import.meta.url);

/** The typesetter of the default theme (Arial, Microsoft JhengHei, zh-TW), for callers without a theme. */
export function defaultTypesetter(): Typesetter {
  const tc = require.resolve('@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf');
  return typesetterFor({ latin: 'Arial', eastAsian: 'Microsoft JhengHei', chartRegular: tc, chartBold: tc }, 'zh-TW');
}

export function textWidth(text: string, sizePt: number, bold = false, ts: Typesetter = defaultTypesetter()): number {
  return ts.widthEm(text, bold) * sizePt;
}

/** Splits text into the pieces a line may break between (UAX #14 with kinsoku and the number rules). */
export function breakUnits(text: string, ts: Typesetter = defaultTypesetter()): string[] {
  return ts.units(text);
}

/** The soft line breaks of a paragraph (offsets into `text` where a line starts), hard lines (`\n`) apart. */
export function lineStarts(text: string, sizePt: number, widthPt: number, opts: { bold?: boolean; balance?: boolean } = {}, ts: Typesetter = defaultTypesetter()): { starts: number[]; lines: number } {
  const starts: number[] = [];
  let lines = 0;
  let offset = 0;
  for (const hardLine of text.split('\n')) {
    const set = ts.lines(hardLine, widthPt / sizePt, opts);
    lines += set.length;
    for (const l of set.slice(1)) starts.push(offset + l.start);
    offset += hardLine.length + 1;
  }
  return { starts, lines };
}

/** The lines a paragraph wraps into in a box `widthPt` wide. */
export function wrapLines(text: string, sizePt: number, widthPt: number, bold = false, ts: Typesetter = defaultTypesetter()): string[] {
  return text.split('\n').flatMap((hardLine) => ts.lines(hardLine, widthPt / sizePt, { bold }).map((l) => hardLine.slice(l.start, l.end).trimEnd()));
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
  /** Two lines made of similar width (titles). */
  balance?: boolean;
}

/** Height in points that paragraphs take at a base size in a box `widthPt` wide. */
export function paragraphsHeight(paragraphs: readonly MeasureParagraph[], sizePt: number, widthPt: number, ts: Typesetter = defaultTypesetter()): number {
  let h = 0;
  paragraphs.forEach((p, i) => {
    const size = sizePt * (p.scale ?? 1);
    const { lines } = lineStarts(p.text, size, widthPt - (p.indentPt ?? 0), { bold: p.bold ?? false, balance: p.balance ?? false }, ts);
    h += lines * size * LINE_HEIGHT + (i > 0 ? (p.spaceBefore ?? 0) * size : 0);
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
  opts: { noWrap?: boolean; typesetter?: Typesetter } = {},
): { size: number; fits: boolean } {
  const ts = opts.typesetter ?? defaultTypesetter();
  for (let size = max; size >= min; size--) {
    const wide = opts.noWrap && paragraphs.some((p) => textWidth(p.text, size * (p.scale ?? 1), p.bold, ts) > box.widthPt - (p.indentPt ?? 0));
    if (!wide && paragraphsHeight(paragraphs, size, box.widthPt, ts) <= box.heightPt) return { size, fits: true };
  }
  return { size: min, fits: false };
}
