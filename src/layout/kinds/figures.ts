import { contentFrame, fitAll, type TextSpec } from '../frame.js';
import { itemByItem } from '../reading-order.js';
import type { Element, LayoutKind } from '../types.js';
import { TAKEAWAY_ROOM, takeawayLine } from './takeaway.js';

/**
 * Two to four big numbers on cards, each with its label and detail; a takeaway line, when the
 * slide has one, goes over the cards, which then give up its room from their top.
 */
export const figures: LayoutKind<'figures'> = {
  dark: false,
  layout(ctx) {
    const { slide, theme } = ctx;
    const n = slide.figures.length;
    const body = ctx.frame.content;
    const gap = 0.35;
    const w = (body.w - gap * (n - 1)) / n;
    // Cards 4.3 in tall below a 0.45 in gap, everything in them shorter in a shorter content area;
    // a takeaway line takes its room from the cards' top.
    const k = Math.min(1, (body.h - 0.7) / 4.3);
    const room = slide.takeaway ? (TAKEAWAY_ROOM - 0.35) * k : 0;
    const y = body.y + 0.45 * k + room;
    const h = 4.3 * k - room;
    // The value, label and detail rows of a card, from its top; shorter cards take it from the value's row.
    const rows = { value: { y: 0.35 * k, h: 1.5 * k - room }, label: { y: 1.95 * k - room, h: 1.05 * k }, detail: { y: 3.05 * k - room, h: 1.1 * k } };
    const cards: Element[] = [];
    const values: TextSpec[] = [];
    const labels: TextSpec[] = [];
    const details: TextSpec[] = [];
    slide.figures.forEach((f, i) => {
      const x = body.x + i * (w + gap);
      cards.push({ type: 'shape', shape: 'rect', box: { x, y, w, h }, fill: theme.colors.card, name: `figure ${i + 1} card` });
      cards.push({ type: 'shape', shape: 'rect', box: { x, y, w, h: 0.08 }, fill: theme.colors.accent, name: `figure ${i + 1} bar` });
      values.push({
        box: { x: x + 0.2, y: y + rows.value.y, w: w - 0.4, h: rows.value.h },
        paragraphs: [{ text: f.value, bold: true }],
        max: theme.sizes.figure,
        min: 24,
        color: theme.colors.accent,
        align: 'center',
        valign: 'middle',
        noWrap: true,
        name: `figure ${i + 1} value`,
      });
      labels.push({
        box: { x: x + 0.25, y: y + rows.label.y, w: w - 0.5, h: rows.label.h },
        paragraphs: [{ text: f.label, bold: true }],
        max: 22,
        min: 12,
        color: theme.colors.text,
        align: 'center',
        valign: 'top',
        name: `figure ${i + 1} label`,
      });
      if (f.detail) {
        details.push({
          box: { x: x + 0.25, y: y + rows.detail.y, w: w - 0.5, h: rows.detail.h },
          paragraphs: [{ text: f.detail }],
          max: 16,
          min: 10,
          color: theme.colors.muted,
          align: 'center',
          valign: 'top',
          name: `figure ${i + 1} detail`,
        });
      }
    });
    const takeaway = slide.takeaway ? [takeawayLine(ctx, slide.takeaway)] : [];
    return { elements: [...contentFrame(ctx, slide.title), ...takeaway, ...itemByItem([...cards, ...fitAll(values, ctx), ...fitAll(labels, ctx), ...fitAll(details, ctx)])] };
  },
};
