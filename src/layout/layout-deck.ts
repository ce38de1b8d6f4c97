import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DataStore } from '../data/types.js';
import type { BoundDeck } from '../bind/bind.js';
import type { Layout } from '../load/outline/schema.js';
import type { Theme } from '../load/theme/theme.js';
import { DEFAULT_FRAMES, SLIDE_NUMBER_BOX, type Frames, type LayoutContext } from './frame.js';
import { LAYOUT_KINDS } from './registry.js';
import type { DeckPlan, LayoutKind, SlideContent, SlidePlan } from './types.js';

/**
 * Places every slide's content in boxes on its layout's frame (briefdeck's own layouts by
 * default, or a template's: `templateFrames`), sizing text to fit.
 */
export function layoutDeck(deck: BoundDeck, data: DataStore, theme: Theme, frames: Frames = DEFAULT_FRAMES): { plan: DeckPlan; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  // Follow-on slides push the later slides' numbers down: messages say the number in the deck.
  let number = 1;
  const laid = deck.slides.map((slide) => {
    // A slide's kind is the entry named by its own `layout`; TypeScript cannot correlate the two.
    const kind = LAYOUT_KINDS[slide.layout] as LayoutKind<Layout>;
    const frame = frames[slide.layout];
    const ctx: LayoutContext = { slide, number, frame, deck, data, theme, diagnostics };
    const content: SlideContent = kind.layout(ctx);
    const parts = [content, ...(content.continued ?? [])];
    number += parts.length;
    return { slide, kind, frame, parts };
  });
  const slides: SlidePlan[] = [];
  for (const { slide, kind, frame, parts } of laid) {
    parts.forEach((content, part) => {
      const plan: SlidePlan = {
        index: slides.length,
        from: slide.index,
        part,
        layout: slide.layout,
        background: frame.dark ? theme.colors.darkBackground : theme.colors.background,
        elements: content.elements,
        numbered: !kind.dark,
        origin: slide.origin,
      };
      if (frame.slideNumber !== SLIDE_NUMBER_BOX) plan.slideNumberBox = frame.slideNumber;
      // The notes go with the slide the presenter starts on, not with its follow-on slides.
      if (slide.notes && part === 0) plan.notes = slide.notes;
      slides.push(plan);
    });
  }
  return { plan: { slides, charts: laid.flatMap((s) => s.parts.flatMap((c) => c.charts ?? [])) }, diagnostics };
}
