import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// The disk fills up halfway through writing the deck: the temporary file gets half the bytes,
// then ENOSPC. Everything else (the whole build, writeDeck, writeFileAtomic) is the real code.
const temporaries: string[] = [];
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const open = async (file: string, flags?: string | number, mode?: number): Promise<FileHandle> => {
    const handle = await fs.open(file, flags, mode);
    if (!String(file).endsWith('.tmp')) return handle;
    temporaries.push(String(file));
    const writeFile = async (bytes: Uint8Array) => {
      await handle.writeFile(bytes.subarray(0, bytes.length >> 1));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    };
    return new Proxy(handle, { get: (target, key) => (key === 'writeFile' ? writeFile : Reflect.get(target, key, target)) }) as FileHandle;
  };
  return { ...fs, open, default: { ...fs, open } };
});

const { buildDeck } = await import('../../src/build.js');
const ROOT = path.resolve(__dirname, '../..');

describe('a build that fails while writing the deck', () => {
  it('leaves the deck already there byte-for-byte, no temporary file, and says why', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-failed-'));
    const out = path.join(dir, 'briefing.pptx');
    const before = Buffer.from('the deck from the last good build');
    writeFileSync(out, before);
    const result = await buildDeck({ outline: path.join(ROOT, 'outline/briefing.yaml'), out, cwd: dir });
    expect(
      temporaries.map((f) => path.dirname(f)),
      'the build never reached the write',
    ).toEqual([dir]);
    expect(result.outFile).toBeUndefined();
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toMatchObject([
      { code: 'WRITE_NO_SPACE', message: 'cannot write briefing.pptx: no space left on device (ENOSPC)', source: { file: out } },
    ]);
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['briefing.pptx']);
  }, 120_000);
});
