/**
 * The corpus of broken inputs (tests/fixtures/invalid/<case>/): each case is a small project
 * whose outline.yaml or data is wrong in one way, with expected.json listing every diagnostic
 * that `briefdeck check` gives for it, in order: code, file, line and column. Wording is not
 * pinned here; places are.
 *
 * For a case with an error, `briefdeck build` must write nothing (the deck already at --out
 * stays byte for byte) and print no stack trace.
 *
 * UPDATE_EXPECTED=1 rewrites expected.json from what check reports now; read every changed
 * location by eye before committing it (a wrong place written into expected.json is a bug).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import type { CliIo } from '../../src/cli/io.js';

const CORPUS = path.resolve(__dirname, '../fixtures/invalid');
const UPDATE = process.env.UPDATE_EXPECTED === '1';

/**
 * Cases whose expected.json holds the right place (or code) but whose diagnostic comes from
 * code outside the validation stages that still gets it wrong. Each runs as `it.fails`: when
 * the fix lands, the test fails, and the case is removed from this list.
 */
const KNOWN_WRONG: Record<string, string> = {};

interface Expected {
  code: string;
  severity: 'error' | 'warning';
  file?: string;
  line?: number;
  column?: number;
}

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(argv: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd, env, isTTY: false };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

const cases = readdirSync(CORPUS)
  .filter((name) => statSync(path.join(CORPUS, name)).isDirectory())
  .sort();

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-corpus-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

it('has at least 30 cases, each with an outline and expected.json', () => {
  expect(cases.length).toBeGreaterThanOrEqual(30);
  for (const name of cases) {
    expect(existsSync(path.join(CORPUS, name, 'outline.yaml')), `${name}/outline.yaml`).toBe(true);
    if (!UPDATE) expect(existsSync(path.join(CORPUS, name, 'expected.json')), `${name}/expected.json`).toBe(true);
  }
});

describe.each(cases)('%s', (name) => {
  const dir = path.join(CORPUS, name);
  const expectedFile = path.join(dir, 'expected.json');
  const known = KNOWN_WRONG[name];
  const expectedNow = (): Expected[] => (existsSync(expectedFile) ? (JSON.parse(readFileSync(expectedFile, 'utf8')) as Expected[]) : []);

  (known && !UPDATE ? it.fails : it)(`check reports every problem at its place${known ? ` (known wrong: ${known})` : ''}`, async () => {
    const { code, stdout, stderr } = await cli(['check', 'outline.yaml', '--format', 'json'], dir);
    expect(stderr).not.toMatch(/^ {4}at /m);
    const reported = (JSON.parse(stdout) as (Expected & { file?: string })[]).map((d): Expected => {
      const out: Expected = { code: d.code, severity: d.severity };
      if (d.file) out.file = path.relative(dir, d.file).split(path.sep).join('/');
      if (d.line !== undefined) out.line = d.line;
      if (d.column !== undefined) out.column = d.column;
      return out;
    });
    if (UPDATE && !known) await writeFile(expectedFile, `${JSON.stringify(reported, null, 2)}\n`);
    const expected = UPDATE && !known ? reported : expectedNow();
    expect(reported).toEqual(expected);
    expect(code).toBe(expected.some((d) => d.severity === 'error') ? 1 : 0);
  });

  const warningOnly = expectedNow().every((d) => d.severity === 'warning');
  (warningOnly ? it.skip : it)('build writes nothing, leaves the deck at --out as it was, and prints no stack trace', async () => {
    const out = path.join(tmp, name, 'dist', 'deck.pptx');
    await mkdir(path.dirname(out), { recursive: true });
    const before = Buffer.from(`an earlier deck of ${name}\u0000\u00ff`, 'utf8');
    await writeFile(out, before);
    const { code, stderr } = await cli(['build', 'outline.yaml', '--out', out], dir);
    expect(code).toBe(1);
    expect(stderr).not.toMatch(/^ {4}at /m);
    expect(stderr).not.toContain('internal error');
    expect(stderr).toContain('no deck written');
    expect(Buffer.compare(await readFile(out), before)).toBe(0);
    expect(await readdir(path.dirname(out))).toEqual(['deck.pptx']);
  });
});

it.each(['control-characters', 'data-stale'])('%s warns, and the build goes on and writes the deck', async (name) => {
  const out = path.join(tmp, `${name}-built`, 'deck.pptx');
  const { code, stderr } = await cli(['build', 'outline.yaml', '--out', out], path.join(CORPUS, name));
  expect(stderr).toMatch(/warning/);
  expect(code).toBe(0);
  expect((await readFile(out)).subarray(0, 2).toString()).toBe('PK');
});

it('refuses a 3 MB outline of 10,000 slides at once, with a message that says why', async () => {
  const dir = path.join(tmp, 'huge');
  await mkdir(dir, { recursive: true });
  const slide = (i: number) =>
    `  - layout: bullets\n    title: 第${i + 1}頁：國產生成式AI的競爭格局\n    bullets:\n      - 這一行是第${i + 1}頁的第一個要點，寫得長一些，好讓整份大綱接近三百萬位元組。\n      - 第二個要點：資料來源與背景說明，同樣寫得長一些。\n    notes: 講者備註，第${i + 1}頁。\n`;
  const text = `deck:\n  title: 很長的簡報\n  date: "2025-03-10"\nslides:\n${Array.from({ length: 10_000 }, (_, i) => slide(i)).join('')}`;
  expect(Buffer.byteLength(text)).toBeGreaterThan(3_000_000);
  await writeFile(path.join(dir, 'outline.yaml'), text);
  const t0 = performance.now();
  const { code, stdout } = await cli(['check', 'outline.yaml', '--format', 'json'], dir);
  expect(performance.now() - t0).toBeLessThan(2000);
  expect(code).toBe(1);
  expect(JSON.parse(stdout)).toMatchObject([{ code: 'OUTLINE_TOO_LARGE', severity: 'error', message: expect.stringMatching(/outline\.yaml is 3\.\d MB; briefdeck reads files of up to 2\.0 MB/) }]);
});
