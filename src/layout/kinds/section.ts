import { fitText } from '../frame.js';
import type { Box, Element, LayoutKind } from '../types.js';

/** A section's number and title, on the dark background of briefdeck's own layout. */
export const section: LayoutKind<'section'> = {
  dark: true,
  layout(ctx) {
    const { slide, theme, frame } = ctx;
    const { title } = frame;
    const place = places(title, frame.subtitle);
    const colors = frame.dark
      ? { number: theme.colors.onDarkAccent, title: theme.colors.darkText, subtitle: theme.colors.onDarkMuted }
      : { number: theme.colors.accent, title: theme.colors.text, subtitle: theme.colors.muted };
    const elements: Element[] = [];
    if (slide.number) {
      elements.push(
        fitText(
          {
            box: place.number,
            paragraphs: [{ text: slide.number, bold: true }],
            max: 110,
            min: 48,
            color: colors.number,
            valign: place.valign,
            name: 'section number',
          },
          ctx,
        ),
      );
    }
    if (frame.marks) elements.push({ type: 'shape', shape: 'rect', box: { x: title.x, y: title.y - 0.25, w: 1.2, h: 0.09 }, fill: colors.number, name: 'accent rule' });
    elements.push(fitText({ box: title, paragraphs: [{ text: slide.title, bold: true }], max: theme.sizes.sectionTitle, min: 24, color: colors.title, name: 'title', placeholder: 'title' }, ctx));
    if (slide.subtitle) {
      elements.push(fitText({ box: place.subtitle, placeholder: 'subtitle', paragraphs: [{ text: slide.subtitle }], max: 22, min: 14, color: colors.subtitle, name: 'subtitle' }, ctx));
    }
    return { elements };
  },
};

/**
 * The number stands above the title, its foot 0.45 in over it. Where a template's title sits too
 * near the top for that, the number takes the top of the subtitle's area, and the subtitle the rest.
 */
function places(title: Box, subtitle: Box): { number: Box; subtitle: Box; valign: 'top' | 'bottom' } {
  const w = Math.min(6, title.w);
  // Its top at least 0.35 in below the slide's.
  const above = Math.min(1.9, title.y - 0.45 - 0.35);
  if (above >= 0.8) return { number: { x: title.x, y: title.y - 0.45 - above, w, h: above }, subtitle, valign: 'bottom' };
  const h = Math.min(1.9, Math.max(0.8, subtitle.h * 0.4));
  return { number: { x: subtitle.x, y: subtitle.y, w: Math.min(6, subtitle.w), h }, subtitle: { ...subtitle, y: subtitle.y + h + 0.1, h: Math.max(0.5, subtitle.h - h - 0.1) }, valign: 'top' };
}
