import { fitText, MARGIN, TITLE_SLIDE_BOXES } from '../frame.js';
import type { Element, LayoutKind } from '../types.js';

/** The deck's title, subtitle and date on the dark background. */
export const title: LayoutKind<'title'> = {
  dark: true,
  layout(ctx) {
    const { slide, theme, deck } = ctx;
    const meta = slide.meta ?? [deck.locale.date(deck.meta.date), deck.meta.author].filter(Boolean).join(deck.locale.word('title.separator'));
    const elements: Element[] = [
      { type: 'shape', shape: 'rect', box: { x: MARGIN, y: 2.05, w: 1.2, h: 0.09 }, fill: theme.colors.onDarkAccent, name: 'accent rule' },
      fitText(
        {
          box: TITLE_SLIDE_BOXES.title,
          paragraphs: [{ text: slide.title, bold: true }],
          max: theme.sizes.title + 4,
          min: 28,
          color: theme.colors.darkText,
          valign: 'top',
          name: 'title',
          placeholder: 'title',
        },
        ctx,
      ),
    ];
    if (slide.subtitle) {
      elements.push(
        fitText({ box: TITLE_SLIDE_BOXES.subtitle, placeholder: 'subtitle', paragraphs: [{ text: slide.subtitle }], max: 24, min: 16, color: theme.colors.onDarkMuted, name: 'subtitle' }, ctx),
      );
    }
    if (meta) elements.push(fitText({ box: TITLE_SLIDE_BOXES.date, placeholder: 'date', paragraphs: [{ text: meta }], max: 16, min: 11, color: theme.colors.onDarkMuted, name: 'meta' }, ctx));
    return { elements };
  },
};
