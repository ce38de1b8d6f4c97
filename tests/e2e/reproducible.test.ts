import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'lib/cli.js');

/** Builds the default deck in a fresh node process, as a user would. */
function buildInProcess(env: Record<string, string>, outline = 'outline/briefing.yaml'): { sha: string; manifest: string; status: number | null; stderr: string; core: string } {
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'briefdeck-repro-')), 'briefing.pptx');
  const run = spawnSync(process.execPath, [CLI, 'build', outline, '--out', out], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 });
  const sha = existsSync(out) ? createHash('sha256').update(readFileSync(out)).digest('hex') : '';
  const manifestFile = out.replace(/\.pptx$/, '.manifest.json');
  const manifest = existsSync(manifestFile) ? readFileSync(manifestFile, 'utf8') : '';
  const core = existsSync(out) ? strFromU8(unzipSync(readFileSync(out), { filter: (f) => f.name === 'docProps/core.xml' })['docProps/core.xml'] ?? new Uint8Array()) : '';
  return { sha, manifest, status: run.status, stderr: run.stderr, core };
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
    const again = buildInProcess({ SOURCE_DATE_EPOCH: '1741651200' });
    for (const run of [a, b, again]) {
      expect(run.status, run.stderr).toBe(0);
      expect(run.sha).toMatch(/^[0-9a-f]{64}$/);
    }
    // The dates themselves, not just some difference: 2025-03-10 and 2025-03-11 at 00:00 UTC.
    expect(a.core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-03-10T00:00:00Z</dcterms:created>');
    expect(b.core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2025-03-11T00:00:00Z</dcterms:modified>');
    expect(b.sha).not.toBe(a.sha);
    expect(again.sha).toBe(b.sha);
  }, 180_000);

  it('the manifest has the same bytes whatever the locale (LANG)', (ctx) => {
    if (!existsSync(CLI)) ctx.skip();
    // Names that sort differently by locale than by code unit: upper before lower case, CJK.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-locale-'));
    cpSync(path.join(ROOT, 'tests/fixtures/mini'), dir, { recursive: true });
    renameSync(path.join(dir, 'data/capex.yaml'), path.join(dir, 'data/Capex.yaml'));
    const deck = readFileSync(path.join(dir, 'deck.yaml'), 'utf8').replace('data/capex.yaml', 'data/Capex.yaml');
    writeFileSync(path.join(dir, 'deck.yaml'), deck);
    const runs = ['C.UTF-8', 'en_US.UTF-8', 'zh_TW.UTF-8', 'sv_SE.UTF-8'].map((LANG) => buildInProcess({ LANG, LC_ALL: LANG }, path.join(dir, 'deck.yaml')));
    for (const run of runs) expect(run.status, run.stderr).toBe(0);
    const inputs = Object.keys(JSON.parse(runs[0]!.manifest).inputs as Record<string, string>);
    expect(inputs.filter((n) => n.startsWith('data/'))).toEqual(['data/Capex.yaml', 'data/a16z.yaml']);
    for (const run of runs.slice(1)) expect(run.manifest).toBe(runs[0]!.manifest);
  }, 180_000);
});
