import { contentFrame, fitText } from '../frame.js';
import type { BoundDeck } from '../../bind/bind.js';
import { isWebUrl } from '../../data/web-url.js';
import type { DataStore } from '../../data/types.js';
import type { LayoutKind, Paragraph } from '../types.js';
import { sourceEntries } from './text.js';

/** The deck's source and every dataset the deck used, numbered; then the slide's own items. */
export const sources: LayoutKind<'sources'> = {
  dark: false,
  layout(ctx) {
    const { slide, theme, deck, data } = ctx;
    const entries = [...sourceEntries(deck, data), ...(slide.items ?? [])];
    const links = sourceLinks(deck, data);
    const paragraphs: Paragraph[] = entries.map((text, i) => {
      const number = `${i + 1}. `;
      const link = links[i];
      return { text: `${number}${text}`, spaceBefore: i ? 0.5 : 0, ...(link ? { runs: [{ text: number }, { text, link }] } : {}) };
    });
    return {
      elements: [
        ...contentFrame(ctx, slide.title ?? deck.locale.word('sources.title')),
        fitText({ box: ctx.frame.body, paragraphs, max: 18, min: 10, color: theme.colors.text, name: 'sources', placeholder: 'body' }, ctx),
      ],
    };
  },
};

/** The web address of each of `sourceEntries`, in its order: the deck's source first, then each dataset used; undefined where none is given. */
function sourceLinks(deck: BoundDeck, data: DataStore): (string | undefined)[] {
  const web = (url: string | undefined) => (url && isWebUrl(url) ? url.trim() : undefined);
  const links: (string | undefined)[] = [];
  if (deck.meta.source) links.push(web(deck.meta.source.url));
  for (const id of new Set(deck.slides.flatMap((s) => s.datasets))) if (data.get(id)) links.push(web(data.get(id)?.source.url));
  return links;
}
