/**
 * Where the deck goes is the user's environment: a full disk, a read-only mount, a folder in the
 * way. Each is exit 1 with the path and the cause in words, never exit 70 ("a bug"). Real
 * folders, a real tmpfs (full, or mounted read-only) where this process may mount one, and a
 * real unprivileged user for EACCES where it runs as root.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasCompiledCli, spawnCli, type CliRun } from './spawn-cli.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-env-'));
const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts) spawnQuiet('umount', [m]);
  rmSync(scratch, { recursive: true, force: true });
});

function spawnQuiet(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A tmpfs at a new folder, or undefined where mounting is not allowed. */
function tmpfs(name: string, options: string): string | undefined {
  const dir = path.join(scratch, name);
  mkdirSync(dir);
  if (!spawnQuiet('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir])) return undefined;
  mounts.push(dir);
  return dir;
}

function expectRefused(run: CliRun, code: string, message: RegExp): void {
  expect(run.signal, 'the build did not end').toBeNull();
  expect(run.status, run.stderr).toBe(1);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).toContain(code);
  expect(run.stderr).not.toMatch(/internal error|This is a bug|^\s+at /m);
}

describe('briefdeck build where the deck cannot go', () => {
  it('the output path is a folder', (ctx) => {
    if (!hasCompiledCli()) return ctx.skip();
    const out = path.join(scratch, 'folder.pptx');
    mkdirSync(path.join(out, 'inside'), { recursive: true });
    const run = spawnCli(['build', '-o', out]);
    expectRefused(run, 'WRITE_IS_A_FOLDER', /cannot write .*folder\.pptx: it is a folder, not a file/);
    expect(readdirSync(out)).toEqual(['inside']);
    expect(readdirSync(scratch).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  }, 90_000);

  it('a folder on the output path is a file', (ctx) => {
    if (!hasCompiledCli()) return ctx.skip();
    const file = path.join(scratch, 'plain-file');
    writeFileSync(file, 'not a folder');
    const run = spawnCli(['build', '-o', path.join(file, 'deck.pptx')]);
    expectRefused(run, 'WRITE_PARENT_NOT_A_FOLDER', /cannot write .*plain-file\/deck\.pptx: a folder on its path is a file/);
    expect(readFileSync(file, 'utf8')).toBe('not a folder');
  }, 90_000);

  it('the disk is full (a 64 KB tmpfs): ENOSPC in words, nothing left behind', (ctx) => {
    if (!hasCompiledCli()) return ctx.skip();
    const dir = tmpfs('full', 'size=64k');
    if (!dir) return ctx.skip(); // tests/write/write-deck.test.ts injects ENOSPC everywhere
    const run = spawnCli(['build', '-o', path.join(dir, 'deck.pptx')]);
    expectRefused(run, 'WRITE_NO_SPACE', /cannot write .*deck\.pptx: no space left on device \(ENOSPC\)/);
    expect(readdirSync(dir)).toEqual([]);
  }, 90_000);

  it('the file system is mounted read-only', (ctx) => {
    if (!hasCompiledCli()) return ctx.skip();
    const dir = tmpfs('readonly', 'ro,size=1m');
    if (!dir) return ctx.skip();
    const run = spawnCli(['build', '-o', path.join(dir, 'deck.pptx')]);
    expectRefused(run, 'WRITE_READ_ONLY', /cannot write .*deck\.pptx: the file system is read-only \(EROFS\)/);
  }, 90_000);

  it('the folder is not writable for this user (EACCES)', (ctx) => {
    if (!hasCompiledCli()) return ctx.skip();
    const dir = path.join(scratch, 'locked');
    mkdirSync(dir);
    chmodSync(dir, 0o555);
    chmodSync(scratch, 0o755);
    // root may write anywhere: run as nobody instead, who may still read briefdeck and the outline.
    const asRoot = process.getuid?.() === 0;
    const run = spawnCli(['build', '-o', path.join(dir, 'deck.pptx')], { ...(asRoot ? { uid: 65534, gid: 65534 } : {}), env: { TMPDIR: os.tmpdir() } });
    if (asRoot && /EACCES.*(lib|node_modules|outline)/.test(run.stderr)) return ctx.skip();
    expectRefused(run, 'WRITE_PERMISSION_DENIED', /cannot write .*locked\/deck\.pptx: permission denied \(EACCES\)/);
    expect(readdirSync(dir)).toEqual([]);
  }, 90_000);

  it('the deck is written but its manifest cannot be: exit 1, and it says so', (ctx) => {
    if (!hasCompiledCli()) return ctx.skip();
    const dir = path.join(scratch, 'manifest-blocked');
    mkdirSync(path.join(dir, 'deck.manifest.json', 'inside'), { recursive: true });
    const run = spawnCli(['build', '-o', path.join(dir, 'deck.pptx')]);
    expectRefused(run, 'WRITE_MANIFEST_FAILED', /wrote .*deck\.pptx, but cannot write .*deck\.manifest\.json: it is a folder, not a file/);
    expect(readFileSync(path.join(dir, 'deck.pptx')).subarray(0, 2).toString()).toBe('PK');
    expect(existsSync(path.join(dir, 'deck.manifest.json', 'inside'))).toBe(true);
  }, 90_000);
});
