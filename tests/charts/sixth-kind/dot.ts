import type { EChartsOption } from 'echarts';
import type { ChartKindSpec } from '../../../src/charts/kinds/kind-spec.js';
import { withOptional } from '../../../src/charts/resolve/fields.js';
import { mixedUnits, sideBySide, type FiguresChart } from '../../../src/charts/resolve/figures.js';
import { baseOption, chartStyle, px } from '../../../src/charts/style/context.js';
import { categoryLabel, figuresAltText, valueLabel } from '../../../src/charts/style/figure-labels.js';

/*
 * A sixth chart kind, for tests only: written as it would be in src/charts/kinds/dot.ts (the
 * registry test copies it there, with these imports made relative to that folder).
 */

export type DotChart = FiguresChart<'dot'>;

/** `dot`: figures in one unit as dots on a value axis from 0. */
export const dot: ChartKindSpec<DotChart, 'figures'> = {
  summary: 'dots of values on one axis',
  wants: 'figures',
  resolve(request, dataset, fail) {
    const pick = sideBySide(request, dataset, fail);
    if ('diagnostics' in pick) return pick;
    const mixed = mixedUnits(pick.items, request, fail, 'a dot chart needs one unit; the items');
    if (mixed) return mixed;
    return { chart: withOptional({ kind: 'dot' as const, meta: pick.meta, items: pick.items }, request), diagnostics: [] };
  },
  option(chart, ctx) {
    const s = chartStyle(ctx.theme, ctx);
    const option: EChartsOption = {
      ...baseOption(s),
      grid: { left: px(ctx.width * 0.3), right: px(ctx.width * 0.2), top: s.pad, bottom: s.pad },
      xAxis: { type: 'value', min: 0, show: false },
      yAxis: { type: 'category', inverse: true, data: chart.items.map((i) => categoryLabel(i, ctx.locale)), axisLabel: { fontSize: s.text, fontFamily: s.font, interval: 0 } },
      series: [
        {
          type: 'scatter',
          symbolSize: 16,
          data: chart.items.map((i, k) => ({
            value: [i.value, k],
            itemStyle: { color: chart.highlight === undefined || chart.highlight === i.key ? s.color.accent : s.color.subdued },
            label: { show: true, position: 'right', formatter: valueLabel(i, i.value, ctx.locale), fontSize: s.text, fontFamily: s.font },
          })),
        },
      ],
    };
    return { option, problems: [] };
  },
  native: (chart) => ({ code: 'CHART_NATIVE_UNSUPPORTED', refused: `a dot chart of '${chart.meta.id}' has no native form`, hint: 'use `render: echarts`' }),
  altText: (chart, locale) => `點圖：${figuresAltText(chart, locale)}`,
};
