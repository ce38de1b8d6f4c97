import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildDeck, type BuildOptions, type BuildResult } from '../build.js';
import { startChartDrawer } from '../charts/drawer/chart-drawer.js';
import { countingCache } from '../charts/counting-cache.js';
import { createChartCache } from '../charts/plan-charts.js';
import { createDeflateCache } from '../pptx/zip/zip-write.js';
import { error } from '../diagnostics/diagnostic.js';
import { manifestPath } from '../manifest/manifest.js';
import { backupPath, basePath } from '../merge/merge-deck.js';
import { defaultDeckPath } from '../paths.js';
import { templateDirs } from '../load/theme/load-theme.js';

export interface WatchOptions {
  outline: string;
  cwd: string;
  out?: string;
  /** A theme's name or a theme file's path, over the outline's (`--theme`). */
  theme?: string;
  /** A company template's path, over the outline's `deck.template` (`--template`). */
  template?: string;
  sourceDateEpoch?: number;
  /** As for build: who wins a shape both the person and the new build changed, and whether to replace an edited deck. */
  onConflict?: BuildOptions['onConflict'];
  overwrite?: boolean;
  /** Called after every build, good or bad. */
  onBuild: (result: BuildResult, ms: number, info: WatchBuildInfo) => void;
  /** Stops watching when aborted; a build under way finishes first. */
  signal: AbortSignal;
  /** Wait this long after a change for more changes before rebuilding (editors save in bursts). */
  debounceMs?: number;
}

/** What a build of the watch loop did beyond its result. */
export interface WatchBuildInfo {
  /** 1 for the first build, then one more for each rebuild. */
  build: number;
  /** The files whose changes led to this build (none for the first). */
  changed: string[];
  /** Charts drawn by this build, and charts taken unchanged from the watch's cache. */
  charts: { drawn: number; cached: number };
}

/** Files whose changes can change a deck: outlines, data, partials, themes, fonts, pictures. */
const INPUT = /\.(ya?ml|csv|hbs|ttf|otf|png|jpe?g|svg|potx|pptx)$/i;

/**
 * Builds, then rebuilds whenever the outline, a data file, a template or a theme changes.
 *
 * - Changes within `debounceMs` of each other make one build; a change during a build makes one
 *   more build after it, never two at once.
 * - Charts whose inputs did not change come from a cache that lives as long as the watch.
 * - A failed build, even one that throws, leaves the last good deck in place and the watch goes
 *   on; it is reported through `onBuild` like any other.
 * - The deck, its manifest and their temporary files are never watched (a build must not
 *   trigger the next), nor is the output folder when it holds no input.
 * - When `signal` aborts, a build under way finishes (decks are written atomically), no other
 *   starts, and the promise resolves.
 */
export async function watchDeck(options: WatchOptions): Promise<void> {
  const { watch } = await import('chokidar');
  const outlineFile = path.resolve(options.cwd, options.outline);
  const outlineDir = path.dirname(outlineFile);
  const outFile = path.resolve(options.cwd, options.out ?? defaultDeckPath(outlineFile, options.cwd));
  const cache = countingCache(createChartCache());
  const deflateCache = createDeflateCache();
  // One drawer for the watch: its thread keeps ECharts and the font subsets between builds.
  const drawer = startChartDrawer();
  let builds = 0;

  const build = async (changed: string[]): Promise<BuildResult> => {
    const t0 = performance.now();
    cache.reset();
    let result: BuildResult;
    try {
      result = await buildDeck({
        outline: outlineFile,
        cwd: options.cwd,
        out: outFile,
        chartCache: cache,
        drawer,
        deflateCache,
        ...(options.theme !== undefined ? { theme: options.theme } : {}),
        ...(options.template !== undefined ? { template: options.template } : {}),
        ...(options.sourceDateEpoch !== undefined ? { sourceDateEpoch: options.sourceDateEpoch } : {}),
        ...(options.onConflict ? { onConflict: options.onConflict } : {}),
        ...(options.overwrite ? { overwrite: true } : {}),
      });
    } catch (e) {
      // A bug or an I/O failure (a full disk, a deck open in another program): say so and go on.
      result = {
        diagnostics: [
          error(
            'WATCH_BUILD_FAILED',
            `the build failed: ${(e as Error).message ?? String(e)}`,
            { file: outlineFile },
            'save again to retry; if it persists, run briefdeck build --debug and report it',
          ),
        ],
        texts: new Map(),
        stats: { slides: 0, charts: 0, bytes: 0, rawBytes: 0, timings: {}, ms: 0 },
      };
    }
    builds++;
    options.onBuild(result, performance.now() - t0, { build: builds, changed, charts: { ...cache.counts } });
    return result;
  };

  // The outline's folder holds every data file (data outside it is refused) and a project's
  // templates; the template folders hold partials and themes. Watching starts before the first
  // build, so an edit saved while it runs is not missed.
  const roots = [outlineDir, ...templateDirs(outlineDir)];
  const ignored = outputFilter(outFile, roots);
  const watched = new Set([outlineFile, ...roots, ...(options.template !== undefined ? [path.resolve(options.cwd, options.template)] : [])]);
  const watcher = watch([...watched], { ignoreInitial: true, depth: 3, ignored });
  // A folder that cannot be read (permissions) must not end the watch.
  watcher.on('error', () => undefined);
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  const follow = (result: BuildResult) => {
    // The files the build read: a data file deeper than the watched depth, say.
    const fresh = [...result.texts.keys()].filter((p) => !watched.has(p) && !ignored(p));
    for (const p of fresh) watched.add(p);
    if (fresh.length) watcher.add(fresh);
  };

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let pending = new Set<string>();
  let building = false;
  // One build at a time. Changes saved during a build are built right after it, in one build,
  // once the debounce of the last of them has passed.
  const loop = async (first: boolean) => {
    building = true;
    try {
      if (first) follow(await build([]));
      while (!stopped && pending.size && timer === undefined) {
        const changed = [...pending].sort();
        pending = new Set();
        follow(await build(changed));
      }
    } finally {
      building = false;
    }
  };
  let idle = loop(true);
  const schedule = (file: string) => {
    if (stopped || !INPUT.test(file) || ignored(file)) return;
    pending.add(path.resolve(file));
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      // An exception from onBuild must not end the watch (nor the process, unhandled).
      if (!building && !stopped) idle = loop(false).catch(() => undefined);
    }, options.debounceMs ?? 60);
  };
  watcher.on('all', (_event, file) => schedule(file));

  await idle;
  if (!options.signal.aborted) {
    await new Promise<void>((resolve) => options.signal.addEventListener('abort', () => resolve(), { once: true }));
  }
  stopped = true;
  clearTimeout(timer);
  await watcher.close();
  // A build under way finishes: its deck is written whole or not at all.
  await idle;
  await drawer.close();
}

/**
 * What the watcher ignores: the deck, its manifest, the previous deck kept after a merge
 * (`.before.pptx`), the last build's copy in `.briefdeck/` and the temporary files they are written
 * through (a template may be a .pptx, so a .pptx beside the outline is watched); the whole output folder when no input is in it (the usual `dist/`); and
 * `node_modules` and `.git` inside a watched folder. Paths come absolute from chokidar.
 */
export function outputFilter(outFile: string, roots: readonly string[]): (p: string) => boolean {
  const outDir = path.dirname(outFile);
  const outputs = new Set([outFile, manifestPath(outFile), backupPath(outFile)]);
  const records = path.dirname(basePath(outFile));
  const temporary = new Set([...outputs].map((f) => `.${path.basename(f)}.`));
  const holdsInput = roots.some((r) => inside(r, outDir));
  return (p: string) => {
    const file = path.resolve(p);
    if (outputs.has(file) || inside(file, records)) return true;
    if (path.dirname(file) === outDir && [...temporary].some((t) => path.basename(file).startsWith(t)) && file.endsWith('.tmp')) return true;
    if (!holdsInput && inside(file, outDir)) return true;
    const root = roots.find((r) => inside(file, r));
    return (
      root !== undefined &&
      path
        .relative(root, file)
        .split(path.sep)
        .some((s) => s === 'node_modules' || s === '.git')
    );
  };
}

/** Whether `p` is `dir` or inside it. */
function inside(p: string, dir: string): boolean {
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
