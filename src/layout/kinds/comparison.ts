import { textOn } from '../../charts/style/contrast.js';
import { comparisonColumn, contentFrame, fitAll, type TextSpec } from '../frame.js';
import type { LayoutKind } from '../types.js';
import { bulletParagraphs } from './text.js';

/** Two columns side by side, each a coloured heading over its bullets. */
export const comparison: LayoutKind<'comparison'> = {
  dark: false,
  layout(ctx) {
    const { slide, theme } = ctx;
    const columns = [slide.left, slide.right];
    // A template's own column placeholders (its style, no fills of ours), else two columns in the content area.
    const own = ctx.frame.columns;
    const column = (i: 0 | 1) => own?.[i] ?? comparisonColumn(i, ctx.frame.content);
    const heads = columns.map(
      (c, i): TextSpec => ({
        box: column(i ? 1 : 0).heading,
        placeholder: i ? 'right heading' : 'left heading',
        paragraphs: [{ text: c.heading, bold: true }],
        max: 24,
        min: 14,
        ...(own
          ? { color: theme.colors.text, align: 'left' as const }
          : {
              // White on the default theme's accents; the dark background's navy on a dark theme's lighter ones.
              color: textOn(i === 0 ? theme.colors.accent2 : theme.colors.accent, theme.colors.darkBackground),
              fill: i === 0 ? theme.colors.accent2 : theme.colors.accent,
              align: 'center' as const,
              pad: 0.12,
            }),
        valign: 'middle',
        name: `${i ? 'right' : 'left'} heading`,
      }),
    );
    const bodies = columns.map(
      (c, i): TextSpec => ({
        box: column(i ? 1 : 0).body,
        placeholder: i ? 'right body' : 'left body',
        paragraphs: bulletParagraphs(c.bullets),
        max: theme.sizes.body + 2,
        min: 12,
        color: theme.colors.text,
        ...(own ? {} : { fill: theme.colors.card, pad: 0.3 }),
        name: `${i ? 'right' : 'left'} column`,
      }),
    );
    return { elements: [...contentFrame(ctx, slide.title), ...fitAll(heads, ctx), ...fitAll(bodies, ctx)] };
  },
};
