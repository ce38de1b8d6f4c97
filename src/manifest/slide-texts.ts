import type { BoundSlide } from '../bind/bind.js';

/**
 * Fields of a bound slide that a reader does not see as text on it: the kind, the speaker notes
 * (recorded apart), what it cites, the chart's request (its picture is compared by its values),
 * a `changes` slide's dataset list, and what binding adds for later stages.
 */
const NOT_SHOWN = new Set(['layout', 'notes', 'sources', 'evidence', 'chart', 'data', 'index', 'origin', 'datasets', 'uses', 'chartOrigins', 'sourceLine']);

/**
 * The texts a slide shows, in the outline's order (title first), as binding rendered them: what
 * the rebuild report quotes when a slide's words changed ("'DeepSeek名列全球第2' → '…第4'").
 * Generic over the slide's fields, so a new layout kind's text is recorded without listing it here.
 */
export function slideTexts(slide: BoundSlide): string[] {
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.trim()) texts.push(value);
    } else if (Array.isArray(value)) for (const v of value) walk(v);
    else if (value && typeof value === 'object') for (const v of Object.values(value)) walk(v);
  };
  if (slide.title !== undefined) walk(slide.title);
  for (const [key, value] of Object.entries(slide)) if (key !== 'title' && !NOT_SHOWN.has(key)) walk(value);
  if (slide.layout === 'chart' && slide.chart.title) walk(slide.chart.title);
  return texts;
}
