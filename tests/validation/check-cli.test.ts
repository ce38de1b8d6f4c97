/** `briefdeck check` as a person and a CI job meet it: exit codes, colours, JSON. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { checkDeckFile } from '../../src/cli/check-deck-file.js';
import { run } from '../../src/cli/run.js';

const BROKEN = path.resolve(__dirname, '../fixtures/invalid/unknown-layout');
const MINI = path.resolve(__dirname, '../fixtures/mini');
const ANSI = /\u001b\[/;

async function cli(argv: string[], opts: { cwd?: string; env?: Record<string, string>; isTTY?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    cwd: opts.cwd ?? BROKEN,
    env: opts.env ?? {},
    isTTY: opts.isTTY ?? false,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

describe('briefdeck check', () => {
  it('exits 0 and says so for a valid outline', async () => {
    const { code, stdout, stderr } = await cli(['check', 'deck.yaml'], { cwd: MINI });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('0 errors, 0 warnings');
  });

  it('exits 1 and prints file:line:col, the code, a frame and a hint for a broken one', async () => {
    const { code, stderr } = await cli(['check', 'outline.yaml']);
    expect(code).toBe(1);
    expect(stderr).toContain("outline.yaml:10:13  error  slide 2: unknown layout 'bulets'  OUTLINE_UNKNOWN_LAYOUT");
    expect(stderr).toContain('10 |   - layout: bulets');
    expect(stderr).toContain("hint: did you mean 'bullets'?");
    expect(stderr).not.toMatch(/^ {4}at /m);
  });

  it('locates a problem in a CSV file by row and column, with a frame', async () => {
    const { code, stderr } = await cli(['check', 'outline.yaml'], { cwd: path.resolve(__dirname, '../fixtures/invalid/csv-unknown-column') });
    expect(code).toBe(1);
    expect(stderr).toContain("data/web-2025-03.csv:1:11  error  unknown column 'grop'  DATA_CSV_UNKNOWN_COLUMN\n  1 | rank,name,grop,within\n                ^^^^\n  hint: did you mean 'group'?");
  });

  it('uses no colours when stderr is not a terminal, or NO_COLOR is set, or TERM is dumb', async () => {
    const cases: { isTTY: boolean; env?: Record<string, string> }[] = [{ isTTY: false }, { isTTY: true, env: { NO_COLOR: '1' } }, { isTTY: true, env: { TERM: 'dumb' } }];
    for (const opts of cases) {
      const { stderr } = await cli(['check', 'outline.yaml'], opts);
      expect(stderr, JSON.stringify(opts)).toContain('OUTLINE_UNKNOWN_LAYOUT');
      expect(stderr, JSON.stringify(opts)).not.toMatch(ANSI);
    }
  });

  it('uses colours on a terminal', async () => {
    const { stderr } = await cli(['check', 'outline.yaml'], { isTTY: true });
    expect(stderr).toMatch(ANSI);
  });

  it('prints diagnostics as JSON with --format json, never with colours', async () => {
    const { code, stdout, stderr } = await cli(['check', 'outline.yaml', '--format', 'json'], { isTTY: true });
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).not.toMatch(ANSI);
    expect(JSON.parse(stdout)).toEqual([
      {
        code: 'OUTLINE_UNKNOWN_LAYOUT',
        severity: 'error',
        message: "slide 2: unknown layout 'bulets'",
        hint: "did you mean 'bullets'?",
        file: path.join(BROKEN, 'outline.yaml'),
        line: 10,
        column: 13,
        endLine: 10,
        endColumn: 19,
      },
    ]);
    const fine = await cli(['check', 'deck.yaml', '--format', 'json'], { cwd: MINI });
    expect({ code: fine.code, json: JSON.parse(fine.stdout) }).toEqual({ code: 0, json: [] });
  });

  it('exits 1 with OUTLINE_FILE_NOT_FOUND for an outline that is not there', async () => {
    const { code, stdout } = await cli(['check', 'outlin.yaml', '--format', 'json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject([{ code: 'OUTLINE_FILE_NOT_FOUND', hint: "did you mean 'outline.yaml'?" }]);
  });

  it('exits 2 for bad usage, without a stack trace', async () => {
    for (const argv of [['check', '--format', 'xml'], ['frobnicate'], ['check', '--nope'], ['build', 'a.yaml', 'b.yaml']]) {
      const { code, stderr } = await cli(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr, argv.join(' ')).not.toMatch(/^ {4}at /m);
    }
  });

  describe('--deck', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-check-deck-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('exits 1 with a PPTX_ code for a file that is not a .pptx', async () => {
      const file = path.join(dir, 'notes.pptx');
      await writeFile(file, 'these are not slides\n');
      const { code, stdout, stderr } = await cli(['check', '--deck', file, '--format', 'json'], { cwd: dir });
      expect(code).toBe(1);
      expect(stderr).not.toMatch(/^ {4}at /m);
      const diagnostics = JSON.parse(stdout) as { code: string }[];
      expect(diagnostics.length).toBeGreaterThan(0);
      expect(diagnostics.every((d) => d.code.startsWith('PPTX_'))).toBe(true);
    });

    it('exits 1 with a PPTX_ code for a deck that is not there', async () => {
      const { code, stdout } = await cli(['check', '--deck', path.join(dir, 'missing.pptx'), '--format', 'json'], { cwd: dir });
      expect(code).toBe(1);
      expect(JSON.parse(stdout)).toMatchObject([{ code: 'PPTX_UNREADABLE' }]);
    });

    it('refuses a folder, and a file over the size limit before reading it', async () => {
      const folder = await cli(['check', '--deck', dir, '--format', 'json'], { cwd: dir });
      expect(folder.code).toBe(1);
      expect(JSON.parse(folder.stdout)).toMatchObject([{ code: 'PPTX_NOT_A_FILE', file: dir }]);
      const big = path.join(dir, 'big.pptx');
      await writeFile(big, Buffer.alloc(4096));
      expect((await checkDeckFile(big, 1024)).diagnostics).toMatchObject([{ code: 'PPTX_TOO_LARGE', message: expect.stringContaining('reads up to') }]);
    });
  });
});

/** A project whose charts `build` rejects or warns about: `check` must say the same. */
describe('briefdeck check finds what the charts stage finds', () => {
  let project: string;
  beforeAll(async () => {
    project = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-check-charts-'));
    const entries = Array.from({ length: 50 }, (_, k) => `        - { rank: ${k + 1}, name: 產品${k + 1} }`).join('\n');
    const edition = (asOf: string) => `    - asOf: "${asOf}"\n      entries:\n${entries}\n`;
    await mkdir(path.join(project, 'data'));
    await writeFile(
      path.join(project, 'data/big.yaml'),
      `web:\n  type: ranking\n  title: 網頁榜\n  size: 50\n  source: { publisher: a16z, title: 排行榜 }\n  editions:\n${edition('2025-03')}${edition('2024-08')}`,
    );
    const outline = (chart: string) =>
      `deck:\n  title: 測試\n  date: "2025-03-10"\ndata:\n  big: data/big.yaml\nslides:\n  - layout: chart\n    title: 五十名\n    chart: ${chart}\n    takeaway: 很多\n`;
    await writeFile(path.join(project, 'native.yaml'), outline('{ kind: rank-change, data: big.web, render: native }'));
    await writeFile(path.join(project, 'crowded.yaml'), outline('{ kind: ranking, data: big.web }'));
  });
  afterAll(async () => {
    await rm(project, { recursive: true, force: true });
  });

  const codes = (json: string) => (JSON.parse(json) as { code: string; severity: string; line?: number }[]).map((d) => [d.code, d.severity, d.line !== undefined]);

  it('a native rank-change chart: exit 1 with CHART_NATIVE_UNSUPPORTED at render:, as build', async () => {
    const check = await cli(['check', 'native.yaml', '--format', 'json'], { cwd: project });
    expect(check.code).toBe(1);
    expect(codes(check.stdout)).toEqual([['CHART_NATIVE_UNSUPPORTED', 'error', true]]);
    const build = await cli(['build', 'native.yaml', '-o', path.join(project, 'native.pptx'), '--format', 'json'], { cwd: project });
    expect(build.code).toBe(1);
    // build --format json is one document: { diagnostics, deck, report }.
    expect(codes(JSON.stringify((JSON.parse(build.stdout) as { diagnostics: unknown }).diagnostics))).toEqual(codes(check.stdout));
  }, 120_000);

  it('a chart with more rows than its box shows: CHART_CROWDED, as build warns', async () => {
    const check = await cli(['check', 'crowded.yaml', '--format', 'json'], { cwd: project });
    expect(check.code).toBe(0);
    expect(codes(check.stdout)).toContainEqual(['CHART_CROWDED', 'warning', true]);
    const build = await cli(['build', 'crowded.yaml', '-o', path.join(project, 'crowded.pptx'), '--format', 'json'], { cwd: project });
    expect(build.code).toBe(0);
    expect((JSON.parse(build.stdout) as { diagnostics: unknown }).diagnostics).toEqual(JSON.parse(check.stdout));
  }, 120_000);
});
