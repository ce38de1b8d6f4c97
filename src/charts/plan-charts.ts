import path from 'node:path';
import { error, warning, type Diagnostic, type SourceRef } from '../diagnostics/diagnostic.js';
import type { DataStore } from '../data/types.js';
import type { Theme } from '../load/theme/theme.js';
import { defaultLocale } from '../locale/default-locale.js';
import type { Locale } from '../locale/locale.js';
import { PX_PER_INCH } from './style/context.js';
import type { PictureJob } from './drawer/draw-batch.js';
import { chartKind } from './kinds/registry.js';
import { resolveFontFile } from './render/fonts.js';
import { createFontMetricsCache, measureWith, missingGlyphs, type FontMetrics } from './render/font-metrics.js';
import { buildOption } from './build-option.js';
import { CHARTS_VERSION, contentHash } from './hash.js';
import { fieldAt, resolveChart, type ResolvedChart } from './resolve.js';
import type { ChartOutput, ChartRequest, ChartSlot, NativeChart } from './types.js';

/** PowerPoint's largest slide side, in inches: a chart box beyond it is a bug, not a template. */
const MAX_SLIDE_INCHES = 56;

/** The box a chart fills, in inches, on the slide (briefdeck's is 13.333 × 7.5 in; a template's may be larger). */
export interface ChartBox {
  width: number;
  height: number;
}

/** One chart to draw: `id` names it in the result (a slide's chart, e.g. `s3-chart`). */
export interface ChartJob {
  id: string;
  request: ChartRequest;
  box: ChartBox;
}

/** Drawn charts by content hash, so a rebuild re-draws only the charts whose inputs changed. */
export interface ChartCache {
  get(hash: string): ChartOutput | undefined;
  set(hash: string, out: ChartOutput): void;
}

/** A `ChartCache` in memory (a watch loop keeps one across rebuilds). */
export function createChartCache(): ChartCache {
  const map = new Map<string, ChartOutput>();
  return { get: (hash) => map.get(hash), set: (hash, out) => void map.set(hash, out) };
}

export interface PlanChartsOptions {
  /** Where relative font paths of the theme are looked for first; default the working directory. */
  root?: string;
  /** PNG pixels per CSS pixel (96 CSS px = 1 in); default 2. */
  scale?: number;
  /** Also make each picture as SVG with outlined text; default true. */
  svg?: boolean;
  /** The theme's chart font files, when the caller has looked for them already (`chartFontFiles`). */
  fonts?: ChartFontFiles;
  /** The deck's locale (`BoundDeck.locale`): the words, numbers and dates charts and their alt text are written in; default zh-TW. */
  locale?: Locale;
}

/** A picture still to draw, and the charts (jobs) that show it. */
export interface PendingPicture extends PictureJob {
  altText: string;
  shownBy: { id: string; origin: SourceRef }[];
}

/** What planning found: every chart's slot, the pictures to draw, and what it had to say. */
export interface ChartPlan {
  /** By job id: a native chart, a picture from the cache, or one still to draw. */
  slots: Map<string, ChartSlot>;
  /** Each picture once, however many slots show it. */
  pending: PendingPicture[];
  /** The chart font's files, when some picture needs them. */
  fonts?: { regular: string; bold: string };
  theme: Theme;
  /** What the charts are written in; the pictures still to draw are drawn in it. */
  locale: Locale;
  scale: number;
  svg: boolean;
  diagnostics: Diagnostic[];
  /** Charts taken from the cache, or shown by another job of this plan. */
  cached: number;
  /** Native charts made. */
  native: number;
}

/**
 * Everything about a deck's charts that needs no drawing, in this thread: each request checked
 * against the data (a request that does not fit gets a diagnostic at its origin and no slot),
 * native charts made, pictures taken from `cache`, and the pictures left to draw, each once
 * (a chart shown on several slides is drawn once). Each picture's slot knows its size and alt
 * text already, so the deck can be written while the pictures are drawn.
 */
export function planCharts(jobs: readonly ChartJob[], data: DataStore, theme: Theme, cache?: ChartCache, options: PlanChartsOptions = {}): ChartPlan {
  const scale = options.scale ?? 2;
  const svg = options.svg ?? true;
  const locale = options.locale ?? defaultLocale();
  const plan: ChartPlan = { slots: new Map(), pending: [], theme, locale, scale, svg, diagnostics: [], cached: 0, native: 0 };
  const pending = new Map<string, PendingPicture>();
  const fonts = options.fonts ?? chartFontFiles(theme, options.root);
  const ids = new Set<string>();
  let fontReported = false;

  for (const job of jobs) {
    const { request } = job;
    if (ids.has(job.id)) {
      plan.diagnostics.push(error('CHART_DUPLICATE_ID', `two charts are named '${job.id}'`, request.origin));
      continue;
    }
    ids.add(job.id);
    const resolved = resolveChart(request, data);
    plan.diagnostics.push(...resolved.diagnostics);
    const chart = resolved.chart;
    if (!chart) continue;
    if (!(job.box.width > 0 && job.box.height > 0 && job.box.width <= MAX_SLIDE_INCHES && job.box.height <= MAX_SLIDE_INCHES)) {
      plan.diagnostics.push(
        error('CHART_BAD_BOX', `a chart box of ${job.box.width} × ${job.box.height} in does not fit a slide (PowerPoint's largest is ${MAX_SLIDE_INCHES} × ${MAX_SLIDE_INCHES} in)`, request.origin),
      );
      continue;
    }
    const hash = contentHash({
      version: CHARTS_VERSION,
      renderer: request.render,
      chart,
      box: job.box,
      // Its words: a picture drawn for a deck in another language is another picture.
      locale: locale.spec,
      // Font files by name: an absolute path differs between machines, the drawing does not.
      theme: { ...theme, fonts: { ...theme.fonts, chartRegular: path.basename(theme.fonts.chartRegular), chartBold: path.basename(theme.fonts.chartBold) } },
      ...(request.render === 'echarts' ? { scale, svg } : {}),
    });
    const cached = cache?.get(hash);
    if (cached) {
      plan.slots.set(job.id, cached);
      plan.cached++;
      // Reported on every build, cached or not: a warning must not vanish on a rebuild.
      if (cached.type === 'image') plan.diagnostics.push(...crowded(cached.problems, job.id, chart, request.origin));
      continue;
    }

    if (request.render === 'native') {
      const spec = chartKind(chart.kind).native(chart, theme, locale);
      if ('refused' in spec) {
        plan.diagnostics.push(error(spec.code, spec.refused, fieldAt(request, 'render'), spec.hint));
        continue;
      }
      const out: NativeChart = { type: 'native', ...spec, altText: altText(chart, locale), hash };
      cache?.set(hash, out);
      plan.slots.set(job.id, out);
      plan.native++;
      continue;
    }

    if (!fonts.ok) {
      if (!fontReported) plan.diagnostics.push(fontNotFound(fonts.message));
      fontReported = true;
      continue;
    }
    plan.fonts = fonts;
    const width = Math.round(job.box.width * PX_PER_INCH);
    const height = Math.round(job.box.height * PX_PER_INCH);
    const shown = { id: job.id, origin: request.origin };
    const twin = pending.get(hash);
    if (twin) {
      twin.shownBy.push(shown);
      plan.cached++;
    } else {
      const tofu = glyphCheck(job.id, chart, { width, height }, theme, locale, fonts, request.origin);
      if (tofu) {
        plan.diagnostics.push(tofu);
        continue;
      }
      const picture: PendingPicture = { hash, chart, width, height, altText: altText(chart, locale), shownBy: [shown] };
      pending.set(hash, picture);
      plan.pending.push(picture);
    }
    plan.slots.set(job.id, { type: 'image', hash, widthPx: Math.round(width * scale), heightPx: Math.round(height * scale), altText: altText(chart, locale) });
  }
  return plan;
}

/** Font metrics of chart fonts, read once per process while the file stays the same. */
const metricsCache = createFontMetricsCache();

/**
 * CHART_GLYPH_MISSING when the chart would draw a character the chart font has no glyph for:
 * resvg would draw nothing there (zh-CN "系统语言" in Noto Sans TC came out as "系统 言"). Every
 * string of the ECharts option is checked (labels, titles, values, legend), as the drawer builds it.
 */
function glyphCheck(
  id: string,
  chart: ResolvedChart,
  size: { width: number; height: number },
  theme: Theme,
  locale: Locale,
  fonts: { regular: string; bold: string },
  origin: SourceRef,
): Diagnostic | undefined {
  let regular: FontMetrics;
  let bold: FontMetrics;
  try {
    regular = metricsCache.get(fonts.regular);
    bold = metricsCache.get(fonts.bold);
  } catch {
    return undefined; // unreadable: the drawer reports it as CHART_FONT_NOT_FOUND
  }
  let option: unknown;
  try {
    option = buildOption(chart, { theme, locale, ...size, measure: measureWith(regular, bold) }).option;
  } catch {
    return undefined; // the drawer reports it as CHART_RENDER_FAILED
  }
  const missing = missingGlyphs(stringsOf(option), [regular, bold]);
  if (!missing.length) return undefined;
  const listed = missing.map((c) => `"${c}" (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
  return error(
    'CHART_GLYPH_MISSING',
    `chart '${id}' would draw ${listed}, which the chart font ${theme.fonts.chartFamily} (${path.basename(fonts.regular)}) has no glyph for`,
    origin,
    "use other characters, or set the theme's fonts.chartRegular / chartBold to a font that has them (or a byLang entry for the deck's language)",
  );
}

/** Every string in an ECharts option (what it draws, and names and colours, which are ASCII). */
function* stringsOf(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const v of value) yield* stringsOf(v);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) yield* stringsOf(v);
}

/** CHART_CROWDED warnings for what a chart's layout could not do. */
export function crowded(problems: readonly string[], id: string, chart: Pick<ResolvedChart, 'kind' | 'meta'>, origin: SourceRef): Diagnostic[] {
  return problems.map((p) => warning('CHART_CROWDED', `chart '${id}' (${chart.kind} of '${chart.meta.id}'): ${p}`, origin, 'give the chart a larger box, or draw fewer items'));
}

/** The chart's data in words of the deck's locale, for the picture's alt text. */
export function altText(chart: ResolvedChart, locale: Locale): string {
  return chartKind(chart.kind).altText(chart, locale);
}

export type ChartFontFiles = { ok: true; regular: string; bold: string } | { ok: false; message: string };

/** The theme's chart font files, found (see `resolveFontFile`), or which are missing. */
export function chartFontFiles(theme: Theme, root?: string): ChartFontFiles {
  const regular = resolveFontFile(theme.fonts.chartRegular, root);
  const bold = resolveFontFile(theme.fonts.chartBold, root);
  if (regular && bold) return { ok: true, regular, bold };
  const missing = [!regular ? theme.fonts.chartRegular : '', !bold ? theme.fonts.chartBold : ''].filter(Boolean);
  return { ok: false, message: `chart font file not found: ${missing.join(', ')}` };
}

/** CHART_FONT_NOT_FOUND: the chart font is missing or cannot be read. */
export function fontNotFound(message: string): Diagnostic {
  return error('CHART_FONT_NOT_FOUND', message, undefined, 'run npm ci, or set fonts.chartRegular / chartBold in the theme to TTF or OTF files');
}
