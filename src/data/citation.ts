import type { Locale } from '../locale/locale.js';
import { fill } from '../locale/messages.js';
import { formatDate } from './format.js';
import { datasetAsOf, type Dataset } from './types.js';

/**
 * A dataset's source as a citation, in the deck's locale: "a16z《2025年全球100生成式AI消費級應用排行榜》，2025年3月（據聽筒Tech報導）",
 * "a16z, “Top 100 Gen AI Consumer Apps”, March 2025 (via …)". A source without a published title
 * is cited by publisher and what it is ("工信部數據，2023年"), never with a title in 《》; an
 * `undated` one without a date. Without a locale, as a zh-TW deck writes it.
 */
export function citation(d: Dataset, locale?: Locale): string {
  const { publisher, title, what, via, undated } = d.source;
  const pattern = citePattern(locale ? locale.word('cite') : ZH_TW_CITE, title !== undefined, undated !== true);
  const viaText = via ? (locale ? locale.word('cite.via', { via }) : `（據${via}）`) : '';
  return fill(pattern, { publisher, title: title ?? '', what: what ?? '', date: locale ? locale.date(datasetAsOf(d)) : formatDate(datasetAsOf(d)), via: viaText });
}

const ZH_TW_CITE = '{publisher}《{title}》，{date}{via}';

/**
 * The catalog's `cite` pattern for this source: without a title, `{what}` stands where the title
 * and its marks were ("{publisher}{what}，{date}{via}"); without a date, the date and the
 * separator before it go. The catalogs keep one pattern, so every language follows.
 */
export function citePattern(pattern: string, titled: boolean, dated: boolean): string {
  let p = pattern;
  if (!titled) p = p.replace(/[^\s{},，、:：]*\{title\}[^\s{},，、:：]*/, '{what}');
  if (!dated) p = p.replace(/[,，、]?\s*\{date\}/, '');
  return p;
}
