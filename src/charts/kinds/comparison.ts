import type { EChartsOption } from 'echarts';
import type { Theme } from '../../load/theme/theme.js';
import type { Locale } from '../../locale/locale.js';
import { mixedUnits, sideBySide, type FiguresChart } from '../resolve/figures.js';
import { withOptional } from '../resolve/fields.js';
import { baseOption, type ChartContext, chartStyle, titleBlock } from '../style/context.js';
import { barFrame, categoryAxis, categoryLabel, figuresAltText, periodNote, valueLabel } from '../style/figure-labels.js';
import { decimalsFor, nativeBase, scaledUnit, type NativeSpec } from '../style/native.js';
import type { BuiltOption, ChartKindSpec } from './kind-spec.js';

export type ComparisonChart = FiguresChart<'comparison'>;

/** `comparison`: amounts in one unit side by side (the items named, else the totals). */
export const comparison: ChartKindSpec<ComparisonChart, 'figures'> = {
  summary: 'bars of values',
  wants: 'figures',
  resolve(request, dataset, fail) {
    const pick = sideBySide(request, dataset, fail);
    if ('diagnostics' in pick) return pick;
    const mixed = mixedUnits(pick.items, request, fail, 'a comparison needs one unit; the items', 'draw items with different units in separate charts');
    if (mixed) return mixed;
    return { chart: withOptional({ kind: 'comparison' as const, meta: pick.meta, items: pick.items }, request), diagnostics: [] };
  },
  option: comparisonOption,
  native: comparisonNative,
  altText: figuresAltText,
};

/**
 * Amounts side by side as horizontal bars, in the order asked: "阿里巴巴（未來3年）" with
 * "超過3800億元", "字節跳動（2025年）" with "1600億元". Periods stay in the labels, and a
 * footnote says so when they differ.
 */
export function comparisonOption(chart: ComparisonChart, ctx: ChartContext): BuiltOption {
  const s = chartStyle(ctx.theme, ctx);
  const title = titleBlock(chart.title, s);
  const { locale } = ctx;
  const values = chart.items.map((i) => valueLabel(i, i.value, locale));
  const note = periodNote(chart.items, locale);
  const frame = barFrame(
    chart.items.map((i) => categoryLabel(i, locale)),
    values.map((v) => ctx.measure(v, s.text, true)),
    note ? [note] : [],
    title.height,
    s,
    ctx,
  );
  const colour = (key: string) => (chart.highlight === undefined || chart.highlight === key ? s.color.accent : s.color.subdued);
  const option: EChartsOption = {
    ...baseOption(s),
    grid: frame.grid,
    xAxis: { type: 'value', min: 0, show: false },
    yAxis: categoryAxis(
      frame.lines,
      s,
      chart.items.map((i) => i.key === chart.highlight),
    ),
    series: [
      {
        type: 'bar',
        name: chart.meta.title,
        barCategoryGap: '40%',
        data: chart.items.map((i, k) => ({ value: i.value, itemStyle: { color: colour(i.key) }, label: { formatter: values[k] ?? '' } })),
        label: { show: true, position: 'right', distance: 10, fontSize: s.text, fontWeight: 'bold', color: s.color.text, fontFamily: s.font },
      },
    ],
    graphic: frame.graphic as EChartsOption['graphic'],
  };
  if (title.option) option.title = title.option;
  return { option, problems: frame.problems };
}

/** Native bars: the raw values, shown in the locale's unit by the number format (`0\.00,,"億元"`); a qualifier goes into the category. */
export function comparisonNative(chart: ComparisonChart, theme: Theme, locale: Locale): NativeSpec {
  const values = chart.items.map((i) => i.value);
  const scale = scaledUnit(Math.max(...values.map(Math.abs)), locale);
  const unit = chart.items[0]?.unit ?? '';
  const labels = chart.items.map((i) =>
    i.qualifier === '=' ? categoryLabel(i, locale) : locale.word('chart.qualified', { label: categoryLabel(i, locale), qualified: locale.qualify(i.qualifier, locale.word('chart.thisAmount')) }),
  );
  return {
    chartType: 'bar',
    data: [{ name: unit ? locale.word('chart.withUnit', { name: chart.meta.title, unit }) : chart.meta.title, labels, values }],
    options: {
      ...nativeBase(theme, chartStyle(theme)),
      barDir: 'bar',
      catAxisOrientation: 'maxMin',
      chartColors: chart.items.map((i) => (chart.highlight === undefined || chart.highlight === i.key ? theme.colors.accent : theme.colors.subdued)),
      dataLabelFormatCode: scale.format(unit, decimalsFor(values, scale.size)),
      valAxisMinVal: 0,
    },
  };
}
