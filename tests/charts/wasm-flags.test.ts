import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasCompiledCli, ROOT } from '../perf/compiled-cli.js';

/**
 * The font subsetter compiles HarfBuzz with V8's baseline compiler only, by process-wide flags.
 * Afterwards, other WebAssembly of the process (a host program's) must still reach V8's
 * optimizing tier: a hot function, traced by V8, is compiled by Liftoff and then by TurboFan.
 */
const HOT_LOOP = [
  0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 6, 1, 0x60, 1, 0x7f, 1, 0x7f, 3, 2, 1, 0, 7, 5, 1, 1, 0x66, 0, 0, 0x0a, 39, 1, 37, 1, 2, 0x7f, 3, 0x40, 0x20, 1, 0x41, 0x1f, 0x6c, 0x20, 2, 0x6a, 0x20, 1, 0x41,
  7, 0x76, 0x73, 0x21, 1, 0x20, 2, 0x41, 1, 0x6a, 0x22, 2, 0x20, 0, 0x49, 0x0d, 0, 0x0b, 0x20, 1, 0x0b,
];

function tiersAfter(setup: string): string {
  const script = path.join(mkdtempSync(path.join(tmpdir(), 'briefdeck-wasm-')), 'tiers.mjs');
  writeFileSync(
    script,
    `import { setFlagsFromString } from 'node:v8';
${setup}
setFlagsFromString('--trace-wasm-compilation-times');
const { instance } = await WebAssembly.instantiate(new Uint8Array(${JSON.stringify(HOT_LOOP)}));
for (let k = 0; k < 300; k++) instance.exports.f(100000);
`,
  );
  const run = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, TMPDIR: path.dirname(script) } });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describe('compiling HarfBuzz with Liftoff only', () => {
  it('leaves the rest of the process its optimizing WebAssembly tier', (ctx) => {
    if (!hasCompiledCli()) return ctx.skip();
    const untouched = tiersAfter('');
    if (!/using Liftoff/.test(untouched) || !/using TurboFan/.test(untouched)) return ctx.skip(); // V8 traces differently
    const fonts = pathToFileURL(path.join(ROOT, 'lib/charts/render/fonts.js')).href;
    const after = tiersAfter(`const { loadSubsetFont } = await import(${JSON.stringify(fonts)});\nawait loadSubsetFont();`);
    expect(after).toMatch(/using Liftoff/);
    expect(after).toMatch(/using TurboFan/);
  }, 60_000);
});
