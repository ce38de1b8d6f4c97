import type { EChartsOption } from 'echarts';
import type { Theme } from '../../load/theme/theme.js';
import type { Locale } from '../../locale/locale.js';
import { sideBySide, type FiguresChart } from '../resolve/figures.js';
import { fieldAt, withOptional } from '../resolve/fields.js';
import { baseOption, type ChartContext, chartStyle, titleBlock } from '../style/context.js';
import { barFrame, categoryAxis, categoryLabel, figuresAltText, valueLabel } from '../style/figure-labels.js';
import { nativeBase, type NativeSpec } from '../style/native.js';
import type { BuiltOption, ChartKindSpec } from './kind-spec.js';

export type ShareChart = FiguresChart<'share'>;

/** `share`: percentages, each as a part of 100%. */
export const share: ChartKindSpec<ShareChart, 'figures'> = {
  summary: 'percentages',
  wants: 'figures',
  resolve(request, dataset, fail) {
    const pick = sideBySide(request, dataset, fail);
    if ('diagnostics' in pick) return pick;
    const notPercent = pick.items.filter((i) => i.unit !== '%');
    if (notPercent.length) {
      return fail(
        'CHART_NOT_PERCENT',
        `a share chart draws percentages; ${notPercent.map((i) => `'${i.key}'`).join(', ')} ${notPercent.length > 1 ? 'are' : 'is'} not in %`,
        'use a comparison chart for amounts',
        fieldAt(request, request.items?.length ? 'items' : 'kind'),
      );
    }
    return { chart: withOptional({ kind: 'share' as const, meta: pick.meta, items: pick.items }, request), diagnostics: [] };
  },
  option: shareOption,
  native: shareNative,
  altText: figuresAltText,
};

const TICKS = [0, 25, 50, 75, 100];

/**
 * Percentages as bars on a 0–100% axis, each over a light track to 100%, so 90% and 77% read
 * as parts of a whole, not only as against each other; the value stands right of the track.
 */
export function shareOption(chart: ShareChart, ctx: ChartContext): BuiltOption {
  const s = chartStyle(ctx.theme, ctx);
  const title = titleBlock(chart.title, s);
  const values = chart.items.map((i) => valueLabel(i, i.value, ctx.locale));
  const axisH = Math.round(s.small * 1.6);
  const frame = barFrame(
    chart.items.map((i) => categoryLabel(i, ctx.locale)),
    values.map((v) => ctx.measure(v, s.text, true)),
    [],
    title.height,
    s,
    ctx,
    axisH,
  );
  const colour = (key: string) => (chart.highlight === undefined || chart.highlight === key ? s.color.accent : s.color.subdued);
  const option: EChartsOption = {
    ...baseOption(s),
    grid: frame.grid,
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      interval: 25,
      axisLabel: { formatter: '{value}%', fontSize: s.small, color: s.color.muted, fontFamily: s.font, customValues: TICKS },
      axisTick: { show: false },
      axisLine: { show: false },
      splitLine: { show: true, lineStyle: { color: s.color.grid } },
    },
    yAxis: categoryAxis(
      frame.lines,
      s,
      chart.items.map((i) => i.key === chart.highlight),
    ),
    series: [
      // The track to 100%, which also carries the value label, right of the track's end.
      {
        type: 'bar',
        name: '100%',
        silent: true,
        barCategoryGap: '40%',
        itemStyle: { color: s.color.tint },
        data: chart.items.map((_, k) => ({ value: 100, label: { formatter: values[k] ?? '' } })),
        label: { show: true, position: 'right', distance: 10, fontSize: s.text, fontWeight: 'bold', color: s.color.text, fontFamily: s.font },
      },
      {
        type: 'bar',
        name: chart.meta.title,
        barGap: '-100%',
        data: chart.items.map((i) => ({ value: i.value, itemStyle: { color: colour(i.key) } })),
      },
    ],
    graphic: frame.graphic as EChartsOption['graphic'],
  };
  if (title.option) option.title = title.option;
  return { option, problems: frame.problems };
}

/** Native bars on a fixed 0–100 axis. */
export function shareNative(chart: ShareChart, theme: Theme, locale: Locale): NativeSpec {
  return {
    chartType: 'bar',
    data: [{ name: locale.word('chart.withUnit', { name: chart.meta.title, unit: '%' }), labels: chart.items.map((i) => categoryLabel(i, locale)), values: chart.items.map((i) => i.value) }],
    options: {
      ...nativeBase(theme, chartStyle(theme)),
      barDir: 'bar',
      catAxisOrientation: 'maxMin',
      chartColors: chart.items.map((i) => (chart.highlight === undefined || chart.highlight === i.key ? theme.colors.accent : theme.colors.subdued)),
      dataLabelFormatCode: 'General"%"',
      valAxisMinVal: 0,
      valAxisMaxVal: 100,
    },
  };
}
