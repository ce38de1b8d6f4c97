import { BODY, CONTENT_W, fitText, MARGIN, type LayoutContext } from '../frame.js';
import type { TextElement } from '../types.js';

/** The takeaway line's box: the top of the body, above what it sums up. */
export const TAKEAWAY_BOX = { x: MARGIN, y: BODY.y + 0.1, w: CONTENT_W, h: 0.6 };
/** How far what a takeaway sums up moves down to leave it room, in inches. */
export const TAKEAWAY_ROOM = 0.75;

/** The one-line so-what over a slide's exhibit, set as the chart slide sets its takeaway. */
export function takeawayLine(ctx: LayoutContext, text: string): TextElement {
  const { theme } = ctx;
  return fitText({ box: TAKEAWAY_BOX, paragraphs: [{ text, bold: true }], max: theme.sizes.body + 2, min: 14, color: theme.colors.accent2, valign: 'middle', name: 'takeaway' }, ctx);
}
