import { contentFrame, fitAll, fitText, type TextSpec } from '../frame.js';
import { itemByItem } from '../reading-order.js';
import type { Element, LayoutKind } from '../types.js';

/** The sections (or the slide's own items), numbered, one row each. */
export const agenda: LayoutKind<'agenda'> = {
  dark: false,
  layout(ctx) {
    const { slide, theme, deck } = ctx;
    const { x: left, w: width, ...body } = ctx.frame.content;
    const sections = deck.slides.filter((s) => s.layout === 'section');
    const items = slide.items ?? sections.map((s) => s.title);
    const numbers = slide.items ? items.map((_, i) => String(i + 1).padStart(2, '0')) : sections.map((s, i) => s.number ?? String(i + 1).padStart(2, '0'));
    const rowH = Math.min(1.25, body.h / Math.max(1, items.length));
    // A short agenda sits in the middle of the body rather than hanging from the title.
    const top = body.y + Math.max(0.2, (body.h - rowH * items.length) / 2 - 0.2);
    const frame = contentFrame(ctx, slide.title ?? deck.locale.word('agenda.title'));
    const els: Element[] = [];
    const rules: Element[] = [];
    const specs: TextSpec[] = [];
    items.forEach((item, i) => {
      const y = top + i * rowH;
      els.push(
        fitText(
          {
            box: { x: left, y, w: 1.2, h: rowH * 0.8 },
            paragraphs: [{ text: numbers[i] ?? '', bold: true }],
            max: 36,
            min: 18,
            color: theme.colors.accent,
            valign: 'middle',
            name: `agenda number ${i + 1}`,
          },
          ctx,
        ),
      );
      specs.push({
        box: { x: left + 1.4, y, w: width - 1.4, h: rowH * 0.8 },
        paragraphs: [{ text: item }],
        max: 28,
        min: 16,
        color: theme.colors.text,
        valign: 'middle',
        name: `agenda item ${i + 1}`,
      });
      rules.push({ type: 'shape', shape: 'line', box: { x: left, y: y + rowH * 0.9, w: width, h: 0 }, line: { color: theme.colors.grid, widthPt: 1 }, name: `agenda rule ${i + 1}` });
    });
    return { elements: [...frame, ...itemByItem([...els, ...fitAll(specs, ctx), ...rules])] };
  },
};
