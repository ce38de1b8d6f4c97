import type { EChartsOption } from 'echarts';
import { droppedOut, nameKey, rankChanges, type RankChange } from '../../data/rank-change.js';
import type { RankingEdition, RankingEntry } from '../../data/types.js';
import type { Locale } from '../../locale/locale.js';
import { withOptional } from '../resolve/fields.js';
import { pickRanking, type RankingMeta } from '../resolve/rankings.js';
import { baseOption, type ChartContext, chartStyle, plain, px, spreadLabels, titleBlock } from '../style/context.js';
import { chartRank, describeChange, dotStyle, labelRich, legendOption, rankAxisMax, rankingHeading, rankOrder, richLabel, round3 } from '../style/ranks.js';
import type { BuiltOption, ChartKindSpec } from './kind-spec.js';

/** Two editions of a ranking, drawn as a slope chart. */
export interface RankChangeChart {
  kind: 'rank-change';
  meta: RankingMeta;
  edition: RankingEdition;
  compare: RankingEdition;
  highlight?: string;
  title?: string;
}

/** `rank-change`: a slope chart from the edition before (or `compare`) to the newest (or `edition`). */
export const rankChange: ChartKindSpec<RankChangeChart, 'ranking'> = {
  summary: 'slope between two editions',
  wants: 'ranking',
  resolve(request, dataset, fail) {
    const pick = pickRanking(request, dataset, fail, { needed: true, what: 'a rank-change chart', field: 'kind' });
    if ('diagnostics' in pick) return pick;
    return { chart: { kind: 'rank-change', ...withOptional({ meta: pick.meta, edition: pick.shown }, request), compare: pick.compare as RankingEdition }, diagnostics: [] };
  },
  option: rankChangeOption,
  native: (chart) => ({
    code: 'CHART_NATIVE_UNSUPPORTED',
    refused: `a rank-change chart of '${chart.meta.id}' has no native form: a line chart would draw ranks as amounts`,
    hint: 'use `render: echarts`',
  }),
  altText: rankChangeAltText,
};

const DOT = 14;
const LEADER = 26;

/**
 * A slope chart between two editions: the earlier on the left, the later on the right, rank 1
 * at the top. Entries in both (with exact ranks) are joined by a line; new ones have only a
 * right dot ("NEW"), ones the later edition does not list only a left dot. Entries known only
 * as "in the top N" are listed in a footnote, not drawn at an invented rank.
 */
export function rankChangeOption(chart: RankChangeChart, ctx: ChartContext): BuiltOption {
  const s = chartStyle(ctx.theme, ctx);
  const { width: W, height: H, measure, locale } = ctx;
  const problems: string[] = [];
  const now = rankOrder(chart.edition.entries);
  const before = rankOrder(chart.compare.entries);
  const changes = rankChanges(chart.edition, chart.compare);
  const gone = new Set(droppedOut(chart.edition, chart.compare).map((e) => nameKey(e.name)));
  const right = now.filter((e) => e.rank !== undefined);
  const left = before.filter((e) => e.rank !== undefined);
  // No axis is drawn (every dot is labelled with its rank), so the scale ends at the lowest rank shown.
  const max = rankAxisMax(
    { ...chart.meta, size: undefined },
    [...now, ...before].filter((e) => e.rank !== undefined),
  );
  const hi = (e: RankingEntry) => chart.highlight !== undefined && groupOf(e, chart) === chart.highlight;

  const notes = footnotes(chart, locale);
  const title = titleBlock(chart.title, s);
  const hasLegend = chart.highlight !== undefined && [...now, ...before].some((e) => !hi(e));
  const headerTop = s.pad + title.height + (hasLegend ? s.lineHeight + 6 : 0);
  const top = headerTop + s.lineHeight + 8 + s.lineHeight / 2;
  const bottom = s.pad + s.lineHeight / 2 + notes.length * Math.round(s.small * 1.4) + (notes.length ? 14 : 0);
  const plotH = Math.max(1, H - top - bottom);
  const yOf = (rank: number) => top + (max > 1 ? ((rank - 1) / (max - 1)) * plotH : 0);
  const rankAt = (y: number) => 1 + ((y - top) / plotH) * (max - 1);

  const leftText = (e: RankingEntry) => locale.word('chart.entryAfter', { name: e.name, rank: chartRank(e.rank ?? '', locale) });
  const leftLabels = left.map((e) => ({ text: leftText(e), width: measure(leftText(e), s.text, hi(e)) }));
  const rightLabels = right.map((e) => richLabel(locale.word('chart.entry', { rank: chartRank(e.rank ?? '', locale), name: e.name }), hi(e), changes.get(e.name), s, ctx));
  const leftW = Math.max(0, ...leftLabels.map((l) => l.width));
  const rightW = Math.max(0, ...rightLabels.map((l) => l.width));
  // Slopes read best at a moderate angle: in a wide box the two columns move to the middle.
  const span = Math.min(W - 2 * s.pad - leftW - rightW - 2 * LEADER, Math.max(240, (H - top) * 1.4));
  const L = Math.round((W - span) / 2 + (leftW - rightW) / 2);
  const R = L + span;
  if (R - L < 100) problems.push(`labels leave ${Math.round(R - L)}px between the two editions`);

  const lo = top - s.lineHeight / 2 + 2;
  const hiY = H - bottom + s.lineHeight / 2 - 2;
  const leftY = spreadLabels(
    left.map((e) => yOf(e.rank ?? 1)),
    s.lineHeight,
    lo,
    hiY,
  );
  const rightY = spreadLabels(
    right.map((e) => yOf(e.rank ?? 1)),
    s.lineHeight,
    lo,
    hiY,
  );
  if (!leftY.fits || !rightY.fits)
    problems.push(`${Math.max(left.length, right.length)} labels need ${Math.max(left.length, right.length) * s.lineHeight}px of height; the chart has ${Math.round(plotH + s.lineHeight)}px`);

  const colour = (e: RankingEntry) => (chart.highlight === undefined || hi(e) ? s.color.accent : s.color.subduedMark);
  const point = (e: RankingEntry, side: 'left' | 'right', i: number) => {
    const y = yOf(e.rank ?? 1);
    const spread = (side === 'left' ? leftY : rightY).ys[i] ?? y;
    // An entry the later edition does not list: a hollow dot and a muted label.
    const isGone = side === 'left' && gone.has(nameKey(e.name));
    const markup = side === 'left' ? `{${isGone ? 'gone' : hi(e) ? 'hi' : 'lo'}|${plain(leftLabels[i]?.text ?? '')}}` : (rightLabels[i]?.markup ?? '');
    return {
      name: e.name,
      value: [side === 'left' ? L : R, e.rank ?? 1],
      itemStyle: isGone ? { color: s.color.background, opacity: 1, borderColor: colour(e), borderWidth: 2.5 } : dotStyle(colour(e), s),
      label: { show: true, position: side, distance: LEADER - DOT / 2, offset: [0, px(spread - y)], formatter: markup },
    };
  };
  const leaders = [
    ...left.map((e, i) => ({
      coords: [
        [L - DOT / 2 - 3, e.rank ?? 1],
        [L - LEADER + 5, round3(rankAt(leftY.ys[i] ?? 0))],
      ],
    })),
    ...right.map((e, i) => ({
      coords: [
        [R + DOT / 2 + 3, e.rank ?? 1],
        [R + LEADER - 5, round3(rankAt(rightY.ys[i] ?? 0))],
      ],
    })),
  ];
  const slopes = right.flatMap((e) => {
    const was = left.find((p) => nameKey(p.name) === nameKey(e.name));
    return was
      ? [
          {
            coords: [
              [L, was.rank ?? 1],
              [R, e.rank ?? 1],
            ],
            lineStyle: { color: colour(e), width: hi(e) ? 3 : 2 },
          },
        ]
      : [];
  });

  const groups =
    chart.highlight !== undefined
      ? [
          { name: chart.meta.groups[chart.highlight]?.label ?? chart.highlight, other: false, pick: hi },
          { name: locale.word('chart.others'), other: true, pick: (e: RankingEntry) => !hi(e) },
        ]
      : [{ name: locale.word('chart.allRanks'), other: false, pick: () => true }];
  const rich = { ...labelRich(s), gone: { fontSize: s.text, color: s.color.muted, fontFamily: s.font } };
  const series: object[] = [
    { type: 'lines', coordinateSystem: 'cartesian2d', silent: true, symbol: 'none', lineStyle: { opacity: 1 }, data: slopes },
    { type: 'lines', coordinateSystem: 'cartesian2d', silent: true, symbol: 'none', lineStyle: { color: s.color.subduedMark, width: 1, opacity: 1 }, data: leaders },
    ...groups.map((g) => ({
      type: 'scatter',
      name: g.name,
      symbolSize: DOT,
      itemStyle: dotStyle(g.other ? s.color.subduedMark : s.color.accent, s),
      label: { rich, fontFamily: s.font },
      data: [...left.map((e, i) => (g.pick(e) ? point(e, 'left', i) : undefined)), ...right.map((e, i) => (g.pick(e) ? point(e, 'right', i) : undefined))].filter((d) => d !== undefined),
    })),
  ];

  const header = (text: string, x: number, align: 'left' | 'right') => ({
    type: 'text',
    x: px(x),
    y: px(headerTop),
    style: { text, align, fontFamily: s.font, fontSize: s.text, fontWeight: 'bold', fill: s.color.text },
  });
  const noteLine = Math.round(s.small * 1.4);
  const graphic: object[] = [
    header(locale.date(chart.compare.asOf), L + DOT / 2, 'right'),
    header(locale.date(chart.edition.asOf), R - DOT / 2, 'left'),
    ...notes.map((text, i) => ({
      type: 'text',
      x: s.pad,
      y: px(H - s.pad - (notes.length - i) * noteLine),
      style: { text, fontFamily: s.font, fontSize: s.small, fill: s.color.muted },
    })),
  ];
  const widestNote = Math.max(0, ...notes.map((n) => measure(n, s.small)));
  if (widestNote > W - 2 * s.pad) problems.push(`a footnote needs ${Math.round(widestNote + 2 * s.pad)}px of width; the chart has ${W}px`);

  const option: EChartsOption = {
    ...baseOption(s),
    grid: { left: 0, right: 0, top: px(top), bottom: px(bottom) },
    xAxis: { type: 'value', min: 0, max: W, show: false },
    yAxis: { type: 'value', inverse: true, min: 1, max, show: false },
    series: series as EChartsOption['series'],
    graphic: graphic as EChartsOption['graphic'],
  };
  if (hasLegend) {
    option.legend = { ...legendOption(s, title.height), data: groups.map((g) => g.name) };
  }
  if (title.option) option.title = title.option;
  return { option, problems };
}

/** "2025年3月 前10名（名次未公布）：夸克、豆包" for each edition; "2025年3月未列出：…". */
function footnotes(chart: RankChangeChart, locale: Locale): string[] {
  const notes: string[] = [];
  const names = (list: readonly RankingEntry[]) => list.map((e) => e.name).join(locale.word('chart.nameSeparator'));
  for (const edition of [chart.compare, chart.edition]) {
    const vague = edition.entries.filter((e) => e.rank === undefined);
    for (const n of [...new Set(vague.map((e) => e.within))]) {
      notes.push(locale.word('chart.note.within', { date: locale.date(edition.asOf), n: n ?? '', names: names(vague.filter((e) => e.within === n)) }));
    }
  }
  const gone = droppedOut(chart.edition, chart.compare).filter((e) => e.rank !== undefined);
  if (gone.length) notes.push(locale.word('chart.note.dropped', { date: locale.date(chart.edition.asOf), names: names(gone) }));
  return notes;
}

function groupOf(e: RankingEntry, chart: RankChangeChart): string | undefined {
  if (e.group !== undefined) return e.group;
  return chart.edition.entries.find((x) => nameKey(x.name) === nameKey(e.name))?.group ?? chart.compare.entries.find((x) => nameKey(x.name) === nameKey(e.name))?.group;
}

/** "a16z〈前50大AI原生網頁產品〉，依…。名次變化（2024年8月→2025年3月）：DeepSeek 第5→第2（上升3名）…", in the deck's locale. */
export function rankChangeAltText(chart: RankChangeChart, locale: Locale): string {
  const changes = rankChanges(chart.edition, chart.compare);
  const before = new Map(chart.compare.entries.map((e) => [nameKey(e.name), e] as const));
  const rankWord = (e: RankingEntry | undefined) => (e?.rank !== undefined ? locale.rankLabel(e) : e?.within !== undefined ? locale.word('chart.alt.withinRank', { n: e.within }) : '');
  const parts = rankOrder(chart.edition.entries).map((e) => {
    const was = before.get(nameKey(e.name));
    const change: RankChange | undefined = changes.get(e.name);
    if (!was) return locale.word('chart.alt.notes', { text: locale.word('chart.alt.rank', { name: e.name, rank: rankWord(e) }), notes: locale.word('chart.change.new') });
    const text = locale.word('chart.alt.moved', { name: e.name, before: rankWord(was), after: rankWord(e) });
    return change ? locale.word('chart.alt.notes', { text, notes: describeChange(change, locale) }) : text;
  });
  const gone = droppedOut(chart.edition, chart.compare).map((e) => locale.word('chart.alt.was', { name: e.name, rank: rankWord(e) }));
  return locale.word('chart.alt.changes', {
    heading: rankingHeading(chart.meta, locale),
    from: locale.date(chart.compare.asOf),
    to: locale.date(chart.edition.asOf),
    parts: parts.join(locale.word('chart.alt.comma')),
    gone: gone.length ? locale.word('chart.alt.gone', { names: gone.join(locale.word('chart.nameSeparator')) }) : '',
  });
}
