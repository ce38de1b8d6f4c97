import { contentFrame, fitAll, type TextSpec } from '../frame.js';
import type { Element, LayoutKind } from '../types.js';

/** Two to four numbered cards, in one row (four: two by two). */
export const takeaways: LayoutKind<'takeaways'> = {
  dark: false,
  layout(ctx) {
    const { slide, theme } = ctx;
    const body = ctx.frame.content;
    const n = slide.points.length;
    const grid = n === 4 ? { cols: 2, rows: 2 } : { cols: n, rows: 1 };
    const gap = 0.3;
    const w = (body.w - gap * (grid.cols - 1)) / grid.cols;
    const h = (body.h - 0.1 - gap * (grid.rows - 1)) / grid.rows;
    const cards: Element[] = [];
    const heads: TextSpec[] = [];
    const texts: TextSpec[] = [];
    slide.points.forEach((p, i) => {
      const x = body.x + (i % grid.cols) * (w + gap);
      const y = body.y + 0.1 + Math.floor(i / grid.cols) * (h + gap);
      cards.push({ type: 'shape', shape: 'rect', box: { x, y, w, h }, fill: theme.colors.card, name: `card ${i + 1}` });
      cards.push({ type: 'shape', shape: 'rect', box: { x, y, w: 0.08, h }, fill: theme.colors.accent, name: `card ${i + 1} bar` });
      // A short card (a template's smaller content area) gives its heading less of its height.
      const headH = Math.min(grid.rows === 2 ? 0.75 : 1.2, h * 0.4);
      heads.push({
        box: { x: x + 0.35, y: y + 0.2, w: w - 0.6, h: headH },
        paragraphs: [{ text: `${i + 1}　${p.heading}`, bold: true }],
        max: 26,
        min: 14,
        color: theme.colors.accent,
        valign: 'middle',
        name: `point ${i + 1} heading`,
      });
      texts.push({
        box: { x: x + 0.35, y: y + 0.3 + headH, w: w - 0.6, h: h - headH - 0.5 },
        paragraphs: [{ text: p.text }],
        max: theme.sizes.body,
        min: 12,
        color: theme.colors.text,
        name: `point ${i + 1} text`,
      });
    });
    return { elements: [...contentFrame(ctx, slide.title), ...cards, ...fitAll(heads, ctx), ...fitAll(texts, ctx)] };
  },
};
