import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/write/write-file.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'briefdeck-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const OLD = new TextEncoder().encode('the deck that was there before');
const NEW = new Uint8Array(200_000).map((_, k) => k % 251);

describe('writeFileAtomic', () => {
  it('creates missing folders and writes the bytes', async () => {
    const file = path.join(dir, 'dist', 'nested', 'deck.pptx');
    await writeFileAtomic(file, NEW);
    expect(Buffer.from(readFileSync(file)).equals(NEW)).toBe(true);
    expect(readdirSync(path.dirname(file))).toEqual(['deck.pptx']);
  });

  it('replaces an existing file', async () => {
    const file = path.join(dir, 'deck.pptx');
    writeFileSync(file, OLD);
    await writeFileAtomic(file, NEW);
    expect(Buffer.from(readFileSync(file)).equals(NEW)).toBe(true);
  });

  it('leaves the old file byte-equal and no temporary file when the last step fails', async () => {
    const file = path.join(dir, 'deck.pptx');
    writeFileSync(file, OLD);
    let temporary = '';
    const failingRename = async (from: string): Promise<void> => {
      temporary = from;
      // the new bytes are complete on disk before the rename that fails
      expect(Buffer.from(readFileSync(from)).equals(NEW)).toBe(true);
      throw Object.assign(new Error('EIO: simulated failure'), { code: 'EIO' });
    };
    await expect(writeFileAtomic(file, NEW, { rename: failingRename })).rejects.toThrow('simulated failure');
    expect(path.basename(temporary)).toMatch(new RegExp(`^\\.deck\\.pptx\\.${process.pid}\\.[0-9a-f]+\\.tmp$`));
    expect(path.dirname(temporary)).toBe(dir);
    expect(Buffer.from(readFileSync(file)).equals(OLD)).toBe(true);
    expect(readdirSync(dir)).toEqual(['deck.pptx']);
  });

  it('cleans up when the real rename fails (the target is a folder)', async () => {
    const target = path.join(dir, 'deck.pptx');
    mkdirSync(target);
    writeFileSync(path.join(target, 'keep'), OLD);
    await expect(writeFileAtomic(target, NEW)).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['deck.pptx']);
    expect(Buffer.from(readFileSync(path.join(target, 'keep'))).equals(OLD)).toBe(true);
  });

  it('fails without writing when the folder cannot be created', async () => {
    const blocker = path.join(dir, 'dist');
    writeFileSync(blocker, OLD);
    await expect(writeFileAtomic(path.join(blocker, 'deck.pptx'), NEW)).rejects.toThrow();
    expect(Buffer.from(readFileSync(blocker)).equals(OLD)).toBe(true);
    expect(readdirSync(dir)).toEqual(['dist']);
  });
});

describe('writeFileAtomic and temporary files', () => {
  it('removes the temporary files of processes that no longer run, and keeps those of one that does', async () => {
    const file = path.join(dir, 'deck.pptx');
    const dead = 2 ** 22 + 7; // above Linux's pid_max: no such process
    const stale = path.join(dir, `.deck.pptx.${dead}.0123456789ab.tmp`);
    const live = path.join(dir, `.deck.pptx.${process.ppid}.0123456789ab.tmp`);
    const other = path.join(dir, `.other.pptx.${dead}.0123456789ab.tmp`);
    for (const f of [stale, live, other]) writeFileSync(f, 'half a deck');
    await writeFileAtomic(file, NEW);
    expect(readdirSync(dir).sort()).toEqual([path.basename(live), path.basename(other), 'deck.pptx'].sort());
  });

  it('knows its temporary file while it writes, so a signal handler can remove it', async () => {
    const { removeTemporaryFilesSync } = await import('../../src/write/temporary-files.js');
    const file = path.join(dir, 'deck.pptx');
    let seen: string[] = [];
    await expect(
      writeFileAtomic(file, NEW, {
        rename: async (from) => {
          removeTemporaryFilesSync(); // what SIGINT does mid-write
          seen = readdirSync(dir);
          throw Object.assign(new Error(`ENOENT: ${from}`), { code: 'ENOENT' });
        },
      }),
    ).rejects.toThrow('ENOENT');
    expect(seen).toEqual([]);
  });
});
