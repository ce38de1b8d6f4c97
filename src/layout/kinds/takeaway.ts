import { fitText, type LayoutContext } from '../frame.js';
import type { Box, TextElement } from '../types.js';

/** How far what a takeaway sums up moves down to leave it room, in inches. */
export const TAKEAWAY_ROOM = 0.75;

/** The takeaway line's box: the top of the content area, above what it sums up. */
export function takeawayBox(content: Box): Box {
  return { x: content.x, y: content.y + 0.1, w: content.w, h: 0.6 };
}

/** The one-line so-what over a slide's exhibit (a chart, the cards of a figures slide). */
export function takeawayLine(ctx: LayoutContext, text: string): TextElement {
  const { theme } = ctx;
  return fitText({ box: takeawayBox(ctx.frame.content), paragraphs: [{ text, bold: true }], max: theme.sizes.body + 2, min: 14, color: theme.colors.accent2, valign: 'middle', name: 'takeaway' }, ctx);
}
