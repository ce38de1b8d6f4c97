/**
 * Generated projects through the library (issue 11, "Tests"): `checkOutline` and `buildDeck`
 * end within a bound, never throw, report only known codes at ranges inside their files, and a
 * deck that comes out passes the package check. Seeded (FUZZ_SEED); `npm run fuzz` runs more.
 */
import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { checkOutline } from '../../src/check.js';
import { project, type Project } from './arbitraries.js';
import { deckProblems, describeFiles, diagnosticProblems, fuzzWorkspace, removeProject, reportProblems, runs, SEED, within, writeProject } from './harness.js';

// A build draws its charts on this thread (a worker starts only from lib/), so it gets longer than a check.
const CHECK_MS = 5_000;
const BUILD_MS = 10_000;
const ws = fuzzWorkspace();

/** Runs `body` on the project written to disk; on a failure, the message carries the files. */
async function onDisk(p: Project, body: (dir: string) => Promise<string[]>): Promise<void> {
  const dir = writeProject(ws.root, p.files);
  try {
    const problems = await body(dir);
    if (problems.length) throw new Error(`${problems.join('\n')}\n${describeFiles(p.files)}`);
  } catch (e) {
    if (e instanceof Error && !e.message.includes('--- outline.yaml')) e.message = `${e.message}\n${describeFiles(p.files)}`;
    throw e;
  } finally {
    removeProject(dir);
  }
}

describe('generated projects (fast-check)', () => {
  it('check: ends in time, never throws, known codes at ranges inside their files', async () => {
    await fc.assert(
      fc.asyncProperty(project(), (p) =>
        onDisk(p, async (dir) => {
          const result = await within(CHECK_MS, checkOutline({ outline: path.join(dir, p.outline), cwd: dir }));
          return [...diagnosticProblems(result.diagnostics, result.texts), ...reportProblems(result.diagnostics, result.texts, dir)];
        }),
      ),
      { seed: SEED, numRuns: runs(1500), endOnFailure: true },
    );
  }, 600_000);

  it('build: ends in time, never throws; a deck that comes out is sound, else there are errors', async () => {
    let decks = 0;
    await fc.assert(
      fc.asyncProperty(project(), (p) =>
        onDisk(p, async (dir) => {
          const result = await within(BUILD_MS, buildDeck({ outline: path.join(dir, p.outline), cwd: dir, write: false, drawer: ws.drawer }));
          const problems = [...diagnosticProblems(result.diagnostics, result.texts), ...reportProblems(result.diagnostics, result.texts, dir)];
          const errors = result.diagnostics.filter((d) => d.severity === 'error');
          if (result.pptx) {
            decks++;
            if (errors.length) problems.push(`a deck came out despite ${errors.length} errors (${errors[0]!.code})`);
            problems.push(...deckProblems(result.pptx));
          } else if (!errors.length) problems.push('no deck and no error');
          return problems;
        }),
      ),
      { seed: SEED + 1, numRuns: runs(100), endOnFailure: true },
    );
    // The generator must reach the end of the flow, or the deck checks above test nothing.
    expect(decks).toBeGreaterThan(runs(100) / 10);
  }, 600_000);
});
