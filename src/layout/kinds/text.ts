import type { Bullet } from '../../load/outline/schema.js';
import { citation } from '../../data/citation.js';
import type { BoundDeck } from '../../bind/bind.js';
import type { Locale } from '../../locale/locale.js';
import type { DataStore } from '../../data/types.js';
import type { Paragraph } from '../types.js';

/** Bullets as paragraphs: first level, then their sub-bullets a little smaller. */
export function bulletParagraphs(bullets: readonly Bullet[], color?: string): Paragraph[] {
  return bullets.flatMap((b, i): Paragraph[] => {
    const text = typeof b === 'string' ? b : b.text;
    const subs = typeof b === 'string' ? [] : (b.sub ?? []);
    const top: Paragraph = { text, bullet: 'bullet', level: 0, spaceBefore: i === 0 ? 0 : 0.7 };
    if (color) top.color = color;
    return [top, ...subs.map((s): Paragraph => ({ text: s, bullet: 'bullet', level: 1, scale: 0.85, spaceBefore: 0.2, ...(color ? { color } : {}) }))];
  });
}

/** What the sources slide lists first: the deck's own source, then every dataset the deck used. */
export function sourceEntries(deck: BoundDeck, data: DataStore): string[] {
  const entries: string[] = [];
  const src = deck.meta.source;
  const { locale } = deck;
  if (src) entries.push(deckSourceEntry(src, locale));
  const used = [...new Set(deck.slides.flatMap((s) => s.datasets))];
  for (const id of used) {
    const d = data.get(id);
    if (d) entries.push(locale.word('sources.entry', { title: d.title, citation: citation(d, locale) }));
  }
  return entries;
}

/**
 * The deck's source as the sources slide cites it: its publisher with its title where it has one,
 * then its byline, date (an ISO date in the locale's form) and address, in the locale's words. A
 * publication without a title is cited by publisher and byline, never with an empty title.
 */
export function deckSourceEntry(src: NonNullable<BoundDeck['meta']['source']>, locale: Locale): string {
  const given = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
  const title = given(src.title);
  const author = given(src.author);
  const date = given(src.date);
  const head = title ? locale.word('sources.article', { publisher: src.publisher, title }) : src.publisher;
  const parts = [head, author && locale.word('sources.byline', { author }), date && locale.date(date), given(src.url)];
  return parts.filter((p): p is string => Boolean(p)).join(locale.word('sources.detailSeparator'));
}
