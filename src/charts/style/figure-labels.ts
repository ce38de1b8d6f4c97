import type { FigureItem } from '../../data/types.js';
import type { Locale } from '../../locale/locale.js';
import type { EChartsOption } from 'echarts';
import type { FiguresChart } from '../resolve/figures.js';
import { plain, px, wrapLabel, type ChartContext, type ChartStyle } from './context.js';

/**
 * "阿里巴巴（未來3年）": the period goes with the name, so unlike periods never pass as like
 * (unless the label already says it: "字節跳動（2025年預計）").
 */
export function categoryLabel(item: FigureItem, locale: Locale): string {
  return item.period && !item.label.includes(item.period) ? locale.word('chart.period', { label: item.label, period: item.period }) : item.label;
}

/** "超過3800億元", "約900億元", "90%", "more than ¥380 billion": the qualifier and the value, as the deck's text writes them. */
export function valueLabel(item: Pick<FigureItem, 'qualifier' | 'unit'>, value: number, locale: Locale): string {
  return locale.qualify(item.qualifier, locale.value(value, item.unit));
}

/** "阿里巴巴（未來3年）超過3800億元" for alt text. */
export function figureSentence(item: FigureItem, locale: Locale, value = item.value): string {
  return locale.word('chart.alt.figure', { label: categoryLabel(item, locale), value: valueLabel(item, value, locale) });
}

/** The periods of items that cover different ones, for a note; none when they agree. */
function differentPeriods(items: readonly FigureItem[], locale: Locale): string | undefined {
  const periods = [...new Set(items.map((i) => i.period ?? locale.word('chart.period.none')))];
  return periods.length > 1 ? periods.join(locale.word('chart.nameSeparator')) : undefined;
}

/** A note under the chart when the items cover different periods. */
export function periodNote(items: readonly FigureItem[], locale: Locale): string | undefined {
  const periods = differentPeriods(items, locale);
  return periods ? locale.word('chart.note.periods', { periods }) : undefined;
}

/**
 * The frame of a horizontal bar chart with category labels on the left (wrapped to at most
 * 40% of the width), value labels right of the bars, and optional footnote lines: the grid
 * leaves room for every label, and rows too small for their labels are reported.
 */
export function barFrame(
  cats: readonly string[],
  valueWidths: readonly number[],
  notes: readonly string[],
  titleHeight: number,
  s: ChartStyle,
  ctx: ChartContext,
  bottomExtra = 0,
): { lines: string[][]; grid: { left: number; right: number; top: number; bottom: number }; graphic: object[]; problems: string[] } {
  const { width: W, height: H, measure } = ctx;
  const problems: string[] = [];
  const lines = cats.map((c) => wrapLabel(c, W * 0.4, s.text, measure));
  const catW = Math.max(0, ...lines.flat().map((l) => measure(l, s.text)));
  const valueW = Math.max(0, ...valueWidths);
  const noteLine = Math.round(s.small * 1.4);
  const noteLines = notes.flatMap((n) => wrapLabel(n, W - 2 * s.pad, s.small, measure));
  const grid = {
    left: px(s.pad + catW + 12),
    right: px(s.pad + valueW + 12),
    top: px(s.pad + titleHeight),
    bottom: px(s.pad + bottomExtra + (noteLines.length ? noteLines.length * noteLine + 8 : 0)),
  };
  const rowH = (H - grid.top - grid.bottom) / Math.max(1, cats.length);
  const needed = Math.max(1, ...lines.map((l) => l.length)) * s.lineHeight + 6;
  if (rowH < needed) problems.push(`${cats.length} rows need ${Math.round(needed * cats.length)}px of height; the chart has ${Math.round(H - grid.top - grid.bottom)}px`);
  if (W - grid.left - grid.right < 80) problems.push(`labels leave ${Math.round(W - grid.left - grid.right)}px for the bars`);
  const graphic = noteLines.map((text, i) => ({
    type: 'text',
    x: s.pad,
    y: px(H - s.pad - (noteLines.length - i) * noteLine),
    style: { text: plain(text), fontFamily: s.font, fontSize: s.small, fill: s.color.muted },
  }));
  return { lines, grid, graphic, problems };
}

/** The category axis of a horizontal bar chart: first category on top. */
export function categoryAxis(lines: readonly string[][], s: ChartStyle, bold: readonly boolean[] = []): EChartsOption['yAxis'] {
  return {
    type: 'category',
    inverse: true,
    data: lines.map((l, i) => ({ value: l.join('\n'), textStyle: bold[i] ? { fontWeight: 'bold', color: s.color.text } : { color: s.color.text } })),
    // interval 0: every label, always; ECharts otherwise drops labels it thinks collide, silently.
    axisLabel: { fontSize: s.text, fontFamily: s.font, lineHeight: s.lineHeight, margin: 12, interval: 0 },
    axisTick: { show: false },
    axisLine: { lineStyle: { color: s.color.subduedMark } },
  };
}

/** "阿里巴巴與字節跳動的AI投入：阿里巴巴（未來3年）超過3800億元；字節跳動（2025年）1600億元。" */
export function figuresAltText(chart: FiguresChart, locale: Locale): string {
  const text = locale.word('chart.alt.figures', { title: chart.meta.title, items: chart.items.map((i) => figureSentence(i, locale)).join(locale.word('chart.alt.semicolon')) });
  const periods = differentPeriods(chart.items, locale);
  return periods ? locale.word('chart.alt.then', { first: text, next: locale.word('chart.alt.periods', { periods }) }) : text;
}
