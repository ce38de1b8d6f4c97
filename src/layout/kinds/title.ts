import { fitText } from '../frame.js';
import type { Element, LayoutKind } from '../types.js';

/** The deck's title, subtitle and date, on the dark background of briefdeck's own layout. */
export const title: LayoutKind<'title'> = {
  dark: true,
  layout(ctx) {
    const { slide, theme, deck, frame } = ctx;
    const meta = slide.meta ?? [deck.locale.date(deck.meta.date), deck.meta.author].filter(Boolean).join(deck.locale.word('title.separator'));
    const colors = frame.dark
      ? { accent: theme.colors.onDarkAccent, title: theme.colors.darkText, muted: theme.colors.onDarkMuted }
      : { accent: theme.colors.accent, title: theme.colors.text, muted: theme.colors.muted };
    const elements: Element[] = [];
    if (frame.marks) elements.push({ type: 'shape', shape: 'rect', box: { x: frame.title.x, y: frame.title.y - 0.25, w: 1.2, h: 0.09 }, fill: colors.accent, name: 'accent rule' });
    elements.push(
      fitText({ box: frame.title, paragraphs: [{ text: slide.title, bold: true }], max: theme.sizes.title + 4, min: 28, color: colors.title, valign: 'top', name: 'title', placeholder: 'title' }, ctx),
    );
    if (slide.subtitle) {
      elements.push(fitText({ box: frame.subtitle, placeholder: 'subtitle', paragraphs: [{ text: slide.subtitle }], max: 24, min: 16, color: colors.muted, name: 'subtitle' }, ctx));
    }
    if (meta) elements.push(fitText({ box: frame.date, placeholder: 'date', paragraphs: [{ text: meta }], max: 16, min: 11, color: colors.muted, name: 'meta' }, ctx));
    return { elements };
  },
};
