import type { DeckPlan, TextElement } from '../types.js';
import { typesetterFor, type TypesetterFonts } from './typesetter.js';

/** One text box as layout fitted it: what `check --format json --layout` prints. */
export interface FitRecord {
  slide: number;
  layout: string;
  name: string;
  /** The box in inches. */
  box: TextElement['box'];
  /** The fitted base size in points. */
  sizePt: number;
  lines: number;
  paragraphs: { text: string; sizePt: number; lines: number; breaks: number[] }[];
}

export interface FitReport {
  /** The font files text was measured with (stand-ins for the theme's fonts). */
  measuredWith: { latin: { regular: string; bold: string }; eastAsian: { regular: string; bold: string } };
  boxes: FitRecord[];
}

/** The fit of every text box of a laid-out deck: box, size, line count and the breaks layout decided. */
export function fitReport(plan: DeckPlan, fonts: TypesetterFonts, lang: string): FitReport {
  const boxes = plan.slides.flatMap((slide) =>
    slide.elements
      .filter((el): el is TextElement => el.type === 'text')
      .map((el): FitRecord => {
        const paragraphs = el.paragraphs.map((p) => {
          const breaks = p.breaks ?? [];
          return { text: p.text, sizePt: Math.round(el.size * (p.scale ?? 1) * 2) / 2, lines: breaks.length + p.text.split('\n').length, breaks };
        });
        return { slide: slide.index + 1, layout: slide.layout, name: el.name, box: el.box, sizePt: el.size, lines: paragraphs.reduce((n, p) => n + p.lines, 0), paragraphs };
      }),
  );
  return { measuredWith: typesetterFor(fonts, lang).fonts, boxes };
}
