/** Usage errors, --help and --version answer at once: nothing heavy starts before the arguments are parsed. */
import { describe, expect, it } from 'vitest';
import { hasCompiledCli, spawnCli } from './spawn-cli.js';

// Generous for a busy machine; a hang is killed at the timeout and fails on its status.
const TIMEOUT = 20_000;

describe('the command line exits at once on', () => {
  const cases: [string, string[], number, RegExp][] = [
    ['build --help', ['build', '--help'], 0, /--out <file>/],
    ['build --bogus', ['build', '--bogus'], 2, /unknown option '--bogus'/],
    ['build -o without a file', ['build', '-o'], 2, /argument missing/],
    ['build --format xml', ['build', '--format', 'xml'], 2, /'xml' is invalid/],
    ['build with two outlines', ['build', 'a.yaml', 'b.yaml'], 2, /too many arguments/],
    ['watch --bogus', ['watch', '--bogus'], 2, /unknown option/],
    ['--version', ['--version'], 0, /^\d+\.\d+\.\d+/],
  ];
  for (const [name, args, code, text] of cases) {
    it(
      `${name}: exit ${code}`,
      (ctx) => {
        if (!hasCompiledCli()) return ctx.skip();
        const run = spawnCli(args, { timeoutMs: TIMEOUT });
        expect(run.signal, `${name} did not exit within ${TIMEOUT} ms`).toBeNull();
        expect(run.status, run.stderr).toBe(code);
        expect(code === 0 ? run.stdout : run.stderr).toMatch(text);
        expect(run.stderr).not.toMatch(/^\s+at /m);
      },
      TIMEOUT + 5_000,
    );
  }

  it(
    '--help tells what SOURCE_DATE_EPOCH must be',
    (ctx) => {
      if (!hasCompiledCli()) return ctx.skip();
      const run = spawnCli(['--help'], { timeoutMs: TIMEOUT });
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/SOURCE_DATE_EPOCH +the document date, in whole seconds since 1970-01-01 UTC/);
      expect(run.stdout).toMatch(/refused with exit 2/);
    },
    TIMEOUT + 5_000,
  );
});
