import type { EChartsOption } from 'echarts';
import { rankChanges } from '../../data/rank-change.js';
import type { RankingEdition, RankingEntry } from '../../data/types.js';
import type { Theme } from '../../load/theme/theme.js';
import type { Locale } from '../../locale/locale.js';
import { withOptional } from '../resolve/fields.js';
import { pickRanking, type RankingMeta } from '../resolve/rankings.js';
import { baseOption, type ChartContext, chartStyle, type ChartStyle, plain, px, spreadLabels, titleBlock, widest, wrapLabel } from '../style/context.js';
import { decimalsFor, nativeBase, scaledUnit, type NativeSpec } from '../style/native.js';
import { chartRank, describeChange, dotStyle, entryLabel, labelRich, legendOption, rankAxisMax, rankingHeading, rankOrder, rankTicks, richLabel, round3 } from '../style/ranks.js';
import type { BuiltOption, ChartKindSpec, NativeRefusal } from './kind-spec.js';

/** A ranking edition, drawn as a list of positions (or of scores, when every entry has one). */
export interface RankingChart {
  kind: 'ranking';
  meta: RankingMeta;
  edition: RankingEdition;
  /** The edition rank-change marks compare with; set only when marks are asked for. */
  compare?: RankingEdition;
  highlight?: string;
  title?: string;
}

/** `ranking`: an edition of a ranking, #1 on top; with `changes: true`, marks against the edition before. */
export const ranking: ChartKindSpec<RankingChart, 'ranking'> = {
  summary: '#1 on top',
  wants: 'ranking',
  resolve(request, dataset, fail) {
    const pick = pickRanking(request, dataset, fail, { needed: request.changes === true, what: 'rank-change marks (`changes: true`)', field: 'changes', drop: 'drop `changes: true`' });
    if ('diagnostics' in pick) return pick;
    const chart: RankingChart = { kind: 'ranking', ...withOptional({ meta: pick.meta, edition: pick.shown }, request) };
    if (request.changes && pick.compare) chart.compare = pick.compare;
    return { chart, diagnostics: [] };
  },
  option: rankingOption,
  native: rankingNative,
  altText: rankingAltText,
};

const DOT = 14;

/**
 * A ranking edition, #1 on top. With a score for every entry, bars are the score. Otherwise
 * the chart shows position, never length:
 * - in a landscape box, a row per entry in rank order ("#2 DeepSeek"), each with a dot on a track
 *   from #1 to the list's size; an entry known only as "in the top 10" gets a bracket over
 *   #1…#10 ("名次未公布") instead of a dot;
 * - in a portrait box, one vertical rank axis (#1 at the top) with a dot per entry, labels spread
 *   apart with leader lines, and "top 10" entries in a bracket beside the axis
 *   ("前10名（名次未公布）").
 * Neither ever puts an entry at an invented rank.
 */
export function rankingOption(chart: RankingChart, ctx: ChartContext): BuiltOption {
  if (hasScores(chart)) return scoreBars(chart, ctx);
  return ctx.width >= ctx.height ? rankRows(chart, ctx) : positions(chart, ctx);
}

/** Every entry has a score: bars can be the score. */
export function hasScores(chart: RankingChart): boolean {
  return chart.edition.entries.every((e) => e.score !== undefined);
}

/** Names in rich-text markup, "、"-separated, packed into lines no wider than `room` (a name is never split). */
function packNames(entries: readonly RankingEntry[], room: number, chart: RankingChart, s: ChartStyle, ctx: ChartContext): { lines: string[]; width: number } {
  const lines: string[] = [];
  let line = '';
  let lineW = 0;
  let width = 0;
  const separator = ctx.locale.word('chart.nameSeparator');
  const sep = ctx.measure(separator, s.text);
  for (const e of entries) {
    const hi = isHighlighted(chart, e);
    const w = ctx.measure(e.name, s.text, hi);
    const markup = `{${hi ? 'hi' : 'lo'}|${plain(e.name)}}`;
    if (line && lineW + sep + w > room) {
      lines.push(`${line}{lo|${plain(separator)}}`);
      width = Math.max(width, lineW + sep);
      line = '';
      lineW = 0;
    }
    line += (line ? `{lo|${plain(separator)}}` : '') + markup;
    lineW += (lineW ? sep : 0) + w;
  }
  if (line) lines.push(line);
  return { lines, width: Math.max(width, lineW) };
}

/** Rich styles for a `graphic` text element, which (unlike series labels) names the colour `fill`. */
export function graphicRich(rich: Record<string, object>): Record<string, object> {
  return Object.fromEntries(
    Object.entries(rich).map(([k, v]) => {
      const { color, ...rest } = v as { color?: string };
      return [k, color === undefined ? rest : { ...rest, fill: color }];
    }),
  );
}

function isHighlighted(chart: { highlight?: string }, e: RankingEntry): boolean {
  return chart.highlight !== undefined && e.group === chart.highlight;
}

function groupLabel(chart: RankingChart): string {
  return chart.highlight !== undefined ? (chart.meta.groups[chart.highlight]?.label ?? chart.highlight) : '';
}

/** The dots' series: the highlighted group (or every rank) and the others, each with its legend name. */
function dotGroups(chart: RankingChart, locale: Locale): { name: string; other: boolean; pick: (e: RankingEntry) => boolean }[] {
  return [
    { name: groupLabel(chart) || locale.word('chart.allRanks'), other: false, pick: (e) => chart.highlight === undefined || isHighlighted(chart, e) },
    { name: locale.word('chart.others'), other: true, pick: (e) => chart.highlight !== undefined && !isHighlighted(chart, e) },
  ];
}

/** A row per entry, #1 on top, each with its position on a #1…#N track (wide boxes). */
function rankRows(chart: RankingChart, ctx: ChartContext): BuiltOption {
  const s = chartStyle(ctx.theme, ctx);
  const { width: W, height: H, measure } = ctx;
  const problems: string[] = [];
  const entries = rankOrder(chart.edition.entries);
  const changes = chart.compare ? rankChanges(chart.edition, chart.compare) : undefined;
  const max = rankAxisMax(chart.meta, entries);
  const ticks = rankTicks(max);

  const title = titleBlock(chart.title, s);
  const legend = chart.highlight !== undefined && entries.some((e) => !isHighlighted(chart, e));
  const labels = entries.map((e) => richLabel(entryLabel(e, ctx.locale), isHighlighted(chart, e), changes?.get(e.name), s, ctx));
  const labelW = Math.max(...labels.map((l) => l.width));
  const tickRow = Math.round(s.small * 1.8);
  const rowsTop = s.pad + title.height + (legend ? s.lineHeight + 6 : 0) + tickRow;
  const available = H - rowsTop - s.pad;
  const rowH = Math.min(available / entries.length, s.lineHeight * 2.2);
  if (rowH < s.lineHeight) problems.push(`${entries.length} rows need ${entries.length * s.lineHeight}px of height; the chart has ${Math.round(available)}px`);
  const caption = ctx.locale.word('chart.rankNotPublished');
  const captionW = entries.some((e) => e.rank === undefined) ? measure(caption, s.small) + 24 : 0;
  const left = s.pad + labelW + 16;
  const right = s.pad + measure(chartRank(max, ctx.locale), s.small) / 2 + 4;
  if (W - left - right < 200) problems.push(`labels leave ${Math.round(W - left - right)}px for the rank track`);
  const xOf = (rank: number) => left + ((rank - 1) / Math.max(1, max - 1)) * (W - left - right);
  const tooTight = entries.filter((e) => e.rank === undefined && xOf(e.within ?? max) + 12 + captionW > W - s.pad);
  if (tooTight.length) problems.push(`the "rank not published" note of ${tooTight.map((e) => e.name).join(', ')} does not fit right of its bracket`);

  const colour = (e: RankingEntry) => (chart.highlight === undefined || isHighlighted(chart, e) ? s.color.accent : s.color.subduedMark);
  const byGroup = dotGroups(chart, ctx.locale);
  const series: object[] = [];
  for (const g of byGroup) {
    const data = entries.flatMap((e, row) => (g.pick(e) && e.rank !== undefined ? [{ name: e.name, value: [e.rank, row], itemStyle: dotStyle(colour(e), s) }] : []));
    if (!data.length && !(legend && entries.some(g.pick))) continue;
    series.push({ type: 'scatter', name: g.name, symbolSize: DOT + 4, z: 3, itemStyle: dotStyle(g.other ? s.color.subduedMark : s.color.accent, s), data });
  }
  // "In the top N": a bracket over #1…#N with end caps, never a dot at a made-up rank.
  const vague = entries.map((e, row) => ({ e, row })).filter(({ e }) => e.rank === undefined);
  if (vague.length) {
    series.push({
      type: 'lines',
      coordinateSystem: 'cartesian2d',
      silent: true,
      symbol: 'none',
      z: 2,
      data: vague.map(({ e, row }) => ({
        coords: [
          [1, row],
          [Math.min(e.within ?? max, max), row],
        ],
        lineStyle: { color: colour(e), width: 6, opacity: 0.35, cap: 'round' },
      })),
    });
    series.push({
      type: 'scatter',
      name: 'bracket',
      silent: true,
      symbol: 'rect',
      symbolSize: [3, Math.round(s.text * 0.9)],
      z: 3,
      data: vague.flatMap(({ e, row }) => {
        const end = Math.min(e.within ?? max, max);
        return [
          { value: [1, row], itemStyle: { color: colour(e) } },
          {
            value: [end, row],
            itemStyle: { color: colour(e) },
            label: {
              show: true,
              position: 'right',
              distance: 10,
              formatter: caption,
              fontSize: s.small,
              color: s.color.muted,
              fontFamily: s.font,
              backgroundColor: s.color.background,
              padding: [2, 4],
            },
          },
        ];
      }),
    });
  }

  const option: EChartsOption = {
    ...baseOption(s),
    grid: { left: px(left), right: px(right), top: px(rowsTop + rowH / 2), bottom: px(H - rowsTop - rowH * (entries.length - 0.5)) },
    xAxis: {
      type: 'value',
      position: 'top',
      min: 1,
      max,
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { customValues: ticks, formatter: chartRank('{value}', ctx.locale), fontSize: s.small, color: s.color.muted, fontFamily: s.font, margin: px(rowH / 2 + 6) },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      boundaryGap: false,
      data: labels.map((l) => l.markup),
      axisLabel: { rich: labelRich(s), fontFamily: s.font, margin: 16, interval: 0 },
      axisTick: { show: false },
      axisLine: { show: false },
      // The track each dot sits on, #1 to the list's size.
      splitLine: { show: true, lineStyle: { color: s.color.grid, width: 2 } },
    },
    series: [
      // Faint guides at #1, #10, #20 … so dots in different rows can be compared.
      {
        type: 'lines',
        coordinateSystem: 'cartesian2d',
        silent: true,
        symbol: 'none',
        z: 1,
        lineStyle: { color: s.color.grid, width: 1, type: 'dashed', opacity: 1 },
        data: ticks.map((t) => ({
          coords: [
            [t, 0],
            [t, Math.max(0, entries.length - 1)],
          ],
        })),
      },
      ...series,
    ] as EChartsOption['series'],
  };
  if (legend) option.legend = { ...legendOption(s, title.height), data: byGroup.map((g) => g.name) };
  if (title.option) option.title = title.option;
  return { option, problems };
}

function positions(chart: RankingChart, ctx: ChartContext): BuiltOption {
  const s = chartStyle(ctx.theme, ctx);
  const { width: W, height: H, measure } = ctx;
  const problems: string[] = [];
  const entries = rankOrder(chart.edition.entries);
  const exact = entries.filter((e) => e.rank !== undefined);
  const vague = entries.filter((e) => e.rank === undefined);
  const changes = chart.compare ? rankChanges(chart.edition, chart.compare) : undefined;
  const max = rankAxisMax(chart.meta, entries);
  const ticks = rankTicks(max);

  const title = titleBlock(chart.title, s);
  const legend = chart.highlight !== undefined && entries.some((e) => !isHighlighted(chart, e));
  const top = s.pad + title.height + (legend ? s.lineHeight + 6 : 0) + s.lineHeight / 2;
  const bottom = s.pad + s.lineHeight / 2;
  const plotH = Math.max(1, H - top - bottom);
  const tickW = Math.max(...ticks.map((t) => measure(chartRank(t, ctx.locale), s.small)));
  const gridLeft = s.pad + tickW + 10;
  const yOf = (rank: number) => top + (max > 1 ? ((rank - 1) / (max - 1)) * plotH : 0);
  const rankAt = (y: number) => 1 + ((y - top) / plotH) * (max - 1);
  const dotX = 22;
  const labelX = 52;

  const labels = exact.map((e) => richLabel(entryLabel(e, ctx.locale), isHighlighted(chart, e), changes?.get(e.name), s, ctx));
  const spread = spreadLabels(
    exact.map((e) => yOf(e.rank ?? 1)),
    s.lineHeight,
    top - s.lineHeight / 2 + 2,
    H - s.pad - s.lineHeight / 2,
  );
  if (!spread.fits) problems.push(`${exact.length} labels need ${exact.length * s.lineHeight}px of height; the chart has ${Math.round(H - top)}px`);
  const labelW = Math.max(0, ...labels.map((l) => l.width));

  // Entries known only as "in the top N", one bracket per N, in columns right of the labels.
  const bands = [...new Set(vague.map((e) => e.within ?? max))].sort((a, b) => a - b);
  const graphic: object[] = [];
  let bandX = gridLeft + labelX + labelW + 36;
  bands.forEach((n, k) => {
    const inBand = vague.filter((e) => (e.within ?? max) === n);
    // What is left of the width, shared by the brackets still to place: names and caption wrap into it.
    const room = Math.max(60, (W - s.pad - bandX - 16 - 28 * (bands.length - 1 - k)) / (bands.length - k));
    const names = packNames(inBand, room, chart, s, ctx);
    const caption = wrapLabel(ctx.locale.word('chart.withinNotPublished', { n }), room, s.small, measure);
    const y0 = yOf(1) - DOT / 2;
    const y1 = Math.max(yOf(Math.min(n, max)) + DOT / 2, y0 + 2 * s.lineHeight);
    graphic.push(
      { type: 'rect', shape: { x: px(bandX), y: px(y0), width: 6, height: px(y1 - y0) }, style: { fill: inBand.some((e) => isHighlighted(chart, e)) ? s.color.accent : s.color.subduedMark } },
      {
        type: 'text',
        x: px(bandX + 16),
        y: px(y0),
        style: {
          text: [...names.lines, ...caption.map((c) => `{cap|${plain(c)}}`)].join('\n'),
          fontFamily: s.font,
          fontSize: s.text,
          lineHeight: s.lineHeight,
          rich: graphicRich({ ...labelRich(s), cap: { fontSize: s.small, color: s.color.muted, fontFamily: s.font } }),
        },
      },
    );
    bandX += 16 + Math.max(names.width, widest(caption, s.small, measure)) + 28;
  });
  if (bandX - 28 > W - s.pad + 1) problems.push(`labels need ${Math.round(bandX - 28 + s.pad)}px of width; the chart has ${W}px`);

  const point = (e: RankingEntry, i: number) => {
    const y = yOf(e.rank ?? 1);
    const hi = isHighlighted(chart, e);
    return {
      name: e.name,
      value: [dotX, e.rank ?? 1],
      itemStyle: dotStyle(hi || chart.highlight === undefined ? s.color.accent : s.color.subduedMark, s),
      label: { formatter: labels[i]?.markup ?? '', offset: [0, px((spread.ys[i] ?? y) - y)] },
    };
  };
  const series: object[] = [];
  const byGroup = dotGroups(chart, ctx.locale);
  for (const g of byGroup) {
    const data = exact.map((e, i) => (g.pick(e) ? point(e, i) : undefined)).filter((d) => d !== undefined);
    if (!data.length && !(legend && vague.some(g.pick))) continue;
    series.push({
      type: 'scatter',
      name: g.name,
      symbolSize: DOT,
      itemStyle: dotStyle(g.other ? s.color.subduedMark : s.color.accent, s),
      label: { show: true, position: 'right', distance: labelX - dotX - DOT / 2, rich: labelRich(s), fontFamily: s.font },
      data,
    });
  }
  // Leader lines from each dot to its label: labels of close ranks are spread apart.
  series.push({
    type: 'lines',
    coordinateSystem: 'cartesian2d',
    silent: true,
    symbol: 'none',
    lineStyle: { color: s.color.subduedMark, width: 1, opacity: 1 },
    data: exact.map((e, i) => ({
      coords: [
        [dotX + DOT / 2 + 3, e.rank ?? 1],
        [labelX - 5, round3(rankAt(spread.ys[i] ?? yOf(e.rank ?? 1)))],
      ],
    })),
  });

  const option: EChartsOption = {
    ...baseOption(s),
    grid: { left: px(gridLeft), right: s.pad, top: px(top), bottom: px(bottom) },
    xAxis: { type: 'value', min: 0, max: Math.max(1, Math.round(W - gridLeft - s.pad)), show: false },
    yAxis: {
      type: 'value',
      inverse: true,
      min: 1,
      max,
      axisLine: { show: true, lineStyle: { color: s.color.subduedMark, width: 2 } },
      axisTick: { show: true, customValues: ticks, lineStyle: { color: s.color.subduedMark } },
      axisLabel: { customValues: ticks, formatter: chartRank('{value}', ctx.locale), fontSize: s.small, color: s.color.muted, fontFamily: s.font },
      splitLine: { show: false },
    },
    series: series as EChartsOption['series'],
    graphic: graphic as EChartsOption['graphic'],
  };
  if (legend) option.legend = legendOption(s, title.height);
  if (title.option) option.title = title.option;
  return { option, problems };
}

function scoreBars(chart: RankingChart, ctx: ChartContext): BuiltOption {
  const s = chartStyle(ctx.theme, ctx);
  const { width: W, height: H, measure } = ctx;
  const problems: string[] = [];
  const entries = rankOrder(chart.edition.entries);
  const changes = chart.compare ? rankChanges(chart.edition, chart.compare) : undefined;
  const unit = chart.meta.scoreUnit ?? '';
  const values = entries.map((e) => richLabel(ctx.locale.value(e.score ?? 0, unit), false, changes?.get(e.name), s, ctx));
  const cats = entries.map((e) => entryLabel(e, ctx.locale));
  const others = ctx.locale.word('chart.others');
  const catW = Math.max(...entries.map((e, i) => measure(cats[i] ?? '', s.text, isHighlighted(chart, e))));
  const valueW = Math.max(...values.map((v) => v.width));
  const title = titleBlock(chart.title, s);
  const legend = chart.highlight !== undefined && entries.some((e) => !isHighlighted(chart, e));
  const top = s.pad + title.height + (legend ? s.lineHeight + 6 : 0);
  const left = s.pad + catW + 10;
  const right = s.pad + valueW + 10;
  if ((H - top - s.pad) / entries.length < s.lineHeight) problems.push(`${entries.length} bars need ${entries.length * s.lineHeight}px of height; the chart has ${Math.round(H - top - s.pad)}px`);
  if (W - left - right < 80) problems.push(`labels leave ${Math.round(W - left - right)}px for the bars`);
  const colour = (e: RankingEntry) => (chart.highlight === undefined || isHighlighted(chart, e) ? s.color.accent : s.color.subdued);

  const option: EChartsOption = {
    ...baseOption(s),
    grid: { left: px(left), right: px(right), top: px(top), bottom: s.pad },
    xAxis: { type: 'value', min: 0, show: false },
    yAxis: {
      type: 'category',
      inverse: true,
      data: entries.map((e, i) => ({
        value: cats[i] ?? '',
        textStyle: isHighlighted(chart, e) ? { color: s.color.accentText, fontWeight: 'bold' } : { color: s.color.text },
      })),
      axisLabel: { fontSize: s.text, fontFamily: s.font, margin: 10, interval: 0 },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: s.color.subduedMark } },
    },
    series: [
      {
        type: 'bar',
        name: chart.meta.basis ?? ctx.locale.word('chart.score'),
        barCategoryGap: '35%',
        data: entries.map((e, i) => ({
          value: e.score ?? 0,
          itemStyle: { color: colour(e) },
          label: { formatter: values[i]?.markup ?? '' },
        })),
        label: { show: true, position: 'right', distance: 8, rich: labelRich(s), fontFamily: s.font },
      },
      // Legend swatches only (empty scatter series take no bar slot): the bars carry their own colours.
      ...(legend
        ? [
            { type: 'scatter' as const, name: groupLabel(chart), data: [], itemStyle: { color: s.color.accent } },
            { type: 'scatter' as const, name: others, data: [], itemStyle: { color: s.color.subdued } },
          ]
        : []),
    ],
  };
  if (legend) option.legend = { ...legendOption(s, title.height), data: [groupLabel(chart), others] };
  if (title.option) option.title = title.option;
  return { option, problems };
}

/**
 * The ranking as a native bar chart: only with scores, since a native bar's length would encode
 * a bare rank. Returns a reason instead of a chart when it cannot be drawn honestly.
 */
export function rankingNative(chart: RankingChart, theme: Theme, locale: Locale): NativeSpec | NativeRefusal {
  if (!hasScores(chart)) {
    return {
      code: 'CHART_NATIVE_NEEDS_SCORES',
      refused: `'${chart.meta.id}' (${chart.edition.asOf}) gives ranks without scores; a native bar chart would make rank look like an amount`,
      hint: 'use `render: echarts`, which shows rank as position (dots on a rank axis), not as bar length',
    };
  }
  const entries = rankOrder(chart.edition.entries);
  const scores = entries.map((e) => e.score ?? 0);
  const scale = scaledUnit(Math.max(...scores), locale);
  const unit = chart.meta.scoreUnit ?? '';
  const name = chart.meta.basis ?? locale.word('chart.score');
  const s = chartStyle(theme);
  const colours = entries.map((e) => (chart.highlight === undefined || isHighlighted(chart, e) ? theme.colors.accent : theme.colors.subdued));
  return {
    chartType: 'bar',
    data: [
      {
        name: unit ? locale.word('chart.withUnit', { name, unit }) : name,
        labels: entries.map((e) => entryLabel(e, locale)),
        // The scores as the source gives them; the format shows them in the unit.
        values: scores,
      },
    ],
    options: {
      ...nativeBase(theme, s),
      barDir: 'bar',
      // pptxgenjs types list only 'minMax'; 'maxMin' puts the first category (#1) on top.
      catAxisOrientation: 'maxMin',
      chartColors: colours,
      dataLabelFormatCode: scale.format(unit, decimalsFor(scores, scale.size)),
    },
  };
}

/**
 * The data in words, in the deck's locale: "a16z 2025年3月〈前50大AI原生網頁產品〉，依Similarweb
 * 月獨立訪問量。名次：DeepSeek 第2，豆包 第10 …；夸克、豆包 在前10名（名次未公布）。"
 */
export function rankingAltText(chart: RankingChart, locale: Locale): string {
  const entries = rankOrder(chart.edition.entries);
  const changes = chart.compare ? rankChanges(chart.edition, chart.compare) : undefined;
  const unit = chart.meta.scoreUnit ?? '';
  const names = (list: readonly RankingEntry[]) => list.map((e) => e.name).join(locale.word('chart.nameSeparator'));
  const exact = entries
    .filter((e) => e.rank !== undefined)
    .map((e) => {
      const change = changes?.get(e.name);
      const notes = [
        e.score !== undefined ? locale.value(e.score, unit) : '',
        change ? locale.word('chart.alt.changeSince', { date: locale.date(chart.compare?.asOf ?? ''), change: describeChange(change, locale) }) : '',
      ]
        .filter(Boolean)
        .join(locale.word('chart.alt.comma'));
      const text = locale.word('chart.alt.rank', { name: e.name, rank: locale.rankLabel(e) });
      return notes ? locale.word('chart.alt.notes', { text, notes }) : text;
    });
  const vague = [...new Set(entries.filter((e) => e.rank === undefined).map((e) => e.within))].map((n) =>
    locale.word('chart.alt.within', { names: names(entries.filter((e) => e.rank === undefined && e.within === n)), n: n ?? '' }),
  );
  const ranks = [exact.join(locale.word('chart.alt.comma')), ...vague].filter(Boolean).join(locale.word('chart.alt.semicolon'));
  const sentences = [locale.word('chart.alt.ranks', { heading: rankingHeading(chart.meta, locale, chart.edition.asOf), ranks })];
  if (chart.meta.size !== undefined && entries.length < chart.meta.size) sentences.push(locale.word('chart.alt.partial'));
  if (chart.highlight !== undefined) {
    const group = locale.quote(groupLabel(chart));
    const inGroup = entries.filter((e) => isHighlighted(chart, e));
    if (inGroup.length === entries.length) sentences.push(locale.word('chart.alt.allInGroup', { group }));
    else if (inGroup.length) sentences.push(locale.word('chart.alt.inGroup', { group, names: names(inGroup) }));
  }
  return sentences.reduce((first, next) => locale.word('chart.alt.then', { first, next }));
}
