import Handlebars from 'handlebars';
import type { ChartRequestField } from '../charts/types.js';
import { error, type Diagnostic, type SourceRef } from '../diagnostics/diagnostic.js';
import type { Dataset, DataStore } from '../data/types.js';
import { noteChartUses, noteCitation, type ValueUses } from '../data/uses.js';
import type { Partials } from '../load/load-partials.js';
import { BUILT_IN_CATALOGS, type Catalogs } from '../load/locale/load-catalog.js';
import type { Locale } from '../locale/locale.js';
import { resolveLocale } from '../locale/resolve-locale.js';
import type { Outline } from '../load/outline/load-outline.js';
import { positionAt } from '../load/positions.js';
import type { OutlineDoc, SlideDoc } from '../load/outline/schema.js';
import { didYouMean } from '../text/suggest.js';
import { templateContext } from './data-context.js';
import { helpers } from './helpers.js';
import { locatingErrors, StringRenderer, type Path } from './string-renderer.js';

export type { Partials } from '../load/load-partials.js';

/** A slide with every string rendered: no templates left. */
export type BoundSlide = SlideDoc & {
  index: number;
  origin: SourceRef;
  /** The datasets the slide draws on: its `sources` and its chart's data. */
  datasets: string[];
  /** The data values the slide shows, by readable key; what a rebuild report compares. */
  uses: ValueUses;
  /** Where each field of a chart slide's `chart:` was written, so chart problems point at it. */
  chartOrigins?: { fields: Partial<Record<ChartRequestField, SourceRef>>; items: SourceRef[] };
  /** The rendered `source-line` partial: where the slide's numbers come from. */
  sourceLine?: string;
};

/** The deck after binding: plain text everywhere, each slide knowing where it came from. */
export interface BoundDeck {
  meta: OutlineDoc['deck'];
  /** What `deck.lang` decides: numbers, dates and the words briefdeck writes itself. */
  locale: Locale;
  slides: BoundSlide[];
}

/**
 * Renders every string of the outline against the data, in Handlebars strict mode, in the
 * locale of `deck.lang` (`catalogs`: the project's and briefdeck's, from `loadCatalogs`).
 */
export function bindOutline(outline: Outline, data: DataStore, partials: Partials, catalogs: Catalogs = BUILT_IN_CATALOGS): { deck?: BoundDeck; diagnostics: Diagnostic[] } {
  const hb = Handlebars.create();
  for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, locatingErrors(fn as (...args: unknown[]) => string));

  const diagnostics: Diagnostic[] = [...catalogs.diagnostics];
  const { locale, diagnostics: localeProblems } = resolveLocale(outline.doc.deck.lang, catalogs, positionAt(outline.positions, ['deck', 'lang']));
  diagnostics.push(...localeProblems);
  if (!locale) return { diagnostics };
  // Copied: a partial refused here must not stay known to the caller's next bind.
  const renderer = new StringRenderer(hb, outline, data, { ...partials, templates: new Map(partials.templates) }, diagnostics, locale);
  renderer.registerPartials();
  const rawDeck = outline.doc.deck;
  const ctx = templateContext(rawDeck as Record<string, unknown>, data);

  const meta = renderer.tree(rawDeck, ['deck'], ctx);
  const slides = outline.doc.slides.map((slide, index): BoundSlide => {
    const origin = outline.slideOrigins[index] ?? { file: outline.file };
    const datasets = citedDatasets(slide, index, outline, data, diagnostics);
    const uses: ValueUses = new Map();
    if (slide.layout === 'chart' && data.has(slide.chart.data)) noteChartUses(uses, data.get(slide.chart.data) as Dataset, slide.chart);
    const rendered = renderer.tree(slide, ['slides', index], ctx, uses);
    const sourceLine = datasets.length ? renderer.sourceLine(datasets, ctx, origin, uses) : undefined;
    const chartOrigins = slide.layout === 'chart' ? chartFieldOrigins(outline, index, slide.chart.items?.length ?? 0) : undefined;
    return { ...rendered, index, origin, datasets, uses, ...(sourceLine ? { sourceLine } : {}), ...(chartOrigins ? { chartOrigins } : {}) };
  });
  // The sources slide cites every dataset the deck uses: a new edition anywhere changes it.
  const used = [...new Set(slides.flatMap((s) => s.datasets))];
  for (const s of slides.filter((x) => x.layout === 'sources')) for (const id of used) noteCitation(s.uses, data.get(id) as Dataset);
  return diagnostics.some((d) => d.severity === 'error') ? { diagnostics } : { deck: { meta, locale, slides }, diagnostics };
}

const CHART_FIELDS: readonly ChartRequestField[] = ['kind', 'data', 'edition', 'compare', 'highlight', 'items', 'changes', 'render', 'title'];

function chartFieldOrigins(outline: Outline, index: number, items: number): NonNullable<BoundSlide['chartOrigins']> {
  const at = (...p: (string | number)[]): SourceRef => positionAt(outline.positions, ['slides', index, 'chart', ...p]);
  const fields: Partial<Record<ChartRequestField, SourceRef>> = {};
  for (const f of CHART_FIELDS) fields[f] = at(f);
  return { fields, items: Array.from({ length: items }, (_, i) => at('items', i)) };
}

/** The datasets a slide cites; an unknown one is an error at its mention. */
function citedDatasets(slide: SlideDoc, index: number, outline: Outline, data: DataStore, diagnostics: Diagnostic[]): string[] {
  const refs: { id: string; path: Path }[] = (slide.sources ?? []).map((id, i) => ({ id, path: ['slides', index, 'sources', i] }));
  if (slide.layout === 'chart') refs.push({ id: slide.chart.data, path: ['slides', index, 'chart', 'data'] });
  const ids: string[] = [];
  for (const { id, path } of refs) {
    if (!data.has(id)) {
      const at = positionAt(outline.positions, path);
      diagnostics.push(error('OUTLINE_UNKNOWN_DATASET', `no dataset '${id}'`, at, didYouMean(id, [...data.keys()])));
    } else if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}
