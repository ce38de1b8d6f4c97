import { contentFrame, fitAll, type TextSpec } from '../frame.js';
import { itemByItem } from '../reading-order.js';
import type { Box, Element, LayoutKind } from '../types.js';
import { eventMoments, scaledPositions } from './timeline-scale.js';

/** How close to the slide's edge a timeline label may come, in inches. */
const EDGE = 0.3;

/**
 * Events along a horizontal axis. Where every date can be read (years, months, days, a range of
 * months, in Chinese, Japanese or English) the events sit where their dates fall, moved apart only
 * as far as their labels need; else evenly. Up to five evenly spaced events sit in one row below
 * the axis; more, or events placed by date, alternate above and below it, so each label gets
 * twice the width and labels need not wrap into slivers.
 */
export const timeline: LayoutKind<'timeline'> = {
  dark: false,
  layout(ctx) {
    const { slide, theme, frame } = ctx;
    const body = frame.content;
    // Laid out for a 5 in content area; in a shorter one (a template's) every distance from the axis is shorter.
    const k = Math.min(1, body.h / 5);
    const n = slide.events.length;
    const cw = body.w / n;
    const moments = n > 2 ? eventMoments(slide.events.map((e) => e.date)) : undefined;
    const alternate = n > 5 || moments !== undefined;
    const lineY = body.y + (alternate ? 2.55 : 1.8) * k;
    const boxW = alternate ? Math.min(2 * cw - 0.2, 3.2) : cw - 0.1;
    const centres = moments ? byDate(moments, boxW, cw, body) : slide.events.map((_, i) => body.x + (i + 0.5) * cw);
    const shapes: Element[] = [{ type: 'shape', shape: 'line', box: { x: body.x, y: lineY, w: body.w, h: 0 }, line: { color: theme.colors.subdued, widthPt: 2.5 }, name: 'time axis' }];
    const dates: TextSpec[] = [];
    const labels: TextSpec[] = [];
    const details: TextSpec[] = [];
    slide.events.forEach((e, i) => {
      const cx = centres[i] as number;
      // Centred on its dot; the first and last narrow rather than shift into a neighbour's space.
      const half = Math.min(boxW / 2, cx - EDGE, frame.slide.w - EDGE - cx);
      const x = cx - half;
      const w = 2 * half;
      const above = alternate && i % 2 === 0;
      shapes.push({ type: 'shape', shape: 'ellipse', box: { x: cx - 0.12, y: lineY - 0.12, w: 0.24, h: 0.24 }, fill: theme.colors.accent, name: `event ${i + 1} dot` });
      const rows = alternate ? { date: 0.5 * k, label: 0.75 * k, detail: 1.0 * k } : { date: 0.85 * k, label: 1.15 * k, detail: 1.75 * k };
      // Distances from the axis, outward: date, label, detail.
      const place = (offset: number, h: number) => (above ? lineY - offset - h : lineY + offset);
      const common = { align: 'center' as const, w, x };
      dates.push({
        box: { x, y: alternate ? place(0.22 * k, rows.date) : lineY - 0.2 * k - rows.date, w, h: rows.date },
        paragraphs: [{ text: e.date, bold: true }],
        max: alternate ? 18 : 20,
        min: 10,
        color: theme.colors.accent,
        align: common.align,
        valign: alternate && !above ? 'top' : 'bottom',
        name: `event ${i + 1} date`,
      });
      const labelOffset = alternate ? 0.22 * k + rows.date : 0.3 * k;
      labels.push({
        box: { x, y: place(labelOffset, rows.label), w, h: rows.label },
        paragraphs: [{ text: e.label, bold: true }],
        max: 20,
        min: 10,
        color: theme.colors.text,
        align: common.align,
        valign: above ? 'bottom' : 'top',
        name: `event ${i + 1} label`,
      });
      if (e.detail) {
        details.push({
          box: { x, y: place(labelOffset + rows.label, rows.detail), w, h: rows.detail },
          paragraphs: [{ text: e.detail }],
          max: 15,
          min: 9,
          color: theme.colors.muted,
          align: common.align,
          valign: above ? 'bottom' : 'top',
          name: `event ${i + 1} detail`,
        });
      }
    });
    return { elements: [...contentFrame(ctx, slide.title), ...itemByItem([...shapes, ...fitAll(dates, ctx), ...fitAll(labels, ctx), ...fitAll(details, ctx)])] };
  },
};

/**
 * The events' centres by date: the first and last as far out as a label keeps clear of the slide's
 * edge, the rest where their dates fall between, and each at least half a label from the next, so
 * the labels on one side of the axis (every other event) never touch.
 */
function byDate(moments: readonly number[], boxW: number, cw: number, body: Box): number[] {
  const inset = Math.min(cw / 2, Math.max(boxW / 2 - (body.x - EDGE), 0.3));
  return scaledPositions(moments, body.x + inset, body.x + body.w - inset, (boxW + 0.1) / 2);
}
