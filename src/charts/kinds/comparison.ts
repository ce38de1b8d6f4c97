import type { EChartsOption } from 'echarts';
import type { Theme } from '../../load/theme/theme.js';
import { baseOption, type ChartContext, chartStyle, titleBlock } from '../style/context.js';
import { barFrame, categoryAxis, categoryLabel, figureSentence, periodNote, valueLabel } from '../style/figure-labels.js';
import { inUnit, nativeBase, scaledUnit, type NativeSpec } from '../style/native.js';
import type { BuiltOption } from './ranking.js';
import type { FiguresChart } from '../resolve.js';
import { qualifierWord } from '../../data/format.js';

/**
 * Amounts side by side as horizontal bars, in the order asked: "阿里巴巴（未來3年）" with
 * "超過3800億元", "字節跳動（2025年）" with "1600億元". Periods stay in the labels, and a
 * footnote says so when they differ.
 */
export function comparisonOption(chart: FiguresChart, ctx: ChartContext): BuiltOption {
  const s = chartStyle(ctx.theme, ctx);
  const title = titleBlock(chart.title, s);
  const values = chart.items.map((i) => valueLabel(i, i.value));
  const note = periodNote(chart.items);
  const frame = barFrame(
    chart.items.map(categoryLabel),
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
    yAxis: categoryAxis(frame.lines, s, chart.items.map((i) => i.key === chart.highlight)),
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

/** Native bars: values in one Chinese unit ("3800" with format `億元`); a qualifier goes into the category. */
export function comparisonNative(chart: FiguresChart, theme: Theme): NativeSpec {
  const scale = scaledUnit(Math.max(...chart.items.map((i) => Math.abs(i.value))));
  const unit = chart.items[0]?.unit ?? '';
  const labels = chart.items.map((i) => {
    const q = qualifierWord(i.qualifier);
    return q ? `${categoryLabel(i)}〔${q}此數〕` : categoryLabel(i);
  });
  return {
    chartType: 'bar',
    data: [{ name: `${chart.meta.title}（${scale.unit}${unit}）`, labels, values: chart.items.map((i) => inUnit(i.value, scale.size)) }],
    options: {
      ...nativeBase(theme, chartStyle(theme)),
      barDir: 'bar',
      catAxisOrientation: 'maxMin',
      chartColors: chart.items.map((i) => (chart.highlight === undefined || chart.highlight === i.key ? theme.colors.accent : theme.colors.subdued)),
      dataLabelFormatCode: `General"${scale.unit}${unit}"`,
      valAxisMinVal: 0,
    },
  };
}

/** "阿里巴巴與字節跳動的AI投入：阿里巴巴（未來3年）超過3800億元；字節跳動（2025年）1600億元。" */
export function figuresAltText(chart: FiguresChart): string {
  const note = periodNote(chart.items);
  return `${chart.meta.title}：${chart.items.map((i) => figureSentence(i)).join('；')}。${note ? note.replace(/^注：/, '') : ''}`;
}
