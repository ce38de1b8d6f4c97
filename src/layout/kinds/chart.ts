import type { ChartRequest } from '../../charts/types.js';
import { contentFrame, fitText } from '../frame.js';
import type { Box } from '../types.js';
import type { LayoutKind } from '../types.js';

/** The chart's box: the content area below the takeaway line. */
export function chartBox(content: Box): Box {
  return { x: content.x, y: content.y + 0.75, w: content.w, h: content.h - 0.75 };
}

/** A one-line takeaway over a chart; the chart job goes out with the slide's elements. */
export const chart: LayoutKind<'chart'> = {
  dark: false,
  layout(ctx) {
    const { slide, theme } = ctx;
    const content = ctx.frame.content;
    const box = chartBox(content);
    const id = `slide-${slide.index + 1}`;
    const { render, ...rest } = slide.chart;
    const request: ChartRequest = { ...rest, render: render ?? 'echarts', origin: slide.origin } as ChartRequest;
    if (slide.chartOrigins) {
      request.fieldOrigins = slide.chartOrigins.fields;
      request.itemOrigins = slide.chartOrigins.items;
    }
    return {
      elements: [
        ...contentFrame(ctx, slide.title),
        fitText(
          {
            box: { x: content.x, y: content.y + 0.1, w: content.w, h: 0.6 },
            paragraphs: [{ text: slide.takeaway, bold: true }],
            max: theme.sizes.body + 2,
            min: 14,
            color: theme.colors.accent2,
            valign: 'middle',
            name: 'takeaway',
          },
          ctx,
        ),
        { type: 'chart', box, job: id, name: 'chart' },
      ],
      charts: [{ id, request, box: { width: box.w, height: box.h } }],
    };
  },
};
