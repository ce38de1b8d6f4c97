import { performance } from 'node:perf_hooks';
import type { Theme } from '../../load/theme/theme.js';
import { localeFrom, type LocaleSpec } from '../../locale/locale.js';
import { buildOption } from '../build-option.js';
import { chartStyle, type ChartContext } from '../style/context.js';
import { renderSvg, svgText } from '../render/echarts-ssr.js';
import { measureWith, type FontMetricsCache, type Measure } from '../render/font-metrics.js';
import { subsetFontFile } from '../render/fonts.js';
import { freeRasterMemory, rasterizeTimed } from '../render/rasterize.js';
import type { ResolvedChart } from '../resolve.js';

/** One picture to draw: a resolved chart in a box of `width` × `height` CSS px. */
export interface PictureJob {
  /** The chart's content hash: names the result. */
  hash: string;
  chart: ResolvedChart;
  width: number;
  height: number;
}

/** What every picture of a batch is drawn with. */
export interface PictureSetup {
  theme: Theme;
  /** The deck's locale as plain data (it is posted to the chart thread): the words and numbers the pictures draw; default zh-TW. */
  locale?: LocaleSpec;
  /** The chart font's files (TTF/OTF), already found. */
  fonts: { regular: string; bold: string };
  /** PNG pixels per CSS pixel. */
  scale: number;
  /** Also make the SVG with outlined text. */
  svg: boolean;
}

export interface Picture {
  png: Uint8Array;
  widthPx: number;
  heightPx: number;
  /** The SVG with text as paths, when the setup asks for it. */
  svg?: string;
}

/** A drawn picture, or why it could not be drawn; `problems` are what its layout could not do. */
export type PictureResult = { hash: string; ok: true; picture: Picture; problems: string[]; ms: number } | { hash: string; ok: false; message: string; problems: string[]; ms: number };

/** A batch that could not start: the chart font could not be read. */
export interface BatchFailure {
  fontError: string;
}

/**
 * Draws a batch of pictures in this thread: each chart's ECharts option and SVG, then one font
 * subset of all their characters, then the pictures, freeing each one's pixel buffers before the
 * next. Worker threads run this same function, so a picture has the same bytes wherever it is drawn.
 * `metrics` is the drawer's (or thread's): font metrics read for an earlier batch are reused.
 */
export async function drawBatch(jobs: readonly PictureJob[], setup: PictureSetup, metrics: FontMetricsCache): Promise<PictureResult[] | BatchFailure> {
  let measure: Measure;
  try {
    measure = measureWith(await metrics.load(setup.fonts.regular), await metrics.load(setup.fonts.bold));
  } catch (e) {
    return { fontError: `chart font file unreadable (${setup.fonts.regular}, ${setup.fonts.bold}): ${(e as Error).message}` };
  }
  const locale = setup.locale ? localeFrom(setup.locale) : (await import('../../locale/default-locale.js')).defaultLocale();
  const drafts: { job: PictureJob; problems: string[]; ms: number; svg?: string; error?: unknown }[] = [];
  for (const job of jobs) {
    const t0 = performance.now();
    const ctx: ChartContext = { theme: setup.theme, locale, width: job.width, height: job.height, measure };
    let problems: string[] = [];
    try {
      const built = buildOption(job.chart, ctx);
      problems = built.problems;
      const svg = await renderSvg(built.option, job.width, job.height, measure);
      drafts.push({ job, problems, svg, ms: performance.now() - t0 });
    } catch (e) {
      drafts.push({ job, problems, error: e, ms: performance.now() - t0 });
    }
  }
  const chars = [...new Set(drafts.map((d) => (d.svg ? svgText(d.svg) : '')).join(''))].sort().join('');
  let files: string[] = [];
  try {
    if (drafts.some((d) => d.svg)) files = await Promise.all([subsetFontFile(setup.fonts.regular, chars, { reuse: true }), subsetFontFile(setup.fonts.bold, chars, { reuse: true })]);
  } catch (e) {
    // No subset (a full or read-only temp folder): no picture of this batch can be drawn.
    const error = new Error(`the chart font could not be subset: ${messageOf(e)}`);
    return drafts.map((d) => ({ hash: d.job.hash, ok: false, message: messageOf(d.error ?? error), problems: d.problems, ms: d.ms }));
  }
  const background = chartStyle(setup.theme).color.background;

  const results: PictureResult[] = [];
  for (const d of drafts) {
    const { hash } = d.job;
    if (d.svg === undefined) {
      results.push({ hash, ok: false, message: messageOf(d.error), problems: d.problems, ms: d.ms });
      continue;
    }
    try {
      const raster = await rasterizeTimed({ svg: d.svg, fonts: { files, family: setup.theme.fonts.chartFamily }, scale: setup.scale, background, outline: setup.svg });
      const picture: Picture = { png: raster.png, widthPx: raster.widthPx, heightPx: raster.heightPx, ...(setup.svg ? { svg: raster.outlined } : {}) };
      results.push({ hash, ok: true, picture, problems: d.problems, ms: d.ms + raster.ms });
    } catch (e) {
      results.push({ hash, ok: false, message: messageOf(e), problems: d.problems, ms: d.ms });
    }
    if (drafts.length > 1) await freeRasterMemory();
  }
  return results;
}

function messageOf(e: unknown): string {
  return (e as Error)?.message ?? String(e);
}
