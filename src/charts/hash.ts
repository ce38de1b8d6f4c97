import { createHash } from 'node:crypto';

/**
 * Bump when the drawing changes for the same inputs (layout code, ECharts, resvg, the font
 * packages), so cached pictures are not reused across such a change.
 */
export const CHARTS_VERSION = 'briefdeck-charts/1 echarts@6.1.0 resvg-js@2.6.2 noto-sans-tc@0.4.3';

/**
 * sha256 of a value as JSON with sorted keys and without `origin` fields: where a number was
 * written in a file does not change its drawing, so moving a line does not re-render a chart.
 */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex');
}

export function stableJson(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => {
    if (key === 'origin') return undefined;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}
