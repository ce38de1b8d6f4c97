import type { EChartsOption } from 'echarts';
import { roundToSum } from '../../data/format.js';
import type { FigureItem, Qualifier } from '../../data/types.js';
import type { Theme } from '../../load/theme/theme.js';
import type { Locale } from '../../locale/locale.js';
import { itemAt } from '../resolve/fields.js';
import { mixedUnits, pickFigures, type FiguresMeta } from '../resolve/figures.js';
import { list } from '../resolve/hints.js';
import { textOn } from '../style/contrast.js';
import { baseOption, type ChartContext, chartStyle, titleBlock } from '../style/context.js';
import { barFrame, categoryAxis, categoryLabel, valueLabel } from '../style/figure-labels.js';
import { decimalsFor, nativeBase, scaledUnit, type NativeSpec } from '../style/native.js';
import type { BuiltOption, ChartKindSpec } from './kind-spec.js';

/** A total and its parts. */
export interface BreakdownChart {
  kind: 'breakdown';
  meta: FiguresMeta;
  parent: FigureItem;
  parts: FigureItem[];
  title?: string;
}

/** `breakdown`: a total (the first of `items`, else the first item with parts) and its parts (the rest of `items`, else all). */
export const breakdown: ChartKindSpec<BreakdownChart, 'figures'> = {
  summary: 'a total and its parts',
  wants: 'figures',
  resolve(request, dataset, fail) {
    const pick = pickFigures(request, dataset, fail);
    if ('diagnostics' in pick) return pick;
    const parents = dataset.items.filter((i) => dataset.items.some((p) => p.parent === i.key));
    const parent = pick.picked[0] ?? parents[0];
    if (!parent) return fail('CHART_NO_PARTS', `'${dataset.id}' has no item with parts (items whose \`parent\` names it)`);
    const allParts = dataset.items.filter((i) => i.parent === parent.key);
    if (allParts.length === 0) {
      return fail(
        'CHART_NO_PARTS',
        `'${parent.key}' in '${dataset.id}' has no parts`,
        parents.length ? `items with parts: ${list(parents.map((p) => p.key))}` : 'give parts a `parent` key',
        itemAt(request, 0),
      );
    }
    const named = pick.picked.slice(1);
    const strangers = named.filter((i) => i.parent !== parent.key);
    if (strangers.length) {
      return fail(
        'CHART_NOT_A_PART',
        `${strangers.map((s) => `'${s.key}'`).join(', ')} ${strangers.length > 1 ? 'are not parts' : 'is not a part'} of '${parent.key}'`,
        `parts of '${parent.key}': ${list(allParts.map((p) => p.key))}`,
        itemAt(request, 1 + named.findIndex((i) => i.parent !== parent.key)),
      );
    }
    const parts = named.length ? named : allParts;
    const mixed = mixedUnits([parent, ...parts], request, fail, `a breakdown needs one unit; '${parent.key}' and its parts`);
    if (mixed) return mixed;
    const chart: BreakdownChart = { kind: 'breakdown', meta: pick.meta, parent, parts };
    if (request.title !== undefined) chart.title = request.title;
    return { chart, diagnostics: [] };
  },
  option: breakdownOption,
  native: breakdownNative,
  altText: breakdownAltText,
};

/** One row of a breakdown: a part, the unnamed rest, or the total; `value` already rounded. */
export interface BreakdownRow {
  role: 'part' | 'rest' | 'total';
  label: string;
  value: number;
  /** The value before rounding: what the source says (or, for the rest, the total less the parts). */
  exact: number;
  qualifier: Qualifier;
  unit: string;
}

/**
 * The rows of a breakdown with labels that add up: parts are rounded (in the unit the locale
 * writes the total in) with `roundToSum`, so "約900億 + 700億" never contradicts "1600億". Parts
 * that fall short of the total get an "其他（未列明）" row; parts that exceed it are reported.
 */
export function breakdownRows(chart: BreakdownChart, locale: Locale): { rows: BreakdownRow[]; problems: string[] } {
  const { parent, parts } = chart;
  const problems: string[] = [];
  const sum = parts.reduce((a, p) => a + p.value, 0);
  const gap = parent.value - sum;
  const tolerance = Math.abs(parent.value) * 0.005;
  const vague = [parent, ...parts].some((i) => i.qualifier !== '=');
  const raw: BreakdownRow[] = parts.map((p) => ({ role: 'part', label: p.label, value: p.value, exact: p.value, qualifier: p.qualifier, unit: p.unit }));
  if (gap > tolerance) raw.push({ role: 'rest', label: locale.word('chart.rest'), value: gap, exact: gap, qualifier: vague ? '~' : '=', unit: parent.unit });
  if (gap < -tolerance) problems.push(`the parts of '${parent.key}' add up to ${locale.value(sum, parent.unit)}, more than its ${locale.value(parent.value, parent.unit)}`);
  const { size } = scaledUnit(Math.abs(parent.value), locale);
  const decimals = Math.abs(parent.value) / size >= 100 ? 0 : 1;
  const rounded = roundToSum(
    raw.map((r) => r.value / size),
    decimals,
  );
  const rows: BreakdownRow[] = raw.map((r, i) => ({ ...r, value: (rounded[i] ?? 0) * size }));
  const partsTotal = Number(rounded.reduce((a, b) => a + b, 0).toFixed(decimals)) * size;
  rows.push({ role: 'total', label: categoryLabel(parent, locale), value: gap < -tolerance ? parent.value : partsTotal, exact: parent.value, qualifier: parent.qualifier, unit: parent.unit });
  return { rows, problems };
}

/**
 * A horizontal waterfall: each part a bar starting where the previous ended, then the total
 * from zero ("AI算力採購 約900億元", "IDC基建 700億元", "字節跳動資本開支（2025年）1600億元").
 */
export function breakdownOption(chart: BreakdownChart, ctx: ChartContext): BuiltOption {
  const s = chartStyle(ctx.theme, ctx);
  const title = titleBlock(chart.title, s);
  const { rows, problems } = breakdownRows(chart, ctx.locale);
  const values = rows.map((r) => valueLabel(r, r.value, ctx.locale));
  const frame = barFrame(
    rows.map((r) => r.label),
    values.map((v) => ctx.measure(v, s.text, true)),
    [],
    title.height,
    s,
    ctx,
  );
  let start = 0;
  const bases = rows.map((r) => {
    if (r.role === 'total') return 0;
    const b = start;
    start += r.value;
    return b;
  });
  const colour = (r: BreakdownRow) => (r.role === 'total' ? s.color.accent2 : r.role === 'rest' ? s.color.subdued : s.color.accent);
  const option: EChartsOption = {
    ...baseOption(s),
    grid: frame.grid,
    xAxis: { type: 'value', min: 0, show: false },
    yAxis: categoryAxis(
      frame.lines,
      s,
      rows.map((r) => r.role === 'total'),
    ),
    series: [
      // The invisible run-up that makes each part start where the previous one ended.
      { type: 'bar', name: 'base', stack: 'waterfall', silent: true, itemStyle: { color: 'transparent' }, data: bases, barCategoryGap: '40%' },
      {
        type: 'bar',
        name: chart.parent.label,
        stack: 'waterfall',
        data: rows.map((r, i) => ({ value: r.value, itemStyle: { color: colour(r) }, label: { formatter: values[i] ?? '' } })),
        label: { show: true, position: 'right', distance: 10, fontSize: s.text, fontWeight: 'bold', color: s.color.text, fontFamily: s.font },
      },
    ],
    graphic: frame.graphic as EChartsOption['graphic'],
  };
  if (title.option) option.title = title.option;
  return { option, problems: [...problems, ...frame.problems] };
}

/** Native: one stacked bar of the parts, raw values with a number format; the category names the total ("…（2025年）：1600億元"). */
export function breakdownNative(chart: BreakdownChart, theme: Theme, locale: Locale): NativeSpec {
  const { rows } = breakdownRows(chart, locale);
  const total = rows[rows.length - 1];
  const parts = rows.filter((r) => r.role !== 'total');
  const scale = scaledUnit(Math.abs(chart.parent.value), locale);
  const category = locale.word('chart.total', { label: categoryLabel(chart.parent, locale), value: total ? valueLabel(total, total.value, locale) : '' });
  const colours = parts.map((r, i) => (r.role === 'rest' ? theme.colors.subdued : i % 2 === 0 ? theme.colors.accent : theme.colors.accent2));
  return {
    chartType: 'bar',
    data: parts.map((r) => ({ name: r.qualifier === '~' ? locale.word('chart.about', { label: r.label }) : r.label, labels: [category], values: [r.exact] })),
    options: {
      ...nativeBase(theme, chartStyle(theme)),
      barDir: 'bar',
      barGrouping: 'stacked',
      catAxisOrientation: 'maxMin',
      chartColors: colours,
      dataLabelFormatCode: scale.format(
        chart.parent.unit,
        decimalsFor(
          parts.map((r) => r.exact),
          scale.size,
        ),
      ),
      dataLabelColor: colours.every((c) => textOn(c, theme.colors.text) === 'FFFFFF') ? 'FFFFFF' : theme.colors.text,
      showLegend: true,
      legendPos: 'b',
      legendFontFace: theme.fonts.eastAsian,
      legendFontSize: Math.max(12, theme.sizes.small),
    },
  };
}

/** "字節跳動資本開支（2025年）1600億元：AI算力採購 約900億元，IDC基建及網絡設備 700億元。" */
export function breakdownAltText(chart: BreakdownChart, locale: Locale): string {
  const { rows } = breakdownRows(chart, locale);
  const total = rows[rows.length - 1];
  const parts = rows.filter((r) => r.role !== 'total').map((r) => locale.word('chart.alt.part', { label: r.label, value: valueLabel(r, r.value, locale) }));
  const whole = total ? locale.word('chart.alt.figure', { label: categoryLabel(chart.parent, locale), value: valueLabel(total, total.value, locale) }) : categoryLabel(chart.parent, locale);
  return locale.word('chart.alt.breakdown', { total: whole, parts: parts.join(locale.word('chart.alt.comma')) });
}
