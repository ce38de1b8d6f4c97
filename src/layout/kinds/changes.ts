import { error, warning } from '../../diagnostics/diagnostic.js';
import { comparisonText, editionComparisons, hasTwoEditions } from '../../manifest/edition-changes.js';
import { didYouMean } from '../../text/suggest.js';
import { contentFrame, fitText } from '../frame.js';
import type { LayoutKind, Paragraph } from '../types.js';

/**
 * "What changed since the last edition": per ranking the deck uses (or those `data` names) that
 * has two editions, who moved, who is new and who is gone between its newest edition and the one
 * before, from the data alone. Nothing to compare is a warning, and the slide says so.
 */
export const changes: LayoutKind<'changes'> = {
  dark: false,
  layout(ctx) {
    const { slide, theme, deck, data } = ctx;
    for (const id of slide.data ?? []) {
      if (!data.has(id)) ctx.diagnostics.push(error('OUTLINE_UNKNOWN_DATASET', `slide ${ctx.number} (changes): no dataset '${id}'`, slide.origin, didYouMean(id, [...data.keys()])));
      else if (!hasTwoEditions(data.get(id)))
        ctx.diagnostics.push(
          warning(
            'LAYOUT_NOTHING_TO_COMPARE',
            `slide ${ctx.number} (changes): ${id} has no edition before its newest to compare with`,
            slide.origin,
            'add the new edition first under editions:, above the one before it',
          ),
        );
    }
    const comparisons = editionComparisons(deck, data, slide.data);
    const paragraphs: Paragraph[] = comparisons.flatMap((c, i) => {
      const { heading, lines } = comparisonText(c, deck.locale);
      return [{ text: heading, bold: true, spaceBefore: i ? 0.6 : 0 }, ...lines.map((text): Paragraph => ({ text, bullet: 'bullet', level: 0 }))];
    });
    if (!comparisons.length) {
      if (!slide.data?.length)
        ctx.diagnostics.push(
          warning(
            'LAYOUT_NOTHING_TO_COMPARE',
            `slide ${ctx.number} (changes): no dataset of the deck has two editions, so the slide says there is nothing to compare`,
            slide.origin,
            'add the new edition of a ranking first under its editions:, or remove this slide',
          ),
        );
      paragraphs.push({ text: deck.locale.word('changes.none') });
    }
    return {
      elements: [
        ...contentFrame(ctx, slide.title ?? deck.locale.word('changes.title')),
        fitText({ box: ctx.frame.body, paragraphs, max: 20, min: 10, color: theme.colors.text, name: 'changes', placeholder: 'body' }, ctx),
      ],
    };
  },
};
