import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/** GNU time: reports the peak resident set size of the whole child (`%M`, in KiB). */
const GNU_TIME = '/usr/bin/time';

export interface ChildRun {
  /** Wall time from spawn to exit, in ms. */
  ms: number;
  /** Peak resident set size, in bytes. */
  maxRss: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node <args>` as a child process and measures it: the wall time from spawning it to its
 * exit, and its peak RSS, from GNU time when there is one, else from
 * `process.resourceUsage().maxRSS` written at exit by a module the child preloads.
 */
export async function runNode(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<ChildRun> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-bench-rss-'));
  const rssFile = path.join(scratch, 'rss');
  const useTime = existsSync(GNU_TIME);
  const [command, argv] = useTime ? [GNU_TIME, ['-f', '%M', '-o', rssFile, process.execPath, ...args]] : [process.execPath, ['--import', path.join(here, 'rss-preload.js'), ...args]];
  const env = { ...process.env, ...options.env, ...(useTime ? {} : { BRIEFDECK_BENCH_RSS_FILE: rssFile }) };
  try {
    const t0 = performance.now();
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(command, argv, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
      child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
      child.on('error', reject);
      child.on('close', (c) => resolve({ code: c, stdout: out, stderr: err }));
    });
    const ms = performance.now() - t0;
    const kib = Number((await readFile(rssFile, 'utf8').catch(() => '')).trim().split('\n').pop());
    return { ms, maxRss: Number.isFinite(kib) ? kib * 1024 : NaN, code, stdout, stderr };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** How peak RSS is measured on this machine, for the report. */
export function rssMethod(): string {
  return existsSync(GNU_TIME) ? `${GNU_TIME} -f %M` : 'process.resourceUsage().maxRSS at exit';
}

export interface Summary {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { median: NaN, min: NaN, max: NaN, n: 0 };
  const mid = Math.floor(n / 2);
  const median = n % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted[n - 1] as number, n };
}

/** The stage timings `briefdeck build --timings` prints on stderr. */
export function parseTimings(stderr: string): Record<string, number> {
  const out: Record<string, number> = {};
  const block = stderr.slice(stderr.lastIndexOf('timings:'));
  for (const m of block.matchAll(/^ {2}(\w+)\s+([\d.]+) ms\b/gm)) out[m[1] as string] = Number(m[2]);
  return out;
}

/**
 * How many cores this process gets right now: the same CPU-bound loop on one thread, then on
 * two at once; 2.0 when a second core is free, 1.0 when something else holds it. Other work on
 * the machine makes every figure of the bench slower, the parallel ones most.
 */
export async function coresAvailable(): Promise<number> {
  const { Worker } = await import('node:worker_threads');
  const source = `const { parentPort } = require('node:worker_threads');
let x = 0; for (let i = 0; i < 6e7; i++) x = (x + i * 7) % 1000003;
parentPort.postMessage(x);`;
  const spin = () =>
    new Promise<void>((resolve, reject) => {
      const w = new Worker(source, { eval: true });
      w.once('message', () => void w.terminate().then(() => resolve()));
      w.once('error', reject);
    });
  const time = async (threads: number) => {
    const t0 = performance.now();
    await Promise.all(Array.from({ length: threads }, spin));
    return performance.now() - t0;
  };
  await time(1); // warm up
  const one = await time(1);
  const two = await time(2);
  return Math.round(((2 * one) / two) * 100) / 100;
}
