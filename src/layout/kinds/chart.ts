import type { ChartRequest } from '../../charts/types.js';
import { contentFrame } from '../frame.js';
import type { Box } from '../types.js';
import type { LayoutKind } from '../types.js';
import { TAKEAWAY_ROOM, takeawayLine } from './takeaway.js';

/** The chart's box: the content area below the takeaway line. */
export function chartBox(content: Box): Box {
  return { x: content.x, y: content.y + TAKEAWAY_ROOM, w: content.w, h: content.h - TAKEAWAY_ROOM };
}

/** A one-line takeaway over a chart; the chart job goes out with the slide's elements. */
export const chart: LayoutKind<'chart'> = {
  dark: false,
  layout(ctx) {
    const { slide } = ctx;
    const box = chartBox(ctx.frame.content);
    const id = `slide-${slide.index + 1}`;
    const { render, ...rest } = slide.chart;
    const request: ChartRequest = { ...rest, render: render ?? 'echarts', origin: slide.origin } as ChartRequest;
    if (slide.chartOrigins) {
      request.fieldOrigins = slide.chartOrigins.fields;
      request.itemOrigins = slide.chartOrigins.items;
    }
    return {
      elements: [...contentFrame(ctx, slide.title), takeawayLine(ctx, slide.takeaway), { type: 'chart', box, job: id, name: 'chart' }],
      charts: [{ id, request, box: { width: box.w, height: box.h } }],
    };
  },
};
