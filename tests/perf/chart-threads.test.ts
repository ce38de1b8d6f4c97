import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
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
      env: { NODE_DEBUG: 'worker', SOURCE_DATE_EPOCH: '', TMPDIR: mkdtempSync(path.join(scratch, 'tmp-')) },
    });
    expect(child.status, child.stderr).toBe(0);
    if (availableParallelism() > 1) expect(child.stderr).toMatch(/instantiating Worker\. url: \S+\/charts\/chart-worker\.js/);

    const here = await buildDeck({ outline: 'outline/briefing.yaml', cwd: ROOT, write: false });
    expect(here.pptx).toBeDefined();
    expect(Buffer.from(here.pptx!).equals(readFileSync(out))).toBe(true);
  }, 180_000);
});
