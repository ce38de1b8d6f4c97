/** `briefdeck check` as a person and a CI job meet it: exit codes, colours, JSON. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
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
    for (const opts of [{ isTTY: false }, { isTTY: true, env: { NO_COLOR: '1' } }, { isTTY: true, env: { TERM: 'dumb' } }]) {
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
  });
});
