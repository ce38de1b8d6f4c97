import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// The finish stage fails halfway through a build, as a crash or a full disk would.
vi.mock('../../src/pptx/finish/finish.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/pptx/finish/finish.js')>()),
  packageParts: () => {
    throw new Error('simulated failure in the finish stage');
  },
}));

const { buildDeck } = await import('../../src/build.js');
const ROOT = path.resolve(__dirname, '../..');

describe('a build that fails while finishing', () => {
  it('leaves the deck already there byte-for-byte, and no temporary file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-failed-'));
    const out = path.join(dir, 'briefing.pptx');
    const before = Buffer.from('the deck from the last good build');
    writeFileSync(out, before);
    await expect(buildDeck({ outline: path.join(ROOT, 'outline/briefing.yaml'), out, cwd: ROOT })).rejects.toThrow('simulated failure');
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['briefing.pptx']);
  }, 120_000);
});
