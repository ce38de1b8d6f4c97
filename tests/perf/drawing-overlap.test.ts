import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { inThreadDrawer, type ChartDrawer } from '../../src/charts/drawer/chart-drawer.js';

// finishParts tells the test when the deck's XML is finished.
let deckFinished: () => void = () => undefined;
vi.mock('../../src/pptx/finish/finish.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/pptx/finish/finish.js')>();
  return {
    ...original,
    finishParts: (...args: Parameters<typeof original.finishParts>) => {
      const parts = original.finishParts(...args);
      deckFinished();
      return parts;
    },
  };
});

const { buildDeck } = await import('../../src/build.js');
const ROOT = path.resolve(__dirname, '../..');
const OUTLINE = path.join(ROOT, 'outline/briefing.yaml');

/** The pictures in this thread, each batch held back until `until` resolves. */
function heldDrawer(until: Promise<void>, edit?: ChartDrawer['draw']): ChartDrawer {
  const here = inThreadDrawer();
  return {
    ...here,
    draw: async (jobs, setup) => {
      await until;
      return (edit ?? here.draw)(jobs, setup);
    },
  };
}

describe('a build with chart pictures', () => {
  it('finishes the deck around placeholders while the pictures are drawn, then puts them in', async () => {
    const finished = new Promise<void>((resolve) => (deckFinished = resolve));
    // Were the build to wait for the pictures before finishing the deck, this would never resolve.
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the build waited for the pictures before finishing the deck')), 60_000));
    const result = await Promise.race([buildDeck({ outline: OUTLINE, cwd: ROOT, write: false, drawer: heldDrawer(finished) }), timeout]);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const plain = await buildDeck({ outline: OUTLINE, cwd: ROOT, write: false });
    expect(Buffer.from(result.pptx!).equals(Buffer.from(plain.pptx!))).toBe(true);
  }, 120_000);

  it('writes nothing when a picture cannot be drawn, and says which chart', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-draw-fails-'));
    const out = path.join(dir, 'briefing.pptx');
    writeFileSync(out, 'the deck from the last good build');
    const failing: ChartDrawer['draw'] = async (jobs, setup) => {
      const drawn = await inThreadDrawer().draw(jobs, setup);
      if (!Array.isArray(drawn)) return drawn;
      const [first, ...rest] = drawn;
      return [{ hash: first!.hash, ok: false, message: 'resvg ran out of memory', problems: [], ms: 0 }, ...rest];
    };
    const result = await buildDeck({ outline: OUTLINE, out, cwd: ROOT, drawer: heldDrawer(Promise.resolve(), failing) });
    const failed = result.diagnostics.filter((d) => d.code === 'CHART_RENDER_FAILED');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.message).toMatch(/chart '.+' could not be drawn: resvg ran out of memory/);
    expect(failed[0]!.source?.file).toBe(OUTLINE);
    expect(result.outFile).toBeUndefined();
    expect(readFileSync(out, 'utf8')).toBe('the deck from the last good build');
  }, 120_000);
});
