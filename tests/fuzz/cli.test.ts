/**
 * A smaller sample of generated projects through the compiled CLI (`node lib/cli.js build`, which
 * `npm test` compiles first): the exit code is 0 or 1, never 70; no stack trace on stderr; on exit
 * 1 the deck already at the output path is untouched, on exit 0 the deck passes `check --deck`
 * and the OOXML schemas (tests/pptx/xsd.ts).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasCompiledCli } from '../perf/compiled-cli.js';
import { validateParts } from '../pptx/xsd.js';
import { project, type Project } from './arbitraries.js';
import { cli, describeFiles, fuzzRoot, removeProject, runs, SEED, writeProject } from './harness.js';

const PREVIOUS = Buffer.from('the deck of the last good build\n');
let root: string;

beforeAll(() => {
  root = fuzzRoot();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('generated projects through the CLI', () => {
  it('build exits 0 or 1 in time, never 70, without a stack trace; a failed build leaves the old deck, a good one passes check --deck', async (ctx) => {
    if (!hasCompiledCli()) ctx.skip();
    const codes: number[] = [];
    await fc.assert(
      fc.asyncProperty(project(), async (p) => {
        const dir = writeProject(root, p.files);
        try {
          const out = path.join(dir, 'dist', 'deck.pptx');
          mkdirSync(path.dirname(out), { recursive: true });
          writeFileSync(out, PREVIOUS);
          const run = await cli(['build', p.outline, '-o', out], dir);
          const problems: string[] = [];
          if (run.signal) problems.push(`killed by ${run.signal} (did not end in time)`);
          if (run.code !== 0 && run.code !== 1) problems.push(`exit ${run.code}`);
          if (/\n\s+at /.test(run.stderr)) problems.push('a stack trace on stderr');
          if (run.code === 1 && !readFileSync(out).equals(PREVIOUS)) problems.push('exit 1, but the deck at the output path changed');
          if (run.code === 0) {
            const check = await cli(['check', '--deck', out], dir);
            if (check.code !== 0) problems.push(`check --deck exits ${check.code}: ${check.stdout}${check.stderr}`.slice(0, 2000));
            const invalid = validateParts(new Map(Object.entries(unzipSync(readFileSync(out))))).invalid;
            if (invalid.length) problems.push(`schema-invalid parts: ${JSON.stringify(invalid).slice(0, 2000)}`);
          }
          if (run.code !== null) codes.push(run.code);
          if (problems.length) throw new Error(`${problems.join('\n')}\nstderr: ${run.stderr.slice(0, 3000)}\n${describeFiles(p.files)}`);
        } finally {
          removeProject(dir);
        }
      }),
      // The first cases are a clean project and a very broken one, so both halves are always reached;
      // fast-check counts examples within numRuns, so it is never fewer than the two of them.
      {
        seed: SEED + 2,
        numRuns: Math.max(2, runs(3)),
        endOnFailure: true,
        examples: [fc.sample(project([0]), { seed: SEED, numRuns: 1 }) as [Project], fc.sample(project([0.3]), { seed: SEED, numRuns: 1 }) as [Project]],
      },
    );
    expect(codes).toContain(0);
    expect(codes).toContain(1);
  }, 900_000);
});
