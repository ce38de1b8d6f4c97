import { formatDate } from '../../data/format.js';
import { fitText, MARGIN, type LayoutContext } from '../frame.js';
import type { Element } from '../types.js';

/** Light text on the dark title and section slides. */
const ON_DARK_MUTED = 'B8C4D6';

export function layoutTitle(ctx: LayoutContext & { slide: { layout: 'title' } }): Element[] {
  const { slide, theme, deck } = ctx;
  const meta = slide.meta ?? [formatDate(deck.meta.date), deck.meta.author].filter(Boolean).join('｜');
  const w = 11.6;
  const els: Element[] = [
    { type: 'shape', shape: 'rect', box: { x: MARGIN, y: 2.05, w: 1.2, h: 0.09 }, fill: theme.colors.accent, name: 'accent rule' },
    fitText({ box: { x: MARGIN, y: 2.3, w, h: 2.0 }, paragraphs: [{ text: slide.title, bold: true }], max: theme.sizes.title + 4, min: 28, color: theme.colors.darkText, valign: 'top', name: 'title' }, ctx),
  ];
  if (slide.subtitle) {
    els.push(fitText({ box: { x: MARGIN, y: 4.4, w, h: 1.1 }, paragraphs: [{ text: slide.subtitle }], max: 24, min: 16, color: ON_DARK_MUTED, name: 'subtitle' }, ctx));
  }
  if (meta) els.push(fitText({ box: { x: MARGIN, y: 6.2, w, h: 0.6 }, paragraphs: [{ text: meta }], max: 16, min: 11, color: ON_DARK_MUTED, name: 'meta' }, ctx));
  return els;
}

export function layoutSection(ctx: LayoutContext & { slide: { layout: 'section' } }): Element[] {
  const { slide, theme } = ctx;
  const els: Element[] = [];
  if (slide.number) {
    els.push(fitText({ box: { x: MARGIN, y: 1.2, w: 6, h: 1.9 }, paragraphs: [{ text: slide.number, bold: true }], max: 110, min: 48, color: theme.colors.accent, valign: 'bottom', name: 'section number' }, ctx));
  }
  els.push(
    { type: 'shape', shape: 'rect', box: { x: MARGIN, y: 3.3, w: 1.2, h: 0.09 }, fill: theme.colors.accent, name: 'accent rule' },
    fitText({ box: { x: MARGIN, y: 3.55, w: 11.6, h: 1.6 }, paragraphs: [{ text: slide.title, bold: true }], max: theme.sizes.sectionTitle, min: 24, color: theme.colors.darkText, name: 'title' }, ctx),
  );
  if (slide.subtitle) {
    els.push(fitText({ box: { x: MARGIN, y: 5.25, w: 11.6, h: 1.0 }, paragraphs: [{ text: slide.subtitle }], max: 22, min: 14, color: ON_DARK_MUTED, name: 'subtitle' }, ctx));
  }
  return els;
}
