import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BoundDeck } from '../../src/bind/bind.js';
import { writeDeck, type WriteDeckInput } from '../../src/write/write-deck.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'briefdeck-write-deck-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const PPTX = new Uint8Array(50_000).map((_, k) => k % 253);
const deck = { slides: [{ layout: 'title', title: '標題', uses: new Map([['a16z.web: DeepSeek', '2']]) }] } as unknown as BoundDeck;

function input(extra: Partial<WriteDeckInput> = {}): WriteDeckInput {
  const outline = path.join(dir, 'deck.yaml');
  writeFileSync(outline, 'deck: {}\n');
  return { pptx: PPTX, slideHashes: ['abc'], deck, texts: new Map([[outline, 'deck: {}\n']]), outFile: path.join(dir, 'dist', 'deck.pptx'), outlineDir: dir, cwd: dir, ...extra };
}

const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });

/** An `open` whose handles write half the bytes, then fail as a full disk does. */
const fullDiskOpen: NonNullable<NonNullable<WriteDeckInput['fs']>['open']> = async (file, flags, mode) => {
  const handle = await open(file, flags, mode);
  return {
    writeFile: async (bytes: Uint8Array) => {
      await handle.writeFile(bytes.subarray(0, bytes.length >> 1));
      throw enospc();
    },
    sync: () => handle.sync(),
    close: () => handle.close(),
  } as never;
};

describe('writeDeck', () => {
  it('writes the deck and its manifest, and reports against the previous manifest', async () => {
    const first = await writeDeck(input());
    expect(first).toEqual({ written: true, diagnostics: [] });
    expect(Buffer.from(readFileSync(path.join(dir, 'dist', 'deck.pptx'))).equals(PPTX)).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'dist', 'deck.manifest.json'), 'utf8'));
    expect(manifest.inputs).toHaveProperty(['deck.yaml']);
    const second = await writeDeck(input({ slideHashes: ['def'] }));
    expect(second.report).toMatchObject({ changed: [{ number: 1 }], unchanged: 0 });
  });

  it('a full disk (ENOSPC) is a diagnostic with the path and the cause; the old deck and no temporary file stay', async () => {
    const out = path.join(dir, 'dist', 'deck.pptx');
    mkdirSync(path.dirname(out));
    writeFileSync(out, 'the last good deck');
    const result = await writeDeck(input({ fs: { open: fullDiskOpen } }));
    expect(result.written).toBe(false);
    expect(result.diagnostics).toMatchObject([{ code: 'WRITE_NO_SPACE', severity: 'error', message: 'cannot write dist/deck.pptx: no space left on device (ENOSPC)', source: { file: out } }]);
    expect(readFileSync(out, 'utf8')).toBe('the last good deck');
    expect(readdirSync(path.dirname(out))).toEqual(['deck.pptx']);
  });

  it('when only the manifest fails, the deck is written, the stale manifest goes, and it says so', async () => {
    await writeDeck(input());
    let writes = 0;
    const secondFails: NonNullable<WriteDeckInput['fs']>['open'] = async (file, flags, mode) => (++writes === 2 ? fullDiskOpen(file, flags, mode) : open(file, flags, mode));
    const result = await writeDeck(input({ pptx: PPTX.subarray(1), fs: { open: secondFails } }));
    expect(result.written).toBe(true);
    expect(result.diagnostics).toMatchObject([
      { code: 'WRITE_MANIFEST_FAILED', message: expect.stringMatching(/^wrote dist\/deck\.pptx, but cannot write dist\/deck\.manifest\.json: no space left on device/) },
    ]);
    expect(readFileSync(path.join(dir, 'dist', 'deck.pptx')).length).toBe(PPTX.length - 1);
    // The copy a merge compares with goes too: without a manifest it cannot be checked against one.
    expect(readdirSync(path.join(dir, 'dist'))).toEqual(['.briefdeck', 'deck.pptx']);
    expect(readdirSync(path.join(dir, 'dist', '.briefdeck'))).toEqual([]);
  });

  it('refuses to write over an input, through a symbolic or hard link too, and leaves it as it was', async () => {
    const data = path.join(dir, 'data.yaml');
    writeFileSync(data, 'web: {}\n');
    const texts = new Map([[data, 'web: {}\n']]);
    symlinkSync(data, path.join(dir, 'alias.pptx'));
    linkSync(data, path.join(dir, 'hard.pptx'));
    for (const out of [data, path.join(dir, 'alias.pptx'), path.join(dir, 'hard.pptx')]) {
      const result = await writeDeck(input({ texts, outFile: out }));
      expect(result.written, out).toBe(false);
      expect(result.diagnostics).toMatchObject([{ code: 'WRITE_OVERWRITES_INPUT', source: { file: data } }]);
      expect(result.diagnostics[0]?.message).toContain('data.yaml');
    }
    // The manifest beside the deck counts too: `-o data.pptx` would write data.manifest.json.
    const manifestInput = path.join(dir, 'data.manifest.json');
    writeFileSync(manifestInput, '{}');
    const result = await writeDeck(input({ texts: new Map([[manifestInput, '{}']]), outFile: path.join(dir, 'data.pptx') }));
    expect(result.diagnostics).toMatchObject([{ code: 'WRITE_OVERWRITES_INPUT', message: expect.stringContaining("the deck's manifest") }]);
    expect(readFileSync(data, 'utf8')).toBe('web: {}\n');
    expect(readFileSync(manifestInput, 'utf8')).toBe('{}');
  });

  it('an error that is not from the system (a bug) is thrown, not dressed as an environment problem', async () => {
    await expect(writeDeck(input({ fs: { rename: async () => Promise.reject(new TypeError('a bug')) } }))).rejects.toThrow('a bug');
  });

  it('does not wait on a previous manifest that is a FIFO: it replaces it', async () => {
    mkdirSync(path.join(dir, 'dist'));
    execFileSync('mkfifo', [path.join(dir, 'dist', 'deck.manifest.json')]);
    const result = await writeDeck(input());
    expect(result).toEqual({ written: true, diagnostics: [] });
    expect(JSON.parse(readFileSync(path.join(dir, 'dist', 'deck.manifest.json'), 'utf8'))).toMatchObject({ briefdeck: 1 });
  });

  it('a previous manifest that is a folder is not read, and what cannot replace it is said', async () => {
    mkdirSync(path.join(dir, 'dist', 'deck.manifest.json'), { recursive: true });
    const result = await writeDeck(input());
    expect(result.written).toBe(true);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['WRITE_MANIFEST_FAILED']);
  });
});
