import { cp, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { coresAvailable, parseTimings, rssMethod, runNode, summarize, type ChildRun, type Summary } from './measure.js';
import { SYNTHETIC, writeSyntheticDeck } from './synthetic.js';
import type { WarmResult } from './warm.js';

/**
 * `npm run bench`: the performance budget of briefdeck, measured.
 *   (a) a cold build of the default deck, from process start to the file written;
 *   (b) a cold build of a synthetic 1,000-slide deck with 200 charts;
 *   (c) a rebuild in a warm process after one data value changed (the watch path).
 * Each child gets an empty temp folder, so no font subset made by an earlier run is reused.
 */

/** The package's folder: this file runs from bench/.out/. */
const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const BUDGET = { aMs: 1000, bMs: 15_000, bRss: 600 * 1024 * 1024, cMs: 150 } as const;
const MB = 1024 * 1024;

interface Options {
  only: Set<string>;
  runsA: number;
  runsB: number;
  rebuilds: number;
  json?: string;
}

const USAGE = `usage: npm run bench -- [options]
  --only a,b,c     which cases to run (default all three)
  --runs-a N       cold builds of the default deck (default 9)
  --runs-b N       cold builds of the 1,000-slide deck (default 3)
  --rebuilds N     warm rebuilds after a data change (default 10)
  --json FILE      also write the results as JSON
`;

/** The options, or the message to exit with: usage for --help, else what is wrong. */
function parseArgs(argv: readonly string[]): Options | { exit: number; message: string } {
  const opts: Options = { only: new Set(['a', 'b', 'c']), runsA: 9, runsB: 3, rebuilds: 10 };
  for (let k = 0; k < argv.length; k++) {
    const flag = argv[k] ?? '';
    if (flag === '--help' || flag === '-h') return { exit: 0, message: USAGE };
    const value = argv[++k];
    if (value === undefined) return { exit: 2, message: `bench: ${flag} needs a value\n${USAGE}` };
    const count = Number(value);
    const isCount = Number.isInteger(count) && count > 0;
    if (flag === '--only' && value.split(',').every((c) => ['a', 'b', 'c'].includes(c))) opts.only = new Set(value.split(','));
    else if (flag === '--runs-a' && isCount) opts.runsA = count;
    else if (flag === '--runs-b' && isCount) opts.runsB = count;
    else if (flag === '--rebuilds' && isCount) opts.rebuilds = count;
    else if (flag === '--json') opts.json = value;
    else return { exit: 2, message: `bench: ${flag} ${value}: not an option or not a valid value\n${USAGE}` };
  }
  return opts;
}

const cli = path.join(packageRoot, 'lib', 'cli.js');
const fmtS = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const fmtMs = (ms: number) => `${ms.toFixed(0)} ms`;
const fmtMB = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
const verdict = (value: number, budget: number) => (value <= budget ? 'PASS' : 'OVER');

function row(label: string, s: Summary, fmt: (v: number) => string, budget?: { limit: number; text: string }): string {
  const cells = `${label.padEnd(34)} median ${fmt(s.median).padStart(9)}   min ${fmt(s.min).padStart(9)}   max ${fmt(s.max).padStart(9)}   (n=${s.n})`;
  return budget ? `${cells}   budget ${budget.text.padEnd(8)} ${verdict(s.median, budget.limit)}` : cells;
}

function stagesLine(runs: readonly Record<string, number>[]): string {
  const stages = [...new Set(runs.flatMap((r) => Object.keys(r)))].filter((s) => s !== 'total');
  return `    stages (median): ${stages.map((s) => `${s} ${summarize(runs.map((r) => r[s] ?? NaN)).median.toFixed(0)}`).join(' · ')} ms`;
}

/** Runs `node lib/cli.js build …` cold `runs` times, each with its own empty temp folder. */
async function coldBuilds(runs: number, args: string[], cwd: string, scratch: string, out: string): Promise<{ runs: ChildRun[]; bytes: number }> {
  const done: ChildRun[] = [];
  for (let k = 0; k < runs; k++) {
    const tmp = await mkdtemp(path.join(scratch, 'tmp-'));
    const run = await runNode([cli, 'build', ...args, '--out', out, '--timings'], { cwd, env: { TMPDIR: tmp } });
    if (run.code !== 0) throw new Error(`bench: build failed (exit ${run.code}):\n${run.stderr.slice(-3000)}`);
    done.push(run);
    await rm(tmp, { recursive: true, force: true });
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  return { runs: done, bytes: (await stat(out)).size };
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if ('exit' in opts) {
    (opts.exit === 0 ? process.stdout : process.stderr).write(opts.message);
    process.exitCode = opts.exit;
    return;
  }
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-bench-'));
  const results: Record<string, unknown> = {};
  const lines: string[] = [];
  const print = (s: string) => {
    lines.push(s);
    process.stdout.write(`${s}\n`);
  };
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  print(`briefdeck bench · node ${process.version} · ${os.availableParallelism()} cores (${cpu}) · ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM · ${os.platform()} ${os.arch()}`);
  print(`peak RSS by ${rssMethod()}; every child starts with an empty TMPDIR (no font subsets from earlier runs)`);
  print(
    `machine load before the run: load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; cores free for this process ≈ ${await coresAvailable()} of ${os.availableParallelism()}`,
  );
  const started = Date.now();
  try {
    if (opts.only.has('a')) {
      const a = await coldBuilds(opts.runsA, [], packageRoot, scratch, path.join(scratch, 'a.pptx'));
      const ms = summarize(a.runs.map((r) => r.ms));
      const rss = summarize(a.runs.map((r) => r.maxRss));
      const what = a.runs[0]?.stdout.match(/\((\d+ slides, \d+ charts)/)?.[1] ?? '';
      print('');
      print(`(a) cold build of outline/briefing.yaml (${what}): node lib/cli.js build, spawn → exit`);
      print(row('    wall time', ms, fmtS, { limit: BUDGET.aMs, text: '≤ 1.0 s' }));
      print(row('    peak RSS', rss, fmtMB));
      print(`    deck size ${(a.bytes / 1024).toFixed(0)} KB`);
      print(stagesLine(a.runs.map((r) => parseTimings(r.stderr))));
      results.a = { ms, rss, bytes: a.bytes, timings: a.runs.map((r) => parseTimings(r.stderr)) };
    }

    if (opts.only.has('b')) {
      const dir = path.join(scratch, 'synthetic');
      const t0 = Date.now();
      const outline = await writeSyntheticDeck(dir);
      const writtenMs = Date.now() - t0;
      const b = await coldBuilds(opts.runsB, [outline], dir, scratch, path.join(scratch, 'b.pptx'));
      const ms = summarize(b.runs.map((r) => r.ms));
      const rss = summarize(b.runs.map((r) => r.maxRss));
      print('');
      print(`(b) cold build of a synthetic deck: ${SYNTHETIC.slides} slides, ${SYNTHETIC.charts} charts (ranking, comparison, breakdown, share; each its own dataset), generated in ${writtenMs} ms`);
      print(row('    wall time', ms, fmtS, { limit: BUDGET.bMs, text: '≤ 15 s' }));
      print(row('    peak RSS', rss, fmtMB, { limit: BUDGET.bRss, text: '≤ 600 MB' }));
      print(`    deck size ${(b.bytes / MB).toFixed(1)} MB`);
      print(stagesLine(b.runs.map((r) => parseTimings(r.stderr))));
      results.b = { ms, rss, bytes: b.bytes, timings: b.runs.map((r) => parseTimings(r.stderr)) };
    }

    if (opts.only.has('c')) {
      const project = path.join(scratch, 'default');
      await cp(path.join(packageRoot, 'outline'), path.join(project, 'outline'), { recursive: true });
      const tmp = await mkdtemp(path.join(scratch, 'tmp-'));
      const run = await runNode([path.join(packageRoot, 'bench', '.out', 'warm.js'), path.join(project, 'outline', 'briefing.yaml'), path.join(scratch, 'c.pptx'), String(opts.rebuilds)], {
        cwd: project,
        env: { TMPDIR: tmp },
      });
      if (run.code !== 0) throw new Error(`bench: warm rebuilds failed (exit ${run.code}):\n${run.stderr.slice(-3000)}`);
      const warm = JSON.parse(run.stdout) as WarmResult;
      const changed = summarize(warm.changed.map((b) => b.ms));
      const unchanged = summarize(warm.unchanged.map((b) => b.ms));
      const drawn = [...new Set(warm.changed.map((b) => b.rendered))].join('/');
      print('');
      print(`(c) warm rebuild of a copy of the default deck after one data value changed (survey.sos china), one process, shared chart cache`);
      print(row('    rebuild, one value changed', changed, fmtMs, { limit: BUDGET.cMs, text: '≤ 150 ms' }));
      print(row('    rebuild, nothing changed', unchanged, fmtMs));
      print(
        `    first build in that process ${fmtMs(warm.first.ms)} (${warm.first.rendered} charts drawn); each changed rebuild drew ${drawn} chart(s), took ${warm.changed[0]?.cached ?? 0} from the cache`,
      );
      print(`    peak RSS of the process ${fmtMB(warm.maxRss)}; deck size ${(warm.first.bytes / 1024).toFixed(0)} KB`);
      print(stagesLine(warm.changed.map((b) => b.timings as Record<string, number>)));
      results.c = { changed, unchanged, first: warm.first, rss: warm.maxRss };
      await rm(tmp, { recursive: true, force: true });
    }
    print('');
    print(`cores free for this process after the run ≈ ${await coresAvailable()}; bench took ${((Date.now() - started) / 1000).toFixed(0)} s`);
    if (opts.json) await writeFile(opts.json, `${JSON.stringify({ results, report: lines }, null, 2)}\n`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

await main();
