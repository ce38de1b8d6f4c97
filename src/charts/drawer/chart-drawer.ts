import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BatchFailure, PictureJob, PictureResult, PictureSetup } from './draw-batch.js';
import type { CHART_WORKER, DrawerReply, DrawerRequest } from './chart-worker.js';
import type { FontMetricsCache } from '../render/font-metrics.js';

/** Draws batches of chart pictures: on worker threads, or in this thread. Either way, the same bytes. */
export interface ChartDrawer {
  /** Starts, without waiting, what drawing with these font files takes (metrics, subsetter). */
  prepare(fonts: PictureSetup['fonts']): void;
  /** Draws `jobs`; results in their order. */
  draw(jobs: readonly PictureJob[], setup: PictureSetup): Promise<PictureResult[] | BatchFailure>;
  /** Stops the threads; pictures they were drawing come back as not drawn. */
  close(): Promise<void>;
}

/** Draws every picture in this thread. */
export function inThreadDrawer(): ChartDrawer {
  return { prepare: () => undefined, draw: drawingHere(), close: async () => undefined };
}

type Draw = (jobs: readonly PictureJob[], setup: PictureSetup) => Promise<PictureResult[] | BatchFailure>;

/** `drawBatch` in this thread, loaded only when a picture is drawn here; font metrics are kept for as long as the drawer lives. */
function drawingHere(): Draw {
  let metrics: FontMetricsCache | undefined;
  return async (jobs, setup) => {
    const [{ drawBatch }, { createFontMetricsCache }] = await Promise.all([import('./draw-batch.js'), import('../render/font-metrics.js')]);
    metrics ??= createFontMetricsCache();
    return drawBatch(jobs, setup, metrics);
  };
}

// Module-level, and only this: the CLI starts the drawer on its first line, before the module
// that runs the build is even loaded, so there is no object yet to hand it to. It holds a thread,
// no data of any build; `startChartDrawer` takes it, once.
let prestarted: ChartDrawer | undefined;

/**
 * Starts the drawer of the build this process is about to run, before the modules of the build
 * load (~150 ms), so its thread has ECharts ready sooner; the next `startChartDrawer` takes it.
 */
export function prestartChartDrawer(): void {
  prestarted ??= startChartDrawer();
}

/**
 * A drawer on worker threads when that can help (more than one core, and briefdeck running
 * from its compiled .js, which a worker can load), else in this thread. Started before the deck
 * is loaded, the first thread loads ECharts and resvg on the core the main thread leaves idle
 * while it reads, binds and lays out the deck; later the threads draw while the main thread
 * writes the deck. A core is left to the main thread: on 2 cores the 1,000-slide bench deck
 * took 7.0 s and 443 MB with one thread, 6.8 s and 553–676 MB with two (each thread holds its
 * own ECharts, HarfBuzz and font files, ~70 MB). More threads start, where there are cores,
 * for a batch large enough to share (see `threadsFor`).
 */
export function startChartDrawer(options: { maxThreads?: number } = {}): ChartDrawer {
  const early = prestarted;
  prestarted = undefined;
  if (early) return early;
  const maxThreads = options.maxThreads ?? Math.min(os.availableParallelism() - 1, 4);
  if (maxThreads < 1 || !import.meta.url.endsWith('.js')) return inThreadDrawer();
  try {
    return new WorkerDrawer(maxThreads);
  } catch {
    return inThreadDrawer();
  }
}

/**
 * Threads worth using for `pictures` pictures: one per 8, up to `max`. A thread more loads
 * ECharts again (~100 ms of CPU), which a few pictures do not repay.
 */
export function threadsFor(pictures: number, max: number): number {
  return Math.max(1, Math.min(max, Math.floor(pictures / PICTURES_PER_THREAD)));
}
const PICTURES_PER_THREAD = 8;

class WorkerDrawer implements ChartDrawer {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, { resolve: (r: DrawerReply['result']) => void; reject: (e: Error) => void; worker: Worker }>();
  private prepared: PictureSetup['fonts'] | undefined;
  private nextId = 0;
  private closed = false;
  /** What a thread cannot draw (it died, or none could start) is drawn here. */
  private readonly drawHere = drawingHere();

  constructor(private readonly maxThreads: number) {
    this.spawn();
  }

  prepare(fonts: PictureSetup['fonts']): void {
    // A watch loop prepares before every build: once per fonts is enough.
    if (this.prepared?.regular === fonts.regular && this.prepared.bold === fonts.bold) return;
    this.prepared = fonts;
    for (const w of this.workers) w.postMessage({ type: 'prepare', fonts } satisfies DrawerRequest);
  }

  async draw(jobs: readonly PictureJob[], setup: PictureSetup): Promise<PictureResult[] | BatchFailure> {
    if (this.closed) return this.drawHere(jobs, setup);
    try {
      while (this.workers.length < threadsFor(jobs.length, this.maxThreads)) this.spawn();
    } catch {
      // Fewer threads, or none: what has no thread is drawn here.
    }
    const batches = split(jobs, Math.max(1, Math.min(this.workers.length, jobs.length)));
    const results = await Promise.all(
      batches.map((batch, k) => {
        const worker = this.workers[k];
        // A thread that died: its batch is drawn here. One stopped by close(): not at all.
        const lost = (e: Error) => (this.closed ? batch.map((job) => notDrawn(job, e)) : this.drawHere(batch, setup));
        return worker ? this.send(worker, batch, setup).catch(lost) : this.drawHere(batch, setup);
      }),
    );
    const failed = results.find((r): r is BatchFailure => 'fontError' in r);
    return failed ?? results.flatMap((r) => r as PictureResult[]);
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private spawn(): void {
    // The tag, not a value import: this module must not load the drawing code into this thread.
    const w = new Worker(new URL('./chart-worker.js', import.meta.url), { workerData: { briefdeck: 'chart-worker' } satisfies typeof CHART_WORKER });
    // An idle thread must not keep the process alive (a drawer left open); a busy one must, or
    // the process could end while it waits for the pictures.
    w.unref();
    w.on('message', (reply: DrawerReply) => {
      const task = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (![...this.waiting.values()].some((t) => t.worker === w)) w.unref();
      task?.resolve(reply.result);
    });
    // A thread that dies (it should not) fails its batch, which is then drawn in this thread.
    const lose = (e: Error) => {
      const at = this.workers.indexOf(w);
      if (at >= 0) this.workers.splice(at, 1);
      for (const [id, task] of this.waiting) {
        if (task.worker !== w) continue;
        this.waiting.delete(id);
        task.reject(e);
      }
    };
    w.on('error', lose);
    w.on('exit', (code) => lose(new Error(`chart worker exited with code ${code}`)));
    if (this.prepared) w.postMessage({ type: 'prepare', fonts: this.prepared } satisfies DrawerRequest);
    this.workers.push(w);
  }

  private send(worker: Worker, jobs: readonly PictureJob[], setup: PictureSetup): Promise<DrawerReply['result']> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, worker });
      worker.ref();
      worker.postMessage({ type: 'draw', id, jobs, setup } satisfies DrawerRequest);
    });
  }
}

function notDrawn(job: PictureJob, e: Error): PictureResult {
  return { hash: job.hash, ok: false, message: e.message, problems: [], ms: 0 };
}

/** `items` in `n` runs of nearly equal length, in order. */
function split<T>(items: readonly T[], n: number): T[][] {
  return Array.from({ length: n }, (_, k) => items.slice(Math.floor((k * items.length) / n), Math.floor(((k + 1) * items.length) / n)));
}
