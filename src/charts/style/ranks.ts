import type { EChartsOption } from 'echarts';
import { formatRankChange, type RankChange } from '../../data/rank-change.js';
import type { RankingEntry } from '../../data/types.js';
import type { Locale } from '../../locale/locale.js';
import type { RankingMeta } from '../resolve/rankings.js';
import { plain, type ChartContext, type ChartStyle } from './context.js';

/* What the charts of a ranking (ranking, rank-change) draw alike: dots, rank order and axis, labels with change marks, legend, heading. */

/** Dots are opaque with a ring in the background colour, so dots of neighbouring ranks stay apart. */
export function dotStyle(colour: string, s: ChartStyle): { color: string; opacity: number; borderColor: string; borderWidth: number } {
  return { color: colour, opacity: 1, borderColor: s.color.background, borderWidth: 2 };
}

/** Entries in rank order: exact ranks first (ties keep the source's order), then "top N" ones. */
export function rankOrder(entries: readonly RankingEntry[]): RankingEntry[] {
  const key = (e: RankingEntry) => (e.rank !== undefined ? e.rank : (e.within ?? Infinity) + 0.5);
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => key(a.e) - key(b.e) || a.i - b.i)
    .map((x) => x.e);
}

/** How far the rank axis goes: the list's size when known, else the lowest rank rounded up. */
export function rankAxisMax(meta: RankingMeta, entries: readonly RankingEntry[]): number {
  const lowest = Math.max(1, ...entries.map((e) => e.rank ?? e.within ?? 1));
  if (meta.size !== undefined && meta.size >= lowest) return meta.size;
  return lowest <= 10 ? 10 : Math.ceil(lowest / 10) * 10;
}

/** Ticks of a rank axis: 1, 10, 20 … max (every rank up to 10). */
export function rankTicks(max: number): number[] {
  if (max <= 10) return Array.from({ length: max }, (_, i) => i + 1);
  const step = max <= 30 ? 5 : 10;
  const ticks = [1];
  for (let t = step; t <= max; t += step) ticks.push(t);
  if (ticks[ticks.length - 1] !== max) ticks.push(max);
  return ticks;
}

/** Rich-text styles shared by entry labels: `hi`/`lo` for names, one per change kind. */
export function labelRich(s: ChartStyle): Record<string, object> {
  const mark = { fontSize: s.text, fontWeight: 'bold' as const };
  return {
    hi: { fontSize: s.text, fontWeight: 'bold', color: s.color.accentText, fontFamily: s.font },
    lo: { fontSize: s.text, color: s.color.text, fontFamily: s.font },
    up: { ...mark, color: s.color.up, fontFamily: s.font },
    down: { ...mark, color: s.color.down, fontFamily: s.font },
    same: { ...mark, color: s.color.muted, fontFamily: s.font },
    new: { ...mark, color: s.color.accentText, fontFamily: s.font },
  };
}

/** A label in rich-text markup, its width, and its plain text. */
export function richLabel(text: string, highlighted: boolean, change: RankChange | undefined, s: ChartStyle, ctx: ChartContext): { markup: string; width: number } {
  const name = `{${highlighted ? 'hi' : 'lo'}|${plain(text)}}`;
  let width = ctx.measure(text, s.text, highlighted);
  if (!change) return { markup: name, width };
  const mark = rankMark(change, ctx.locale);
  width += ctx.measure(`  ${mark}`, s.text, true);
  return { markup: `${name}  {${change.kind}|${mark}}`, width };
}

/** The mark beside an entry: "▲3", "▼2", "—", and the catalog's word for a new one ("NEW"). */
export function rankMark(change: RankChange, locale: Locale): string {
  return change.kind === 'new' ? locale.word('change.new') : formatRankChange(change);
}

/** "#2", "2位": a rank as the chart's labels and axis write it. */
export function chartRank(rank: number | string, locale: Locale): string {
  return locale.word('chart.rank', { rank });
}

/** "#2 DeepSeek", or "前10 夸克" when only "in the top 10" is known. */
export function entryLabel(e: RankingEntry, locale: Locale): string {
  const rank = e.rank !== undefined ? chartRank(e.rank, locale) : locale.word('rank.within', { n: e.within ?? '?' });
  return locale.word('chart.entry', { rank, name: e.name });
}

/** "上升3名", "up 3", "新上榜": a change in the alt text's words. */
export function describeChange(change: RankChange, locale: Locale): string {
  return change.kind === 'up' || change.kind === 'down' ? locale.word(`chart.change.${change.kind}`, { by: change.by ?? '' }) : locale.word(`chart.change.${change.kind}`);
}

/** The legend of a chart of a ranking: top right, under the title. */
export function legendOption(s: ChartStyle, titleHeight: number): EChartsOption['legend'] {
  return {
    top: s.pad + titleHeight,
    right: s.pad,
    icon: 'circle',
    itemWidth: 12,
    itemHeight: 12,
    itemGap: 20,
    textStyle: { fontSize: s.small, color: s.color.text, fontFamily: s.font },
  };
}

/** "a16z 2025年3月〈前50大AI原生網頁產品〉，依Similarweb月獨立訪問量". */
export function rankingHeading(meta: RankingMeta, locale: Locale, asOf?: string): string {
  const { publisher } = meta.source;
  const heading = asOf ? locale.word('chart.alt.sourceDated', { publisher, title: meta.title, date: locale.date(asOf) }) : locale.word('chart.alt.source', { publisher, title: meta.title });
  return meta.basis ? locale.word('chart.alt.basis', { heading, basis: meta.basis }) : heading;
}

/** Rounds to 3 decimals, for stable snapshots of positions on a rank axis. */
export function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
