import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'lib/cli.js');

/** Builds the default deck in a fresh node process, as a user would. */
function buildInProcess(env: Record<string, string>): { sha: string; status: number | null; stderr: string } {
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'briefdeck-repro-')), 'briefing.pptx');
  const run = spawnSync(process.execPath, [CLI, 'build', '--out', out], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 });
  const sha = existsSync(out) ? createHash('sha256').update(readFileSync(out)).digest('hex') : '';
  return { sha, status: run.status, stderr: run.stderr };
}

describe('same inputs, same bytes', () => {
  it('two builds in separate processes and time zones give the same sha256', (ctx) => {
    if (!existsSync(CLI)) {
      console.warn('skipped: lib/cli.js is not compiled (npm test runs tsc first)');
      ctx.skip();
    }
    const utc = buildInProcess({ TZ: 'UTC' });
    const taipei = buildInProcess({ TZ: 'Asia/Taipei' });
    expect(utc.status, utc.stderr).toBe(0);
    expect(taipei.status, taipei.stderr).toBe(0);
    expect(utc.sha).toMatch(/^[0-9a-f]{64}$/);
    expect(taipei.sha).toBe(utc.sha);
  }, 180_000);

  it('SOURCE_DATE_EPOCH sets the document date, and so the bytes', (ctx) => {
    if (!existsSync(CLI)) ctx.skip();
    const a = buildInProcess({ SOURCE_DATE_EPOCH: '1741564800' });
    const b = buildInProcess({ SOURCE_DATE_EPOCH: '1741651200' });
    expect(a.status).toBe(0);
    expect(b.sha).not.toBe(a.sha);
  }, 180_000);
});
