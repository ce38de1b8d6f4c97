import { formatDate } from './format.js';
import { datasetAsOf, type Dataset } from './types.js';

/** A dataset's source as a citation: "a16z《2025年全球100生成式AI消費級應用排行榜》，2025年3月（據聽筒Tech〈…〉）". */
export function citation(d: Dataset): string {
  const via = d.source.via ? `（據${d.source.via}）` : '';
  return `${d.source.publisher}《${d.source.title}》，${formatDate(datasetAsOf(d))}${via}`;
}
