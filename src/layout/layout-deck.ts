import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DataStore } from '../data/types.js';
import type { BoundDeck, BoundSlide } from '../bind/bind.js';
import type { Theme } from '../load/theme/theme.js';
import type { LayoutContext } from './frame.js';
import { layoutSection, layoutTitle } from './kinds/cover.js';
import { layoutAgenda, layoutBullets, layoutComparison, layoutQuote, layoutSources, layoutTakeaways } from './kinds/text.js';
import { layoutChart, layoutFigures, layoutTimeline } from './kinds/visual.js';
import type { DeckPlan, Element, PlannedChart, SlidePlan } from './types.js';

/** Places every slide's content in boxes on the 16:9 grid, sizing text to fit. */
export function layoutDeck(deck: BoundDeck, data: DataStore, theme: Theme): { plan: DeckPlan; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const charts: PlannedChart[] = [];
  const slides = deck.slides.map((slide): SlidePlan => {
    const ctx: LayoutContext = { slide, deck, data, theme, diagnostics };
    const dark = slide.layout === 'title' || slide.layout === 'section';
    const plan: SlidePlan = {
      index: slide.index,
      layout: slide.layout,
      background: dark ? theme.colors.darkBackground : theme.colors.background,
      elements: elementsOf(ctx, charts),
      numbered: !dark,
      origin: slide.origin,
    };
    if (slide.notes) plan.notes = slide.notes;
    return plan;
  });
  return { plan: { slides, charts }, diagnostics };
}

function elementsOf(ctx: LayoutContext, charts: PlannedChart[]): Element[] {
  const slide: BoundSlide = ctx.slide;
  switch (slide.layout) {
    case 'title': return layoutTitle({ ...ctx, slide });
    case 'section': return layoutSection({ ...ctx, slide });
    case 'agenda': return layoutAgenda({ ...ctx, slide });
    case 'bullets': return layoutBullets({ ...ctx, slide });
    case 'comparison': return layoutComparison({ ...ctx, slide });
    case 'quote': return layoutQuote({ ...ctx, slide });
    case 'takeaways': return layoutTakeaways({ ...ctx, slide });
    case 'sources': return layoutSources({ ...ctx, slide });
    case 'figures': return layoutFigures({ ...ctx, slide });
    case 'chart': return layoutChart({ ...ctx, slide }, charts);
    case 'timeline': return layoutTimeline({ ...ctx, slide });
  }
}
