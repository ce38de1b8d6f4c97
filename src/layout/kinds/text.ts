import type { Bullet } from '../../load/outline/schema.js';
import { citation } from '../../data/citation.js';
import type { BoundDeck } from '../../bind/bind.js';
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
  if (src) entries.push([locale.word('sources.article', { publisher: src.publisher, title: src.title }), src.author, src.date, src.url].filter(Boolean).join(locale.word('sources.detailSeparator')));
  const used = [...new Set(deck.slides.flatMap((s) => s.datasets))];
  for (const id of used) {
    const d = data.get(id);
    if (d) entries.push(locale.word('sources.entry', { title: d.title, citation: citation(d, locale) }));
  }
  return entries;
}
