import { continuedBullets } from './continued.js';
import type { LayoutKind } from '../types.js';
import { bulletParagraphs } from './text.js';

/** A title and bullets with sub-bullets, in the body; continued on follow-on slides where they do not fit. */
export const bullets: LayoutKind<'bullets'> = {
  dark: false,
  layout(ctx) {
    const { slide, theme } = ctx;
    return continuedBullets(ctx, slide.title, slide.bullets, (bullets) => ({
      box: ctx.frame.body,
      paragraphs: bulletParagraphs(bullets),
      max: theme.sizes.body + 8,
      min: 14,
      color: theme.colors.text,
      name: 'bullets',
      placeholder: 'body',
    }));
  },
};
