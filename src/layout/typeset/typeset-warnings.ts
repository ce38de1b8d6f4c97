import { warning, type Diagnostic, type SourceRef } from '../../diagnostics/diagnostic.js';
import type { Box } from '../types.js';
import { LINE_HEIGHT } from '../measure.js';
import { isOrphan } from './typesetter.js';

/** Closer to the slide's edge than this (inches), a projector or a PDF viewer's crop may cut text. */
export const EDGE_CLEARANCE = 0.25;

/** One fitted box as the warnings see it: its name, box, and each paragraph's text with the line starts layout chose. */
export interface SetBox {
  name: string;
  box: Box;
  valign: 'top' | 'middle' | 'bottom';
  /** Each paragraph's size in points, its text and the line starts layout chose. */
  paragraphs: { text: string; sizePt: number; breaks: number[] }[];
}

/**
 * What `check` and `build` say about a box layout set: a title over two lines, a last line it
 * could not keep from being an orphan, a box too close to the slide's edge. Located at the slide.
 */
export function typesetWarnings(set: SetBox, slide: { index: number; layout: string; origin: SourceRef }, page: { w: number; h: number }): Diagnostic[] {
  const out: Diagnostic[] = [];
  const where = `slide ${slide.index + 1} (${slide.layout})`;
  const lines = set.paragraphs.map((p) => {
    const cuts = [0, ...p.breaks, p.text.length];
    return cuts.slice(1).flatMap((end, i) => p.text.slice(cuts[i], end).split('\n'));
  });
  if (set.name === 'title' && lines.flat().length > 2) {
    out.push(
      warning('LAYOUT_TITLE_LINES', `${where}: the title takes ${lines.flat().length} lines`, slide.origin, 'shorten the title to what two lines hold; the rest can go in a takeaway or the notes'),
    );
  }
  const orphaned = lines.find((ls) => ls.length > 1 && isOrphan(ls.at(-1) as string));
  if (orphaned) {
    out.push(
      warning(
        'LAYOUT_ORPHAN',
        `${where}: the ${set.name} ends in a line of its own, "${(orphaned.at(-1) as string).trim()}", that no other break avoids`,
        slide.origin,
        'reword the end of the text, or shorten it by a few characters',
      ),
    );
  }
  // The text's own extent: a box may reach further than the lines it holds.
  const { x, w } = set.box;
  const used = Math.min(
    set.box.h,
    set.paragraphs.reduce((sum, p, i) => sum + ((lines[i] as string[]).length * p.sizePt * LINE_HEIGHT) / 72, 0),
  );
  const y = set.valign === 'top' ? set.box.y : set.valign === 'bottom' ? set.box.y + set.box.h - used : set.box.y + (set.box.h - used) / 2;
  if (x < EDGE_CLEARANCE || y < EDGE_CLEARANCE || x + w > page.w - EDGE_CLEARANCE || y + used > page.h - EDGE_CLEARANCE) {
    out.push(warning('LAYOUT_NEAR_EDGE', `${where}: the ${set.name} comes within ${EDGE_CLEARANCE} in of the slide's edge`, slide.origin, 'keep text boxes inside the slide margins'));
  }
  return out;
}
