import type { ChartRequest } from '../../charts/types.js';
import { BODY, CARD_FILL, CONTENT_W, contentFrame, fitAll, fitText, MARGIN, SLIDE, type LayoutContext, type TextSpec } from '../frame.js';

/** How close to the slide's edge a timeline label may come, in inches. */
const EDGE = 0.3;
import type { Element, PlannedChart } from '../types.js';

export function layoutFigures(ctx: LayoutContext & { slide: { layout: 'figures' } }): Element[] {
  const { slide, theme } = ctx;
  const n = slide.figures.length;
  const gap = 0.35;
  const w = (CONTENT_W - gap * (n - 1)) / n;
  const y = BODY.y + 0.45;
  const h = 4.3;
  const cards: Element[] = [];
  const values: TextSpec[] = [];
  const labels: TextSpec[] = [];
  const details: TextSpec[] = [];
  slide.figures.forEach((f, i) => {
    const x = MARGIN + i * (w + gap);
    cards.push({ type: 'shape', shape: 'rect', box: { x, y, w, h }, fill: CARD_FILL, name: `figure ${i + 1} card` });
    cards.push({ type: 'shape', shape: 'rect', box: { x, y, w, h: 0.08 }, fill: theme.colors.accent, name: `figure ${i + 1} bar` });
    values.push({ box: { x: x + 0.2, y: y + 0.35, w: w - 0.4, h: 1.5 }, paragraphs: [{ text: f.value, bold: true }], max: theme.sizes.figure, min: 24, color: theme.colors.accent, align: 'center', valign: 'middle', noWrap: true, name: `figure ${i + 1} value` });
    labels.push({ box: { x: x + 0.25, y: y + 1.95, w: w - 0.5, h: 1.05 }, paragraphs: [{ text: f.label, bold: true }], max: 22, min: 12, color: theme.colors.text, align: 'center', valign: 'top', name: `figure ${i + 1} label` });
    if (f.detail) {
      details.push({ box: { x: x + 0.25, y: y + 3.05, w: w - 0.5, h: 1.1 }, paragraphs: [{ text: f.detail }], max: 16, min: 10, color: theme.colors.muted, align: 'center', valign: 'top', name: `figure ${i + 1} detail` });
    }
  });
  return [...contentFrame(ctx, slide.title), ...cards, ...fitAll(values, ctx), ...fitAll(labels, ctx), ...fitAll(details, ctx)];
}

/** The chart's box: the body below the takeaway line. */
export const CHART_BOX = { x: MARGIN, y: BODY.y + 0.75, w: CONTENT_W, h: BODY.h - 0.75 };

export function layoutChart(ctx: LayoutContext & { slide: { layout: 'chart' } }, charts: PlannedChart[]): Element[] {
  const { slide, theme } = ctx;
  const id = `slide-${slide.index + 1}`;
  const { render, ...rest } = slide.chart;
  const request: ChartRequest = { ...rest, render: render ?? 'echarts', origin: slide.origin } as ChartRequest;
  if (slide.chartOrigins) {
    request.fieldOrigins = slide.chartOrigins.fields;
    request.itemOrigins = slide.chartOrigins.items;
  }
  charts.push({ id, request, box: { width: CHART_BOX.w, height: CHART_BOX.h } });
  return [
    ...contentFrame(ctx, slide.title),
    fitText({ box: { x: MARGIN, y: BODY.y + 0.1, w: CONTENT_W, h: 0.6 }, paragraphs: [{ text: slide.takeaway, bold: true }], max: theme.sizes.body + 2, min: 14, color: theme.colors.accent2, valign: 'middle', name: 'takeaway' }, ctx),
    { type: 'chart', box: CHART_BOX, job: id, name: 'chart' },
  ];
}

/**
 * Events along a horizontal axis. Up to five sit in one row below it; more alternate above and
 * below, so each gets twice the width and labels need not wrap into slivers.
 */
export function layoutTimeline(ctx: LayoutContext & { slide: { layout: 'timeline' } }): Element[] {
  const { slide, theme } = ctx;
  const n = slide.events.length;
  const cw = CONTENT_W / n;
  const alternate = n > 5;
  const lineY = alternate ? BODY.y + 2.55 : 3.35;
  const boxW = alternate ? Math.min(2 * cw - 0.2, 3.2) : cw - 0.1;
  const shapes: Element[] = [{ type: 'shape', shape: 'line', box: { x: MARGIN, y: lineY, w: CONTENT_W, h: 0 }, line: { color: theme.colors.subdued, widthPt: 2.5 }, name: 'time axis' }];
  const dates: TextSpec[] = [];
  const labels: TextSpec[] = [];
  const details: TextSpec[] = [];
  slide.events.forEach((e, i) => {
    const cx = MARGIN + (i + 0.5) * cw;
    // Centred on its dot; the first and last narrow rather than shift into a neighbour's space.
    const half = Math.min(boxW / 2, cx - EDGE, SLIDE.w - EDGE - cx);
    const x = cx - half;
    const w = 2 * half;
    const above = alternate && i % 2 === 0;
    shapes.push({ type: 'shape', shape: 'ellipse', box: { x: cx - 0.12, y: lineY - 0.12, w: 0.24, h: 0.24 }, fill: theme.colors.accent, name: `event ${i + 1} dot` });
    const rows = alternate ? { date: 0.5, label: 0.75, detail: 1.0 } : { date: 0.85, label: 1.15, detail: 1.75 };
    // Distances from the axis, outward: date, label, detail.
    const place = (offset: number, h: number) => (above ? lineY - offset - h : lineY + offset);
    const common = { align: 'center' as const, w, x };
    if (alternate) {
      dates.push({ box: { x, y: place(0.22, rows.date), w, h: rows.date }, paragraphs: [{ text: e.date, bold: true }], max: 18, min: 10, color: theme.colors.accent, align: common.align, valign: above ? 'bottom' : 'top', name: `event ${i + 1} date` });
    } else {
      dates.push({ box: { x, y: lineY - 0.2 - rows.date, w, h: rows.date }, paragraphs: [{ text: e.date, bold: true }], max: 20, min: 10, color: theme.colors.accent, align: common.align, valign: 'bottom', name: `event ${i + 1} date` });
    }
    const labelOffset = alternate ? 0.22 + rows.date : 0.3;
    labels.push({ box: { x, y: place(labelOffset, rows.label), w, h: rows.label }, paragraphs: [{ text: e.label, bold: true }], max: 20, min: 10, color: theme.colors.text, align: common.align, valign: above ? 'bottom' : 'top', name: `event ${i + 1} label` });
    if (e.detail) {
      details.push({ box: { x, y: place(labelOffset + rows.label, rows.detail), w, h: rows.detail }, paragraphs: [{ text: e.detail }], max: 15, min: 9, color: theme.colors.muted, align: common.align, valign: above ? 'bottom' : 'top', name: `event ${i + 1} detail` });
    }
  });
  return [...contentFrame(ctx, slide.title), ...shapes, ...fitAll(dates, ctx), ...fitAll(labels, ctx), ...fitAll(details, ctx)];
}
