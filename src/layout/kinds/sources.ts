import { BODY, contentFrame, fitText } from '../frame.js';
import type { LayoutKind, Paragraph } from '../types.js';
import { sourceEntries } from './text.js';

/** The deck's source and every dataset the deck used, numbered; then the slide's own items. */
export const sources: LayoutKind<'sources'> = {
  dark: false,
  layout(ctx) {
    const { slide, theme, deck, data } = ctx;
    const entries = [...sourceEntries(deck, data), ...(slide.items ?? [])];
    const paragraphs: Paragraph[] = entries.map((text, i) => ({ text: `${i + 1}. ${text}`, spaceBefore: i ? 0.5 : 0 }));
    return {
      elements: [
        ...contentFrame(ctx, slide.title ?? deck.locale.word('sources.title')),
        fitText({ box: { ...BODY, y: BODY.y + 0.15, h: BODY.h }, paragraphs, max: 18, min: 10, color: theme.colors.text, name: 'sources' }, ctx),
      ],
    };
  },
};
