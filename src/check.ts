import path from 'node:path';
import { deckLook, loadInputs } from './build.js';
import { buildOption } from './charts/build-option.js';
import { chartFontFiles, crowded, fontNotFound, planCharts, type ChartPlan } from './charts/plan-charts.js';
import { loadFontMetrics, measureWith, type Measure } from './charts/render/font-metrics.js';
import { error, hasErrors, warning, type Diagnostic, type SourceRef } from './diagnostics/diagnostic.js';
import { accessibilityDiagnostics } from './layout/accessibility.js';
import { layoutDeck } from './layout/layout-deck.js';
import type { DeckPlan } from './layout/types.js';
import { fitReport, type FitReport } from './layout/typeset/fit-report.js';
import { bindOutline, type BoundDeck } from './bind/bind.js';
import { checkClaims, dataClaims, indexSource, slideClaims } from './data/evidence.js';
import type { DataStore } from './data/types.js';
import type { Outline } from './load/outline/load-outline.js';
import { positionAt } from './load/positions.js';
import { readSource } from './load/read-source.js';

export interface CheckResult {
  diagnostics: Diagnostic[];
  texts: Map<string, string>;
  /** How layout fitted every text box (box, size, lines, breaks), when the deck got that far. */
  layout?: FitReport;
}

/**
 * Everything `build` checks, without drawing or writing anything: the outline, its data and
 * templates, whether text fits, and every chart as the charts stage plans it (its data, its
 * native form, its font) and lays it out (CHART_CROWDED) — all but the pictures and the package.
 * Loads no chart or pptx library.
 */
export async function checkOutline(options: { outline: string; cwd?: string; source?: string; theme?: string; template?: string }): Promise<CheckResult> {
  const cwd = options.cwd ?? process.cwd();
  const outlineFile = path.resolve(cwd, options.outline);
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string>();
  const inputs = await loadInputs(
    outlineFile,
    diagnostics,
    texts,
    options.theme === undefined ? undefined : { theme: options.theme, cwd },
    options.template === undefined ? undefined : { template: options.template, cwd },
  );
  if (!inputs || hasErrors(diagnostics)) return { diagnostics, texts };

  const bound = bindOutline(inputs.outline, inputs.data, inputs.partials, inputs.catalogs);
  diagnostics.push(...bound.diagnostics);
  if (!bound.deck) return { diagnostics, texts };
  if (options.source !== undefined) diagnostics.push(...(await checkAgainstSource(path.resolve(cwd, options.source), options.source, inputs.outline, inputs.data, bound.deck)));

  // On a company template, text is fitted to its placeholders, in its fonts (as build does).
  const { theme, frames, company } = deckLook(inputs, bound.deck.meta.lang);
  const laid = layoutDeck(bound.deck, inputs.data, theme, frames);
  const { plan } = laid;
  diagnostics.push(...laid.diagnostics);
  if (company && inputs.templateAt) diagnostics.push(...templateMisfits(bound.deck.slides, laid, layoutDeck(bound.deck, inputs.data, inputs.theme), inputs.templateAt, company.template.file));
  const charts = planCharts(plan.charts, inputs.data, theme, undefined, { svg: false, fonts: chartFontFiles(inputs.theme, cwd), locale: bound.deck.locale });
  diagnostics.push(...charts.diagnostics, ...chartLayouts(charts), ...accessibilityDiagnostics(plan, theme, charts.slots));
  return { diagnostics, texts, layout: fitReport(plan, theme.fonts, bound.deck.meta.lang) };
}

const MISFITS = new Set(['LAYOUT_OVERFLOW', 'LAYOUT_TEXT_TOO_SMALL']);

/** A layout of the deck: its plan and what it reported. */
interface Laid {
  plan: DeckPlan;
  diagnostics: readonly Diagnostic[];
}

/**
 * What the company template did to the text: the outline's slides whose text overflows, fits
 * only below the theme's minimum, or continues on more "(cont.)" slides on the template's
 * placeholders than on briefdeck's own layouts, as one warning at the outline's `template:` line
 * (each box's own warning stays at its slide).
 */
export function templateMisfits(slides: BoundDeck['slides'], onTemplate: Laid, onOwn: Laid, at: SourceRef, file: string): Diagnostic[] {
  // Layout reports a box at its slide's place in the outline.
  const place = (ref: SourceRef | undefined) => `${ref?.file}:${ref?.range?.[0]}`;
  const misfits = (laid: Laid) => new Set(laid.diagnostics.filter((d) => MISFITS.has(d.code)).map((d) => place(d.source)));
  const parts = (laid: Laid, index: number) => laid.plan.slides.filter((s) => s.from === index).length;
  const own = misfits(onOwn);
  const lost = misfits(onTemplate);
  const names = slides.flatMap((s) => {
    const more = parts(onTemplate, s.index) - parts(onOwn, s.index);
    if (more > 0) return [`slide ${s.index + 1} (${s.layout}) continues on ${more} more slide${more > 1 ? 's' : ''}`];
    return lost.has(place(s.origin)) && !own.has(place(s.origin)) ? [`slide ${s.index + 1} (${s.layout})`] : [];
  });
  if (!names.length) return [];
  const shown = names.slice(0, 8).join(', ') + (names.length > 8 ? ` and ${names.length - 8} more` : '');
  return [
    warning(
      'TEMPLATE_TEXT_DOES_NOT_FIT',
      `text that fits briefdeck's own layouts no longer fits the placeholders of ${path.basename(file)}: ${shown}`,
      at,
      "shorten it, give the kind a layout with more room (deck.templateLayouts), or enlarge the template's placeholder",
    ),
  ];
}

/**
 * `check --source FILE`: every `evidence:` of the data and the outline, and every quotation of a
 * quote slide (as rendered), occurs in FILE's text, the width of punctuation aside. FILE is a
 * path the user gave, read through the guarded reader like the outline.
 */
async function checkAgainstSource(file: string, ref: string, outline: Outline, data: DataStore, deck: BoundDeck): Promise<Diagnostic[]> {
  const read = await readSource(file, 'DATA', undefined, { ref, relativeTo: 'the current folder', format: 'text', maxBytes: 16 * 1024 * 1024 });
  if (!read.ok) return [read.diagnostic];
  const claims = [...dataClaims(data), ...slideClaims(deck.slides, (i, p) => positionAt(outline.positions, ['slides', i, ...p]))];
  return checkClaims(claims, indexSource(read.text), ref);
}

/**
 * What drawing would find before it draws: each picture's ECharts option is laid out with the
 * chart font's metrics, as the drawer does, and what did not fit is CHART_CROWDED, at every chart
 * that shows it. ECharts itself is not loaded.
 */
function chartLayouts(charts: ChartPlan): Diagnostic[] {
  if (!charts.pending.length || !charts.fonts) return [];
  let measure: Measure;
  try {
    measure = measureWith(loadFontMetrics(charts.fonts.regular), loadFontMetrics(charts.fonts.bold));
  } catch (e) {
    return [fontNotFound(`chart font file unreadable (${charts.fonts.regular}, ${charts.fonts.bold}): ${(e as Error).message}`)];
  }
  const out: Diagnostic[] = [];
  for (const picture of charts.pending) {
    let problems: string[];
    try {
      problems = buildOption(picture.chart, { theme: charts.theme, locale: charts.locale, width: picture.width, height: picture.height, measure }).problems;
    } catch (e) {
      for (const { id, origin } of picture.shownBy) out.push(error('CHART_RENDER_FAILED', `chart '${id}' could not be laid out: ${(e as Error).message}`, origin));
      continue;
    }
    for (const { id, origin } of picture.shownBy) out.push(...crowded(problems, id, picture.chart, origin));
  }
  return out;
}
