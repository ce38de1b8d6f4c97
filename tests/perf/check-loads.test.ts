import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasCompiledCli, loadLogger, runCli } from './compiled-cli.js';

/**
 * `briefdeck check` is what an editor runs on every keystroke: it must not pay for the chart and
 * pptx libraries (~0.3 s to load, more for their first use). A real `node` process runs it with
 * a preload that logs every module resolved; the same logger must see those libraries in a
 * `build`, or the test proves nothing.
 */
const HEAVY = ['echarts', '@resvg/resvg-js', 'pptxgenjs', 'subset-font'];
const loaded = (log: string, pkg: string) => log.split('\n').some((line) => line.includes(`/node_modules/${pkg}/`));

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'briefdeck-perf-loads-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(name: string, args: string[]): { log: string; status: number | null; stderr: string } {
  const log = path.join(scratch, `${name}.log`);
  writeFileSync(log, '');
  // An empty temp folder: no font subset on disk, so a build must load subset-font.
  const tmp = mkdtempSync(path.join(scratch, 'tmp-'));
  const child = runCli(args, { preload: loadLogger(), env: { BRIEFDECK_LOAD_LOG: log, TMPDIR: tmp } });
  return { log: readFileSync(log, 'utf8'), status: child.status, stderr: child.stderr };
}

describe('briefdeck check', () => {
  it('loads none of echarts, @resvg/resvg-js, pptxgenjs, subset-font', (ctx) => {
    if (!hasCompiledCli()) return ctx.skip();
    const check = run('check', ['check', 'outline/briefing.yaml']);
    expect(check.status, check.stderr).toBe(0);
    expect(loaded(check.log, 'yaml')).toBe(true); // the logger works for what check does load
    for (const pkg of HEAVY) expect(loaded(check.log, pkg), `check loaded ${pkg}`).toBe(false);
  }, 180_000);

  it('while build, logged the same way, loads them', (ctx) => {
    if (!hasCompiledCli()) return ctx.skip();
    const out = path.join(scratch, 'deck.pptx');
    const build = run('build', ['build', 'outline/briefing.yaml', '--out', out]);
    expect(build.status, build.stderr).toBe(0);
    // @resvg/resvg-js may load only on the worker threads, which the logger does not follow.
    for (const pkg of ['echarts', 'pptxgenjs', 'subset-font']) expect(loaded(build.log, pkg), `build did not load ${pkg}`).toBe(true);
  }, 180_000);
});
