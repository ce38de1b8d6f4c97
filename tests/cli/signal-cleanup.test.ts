/**
 * Ctrl-C during the write leaves no `.deck.pptx.<pid>.<random>.tmp`. A real child process; a
 * preload slows the temporary file's sync to disk, so the signal surely arrives mid-write.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, hasCompiledCli, ROOT } from './spawn-cli.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-signal-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SLOW_SYNC = `
import { open } from 'node:fs/promises';
const handle = await open(process.execPath, 'r');
const proto = Object.getPrototypeOf(handle);
await handle.close();
const sync = proto.sync;
proto.sync = async function () { await new Promise((r) => setTimeout(r, 5000)); return sync.call(this); };
`;

async function interruptMidWrite(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; sawTemporary: boolean; dir: string }> {
  const dir = mkdtempSync(path.join(scratch, `${signal}-`));
  const preload = path.join(scratch, 'slow-sync.mjs');
  writeFileSync(preload, SLOW_SYNC);
  writeFileSync(path.join(dir, 'deck.pptx'), 'the last good deck');
  const child = spawn(process.execPath, ['--import', preload, CLI, 'build', '-o', path.join(dir, 'deck.pptx')], { cwd: ROOT, stdio: 'ignore' });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
  let sawTemporary = false;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    if (readdirSync(dir).some((n) => n.endsWith('.tmp'))) {
      sawTemporary = true;
      child.kill(signal);
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  if (!sawTemporary) child.kill('SIGKILL');
  return { ...(await ended), sawTemporary, dir };
}

describe('a signal during the write', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal}: the process ends by it, with no temporary file and the old deck in place`, async (ctx) => {
      if (!hasCompiledCli()) return ctx.skip();
      const run = await interruptMidWrite(signal);
      expect(run.sawTemporary, 'the build never reached the write').toBe(true);
      expect(run.signal).toBe(signal);
      expect(readdirSync(run.dir)).toEqual(['deck.pptx']);
      expect(readFileSync(path.join(run.dir, 'deck.pptx'), 'utf8')).toBe('the last good deck');
      expect(existsSync(path.join(run.dir, 'deck.manifest.json'))).toBe(false);
    }, 90_000);
  }
});
