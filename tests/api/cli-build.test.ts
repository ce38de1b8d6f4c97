import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';

const ROOT = path.resolve(__dirname, '../..');

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: ROOT, env: {}, isTTY: false });
  return { code, stdout, stderr };
}

describe('briefdeck build', () => {
  it('builds the default outline into the given file, prints what it wrote and the timings', async () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'briefdeck-cli-')), 'deck.pptx');
    const { code, stdout, stderr } = await cli(['build', '--out', out, '--timings']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/wrote .*deck\.pptx \(\d+ slides, \d+ charts, \d+ KB\)/);
    for (const stage of ['load', 'bind', 'layout', 'charts', 'emit', 'finish', 'write']) expect(stderr).toMatch(new RegExp(`\\n  ${stage} +\\d+\\.\\d ms`));
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(existsSync(out.replace(/\.pptx$/, '.manifest.json'))).toBe(true);
  }, 120_000);

  it('answers --version and --help, and exits 2 on bad usage', async () => {
    const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
    expect(await cli(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
    const help = await cli(['build', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--out <file>');
    expect((await cli(['build', '--frobnicate'])).code).toBe(2);
    expect((await cli(['bulid'])).stderr).toContain('build');
  });
});
