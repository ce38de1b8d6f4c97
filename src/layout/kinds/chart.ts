import type { ChartRequest } from '../../charts/types.js';
import { BODY, CONTENT_W, contentFrame, fitText, MARGIN } from '../frame.js';
import type { LayoutKind } from '../types.js';

/** The chart's box: the body below the takeaway line. */
export const CHART_BOX = { x: MARGIN, y: BODY.y + 0.75, w: CONTENT_W, h: BODY.h - 0.75 };

/** A one-line takeaway over a chart; the chart job goes out with the slide's elements. */
export const chart: LayoutKind<'chart'> = {
  dark: false,
  layout(ctx) {
    const { slide, theme } = ctx;
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
            box: { x: MARGIN, y: BODY.y + 0.1, w: CONTENT_W, h: 0.6 },
            paragraphs: [{ text: slide.takeaway, bold: true }],
            max: theme.sizes.body + 2,
            min: 14,
            color: theme.colors.accent2,
            valign: 'middle',
            name: 'takeaway',
          },
          ctx,
        ),
        { type: 'chart', box: CHART_BOX, job: id, name: 'chart' },
      ],
      charts: [{ id, request, box: { width: CHART_BOX.w, height: CHART_BOX.h } }],
    };
  },
};
