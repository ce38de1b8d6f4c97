/** `check --deck` on what is not a regular file: a located message and exit 1 at once, never a wait. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasCompiledCli, spawnCli } from './spawn-cli.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-check-deck-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('briefdeck check --deck', () => {
  const fifo = path.join(scratch, 'pipe.pptx');
  execFileSync('mkfifo', [fifo]);
  for (const [name, file, says] of [
    ['a FIFO', fifo, /pipe\.pptx: it is a device, pipe or socket, not a regular file/],
    ['a device', '/dev/zero', /\/dev\/zero: it is a device, pipe or socket, not a regular file/],
    ['a folder', scratch, /it is a folder, not a file/],
  ] as const) {
    it(`${name}: exit 1 with PPTX_NOT_A_FILE`, (ctx) => {
      if (!hasCompiledCli()) return ctx.skip();
      const run = spawnCli(['check', '--deck', file], { timeoutMs: 20_000 });
      expect(run.signal, 'check --deck did not end').toBeNull();
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr).toMatch(says);
      expect(run.stderr).toContain('PPTX_NOT_A_FILE');
      expect(run.stderr).not.toMatch(/internal error|^\s+at /m);
    }, 25_000);
  }
});
