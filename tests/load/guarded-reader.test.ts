/**
 * Every file a build reads comes through one guarded reader: a regular file, within its size
 * limit, whose real path stays inside the project (or briefdeck's package, or an installed
 * package for an `npm:` font). Real links, a real FIFO and /dev/zero, in a copy of the mini
 * project; each refusal is a located diagnostic with its own code, exit 1, and no hang.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import type { CliIo } from '../../src/cli/io.js';
import { checkSource, readSource } from '../../src/load/read-source.js';
import { packageRoot } from '../../src/paths.js';

const MINI = path.resolve(__dirname, '../fixtures/mini');
let tmp: string;
let outside: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-guard-'));
  outside = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-outside-'));
  await writeFile(path.join(outside, 'secret.hbs'), 'TOP SECRET');
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

/** A copy of the mini project with `files` added (a function makes a link or a FIFO). */
async function project(name: string, outline: (text: string) => string, files: Record<string, string | ((file: string) => Promise<void>)> = {}): Promise<string> {
  const dir = path.join(tmp, name);
  await cp(MINI, dir, { recursive: true });
  const file = path.join(dir, 'deck.yaml');
  await writeFile(file, outline(await readFile(file, 'utf8')));
  for (const [rel, content] of Object.entries(files)) {
    const target = path.join(dir, rel);
    await mkdir(path.dirname(target), { recursive: true });
    if (typeof content === 'string') await writeFile(target, content);
    else await content(target);
  }
  return dir;
}

async function check(dir: string): Promise<{ code: number; diagnostics: { code: string; file?: string; line?: number; column?: number; message: string }[]; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd: dir, env: {}, isTTY: false };
  const code = await run(['check', 'deck.yaml', '--format', 'json'], io);
  return { code, diagnostics: JSON.parse(stdout || '[]'), stderr };
}

const fifo = (file: string) => Promise.resolve(void execFileSync('mkfifo', [file]));
const link = (to: string) => (file: string) => symlink(to, file);
const withPartial = (t: string) => t.replace('title: "{{deck.title}}"', 'title: "{{deck.title}}{{> extra}}"');
const theme = (fonts: string) => readFile(path.join(packageRoot, 'templates/themes/default.yaml'), 'utf8').then((t) => t.replace(/chartRegular: .*/, `chartRegular: ${fonts}`));

describe('the guarded reader', () => {
  it('refuses a partial that links to a file outside its templates folder, and the text never reaches the deck', async () => {
    const dir = await project('partial-link', withPartial, { 'templates/partials/extra.hbs': link(path.join(outside, 'secret.hbs')) });
    const { code, diagnostics, stderr } = await check(dir);
    expect(code).toBe(1);
    expect(diagnostics).toMatchObject([{ code: 'TEMPLATE_PATH_OUTSIDE_PROJECT', file: path.join(dir, 'templates/partials/extra.hbs') }]);
    expect(JSON.stringify(diagnostics)).not.toContain('TOP SECRET');
    expect(stderr).not.toMatch(/^ {4}at /m);
  });

  it('reads a partial that links to another file inside the same templates folder', async () => {
    const dir = await project('partial-link-inside', withPartial, { 'templates/other.hbs': 'ok', 'templates/partials/extra.hbs': link('../other.hbs') });
    expect(await check(dir)).toMatchObject({ code: 0, diagnostics: [] });
  });

  it('refuses a FIFO partial at once instead of waiting for a writer', async () => {
    const dir = await project('partial-fifo', withPartial, { 'templates/partials/extra.hbs': fifo });
    const t0 = performance.now();
    const { code, diagnostics } = await check(dir);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(code).toBe(1);
    expect(diagnostics[0]).toMatchObject({ code: 'TEMPLATE_NOT_A_FILE', message: expect.stringContaining('FIFO') });
  });

  it('refuses /dev/zero as a theme font, at the font line of the theme', async () => {
    const dir = await project('font-dev-zero', (t) => t.replace('date: "2025-03-10"', 'date: "2025-03-10"\n  theme: zero'), { 'templates/themes/zero.yaml': await theme('/dev/zero') });
    const { code, diagnostics } = await check(dir);
    expect(code).toBe(1);
    const themeText = await readFile(path.join(dir, 'templates/themes/zero.yaml'), 'utf8');
    const line = themeText.split('\n').findIndex((l) => l.includes('/dev/zero')) + 1;
    expect(diagnostics).toMatchObject([{ code: 'TEMPLATE_PATH_OUTSIDE_PROJECT', file: path.join(dir, 'templates/themes/zero.yaml'), line }]);
  });

  it('refuses a theme font inside the project that is a FIFO, and one that links outside', async () => {
    for (const [name, make, code] of [
      ['font-fifo', fifo, 'TEMPLATE_NOT_A_FILE'],
      ['font-link', link(path.join(outside, 'secret.hbs')), 'TEMPLATE_PATH_OUTSIDE_PROJECT'],
    ] as const) {
      const dir = await project(name, (t) => t.replace('date: "2025-03-10"', 'date: "2025-03-10"\n  theme: own'), {
        'templates/themes/own.yaml': await theme('font.ttf'),
        'templates/themes/font.ttf': make,
      });
      const { code: exit, diagnostics } = await check(dir);
      expect(exit, name).toBe(1);
      expect(diagnostics, name).toMatchObject([{ code, file: path.join(dir, 'templates/themes/own.yaml') }]);
    }
  });

  it('refuses a data file and a CSV that link outside the outline folder, and a CSV that is a FIFO', async () => {
    await writeFile(path.join(outside, 'capex.yaml'), await readFile(path.join(MINI, 'data/capex.yaml')));
    const linked = await project('data-link', (t) => t, {
      'data/capex.yaml': async (f) => {
        await rm(f);
        await symlink(path.join(outside, 'capex.yaml'), f);
      },
    });
    expect((await check(linked)).diagnostics).toMatchObject([{ code: 'DATA_PATH_OUTSIDE_PROJECT', file: path.join(linked, 'deck.yaml'), line: 6 }]);

    const csv = await project('csv-fifo', (t) => t, { 'data/web.csv': fifo });
    const a16z = path.join(csv, 'data/a16z.yaml');
    await writeFile(a16z, (await readFile(a16z, 'utf8')).replace(/entries:\n(\s+- .*\n)+/, 'entries: web.csv\n'));
    const { code, diagnostics } = await check(csv);
    expect(code).toBe(1);
    expect(diagnostics[0]).toMatchObject({ code: 'DATA_NOT_A_FILE', file: a16z });
  });

  it('reads no more than the limit from a file that is larger than it says (a device), and refuses sockets and devices by kind', async () => {
    expect(await readSource('/dev/zero', 'DATA', undefined, { maxBytes: 1024 })).toMatchObject({ ok: false, diagnostic: { code: 'DATA_NOT_A_FILE', message: expect.stringContaining('a device') } });
    expect(await checkSource('/dev/null', 'TEMPLATE')).toMatchObject({ ok: false, diagnostic: { code: 'TEMPLATE_NOT_A_FILE' } });
    const big = path.join(tmp, 'big.yaml');
    await writeFile(big, 'x'.repeat(4096));
    expect(await readSource(big, 'DATA', undefined, { maxBytes: 4095 })).toMatchObject({ ok: false, diagnostic: { code: 'DATA_TOO_LARGE' } });
    expect(await readSource(big, 'DATA', undefined, { maxBytes: 4096 })).toMatchObject({ ok: true, text: 'x'.repeat(4096) });
  });

  it('does not confine a path the user gave: an outline outside the working folder, reached through a link, is read', async () => {
    const dir = await project('outline-link', (t) => t);
    const elsewhere = path.join(tmp, 'elsewhere');
    await mkdir(elsewhere, { recursive: true });
    await symlink(path.join(dir, 'deck.yaml'), path.join(elsewhere, 'deck.yaml'));
    expect(await readSource(path.join(elsewhere, 'deck.yaml'), 'OUTLINE')).toMatchObject({ ok: true });
  });
});
