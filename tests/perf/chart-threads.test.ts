import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { hasCompiledCli, ROOT, runCli } from './compiled-cli.js';

/**
 * A build draws its chart pictures on a worker thread when the machine has more than one core
 * (ChartDrawer), while the main thread writes the deck around placeholders: that must not change
 * a byte. The compiled CLI in a child process (which can start threads) against the sources in
 * this process (which cannot: every chart drawn on the main thread, before the deck is finished).
 */
let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'briefdeck-perf-threads-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('charts drawn on worker threads', () => {
  it('give the deck the main thread gives', async (ctx) => {
    if (!hasCompiledCli()) return ctx.skip();
    const out = path.join(scratch, 'threads.pptx');
    const child = runCli(['build', 'outline/briefing.yaml', '--out', out], {
      env: { NODE_DEBUG: 'worker', SOURCE_DATE_EPOCH: undefined, TMPDIR: mkdtempSync(path.join(scratch, 'tmp-')) },
    });
    expect(child.status, child.stderr).toBe(0);
    if (availableParallelism() > 1) expect(child.stderr).toMatch(/instantiating Worker\. url: \S+\/charts\/drawer\/chart-worker\.js/);

    const here = await buildDeck({ outline: 'outline/briefing.yaml', cwd: ROOT, write: false });
    expect(here.pptx).toBeDefined();
    expect(Buffer.from(here.pptx!).equals(readFileSync(out))).toBe(true);
  }, 180_000);

  it('stops drawing when the drawer is closed mid-batch, rather than drawing here', (ctx) => {
    if (!hasCompiledCli() || availableParallelism() < 2) return ctx.skip();
    const lib = (file: string) => JSON.stringify(pathToFileURL(path.join(ROOT, 'lib', file)).href);
    const out = runScript(`
const { loadInputs } = await import(${lib('build.js')});
const { bindOutline } = await import(${lib('bind/bind.js')});
const { loadPartials } = await import(${lib('load/load-partials.js')});
const { templateDirs } = await import(${lib('load/theme/load-theme.js')});
const { layoutDeck } = await import(${lib('layout/layout-deck.js')});
const { planCharts } = await import(${lib('charts/plan-charts.js')});
const { startChartDrawer } = await import(${lib('charts/drawer/chart-drawer.js')});
const inputs = await loadInputs(${JSON.stringify(path.join(ROOT, 'outline/briefing.yaml'))}, [], new Map());
const bound = await bindOutline(inputs.outline, inputs.data, await loadPartials(templateDirs(inputs.outline.dir)));
const plan = planCharts(layoutDeck(bound.deck, inputs.data, inputs.theme).plan.charts, inputs.data, inputs.theme, undefined, { svg: false, root: ${JSON.stringify(ROOT)} });
const drawer = startChartDrawer();
const drawing = drawer.draw(plan.pending, { theme: plan.theme, fonts: plan.fonts, scale: 2, svg: false });
await new Promise((resolve) => setTimeout(resolve, 20));
await drawer.close();
console.log(JSON.stringify({ pending: plan.pending.length, ok: (await drawing).map((d) => d.ok) }));
`);
    const { pending, ok } = JSON.parse(out) as { pending: number; ok: boolean[] };
    expect(pending).toBeGreaterThan(1);
    expect(ok).toEqual(Array(pending).fill(false));
  }, 60_000);

  it("leaves a host's --expose-gc as it was", (ctx) => {
    if (!hasCompiledCli()) return ctx.skip();
    const tricks = JSON.stringify(pathToFileURL(path.join(ROOT, 'lib', 'runtime', 'v8-tricks.js')).href);
    const out = runScript(
      `const { scavenge } = await import(${tricks});
await scavenge();
const { runInNewContext } = await import('node:vm');
console.log(typeof runInNewContext('gc'));`,
      ['--expose-gc'],
    );
    expect(out.trim()).toBe('function');
  });
});

/** Runs an ES module script in a child node; its stdout. */
function runScript(source: string, flags: string[] = []): string {
  const file = path.join(mkdtempSync(path.join(scratch, 'script-')), 'script.mjs');
  writeFileSync(file, source);
  const run = spawnSync(process.execPath, [...flags, file], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, TMPDIR: path.dirname(file) } });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}
