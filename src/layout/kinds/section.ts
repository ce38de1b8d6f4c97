import { fitText, MARGIN, SECTION_BOXES } from '../frame.js';
import type { Element, LayoutKind } from '../types.js';

/** A section's number and title on the dark background. */
export const section: LayoutKind<'section'> = {
  dark: true,
  layout(ctx) {
    const { slide, theme } = ctx;
    const elements: Element[] = [];
    if (slide.number) {
      elements.push(
        fitText(
          { box: { x: MARGIN, y: 1.2, w: 6, h: 1.9 }, paragraphs: [{ text: slide.number, bold: true }], max: 110, min: 48, color: theme.colors.onDarkAccent, valign: 'bottom', name: 'section number' },
          ctx,
        ),
      );
    }
    elements.push(
      { type: 'shape', shape: 'rect', box: { x: MARGIN, y: 3.3, w: 1.2, h: 0.09 }, fill: theme.colors.onDarkAccent, name: 'accent rule' },
      fitText(
        { box: SECTION_BOXES.title, paragraphs: [{ text: slide.title, bold: true }], max: theme.sizes.sectionTitle, min: 24, color: theme.colors.darkText, name: 'title', placeholder: 'title' },
        ctx,
      ),
    );
    if (slide.subtitle) {
      elements.push(
        fitText({ box: SECTION_BOXES.subtitle, placeholder: 'subtitle', paragraphs: [{ text: slide.subtitle }], max: 22, min: 14, color: theme.colors.onDarkMuted, name: 'subtitle' }, ctx),
      );
    }
    return { elements };
  },
};
