import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DataStore } from '../data/types.js';
import type { Theme } from '../load/theme/theme.js';
import { inThreadDrawer, type ChartDrawer } from './drawer/chart-drawer.js';
import { crowded, fontNotFound, planCharts, type ChartCache, type ChartJob, type ChartPlan, type PendingPicture, type PlanChartsOptions } from './plan-charts.js';
import { isDrawnPicture, type ChartImage, type ChartOutput } from './types.js';

export { createChartCache, type ChartBox, type ChartCache, type ChartJob } from './plan-charts.js';

/** What a call did: how many charts it drew and took from the cache, and how long drawing took. */
export interface ChartStats {
  rendered: number;
  /** Taken from the cache, or from the same chart drawn for another slide in this call. */
  cached: number;
  /** Per drawn chart: option, ECharts SVG and picture, in ms (on whichever thread drew it). */
  renderMs: Record<string, number>;
}

/** The pictures of a plan, drawn: by hash. */
export interface DrawnPictures {
  pictures: Map<string, ChartImage>;
  diagnostics: Diagnostic[];
  stats: ChartStats;
}

/**
 * Draws the pictures a plan left to draw (see `planCharts`) with `drawer`, and stores each in
 * `cache`. A picture that could not be drawn gets CHART_RENDER_FAILED at every chart showing it;
 * what a layout could not do, CHART_CROWDED. Runs while the caller writes the deck.
 */
export async function drawPictures(plan: ChartPlan, drawer: ChartDrawer, cache?: ChartCache): Promise<DrawnPictures> {
  const stats: ChartStats = { rendered: plan.native, cached: plan.cached, renderMs: {} };
  const done: DrawnPictures = { pictures: new Map(), diagnostics: [], stats };
  if (plan.pending.length === 0 || !plan.fonts) return done;
  const result = await drawer.draw(
    plan.pending.map(({ hash, chart, width, height }) => ({ hash, chart, width, height })),
    { theme: plan.theme, locale: plan.locale.spec, fonts: plan.fonts, scale: plan.scale, svg: plan.svg },
  );
  if ('fontError' in result) {
    done.diagnostics.push(fontNotFound(result.fontError));
    return done;
  }
  result.forEach((drawn, k) => {
    const p = plan.pending[k] as PendingPicture;
    for (const { id, origin } of p.shownBy) done.diagnostics.push(...crowded(drawn.problems, id, p.chart, origin));
    stats.renderMs[p.shownBy[0]?.id ?? p.hash] = Math.round(drawn.ms * 10) / 10;
    if (!drawn.ok) {
      for (const { id, origin } of p.shownBy) {
        done.diagnostics.push(error('CHART_RENDER_FAILED', `chart '${id}' could not be drawn: ${drawn.message}`, origin, 'this is likely a briefdeck bug; run with --debug and report it'));
      }
      return;
    }
    const image: ChartImage = { type: 'image', ...drawn.picture, altText: p.altText, hash: p.hash, problems: drawn.problems };
    cache?.set(p.hash, image);
    done.pictures.set(p.hash, image);
    stats.rendered++;
  });
  return done;
}

export interface RenderChartsOptions extends PlanChartsOptions {
  /** Where to draw the pictures; default in this thread. */
  drawer?: ChartDrawer;
}

/**
 * Plans and draws the charts of a deck, and waits for them: each job's chart by id. `buildDeck`
 * runs the two halves apart, to write the deck while the pictures are drawn.
 */
export async function renderCharts(
  jobs: ChartJob[],
  data: DataStore,
  theme: Theme,
  cache?: ChartCache,
  options: RenderChartsOptions = {},
): Promise<{ outputs: Map<string, ChartOutput>; diagnostics: Diagnostic[]; stats: ChartStats }> {
  const plan = planCharts(jobs, data, theme, cache, options);
  const drawn = await drawPictures(plan, options.drawer ?? inThreadDrawer(), cache);
  const pictures = picturesOf(plan, drawn);
  const outputs = new Map<string, ChartOutput>();
  for (const [id, slot] of plan.slots) {
    const out = slot.type === 'image' ? pictures.get(slot.hash) : slot;
    if (out) outputs.set(id, out);
  }
  return { outputs, diagnostics: [...plan.diagnostics, ...drawn.diagnostics], stats: drawn.stats };
}

/** Every picture the plan's slots show, by hash: taken from the cache, or just drawn. */
export function picturesOf(plan: ChartPlan, drawn: DrawnPictures): Map<string, ChartImage> {
  const all = new Map(drawn.pictures);
  for (const slot of plan.slots.values()) if (isDrawnPicture(slot)) all.set(slot.hash, slot);
  return all;
}
