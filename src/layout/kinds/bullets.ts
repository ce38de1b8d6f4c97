import { contentFrame, fitText } from '../frame.js';
import type { LayoutKind } from '../types.js';
import { bulletParagraphs } from './text.js';

/** A title and bullets with sub-bullets, in the body. */
export const bullets: LayoutKind<'bullets'> = {
  dark: false,
  layout(ctx) {
    const { slide, theme } = ctx;
    return {
      elements: [
        ...contentFrame(ctx, slide.title),
        fitText({ box: ctx.frame.body, paragraphs: bulletParagraphs(slide.bullets), max: theme.sizes.body + 8, min: 14, color: theme.colors.text, name: 'bullets', placeholder: 'body' }, ctx),
      ],
    };
  },
};
