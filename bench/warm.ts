import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildDeck, countingCache, createChartCache, createDeflateCache, startChartDrawer, type BuildResult } from 'briefdeck';

/** What one warm rebuild did. */
export interface WarmBuild {
  ms: number;
  /** Charts drawn (cache misses) and taken from the cache. */
  rendered: number;
  cached: number;
  bytes: number;
  timings: BuildResult['stats']['timings'];
}

export interface WarmResult {
  first: WarmBuild;
  unchanged: WarmBuild[];
  changed: WarmBuild[];
  maxRss: number;
}

/** The datum the watch-path benchmark edits: survey.sos "china" (a share chart and two texts use it). */
const SURVEY_CHINA = /(\n {4}china:\n {6}label: [^\n]*\n {6}value: )(\d+)/;

/**
 * The watch path, in one process as `briefdeck watch` runs it: a first build fills a chart cache;
 * rebuilds with nothing changed, then rebuilds each after changing one data value (so one chart
 * is redrawn and the rest come from the cache), each timed from the call to the written deck.
 */
export async function warmRebuilds(outline: string, out: string, rebuilds: number): Promise<WarmResult> {
  const counted = countingCache(createChartCache());
  const deflateCache = createDeflateCache();
  // As `briefdeck watch` does: one drawer for all the builds, its thread kept warm.
  const drawer = startChartDrawer();
  const dataFile = path.join(path.dirname(outline), 'data', 'survey.yaml');
  const original = await readFile(dataFile, 'utf8');
  if (!SURVEY_CHINA.test(original)) throw new Error(`bench: no survey.sos china value in ${dataFile}`);

  const build = async (): Promise<WarmBuild> => {
    counted.reset();
    const t0 = performance.now();
    const result = await buildDeck({ outline, out, chartCache: counted, deflateCache, drawer, cwd: path.dirname(outline) });
    const ms = performance.now() - t0;
    if (!result.outFile) throw new Error(`bench: warm build failed: ${result.diagnostics.map((d) => d.message).join('; ')}`);
    return { ms, rendered: counted.counts.drawn, cached: counted.counts.cached, bytes: result.stats.bytes, timings: result.stats.timings };
  };

  const first = await build();
  const unchanged: WarmBuild[] = [];
  for (let k = 0; k < Math.max(2, Math.ceil(rebuilds / 2)); k++) unchanged.push(await build());
  const changed: WarmBuild[] = [];
  try {
    for (let k = 1; k <= rebuilds; k++) {
      // A value not used before, so the chart is a cache miss every time.
      await writeFile(
        dataFile,
        original.replace(SURVEY_CHINA, (_, head: string, v: string) => `${head}${Number(v) - k}`),
      );
      changed.push(await build());
    }
  } finally {
    await writeFile(dataFile, original);
    await drawer.close();
  }
  return { first, unchanged, changed, maxRss: process.resourceUsage().maxRSS * 1024 };
}

// `node lib/bench/warm.js <outline> <out> <rebuilds>`: prints the WarmResult as JSON.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [outline, out, n] = process.argv.slice(2);
  if (!outline || !out) throw new Error('usage: node lib/bench/warm.js <outline> <out> [rebuilds]');
  const result = await warmRebuilds(path.resolve(outline), path.resolve(out), Number(n ?? 10));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
