import path from 'node:path';
import { buildDeck, type BuildResult } from '../build.js';
import { createChartCache } from '../charts/render-charts.js';
import { templateDirs } from '../theme/load-theme.js';

export interface WatchOptions {
  outline: string;
  cwd: string;
  out?: string;
  sourceDateEpoch?: number;
  /** Called after every build, good or bad. */
  onBuild: (result: BuildResult, ms: number) => void;
  /** Stops watching when aborted. */
  signal: AbortSignal;
  /** Wait this long after a change for more changes before rebuilding (editors save in bursts). */
  debounceMs?: number;
}

/**
 * Builds, then rebuilds whenever the outline, a data file, a template or a theme changes.
 * Charts whose inputs did not change come from a cache that lives as long as the watch. A
 * failed build leaves the last good deck in place and the watch goes on.
 */
export async function watchDeck(options: WatchOptions): Promise<void> {
  const { watch } = await import('chokidar');
  const outlineFile = path.resolve(options.cwd, options.outline);
  const chartCache = createChartCache();
  const build = async () => {
    const t0 = performance.now();
    const result = await buildDeck({
      outline: outlineFile,
      cwd: options.cwd,
      chartCache,
      ...(options.out ? { out: options.out } : {}),
      ...(options.sourceDateEpoch !== undefined ? { sourceDateEpoch: options.sourceDateEpoch } : {}),
    });
    options.onBuild(result, performance.now() - t0);
    return result;
  };

  const watched = new Set<string>();
  const watcher = watch([], { ignoreInitial: true, depth: 3, ignored: (p: string) => /[\\/](node_modules|\.git|dist)([\\/]|$)/.test(p) });
  const follow = (result: BuildResult) => {
    // The files the build read (the outline, its data files), the template folders, and the
    // outline's folder, where a data file that did not exist yet may appear.
    const dirs = [path.dirname(outlineFile), ...templateDirs(path.dirname(outlineFile))];
    const paths = [outlineFile, ...result.texts.keys(), ...dirs].filter((p) => !watched.has(p));
    for (const p of paths) watched.add(p);
    if (paths.length) watcher.add(paths);
  };

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let again = false;
  const schedule = (file: string) => {
    if (!/\.(ya?ml|csv|hbs|json|ttf|otf|png|jpe?g|svg)$/i.test(file)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      again = true;
      running = running.then(async () => {
        if (!again) return;
        again = false;
        follow(await build());
      });
    }, options.debounceMs ?? 60);
  };
  watcher.on('all', (_event, file) => schedule(file));

  follow(await build());
  await new Promise<void>((resolve) => {
    if (options.signal.aborted) resolve();
    options.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  clearTimeout(timer);
  await running;
  await watcher.close();
}
