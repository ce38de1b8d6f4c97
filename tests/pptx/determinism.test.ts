import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { finishPackage } from '../../src/pptx/finish/finish.js';
import { readZip } from '../../src/pptx/zip/zip-read.js';
import { compileForNode } from './compile-for-node.js';
import { buildSampleDeck, FINISH_OPTIONS, makePng } from './decks.js';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Names of the parts whose bytes differ between two packages (or that only one has). */
function differingParts(a: Uint8Array, b: Uint8Array): string[] {
  const x = readZip(a);
  const y = readZip(b);
  const names = new Set([...x.keys(), ...y.keys()]);
  return [...names].filter((n) => {
    const p = x.get(n);
    const q = y.get(n);
    return !p || !q || sha256(p) !== sha256(q);
  });
}

let logoDir: string;
beforeAll(() => {
  logoDir = mkdtempSync(path.join(tmpdir(), 'briefdeck-logo-'));
  writeFileSync(path.join(logoDir, 'logo.png'), makePng(48, 48));
});
afterAll(() => rmSync(logoDir, { recursive: true, force: true }));

describe('finishPackage is deterministic', () => {
  it('gives identical bytes for the same deck built twice in one process, at different times', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2024-01-01T00:00:00Z'));
      const first = await buildSampleDeck(path.join(logoDir, 'logo.png'));
      vi.setSystemTime(new Date('2031-07-15T13:45:59Z'));
      const second = await buildSampleDeck(path.join(logoDir, 'logo.png'));

      // what varies in pptxgenjs's own output: the chart counter, GUIDs, dates
      const rawDiff = differingParts(first, second);
      expect(rawDiff).toEqual(expect.arrayContaining(['docProps/core.xml', 'ppt/presentation.xml', 'ppt/charts/chart4.xml']));

      const a = await finishPackage(first, FINISH_OPTIONS);
      const b = await finishPackage(second, FINISH_OPTIONS);
      expect(differingParts(a, b)).toEqual([]);
      expect(sha256(a)).toBe(sha256(b));
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives identical bytes in two processes in different time zones', () => {
    const outDir = compileForNode(['tests/pptx/decks.ts', 'src/pptx/finish/finish.ts']);
    try {
      const script = path.join(outDir, 'build-and-finish.mjs');
      writeFileSync(
        script,
        `import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSampleDeck, FINISH_OPTIONS, makePng } from './tests/pptx/decks.js';
import { finishPackage } from './src/pptx/finish/finish.js';
// a different folder in each process: the image path pptxgenjs writes as description differs
const logo = path.join(mkdtempSync(path.join(tmpdir(), 'briefdeck-child-')), 'logo.png');
writeFileSync(logo, makePng(48, 48));
if (process.argv[2] === 'second') await buildSampleDeck(logo); // advances pptxgenjs's chart counter
const raw = await buildSampleDeck(logo);
const finished = await finishPackage(raw, FINISH_OPTIONS);
const sha = (b) => createHash('sha256').update(b).digest('hex');
process.stdout.write(JSON.stringify({ raw: sha(raw), finished: sha(finished) }));
`,
      );
      const run = (tz: string, which: string): { raw: string; finished: string } => {
        const child = spawnSync(process.execPath, [script, which], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
        if (child.status !== 0) throw new Error(`child failed (${tz}): ${child.stderr}`);
        return JSON.parse(child.stdout) as { raw: string; finished: string };
      };
      const utc = run('UTC', 'first');
      const taipei = run('Asia/Taipei', 'second');
      expect(utc.raw).not.toBe(taipei.raw);
      expect(taipei.finished).toBe(utc.finished);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
