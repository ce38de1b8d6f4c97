import { CONTENT_W, contentFrame, fitText, MARGIN } from '../frame.js';
import type { LayoutKind, Paragraph } from '../types.js';

/** A quotation beside an accent bar, and who said it. */
export const quote: LayoutKind<'quote'> = {
  dark: false,
  layout(ctx) {
    const { slide, theme, deck } = ctx;
    const who: Paragraph[] = [{ text: `— ${slide.speaker}`, bold: true }];
    if (slide.role) who.push({ text: slide.role, scale: 0.8, color: theme.colors.muted, spaceBefore: 0.2 });
    return {
      elements: [
        ...(slide.title ? contentFrame(ctx, slide.title) : []),
        { type: 'shape', shape: 'rect', box: { x: MARGIN + 0.2, y: 2.0, w: 0.12, h: 2.9 }, fill: theme.colors.accent, name: 'quote bar' },
        fitText(
          {
            box: { x: MARGIN + 0.7, y: 1.85, w: CONTENT_W - 1.2, h: 3.2 },
            paragraphs: [{ text: deck.locale.quote(stripQuotes(slide.quote)) }],
            max: theme.sizes.quote + 4,
            min: 16,
            color: theme.colors.text,
            valign: 'middle',
            name: 'quote',
          },
          ctx,
        ),
        fitText({ box: { x: MARGIN + 0.7, y: 5.25, w: CONTENT_W - 1.2, h: 1.2 }, paragraphs: who, max: 22, min: 12, color: theme.colors.text, name: 'speaker' }, ctx),
      ],
    };
  },
};

function stripQuotes(s: string): string {
  return s.replace(/^[「『“"]+/, '').replace(/[」』”"]+$/, '');
}
