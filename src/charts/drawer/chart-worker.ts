import { parentPort, workerData } from 'node:worker_threads';
import { drawBatch, type BatchFailure, type PictureJob, type PictureResult, type PictureSetup } from './draw-batch.js';
import { loadECharts } from '../render/echarts-ssr.js';
import { createFontMetricsCache } from '../render/font-metrics.js';
import { loadSubsetFont, prepareSubsets } from '../render/fonts.js';
import { loadResvg } from '../render/rasterize.js';

/** What the main thread asks of a chart worker (see `ChartDrawer`). */
export type DrawerRequest = { type: 'prepare'; fonts: PictureSetup['fonts'] } | { type: 'draw'; id: number; jobs: readonly PictureJob[]; setup: PictureSetup };

/** The `workerData` a chart worker is started with. */
export const CHART_WORKER = { briefdeck: 'chart-worker' } as const;

export interface DrawerReply {
  id: number;
  result: PictureResult[] | BatchFailure;
}

/**
 * A chart worker: loads what drawing takes as soon as it starts (the font subsetter first,
 * whose WebAssembly compiles on a background thread while ECharts loads here), then draws a
 * batch a message.
 */
function serve(port: NonNullable<typeof parentPort>): void {
  // A module that fails to load fails each picture that needs it, as a diagnostic.
  for (const load of [loadSubsetFont, loadECharts, loadResvg]) void load().catch(() => undefined);
  const metrics = createFontMetricsCache();
  port.on('message', async (message: DrawerRequest) => {
    if (message.type === 'prepare') {
      try {
        metrics.get(message.fonts.regular);
        metrics.get(message.fonts.bold);
        prepareSubsets([message.fonts.regular, message.fonts.bold]);
      } catch {
        // Reported by the batch that needs the fonts.
      }
      return;
    }
    let result: DrawerReply['result'];
    try {
      result = await drawBatch(message.jobs, message.setup, metrics);
    } catch (e) {
      result = message.jobs.map((job) => ({ hash: job.hash, ok: false, message: (e as Error)?.message ?? String(e), problems: [], ms: 0 }));
    }
    const transfer = Array.isArray(result) ? result.flatMap((r) => (r.ok ? [ownBuffer(r.picture)] : [])) : [];
    port.postMessage({ id: message.id, result } satisfies DrawerReply, transfer);
  });
}

/** The picture's PNG in a buffer of its own, to hand over without a copy. */
function ownBuffer(picture: { png: Uint8Array }): ArrayBuffer {
  const { png } = picture;
  if (png.byteOffset !== 0 || png.byteLength !== png.buffer.byteLength) picture.png = png.slice();
  return picture.png.buffer as ArrayBuffer;
}

if (parentPort && (workerData as { briefdeck?: string } | null)?.briefdeck === CHART_WORKER.briefdeck) serve(parentPort);
