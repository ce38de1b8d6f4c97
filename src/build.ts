import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ChartDrawer } from './charts/drawer/chart-drawer.js';
import type { ChartCache } from './charts/plan-charts.js';
import type { DeflateCache } from './pptx/zip/zip-write.js';
import { hasErrors, type Diagnostic, type SourceRef } from './diagnostics/diagnostic.js';
import { loadData } from './load/data/load-data.js';
import type { DataStore } from './data/types.js';
import type { BuildReport } from './manifest/compare.js';
import type { ConflictPolicy, MergeOutcome } from './merge/merge-outcome.js';
import { slideHashes } from './manifest/slide-hashes.js';
import { collectFull } from './runtime/v8-tricks.js';
import { loadOutline, type Outline } from './load/outline/load-outline.js';
import { defaultDeckPath } from './paths.js';
import { documentDate } from './write/document-date.js';
import { layoutDeck } from './layout/layout-deck.js';
import type { DeckPlan } from './layout/types.js';
import { bindOutline, type BoundDeck } from './bind/bind.js';
import { loadCatalogs, type Catalogs } from './load/locale/load-catalog.js';
import { loadPartials, type Partials } from './load/load-partials.js';
import { loadTheme, templateDirs, type ThemeChoice } from './load/theme/load-theme.js';
import type { Theme } from './load/theme/theme.js';
import { eastAsianFonts, loadTemplate, type TemplateChoice } from './load/template/load-template.js';
import type { LayoutMapping, Template } from './load/template/template.js';
import { themeFromTemplate } from './load/theme/template-theme.js';
import { DEFAULT_FRAMES, type Frames } from './layout/frame.js';
import type { DeckTemplate } from './pptx/finish/template-parts.js';
import { templateFrames } from './layout/template-frame.js';

export interface BuildOptions {
  /** The outline file. */
  outline: string;
  /** Where to write the deck; default `dist/<outline name>.pptx` under `cwd`. */
  out?: string;
  /** Folder that relative paths start from; default the process's working folder. */
  cwd?: string;
  /** A theme's name (templates/themes/<name>.yaml) or a theme file's path, over the outline's `deck.theme` (`--theme`). */
  theme?: string;
  /** A company template (.potx/.pptx) path, relative to `cwd`, over the outline's `deck.template` (`--template`). */
  template?: string;
  /** Write the deck (default). `false` builds it in memory only. */
  write?: boolean;
  /** Reused between builds of a watch loop: charts whose inputs did not change are not redrawn. */
  chartCache?: ChartCache;
  /**
   * Draws the chart pictures; a watch loop keeps one open across builds. Default: one for this
   * build, on a worker thread when the machine has a core to spare (see `startChartDrawer`).
   */
  drawer?: ChartDrawer;
  /** Seconds since 1970 for the document date (the reproducible-builds SOURCE_DATE_EPOCH). */
  sourceDateEpoch?: number;
  /**
   * Reused between builds of a watch loop: parts whose bytes did not change are not deflated
   * again (see `createDeflateCache`). Default: one for this build.
   */
  deflateCache?: DeflateCache;
  /**
   * A shape both the person (in the deck at `out`) and the new build changed: `auto` (default)
   * gives text that shows data to the new build and the person's words to the person (`--on-conflict`).
   */
  onConflict?: ConflictPolicy;
  /** Replace the deck at `out` even when a person changed it since the last build, instead of merging (`--overwrite`). */
  overwrite?: boolean;
}

export type Stage = 'load' | 'bind' | 'layout' | 'charts' | 'emit' | 'finish' | 'write';

export interface BuildResult {
  /** The finished deck, when the input had no errors. */
  pptx?: Uint8Array;
  /** Where the deck was written, when it was. */
  outFile?: string;
  diagnostics: Diagnostic[];
  /** The input files' texts, for reporting positions. */
  texts: Map<string, string>;
  /**
   * `rawBytes`: what pptxgenjs wrote, before the finish stage (chart pictures as placeholders);
   * `bytes`: the finished deck;
   * `timings`: ms a stage (charts are drawn while emit and finish run, so they overlap);
   * `ms`: the whole build.
   */
  stats: { slides: number; charts: number; bytes: number; rawBytes: number; timings: Partial<Record<Stage, number>>; ms: number };
  /** What changed against the previous build of the same outline (when there was one). */
  report?: BuildReport;
  /** What merging the edits a person made to the deck at `out` did (when there were any). */
  merge?: MergeOutcome;
  /** The bound deck and its plan. */
  deck?: BoundDeck;
  plan?: DeckPlan;
}

/** The inputs of a deck, loaded and checked: what `check` and `build` share. */
export interface LoadedInputs {
  outline: Outline;
  data: DataStore;
  theme: Theme;
  partials: Partials;
  /** The word catalogs: the project's own `templates/locales/*.yaml` over briefdeck's. */
  catalogs: Catalogs;
  /** The company template the deck is built on (`deck.template` or `--template`), when there is one. */
  template?: Template;
  /** With `template`: which of its layouts serves each layout kind the outline uses. */
  templateLayouts?: LayoutMapping[];
  /** With `template`: where it is named (the outline's `template:` line, or the file for `--template`). */
  templateAt?: SourceRef;
}

/**
 * Builds a deck from an outline: load → bind → layout → charts → emit → finish → write. Each
 * stage is a function of the one before; the build stops between stages when there are errors,
 * and then writes nothing, so the deck already at `out` stays as it was. Chart pictures are
 * drawn (on a worker thread, when there is a core for it) while emit and finish write the deck
 * around placeholders; finish then puts them in.
 */
export async function buildDeck(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  // Started first, so that a worker loads ECharts while this thread loads and lays out the deck.
  const drawer = options.drawer ?? (await import('./charts/drawer/chart-drawer.js')).startChartDrawer();
  try {
    return await buildWith(drawer, options, started);
  } finally {
    if (!options.drawer) void drawer.close().catch(() => undefined);
  }
}

async function buildWith(drawer: ChartDrawer, options: BuildOptions, started: number): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const outlineFile = path.resolve(cwd, options.outline);
  const timings: Partial<Record<Stage, number>> = {};
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string>();
  let rawBytes = 0;
  const result = (extra: Partial<BuildResult> = {}): BuildResult => ({
    diagnostics,
    texts,
    stats: { slides: extra.plan?.slides.length ?? 0, charts: extra.plan?.charts.length ?? 0, bytes: extra.pptx?.length ?? 0, rawBytes, timings, ms: performance.now() - started },
    ...extra,
  });
  const timed = async <T>(stage: Stage, run: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await run();
    } finally {
      timings[stage] = performance.now() - t0;
    }
  };

  const inputs = await timed('load', () =>
    loadInputs(
      outlineFile,
      diagnostics,
      texts,
      options.theme === undefined ? undefined : { theme: options.theme, cwd },
      options.template === undefined ? undefined : { template: options.template, cwd },
    ),
  );
  if (!inputs || hasErrors(diagnostics)) return result();
  const { chartFontFiles, planCharts } = await import('./charts/plan-charts.js');
  // The drawer's thread reads the chart font while this one binds and lays out the deck.
  const fonts = chartFontFiles(inputs.theme, cwd);
  if (fonts.ok) drawer.prepare(fonts);

  const partials = inputs.partials;
  const bound = await timed('bind', () => bindOutline(inputs.outline, inputs.data, partials, inputs.catalogs));
  diagnostics.push(...bound.diagnostics);
  if (!bound.deck || hasErrors(diagnostics)) return result();

  const { theme, frames, company } = deckLook(inputs, bound.deck.meta.lang);
  const laid = await timed('layout', () => layoutDeck(bound.deck as BoundDeck, inputs.data, theme, frames));
  diagnostics.push(...laid.diagnostics);
  const plan = laid.plan;

  const { drawPictures, picturesOf } = await import('./charts/draw-pictures.js');
  // The deck embeds the PNG; the outlined SVG would cost time and memory for nothing.
  const charts = planCharts(plan.charts, inputs.data, theme, options.chartCache, { svg: false, fonts, locale: bound.deck.locale });
  diagnostics.push(...charts.diagnostics);
  const drawing = timed('charts', () => drawPictures(charts, drawer, options.chartCache));
  // Awaited below; until then a failure must not go unhandled.
  drawing.catch(() => undefined);
  if (hasErrors(diagnostics)) {
    diagnostics.push(...(await drawing).diagnostics);
    return result({ deck: bound.deck, plan });
  }

  const raw = await timed('emit', async () => {
    const { emitPptx } = await import('./pptx/emit/emit.js');
    return emitPptx(plan, charts.slots, bound.deck!.meta, theme, company ? { template: { slide: company.template.slide } } : {});
  });
  rawBytes = raw.length;
  await collectLargeGarbage(plan);
  const { finishParts, packageParts } = await import('./pptx/finish/finish.js');
  const { deckStructure } = await import('./pptx/finish/master.js');
  const finishing = await timed('finish', () =>
    finishParts(
      raw,
      {
        date: documentDate(bound.deck!.meta.date, options.sourceDateEpoch),
        eastAsianFont: theme.fonts.eastAsian,
        latinFont: theme.fonts.latin,
        lang: bound.deck!.meta.lang,
        structure: deckStructure(plan, theme, bound.deck!.locale.word('sections.opening'), company),
        theme: { name: theme.name, colors: theme.colors },
      },
      options.deflateCache,
    ),
  );
  await collectLargeGarbage(plan);
  const drawn = await drawing;
  diagnostics.push(...drawn.diagnostics);
  if (hasErrors(diagnostics)) return result({ deck: bound.deck, plan });
  const t0 = performance.now();
  const { pptx, parts } = packageParts(finishing, new Map([...picturesOf(charts, drawn)].map(([hash, image]) => [hash, image.png])));
  timings.finish = (timings.finish ?? 0) + performance.now() - t0;
  if (options.write === false) return result({ pptx, deck: bound.deck, plan });

  const outFile = path.resolve(cwd, options.out ?? defaultDeckPath(outlineFile, cwd));
  const written = await timed('write', async () => {
    const { writeDeck } = await import('./write/write-deck.js');
    return writeDeck({
      pptx,
      slideHashes: slideHashes(parts),
      deck: bound.deck!,
      data: inputs.data,
      planSlides: plan.slides,
      texts,
      outFile,
      outlineDir: path.dirname(outlineFile),
      cwd,
      parts,
      ...(options.onConflict ? { onConflict: options.onConflict } : {}),
      ...(options.overwrite ? { overwrite: true } : {}),
    });
  });
  diagnostics.push(...written.diagnostics);
  if (!written.written) return result({ pptx, deck: bound.deck, plan });
  return result({ pptx: written.mergedPptx ?? pptx, outFile, deck: bound.deck, plan, ...(written.report ? { report: written.report } : {}), ...(written.merge ? { merge: written.merge } : {}) });
}

/**
 * The deck's theme and the frames layout places slides on: its own, or, built into a company
 * template, the template's layouts' boxes and its theme's colours and fonts (issue 17).
 */
export function deckLook(inputs: LoadedInputs, lang: string): { theme: Theme; frames: Frames; company?: DeckTemplate } {
  if (!inputs.template || !inputs.templateLayouts) return { theme: inputs.theme, frames: DEFAULT_FRAMES };
  const company = { template: inputs.template, mapping: inputs.templateLayouts };
  return { theme: themeFromTemplate(company.template.theme, inputs.theme, lang), frames: templateFrames(company.template, company.mapping), company };
}

/**
 * After emit and after finish, a full collection for a large deck: their garbage (pptxgenjs'
 * strings, each part's tree) is most of the heap, and with a chart thread busy on the other core
 * V8 grew the heap rather than collect it. Bench (b), 1,000 slides, peak RSS over 2×3 runs:
 * 403–414 MB (396–434) with these, 449–450 MB (421–598) without. A small deck has too little
 * garbage to be worth it.
 */
async function collectLargeGarbage(plan: DeckPlan): Promise<void> {
  if (plan.slides.length >= 200) await collectFull();
}

/**
 * Loads the outline, its data, its theme, the partials and the word catalogs; problems go into
 * `diagnostics` (the catalogs' own go in at bind, which picks the deck's locale from them).
 */
export async function loadInputs(
  outlineFile: string,
  diagnostics: Diagnostic[],
  texts: Map<string, string>,
  themeChoice?: ThemeChoice,
  templateChoice?: TemplateChoice,
): Promise<LoadedInputs | undefined> {
  const outline = await loadOutline(outlineFile);
  // One by one: a data file can have a diagnostic per row, too many to spread into push().
  for (const d of outline.diagnostics) diagnostics.push(d);
  for (const [f, t] of outline.texts) texts.set(f, t);
  if (!outline.value) return undefined;
  const dirs = templateDirs(outline.value.dir);
  const [data, theme, partials, catalogs, template] = await Promise.all([
    loadData(outline.value),
    loadTheme(outline.value, themeChoice),
    loadPartials(dirs),
    loadCatalogs(dirs),
    loadTemplate(outline.value, templateChoice),
  ]);
  for (const [f, t] of catalogs.texts) texts.set(f, t);
  for (const loaded of [data, theme, template, { diagnostics: partials.diagnostics ?? [], texts: partials.texts ?? new Map<string, string>() }]) {
    for (const d of loaded.diagnostics) diagnostics.push(d);
    for (const [f, t] of loaded.texts) texts.set(f, t);
  }
  if (!data.value || !theme.value) return undefined;
  if (template.value) diagnostics.push(...eastAsianFonts(template.value, theme.value, outline.value.doc.deck.lang));
  const company = template.value ? { template: template.value.template, templateLayouts: template.value.layouts, templateAt: template.value.at } : {};
  return { outline: outline.value, data: data.value, theme: theme.value, partials, catalogs, ...company };
}

export { documentDate } from './write/document-date.js';
