import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { palettePng } from './png.js';

type ResvgModule = typeof import('@resvg/resvg-js');
let loading: Promise<ResvgModule> | undefined;

/** The fonts a chart picture is drawn with: files (TTF/OTF; resvg cannot read WOFF) and their family. */
export interface RasterFonts {
  files: string[];
  family: string;
}

export interface Raster {
  png: Uint8Array;
  widthPx: number;
  heightPx: number;
  /** The SVG with every text turned into paths: looks the same on a machine without the font. */
  outlined: string;
}

/**
 * SVG → PNG at `scale` (resvg; stored as a palette PNG when it has ≤ 256 colours, as charts
 * do), and SVG → SVG with outlined text. Only the given font files
 * are used (`loadSystemFonts: false`), so a picture looks the same on every machine, CJK font
 * installed or not; every generic family maps to the chart font too.
 */
export async function rasterize(svg: string, fonts: RasterFonts, scale: number, background: string, outline = true): Promise<Raster> {
  const { Resvg } = await (loading ??= import('@resvg/resvg-js'));
  const resvg = new Resvg(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles: fonts.files,
      defaultFontFamily: fonts.family,
      sansSerifFamily: fonts.family,
      serifFamily: fonts.family,
      monospaceFamily: fonts.family,
      cursiveFamily: fonts.family,
      fantasyFamily: fonts.family,
    },
    fitTo: { mode: 'zoom', value: scale },
    background,
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'off',
  });
  const image = resvg.render();
  const png = palettePng(image.pixels, image.width, image.height) ?? new Uint8Array(image.asPng());
  return { png, widthPx: image.width, heightPx: image.height, outlined: outline ? resvg.toString() : '' };
}

// ---------------------------------------------------------------------------------------------
// Rasterizing on worker threads

/** One picture for `RasterPool.rasterize`: the arguments of `rasterize`. */
export interface RasterJob {
  svg: string;
  fonts: RasterFonts;
  scale: number;
  background: string;
  outline: boolean;
}

/** A picture and the time its thread took to draw it, in ms. */
export type TimedRaster = Raster & { ms: number };

type Reply = { id: number; ok: true; raster: TimedRaster } | { id: number; ok: false; message: string };
interface Task {
  id: number;
  job: RasterJob;
  resolve: (r: TimedRaster) => void;
  reject: (e: Error) => void;
}

const WORKER_TAG = 'briefdeck-raster-worker';

/**
 * Rasterizes pictures on worker threads, one picture per thread at a time; the same code and
 * inputs as `rasterize`, so the same bytes. Measured on 2 cores: drawing a chart (resvg, then the
 * palette PNG) is ~90 ms of CPU, so a deck's charts take about half as long on two threads; and
 * each thread frees resvg's native pixel buffers (~8 MB a chart, which V8 does not see and so
 * does not collect soon) after every picture, where in one thread 200 charts held 3 GB.
 * `start` returns undefined where threads would not help: one core, or when running from the
 * TypeScript sources (tests), where a worker cannot load this file.
 */
export class RasterPool {
  private readonly queue: Task[] = [];
  private readonly busy = new Map<Worker, Task>();
  private readonly idle: Worker[] = [];
  private nextId = 0;
  private closed = false;

  private constructor(private readonly workers: Worker[]) {
    for (const w of workers) {
      this.idle.push(w);
      w.on('message', (reply: Reply) => this.settle(w, reply));
      w.on('error', (e) => this.lose(w, e));
      w.on('exit', (code) => this.lose(w, new Error(`raster worker exited with code ${code}`)));
    }
  }

  /**
   * Starts a thread a core (at most 4, and no more than `pictures`); they load resvg while the
   * caller goes on. Undefined when fewer than two threads would run.
   */
  static start(options: { pictures?: number; threads?: number } = {}): RasterPool | undefined {
    const threads = options.threads ?? Math.min(os.availableParallelism(), 4, options.pictures ?? Infinity);
    if (threads < 2 || !import.meta.url.endsWith('.js')) return undefined;
    try {
      return new RasterPool(Array.from({ length: threads }, () => new Worker(new URL(import.meta.url), { workerData: { [WORKER_TAG]: true } })));
    } catch {
      return undefined;
    }
  }

  rasterize(job: RasterJob): Promise<TimedRaster> {
    // A pool that lost its threads (or was closed) still draws: in this thread.
    if (this.closed || this.workers.length === 0) return rasterizeTimed(job);
    return new Promise<TimedRaster>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject });
      this.pump();
    });
  }

  /** Stops the threads; pictures still queued are drawn in this thread. */
  async close(): Promise<void> {
    this.closed = true;
    const workers = this.workers.splice(0);
    this.idle.length = 0;
    await Promise.all(workers.map((w) => w.terminate()));
    this.drainHere();
  }

  private pump(): void {
    while (this.queue.length > 0 && this.idle.length > 0) {
      const w = this.idle.pop() as Worker;
      const task = this.queue.shift() as Task;
      this.busy.set(w, task);
      w.postMessage({ id: task.id, ...task.job });
    }
  }

  private settle(w: Worker, reply: Reply): void {
    const task = this.busy.get(w);
    if (!task || task.id !== reply.id) return;
    this.busy.delete(w);
    if (reply.ok) task.resolve(reply.raster);
    else task.reject(new Error(reply.message));
    if (!this.closed) this.idle.push(w);
    this.pump();
  }

  /** A thread died (it should not): its picture goes back in the queue, and the others go on. */
  private lose(w: Worker, _error: unknown): void {
    const at = this.workers.indexOf(w);
    if (at < 0) return;
    this.workers.splice(at, 1);
    const idleAt = this.idle.indexOf(w);
    if (idleAt >= 0) this.idle.splice(idleAt, 1);
    const task = this.busy.get(w);
    this.busy.delete(w);
    if (task) this.queue.unshift(task);
    if (this.workers.length === 0) this.drainHere();
    else this.pump();
  }

  private drainHere(): void {
    for (const task of this.queue.splice(0)) rasterizeTimed(task.job).then(task.resolve, task.reject);
  }
}

/** `rasterize` with the time it took. */
export async function rasterizeTimed(job: RasterJob): Promise<TimedRaster> {
  const t0 = performance.now();
  const raster = await rasterize(job.svg, job.fonts, job.scale, job.background, job.outline);
  return { ...raster, ms: performance.now() - t0 };
}

/** The worker's side: draws one picture a message, and frees its pixel buffers before the next. */
async function serveRasterWorker(port: NonNullable<typeof parentPort>): Promise<void> {
  void (loading ??= import('@resvg/resvg-js'));
  port.on('message', async (message: RasterJob & { id: number }) => {
    let reply: Reply;
    try {
      reply = { id: message.id, ok: true, raster: await rasterizeTimed(message) };
    } catch (e) {
      reply = { id: message.id, ok: false, message: (e as Error)?.message ?? String(e) };
    }
    await freeRasterMemory();
    const png = reply.ok ? reply.raster.png : undefined;
    const own = png && png.byteOffset === 0 && png.byteLength === png.buffer.byteLength ? png : png?.slice();
    if (reply.ok && own) reply.raster.png = own;
    port.postMessage(reply, own ? [own.buffer as ArrayBuffer] : []);
  });
}

let collectYoung: (() => void) | undefined | null = null;

/**
 * Frees the native pixel buffers of the pictures drawn so far. resvg's pixmaps (~8 MB a chart)
 * live outside V8's heap, which does not count them, and go only when their wrappers are
 * collected and finalized in a later turn of the event loop: collects (the wrappers are young,
 * so a scavenge of ~1 ms does) and lets that turn come. Call it between pictures: without it,
 * 60 charts held ~1 GB, 200 charts 3 GB.
 */
export async function freeRasterMemory(): Promise<void> {
  if (collectYoung === null) collectYoung = await exposeGc();
  collectYoung?.();
  await new Promise((resolve) => setImmediate(resolve));
}

/** A young-generation collection of this thread's heap (V8's `gc`); undefined where it cannot be had. */
async function exposeGc(): Promise<(() => void) | undefined> {
  try {
    const [{ setFlagsFromString }, { runInNewContext }] = await Promise.all([import('node:v8'), import('node:vm')]);
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as ((options?: { type?: 'minor' | 'major' }) => void) | undefined;
    setFlagsFromString('--no-expose-gc');
    return typeof gc === 'function' ? () => gc({ type: 'minor' }) : undefined;
  } catch {
    return undefined;
  }
}

if (!isMainThread && parentPort && (workerData as Record<string, unknown> | null)?.[WORKER_TAG]) void serveRasterWorker(parentPort);
