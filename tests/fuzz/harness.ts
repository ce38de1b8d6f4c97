/**
 * What every generated project must satisfy, whatever it holds: the build ends in time without
 * throwing, every diagnostic has a known code and a range inside its file, and a deck that comes
 * out passes the package check with no character XML forbids.
 */
import { spawn } from 'node:child_process';
import { strFromU8, unzipSync } from 'fflate';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DIAGNOSTIC_CODES } from '../../src/diagnostics/codes.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatJson, formatText } from '../../src/diagnostics/report.js';
import { checkPackage } from '../../src/pptx/opc/check-package.js';
import { afterAll, beforeAll } from 'vitest';
import { startChartDrawer, type ChartDrawer } from '../../src/charts/drawer/chart-drawer.js';
import { CLI } from '../perf/compiled-cli.js';
import type { Files } from './arbitraries.js';

/** Cases per property: `FUZZ_RUNS` (for `npm run fuzz`) scales every property's share of `npm test`. */
export function runs(inTest: number): number {
  const asked = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(asked) && asked > 0 ? Math.max(1, Math.round((asked * inTest) / 2000)) : inTest;
}

/** A fixed seed, so a failure in `npm test` is the same failure on the next run; `FUZZ_SEED` picks another. */
export const SEED = Number(process.env.FUZZ_SEED ?? 20250310);

/** The folder all generated projects go under; one subfolder each. */
export function fuzzRoot(): string {
  return mkdtempSync(path.join(tmpdir(), 'briefdeck-fuzz-'));
}

let count = 0;

/**
 * Writes `files` into a fresh folder `<root>/<n>/project/`: the parent holds no `templates/`,
 * so only the project's own and briefdeck's templates are found.
 */
/** A test file's folder of projects and its chart drawer, made before its tests and removed after them. */
export function fuzzWorkspace(): { root: string; drawer: ChartDrawer } {
  const ws = {} as { root: string; drawer: ChartDrawer };
  beforeAll(() => {
    ws.root = fuzzRoot();
    ws.drawer = startChartDrawer();
  });
  afterAll(async () => {
    await ws.drawer.close();
    rmSync(ws.root, { recursive: true, force: true });
  });
  return ws;
}

export function writeProject(root: string, files: Files): string {
  const dir = path.join(root, String(count++), 'project');
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

export function removeProject(dir: string): void {
  rmSync(path.dirname(dir), { recursive: true, force: true });
}

export class Timeout extends Error {}

/** `promise`, or a Timeout after `ms`. */
export async function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(`did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const CODES = new Set(Object.keys(DIAGNOSTIC_CODES));

/** What is wrong with a list of diagnostics: unknown codes, ranges outside their file, errors without a place. */
export function diagnosticProblems(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const d of diagnostics) {
    const what = `${d.code} (${d.message.slice(0, 120)})`;
    if (!CODES.has(d.code)) problems.push(`unknown code ${what}`);
    if (d.severity !== 'error' && d.severity !== 'warning') problems.push(`severity ${String(d.severity)} of ${what}`);
    if (typeof d.message !== 'string' || d.message.length === 0) problems.push(`no message: ${what}`);
    if (!d.source?.range) continue;
    const [start, end] = d.source.range;
    const text = texts.get(d.source.file) ?? readText(d.source.file);
    if (text === undefined) problems.push(`range in a file whose text is unknown: ${d.source.file}: ${what}`);
    else if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length))
      problems.push(`range [${start}, ${end}) outside ${path.basename(d.source.file)} (${text.length} chars): ${what}`);
  }
  return problems;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Reports the diagnostics both ways, as the CLI does: neither may throw, and every error in a file gets a line. */
export function reportProblems(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>, cwd: string): string[] {
  const problems: string[] = [];
  const text = formatText(diagnostics, { texts, cwd, color: false });
  if (diagnostics.some((d) => d.severity === 'error') && !/error/.test(text)) problems.push('the text report names no error');
  const located = JSON.parse(formatJson(diagnostics, texts)) as { code: string; line?: number; column?: number }[];
  located.forEach((l, i) => {
    const d = diagnostics[i]!;
    if (d.source?.range && texts.has(d.source.file) && !(Number(l.line) >= 1 && Number(l.column) >= 1)) problems.push(`${l.code} has a range but no line and column`);
  });
  return problems;
}

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]; decoded text has no lone surrogates unless the bytes were bad.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a finished deck: the package check's findings and parts with forbidden characters or bad UTF-8. */
export function deckProblems(pptx: Uint8Array): string[] {
  const problems = checkPackage(pptx, 'fuzz.pptx').map((d) => `${d.code}: ${d.message}`);
  const parts = unzipSync(pptx);
  for (const [name, bytes] of Object.entries(parts)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      problems.push(`${name} is not UTF-8`);
      continue;
    }
    const m = FORBIDDEN.exec(text);
    if (m) problems.push(`${name} holds U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at ${m.index}`);
  }
  return problems;
}

/** The XML parts of a deck, as text (for tests that look inside). */
export function xmlParts(pptx: Uint8Array): Map<string, string> {
  return new Map(
    Object.entries(unzipSync(pptx))
      .filter(([n]) => /\.(xml|rels)$/.test(n))
      .map(([n, b]) => [n, strFromU8(b)]),
  );
}

/** The files of a failing case, for the report: short enough to read. */
export function describeFiles(files: Files): string {
  return Object.entries(files)
    .map(([name, text]) => `--- ${name} (${text.length} chars)\n${JSON.stringify(text.length > 1500 ? `${text.slice(0, 1500)}…` : text)}`)
    .join('\n');
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `node lib/cli.js …args` in `cwd`, killed after `ms`. */
export function cli(args: readonly string[], cwd: string, ms = 30_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
