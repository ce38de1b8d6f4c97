import type { BoundDeck } from '../bind/bind.js';
import { citation } from '../data/citation.js';
import { isWebUrl } from '../data/web-url.js';
import type { DataStore } from '../data/types.js';
import type { Paragraph } from './types.js';

/**
 * A slide's source line as a paragraph whose citations of datasets with a `source.url` are links,
 * each its own run. The line is the rendered `source-line` partial: a citation is found by its
 * text, so a project's own partial that writes citations differently gets a line without links.
 */
export function sourceLineParagraph(line: string, datasets: readonly string[], data: DataStore, locale: BoundDeck['locale']): Paragraph {
  const links = new Map<string, string>();
  for (const id of datasets) {
    const d = data.get(id);
    const url = d?.source.url?.trim();
    if (!d || !url || !isWebUrl(url)) continue;
    const cited = citation(d, locale);
    if (!links.has(cited)) links.set(cited, url);
  }
  const runs = linkRuns(line, links);
  if (!runs.some((r) => r.link)) return { text: line };
  const only = runs.length === 1 ? runs[0] : undefined;
  return only?.link ? { text: line, link: only.link } : { text: line, runs };
}

/** `text` cut into runs: each occurrence of a key of `links` is a run linking to its value, left to right. */
export function linkRuns(text: string, links: ReadonlyMap<string, string>): { text: string; link?: string }[] {
  const runs: { text: string; link?: string }[] = [];
  let pos = 0;
  while (pos < text.length) {
    let next: { at: number; cited: string; url: string } | undefined;
    for (const [cited, url] of links) {
      if (!cited) continue;
      const at = text.indexOf(cited, pos);
      if (at >= 0 && (!next || at < next.at || (at === next.at && cited.length > next.cited.length))) next = { at, cited, url };
    }
    if (!next) break;
    if (next.at > pos) runs.push({ text: text.slice(pos, next.at) });
    runs.push({ text: next.cited, link: next.url });
    pos = next.at + next.cited.length;
  }
  if (pos < text.length) runs.push({ text: text.slice(pos) });
  return runs;
}
