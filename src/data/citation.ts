import type { Locale } from '../locale/locale.js';
import { formatDate } from './format.js';
import { datasetAsOf, type Dataset } from './types.js';

/**
 * A dataset's source as a citation, in the deck's locale: "a16z《2025年全球100生成式AI消費級應用排行榜》，2025年3月（據聽筒Tech〈…〉）",
 * "a16z, “Top 100 Gen AI Consumer Apps”, March 2025 (via …)". Without a locale, as a zh-TW deck writes it.
 */
export function citation(d: Dataset, locale?: Locale): string {
  if (!locale) {
    const via = d.source.via ? `（據${d.source.via}）` : '';
    return `${d.source.publisher}《${d.source.title}》，${formatDate(datasetAsOf(d))}${via}`;
  }
  const via = d.source.via ? locale.word('cite.via', { via: d.source.via }) : '';
  return locale.word('cite', { publisher: d.source.publisher, title: d.source.title, date: locale.date(datasetAsOf(d)), via });
}
