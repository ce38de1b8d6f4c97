import { contentFrame, fitText } from '../frame.js';
import type { LayoutKind, Paragraph } from '../types.js';

/** A quotation beside an accent bar, and who said it. */
export const quote: LayoutKind<'quote'> = {
  dark: false,
  layout(ctx) {
    const { slide, theme, deck } = ctx;
    const body = ctx.frame.content;
    // Laid out for a 5 in content area; a shorter one (a template's) gets everything shorter.
    const k = Math.min(1, body.h / 5);
    const at = (y: number, h: number) => ({ y: body.y + y * k, h: h * k });
    const who: Paragraph[] = [{ text: `— ${slide.speaker}`, bold: true }];
    if (slide.role) who.push({ text: slide.role, scale: 0.8, color: theme.colors.muted, spaceBefore: 0.2 });
    return {
      elements: [
        ...(slide.title ? contentFrame(ctx, slide.title) : []),
        { type: 'shape', shape: 'rect', box: { x: body.x + 0.2, ...at(0.45, 2.9), w: 0.12 }, fill: theme.colors.accent, name: 'quote bar' },
        fitText(
          {
            box: { x: body.x + 0.7, ...at(0.3, 3.2), w: body.w - 1.2 },
            paragraphs: [{ text: deck.locale.quote(stripQuotes(slide.quote)) }],
            max: theme.sizes.quote + 4,
            min: 16,
            color: theme.colors.text,
            valign: 'middle',
            name: 'quote',
          },
          ctx,
        ),
        fitText({ box: { x: body.x + 0.7, ...at(3.7, 1.2), w: body.w - 1.2 }, paragraphs: who, max: 22, min: 12, color: theme.colors.text, name: 'speaker' }, ctx),
      ],
    };
  },
};

function stripQuotes(s: string): string {
  return s.replace(/^[「『“"]+/, '').replace(/[」』”"]+$/, '');
}
