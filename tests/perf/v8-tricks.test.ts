import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { getHeapSpaceStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { collectFull, scavenge, tricksApply } from '../../src/runtime/v8-tricks.js';
import { hasCompiledCli, ROOT } from './compiled-cli.js';

/** Each trick of src/runtime/v8-tricks.ts still has its effect on the Node this runs on. */
describe('the V8 tricks, on this Node', () => {
  it('apply only on the majors they were measured on', () => {
    expect(tricksApply(20)).toBe(true);
    expect(tricksApply(22)).toBe(false);
    expect(tricksApply(24)).toBe(false);
  });

  it('scavenge frees young garbage (what frees resvg pixmaps between pictures)', async (ctx) => {
    if (!tricksApply()) return ctx.skip();
    await scavenge();
    // ~2 MB of garbage, less than a semi-space, so V8 leaves it where it is until something collects
    let sink = 0;
    for (let k = 0; k < 20_000; k++) sink += new Array(10).fill(k).length;
    expect(sink).toBe(200_000);
    const before = newSpaceUsed();
    expect(before).toBeGreaterThan(1024 * 1024);
    await scavenge();
    expect(newSpaceUsed()).toBeLessThan(before / 2);
  });

  it('collectFull frees old-generation garbage (a scavenge, gc({ type: "major" }) on Node 20, does not)', async (ctx) => {
    if (!tricksApply()) return ctx.skip();
    let kept: number[][] | undefined = Array.from({ length: 200_000 }, (_, k) => new Array(8).fill(k));
    // Survivors of two scavenges are promoted to the old generation.
    await scavenge();
    await scavenge();
    expect(kept.length).toBe(200_000);
    kept = undefined;
    const before = oldSpaceUsed();
    await collectFull();
    expect(before - oldSpaceUsed()).toBeGreaterThan(10 * 1024 * 1024);
  });

  it('compiles HarfBuzz with Liftoff only: no function of it reaches TurboFan while it compiles and subsets', (ctx) => {
    if (!tricksApply() || !hasCompiledCli()) return ctx.skip();
    const untouched = turboFanCompilations(['--no-liftoff-only']); // on the command line: the trick stands aside
    if (untouched === 0) return ctx.skip(); // this V8 does not tier HarfBuzz up at all: nothing to show
    expect(turboFanCompilations([])).toBe(0);
  }, 120_000);
});

function oldSpaceUsed(): number {
  return getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')?.space_used_size ?? 0;
}

function newSpaceUsed(): number {
  return getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_used_size ?? 0;
}

/** How many WebAssembly functions V8 compiled with TurboFan while subset-font loaded and subset both chart fonts. */
function turboFanCompilations(flags: string[]): number {
  const dir = mkdtempSync(path.join(tmpdir(), 'briefdeck-tricks-'));
  try {
    const fonts = pathToFileURL(path.join(ROOT, 'lib/charts/render/fonts.js')).href;
    const weights = ['400Regular/NotoSansTC_400Regular.ttf', '700Bold/NotoSansTC_700Bold.ttf'].map((f) => path.join(ROOT, 'node_modules/@expo-google-fonts/noto-sans-tc', f));
    const script = path.join(dir, 'tiers.mjs');
    writeFileSync(
      script,
      `import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
setFlagsFromString('--trace-wasm-compilation-times');
const { loadSubsetFont } = await import(${JSON.stringify(fonts)});
const { default: subsetFont } = await loadSubsetFont();
for (const file of ${JSON.stringify(weights)}) await subsetFont(readFileSync(file), '國產生成式AI競爭才剛剛開始0123456789阿里巴巴字節跳動百度騰訊月獨立訪問量', { targetFormat: 'truetype' });
await new Promise((resolve) => setTimeout(resolve, 1000));
`,
    );
    const run = spawnSync(process.execPath, [...flags, script], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, TMPDIR: dir } });
    expect(run.status, run.stderr).toBe(0);
    return run.stdout.split('\n').filter((line) => /using TurboFan/.test(line)).length;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
