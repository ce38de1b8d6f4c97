import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DataStore } from '../data/types.js';
import type { Theme } from '../theme/theme.js';
import { breakdownAltText, breakdownNative, breakdownOption } from './breakdown.js';
import { comparisonNative, comparisonOption, figuresAltText } from './comparison.js';
import { chartStyle, PX_PER_INCH, type ChartContext } from './context.js';
import { renderSvg, svgText } from './echarts-ssr.js';
import { loadFontMetrics, measureWith, type Measure } from './font-metrics.js';
import { prepareSubsets, resolveFontFile, subsetFontFile } from './fonts.js';
import { CHARTS_VERSION, contentHash } from './hash.js';
import type { NativeSpec } from './native.js';
import { rankChangeAltText, rankChangeOption } from './rank-change.js';
import { rankingAltText, rankingNative, rankingOption, type BuiltOption } from './ranking.js';
import { freeRasterMemory, RasterPool, rasterizeTimed, type RasterJob, type TimedRaster } from './rasterize.js';
import { fieldAt, resolveChart, type ResolvedChart } from './resolve.js';
import { shareNative, shareOption } from './share.js';
import type { ChartImage, ChartOutput, ChartRequest, NativeChart } from './types.js';

/** The box a chart fills, in inches, on a 13.333 × 7.5 in slide. */
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

export interface RenderChartsOptions {
  /** Where relative font paths of the theme are looked for first; default the working directory. */
  root?: string;
  /** PNG pixels per CSS pixel (96 CSS px = 1 in); default 2. */
  scale?: number;
  /** Also return each picture as SVG with outlined text; default true. */
  svg?: boolean;
}

/** What a call did: how many charts it drew and took from the cache, and how long drawing took. */
export interface ChartStats {
  rendered: number;
  /** Taken from the cache, or from the same chart drawn for another slide in this call. */
  cached: number;
  /** Making the font subsets (once per call; 0 when every subset was already on disk). */
  subsetMs: number;
  /** Per drawn chart: ECharts SVG + resvg PNG (+ outlines), in ms. */
  renderMs: Record<string, number>;
}

interface Pending {
  index: number;
  job: ChartJob;
  chart: ResolvedChart;
  hash: string;
  built: BuiltOption;
  ctx: ChartContext;
  svg?: string;
  ms: number;
  /** Other jobs in this call that draw the very same chart. */
  twins: { index: number; job: ChartJob }[];
}

/**
 * Draws the charts of a deck. Each request is checked against the data first; a request that
 * does not fit gets a diagnostic at its origin and no output, and the other charts go on.
 * `render: 'echarts'` charts become PNG pictures (ECharts SSR → SVG → resvg at 2×) drawn with
 * the theme's chart font, subset once per call to the characters of all the charts; `native`
 * ones become pptxgenjs chart specs. Outputs unchanged since a cached call come from `cache`,
 * and a chart shown on several slides is drawn once. Several pictures are drawn on worker
 * threads (RasterPool), with the same bytes as in this thread.
 */
export async function renderCharts(
  jobs: ChartJob[],
  data: DataStore,
  theme: Theme,
  cache?: ChartCache,
  options: RenderChartsOptions = {},
): Promise<{ outputs: Map<string, ChartOutput>; diagnostics: Diagnostic[]; stats: ChartStats }> {
  const diagnostics: Diagnostic[] = [];
  const results: (ChartOutput | undefined)[] = [];
  const stats: ChartStats = { rendered: 0, cached: 0, subsetMs: 0, renderMs: {} };
  const scale = options.scale ?? 2;
  const wantSvg = options.svg ?? true;
  const todo: Pending[] = [];
  const pending = new Map<string, Pending>();
  const fonts = chartFonts(theme, options.root);
  const ids = new Set<string>();
  let fontReported = false;

  for (const [index, job] of jobs.entries()) {
    const { request } = job;
    if (ids.has(job.id)) {
      diagnostics.push(error('CHART_DUPLICATE_ID', `two charts are named '${job.id}'`, request.origin));
      continue;
    }
    ids.add(job.id);
    const resolved = resolveChart(request, data);
    diagnostics.push(...resolved.diagnostics);
    const chart = resolved.chart;
    if (!chart) continue;
    if (!(job.box.width > 0 && job.box.height > 0 && job.box.width <= 13.34 && job.box.height <= 7.5)) {
      diagnostics.push(error('CHART_BAD_BOX', `a chart box of ${job.box.width} × ${job.box.height} in does not fit a 13.333 × 7.5 in slide`, request.origin));
      continue;
    }
    const hash = contentHash({
      version: CHARTS_VERSION,
      renderer: request.render,
      chart,
      box: job.box,
      // Font files by name: an absolute path differs between machines, the drawing does not.
      theme: { ...theme, fonts: { ...theme.fonts, chartRegular: path.basename(theme.fonts.chartRegular), chartBold: path.basename(theme.fonts.chartBold) } },
      ...(request.render === 'echarts' ? { scale, svg: wantSvg } : {}),
    });

    if (request.render === 'native') {
      const cached = cache?.get(hash);
      if (cached) {
        results[index] = cached;
        stats.cached++;
        continue;
      }
      const spec = nativeSpec(chart, theme);
      if ('refused' in spec) {
        diagnostics.push(error(spec.code, spec.refused, fieldAt(request, 'render'), spec.hint));
        continue;
      }
      const out: NativeChart = { type: 'native', ...spec, altText: altText(chart), hash };
      cache?.set(hash, out);
      results[index] = out;
      stats.rendered++;
      continue;
    }

    if (!fonts.ok) {
      if (!fontReported) diagnostics.push(error('CHART_FONT_NOT_FOUND', fonts.message, undefined, 'run npm ci, or set fonts.chartRegular / chartBold in the theme to TTF or OTF files'));
      fontReported = true;
      continue;
    }
    const ctx: ChartContext = { theme, width: Math.round(job.box.width * PX_PER_INCH), height: Math.round(job.box.height * PX_PER_INCH), measure: fonts.measure };
    let built: BuiltOption;
    try {
      built = buildOption(chart, ctx);
    } catch (e) {
      diagnostics.push(renderFailed(job, e));
      continue;
    }
    // Reported on every build, cached or not: the layout is cheap, and a warning must not vanish on a rebuild.
    for (const p of built.problems) {
      diagnostics.push(warning('CHART_CROWDED', `chart '${job.id}' (${chart.kind} of '${chart.meta.id}'): ${p}`, request.origin, 'give the chart a larger box, or draw fewer items'));
    }
    const cached = cache?.get(hash);
    if (cached) {
      results[index] = cached;
      stats.cached++;
      continue;
    }
    // The same chart on another slide (same data, kind and box): drawn once, for both.
    const twin = pending.get(hash);
    if (twin) {
      twin.twins.push({ index, job });
      stats.cached++;
      continue;
    }
    const drawing: Pending = { index, job, chart, hash, built, ctx, ms: 0, twins: [] };
    pending.set(hash, drawing);
    todo.push(drawing);
  }

  // Several pictures are drawn on worker threads (see RasterPool); started now, the threads load
  // resvg while this one draws the SVGs.
  const pool = todo.length >= 2 && fonts.ok ? RasterPool.start({ pictures: todo.length }) : undefined;
  if (todo.length && fonts.ok) prepareSubsets([fonts.regular, fonts.bold]);
  try {
    if (todo.length && fonts.ok) await drawPictures(todo, { fonts, theme, scale, wantSvg, pool, cache, results, stats, diagnostics });
  } finally {
    await pool?.close();
  }

  const outputs = new Map<string, ChartOutput>();
  jobs.forEach((job, i) => {
    const out = results[i];
    if (out) outputs.set(job.id, out);
  });
  return { outputs, diagnostics, stats };
}

interface Drawing {
  fonts: Fonts & { ok: true };
  theme: Theme;
  scale: number;
  wantSvg: boolean;
  /** Threads to draw the pictures on; none: in this thread. */
  pool: RasterPool | undefined;
  cache: ChartCache | undefined;
  results: (ChartOutput | undefined)[];
  stats: ChartStats;
  diagnostics: Diagnostic[];
}

/** ECharts SVGs in this thread, one font subset for all of them, then the pictures. */
async function drawPictures(todo: Pending[], d: Drawing): Promise<void> {
  for (const t of todo) {
    const t0 = performance.now();
    try {
      t.svg = await renderSvg(t.built.option, t.ctx.width, t.ctx.height, t.ctx.measure);
    } catch (e) {
      for (const { job } of [t, ...t.twins]) d.diagnostics.push(renderFailed(job, e));
    }
    t.ms += performance.now() - t0;
    // A turn of the event loop, so the threads' replies and what prepareSubsets started (file
    // reads, WebAssembly) progress while the SVGs are drawn.
    if (todo.length > 1) await new Promise((resolve) => setImmediate(resolve));
  }
  const drawn = todo.filter((t): t is Pending & { svg: string } => t.svg !== undefined);
  const chars = [...new Set(drawn.map((t) => svgText(t.svg)).join(''))].sort().join('');
  const s0 = performance.now();
  const files = await Promise.all([subsetFontFile(d.fonts.regular, chars, { reuse: true }), subsetFontFile(d.fonts.bold, chars, { reuse: true })]);
  d.stats.subsetMs = performance.now() - s0;
  const background = chartStyle(d.theme).color.background;
  const draw = (t: Pending & { svg: string }): Promise<{ raster: TimedRaster } | { error: unknown; ms: number }> => {
    const job: RasterJob = { svg: t.svg, fonts: { files, family: d.theme.fonts.chartFamily }, scale: d.scale, background, outline: d.wantSvg };
    const t0 = performance.now();
    return (d.pool ? d.pool.rasterize(job) : rasterizeTimed(job)).then(
      (raster) => ({ raster }),
      (error: unknown) => ({ error, ms: performance.now() - t0 }),
    );
  };
  // On the threads all at once; in this thread one after the other. Either way, results are
  // taken in the charts' order, so diagnostics and the cache see the same sequence.
  const rasters = d.pool ? await Promise.all(drawn.map(draw)) : [];
  if (!d.pool) {
    for (const t of drawn) {
      rasters.push(await draw(t));
      if (drawn.length > 1) await freeRasterMemory();
    }
  }
  drawn.forEach((t, k) => {
    const done = rasters[k] as Awaited<ReturnType<typeof draw>>;
    if ('error' in done) {
      for (const { job } of [t, ...t.twins]) d.diagnostics.push(renderFailed(job, done.error));
      t.ms += done.ms;
    } else {
      const { raster } = done;
      const out: ChartImage = { type: 'image', png: raster.png, widthPx: raster.widthPx, heightPx: raster.heightPx, altText: altText(t.chart), hash: t.hash };
      if (d.wantSvg) out.svg = raster.outlined;
      d.cache?.set(t.hash, out);
      for (const { index } of [t, ...t.twins]) d.results[index] = out;
      d.stats.rendered++;
      t.ms += raster.ms;
    }
    d.stats.renderMs[t.job.id] = Math.round(t.ms * 10) / 10;
  });
}

/** The ECharts option of a resolved chart: one pure function per kind. */
export function buildOption(chart: ResolvedChart, ctx: ChartContext): BuiltOption {
  switch (chart.kind) {
    case 'ranking':
      return rankingOption(chart, ctx);
    case 'rank-change':
      return rankChangeOption(chart, ctx);
    case 'comparison':
      return comparisonOption(chart, ctx);
    case 'share':
      return shareOption(chart, ctx);
    case 'breakdown':
      return breakdownOption(chart, ctx);
  }
}

/** The chart's data in Traditional Chinese words, for the picture's alt text. */
export function altText(chart: ResolvedChart): string {
  switch (chart.kind) {
    case 'ranking':
      return rankingAltText(chart);
    case 'rank-change':
      return rankChangeAltText(chart);
    case 'comparison':
    case 'share':
      return figuresAltText(chart);
    case 'breakdown':
      return breakdownAltText(chart);
  }
}

function nativeSpec(chart: ResolvedChart, theme: Theme): NativeSpec | { code: string; refused: string; hint: string } {
  switch (chart.kind) {
    case 'ranking': {
      const spec = rankingNative(chart, theme);
      return 'refused' in spec ? { code: 'CHART_NATIVE_NEEDS_SCORES', refused: spec.refused, hint: 'use `render: echarts`, which shows rank as position (dots on a rank axis), not as bar length' } : spec;
    }
    case 'rank-change':
      return { code: 'CHART_NATIVE_UNSUPPORTED', refused: `a rank-change chart of '${chart.meta.id}' has no native form: a line chart would draw ranks as amounts`, hint: 'use `render: echarts`' };
    case 'comparison':
      return comparisonNative(chart, theme);
    case 'share':
      return shareNative(chart, theme);
    case 'breakdown':
      return breakdownNative(chart, theme);
  }
}

type Fonts = { ok: true; regular: string; bold: string; measure: Measure } | { ok: false; message: string };

function chartFonts(theme: Theme, root?: string): Fonts {
  const regular = resolveFontFile(theme.fonts.chartRegular, root);
  const bold = resolveFontFile(theme.fonts.chartBold, root);
  if (!regular || !bold) {
    const missing = [!regular ? theme.fonts.chartRegular : '', !bold ? theme.fonts.chartBold : ''].filter(Boolean);
    return { ok: false, message: `chart font file not found: ${missing.join(', ')}` };
  }
  try {
    return { ok: true, regular, bold, measure: measureWith(loadFontMetrics(regular), loadFontMetrics(bold)) };
  } catch (e) {
    return { ok: false, message: `chart font file unreadable (${regular}, ${bold}): ${(e as Error).message}` };
  }
}

function renderFailed(job: ChartJob, e: unknown): Diagnostic {
  return error('CHART_RENDER_FAILED', `chart '${job.id}' could not be drawn: ${(e as Error)?.message ?? String(e)}`, job.request.origin, 'this is likely a briefdeck bug; run with --debug and report it');
}
