import { fitText } from '../frame.js';
import type { Box, Element, LayoutKind } from '../types.js';

/** A section's number and title, on the dark background of briefdeck's own layout. */
export const section: LayoutKind<'section'> = {
  dark: true,
  layout(ctx) {
    const { slide, theme, frame } = ctx;
    const { title, subtitle } = frame;
    const colors = frame.dark
      ? { number: theme.colors.onDarkAccent, title: theme.colors.darkText, subtitle: theme.colors.onDarkMuted }
      : { number: theme.colors.accent, title: theme.colors.text, subtitle: theme.colors.muted };
    const elements: Element[] = [];
    if (slide.number) {
      elements.push(
        fitText(
          {
            box: numberBox(title, slide.subtitle ? subtitle : undefined, frame.slide),
            paragraphs: [{ text: slide.number, bold: true }],
            max: 110,
            min: 48,
            color: colors.number,
            valign: 'bottom',
            name: 'section number',
          },
          ctx,
        ),
      );
    }
    if (frame.marks) elements.push({ type: 'shape', shape: 'rect', box: { x: title.x, y: title.y - 0.25, w: 1.2, h: 0.09 }, fill: colors.number, name: 'accent rule' });
    elements.push(fitText({ box: title, paragraphs: [{ text: slide.title, bold: true }], max: theme.sizes.sectionTitle, min: 24, color: colors.title, name: 'title', placeholder: 'title' }, ctx));
    if (slide.subtitle) {
      elements.push(fitText({ box: subtitle, placeholder: 'subtitle', paragraphs: [{ text: slide.subtitle }], max: 22, min: 14, color: colors.subtitle, name: 'subtitle' }, ctx));
    }
    return { elements };
  },
};

/**
 * The number stands above the title, its foot 0.45 in over it; where a template's title sits too
 * near the top for that, it goes below the title (and subtitle) instead.
 */
function numberBox(title: Box, subtitle: Box | undefined, slide: { w: number; h: number }): Box {
  const w = Math.min(6, title.w);
  const above = Math.min(1.9, title.y - 0.65);
  if (above >= 0.8) return { x: title.x, y: title.y - 0.45 - above, w, h: above };
  const top = Math.max(title.y + title.h, subtitle ? subtitle.y + subtitle.h : 0) + 0.2;
  return { x: title.x, y: top, w, h: Math.max(0.8, Math.min(1.9, slide.h - 0.5 - top)) };
}
