import path from 'node:path';
import { LineIndex, lineColumn } from './line-column.js';
import type { Diagnostic } from './diagnostic.js';

export { lineColumn };

/** One line index per file text, made on first use: one report reads each text once. */
type Indexes = (file: string) => LineIndex | undefined;

function indexesOf(texts: ReadonlyMap<string, string>): Indexes {
  const made = new Map<string, LineIndex>();
  return (file) => {
    const text = texts.get(file);
    if (text === undefined) return undefined;
    let index = made.get(file);
    if (!index) made.set(file, (index = new LineIndex(text)));
    return index;
  };
}

/** A diagnostic with its position as a person (or an editor) counts it: 1-based line and column. */
export interface LocatedDiagnostic {
  code: string;
  severity: Diagnostic['severity'];
  message: string;
  hint?: string;
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export interface ReportOptions {
  /** Texts of the input files, to turn offsets into lines and columns and show a frame. */
  texts: ReadonlyMap<string, string>;
  /** Paths are shown relative to this folder. */
  cwd: string;
  color: boolean;
}

/** A diagnostic's position as lines and columns (`texts` or, for many, `indexes` of them). */
export function locate(d: Diagnostic, texts: ReadonlyMap<string, string>, indexes: Indexes = indexesOf(texts)): LocatedDiagnostic {
  const out: LocatedDiagnostic = { code: d.code, severity: d.severity, message: d.message };
  if (d.hint) out.hint = d.hint;
  if (!d.source) return out;
  out.file = d.source.file;
  const index = indexes(d.source.file);
  if (index && d.source.range) {
    const start = index.locate(d.source.range[0]);
    const end = index.locate(d.source.range[1]);
    Object.assign(out, { line: start.line, column: start.column, endLine: end.line, endColumn: end.column });
  }
  return out;
}

/** Diagnostics as JSON for editors and CI: one object per diagnostic, positions 1-based. */
export function formatJson(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>): string {
  const indexes = indexesOf(texts);
  return JSON.stringify(
    diagnostics.map((d) => locate(d, texts, indexes)),
    null,
    2,
  );
}

/**
 * `file:line:col  error  message  CODE`, a frame of the source line with a caret under the
 * problem, the hint, and a summary line.
 */
export function formatText(diagnostics: readonly Diagnostic[], opts: ReportOptions): string {
  const paint = painter(opts.color);
  const indexes = indexesOf(opts.texts);
  const blocks = sortByPlace(diagnostics, opts.texts).map((d) => {
    const loc = locate(d, opts.texts, indexes);
    const where = loc.file ? `${path.relative(opts.cwd, loc.file) || loc.file}${loc.line ? `:${loc.line}:${loc.column}` : ''}` : 'briefdeck';
    const sev = d.severity === 'error' ? paint.red('error') : paint.yellow('warning');
    const lines = [`${paint.bold(where)}  ${sev}  ${d.message}  ${paint.dim(d.code)}`];
    const index = loc.file ? indexes(loc.file) : undefined;
    if (index && loc.line !== undefined && loc.column !== undefined) {
      lines.push(...codeFrame(index, loc.line, loc.column, loc.endLine === loc.line ? (loc.endColumn ?? loc.column + 1) : undefined, paint));
    }
    if (d.hint) lines.push(`  ${paint.cyan('hint:')} ${d.hint}`);
    return lines.join('\n');
  });
  return `${[...blocks, summary(diagnostics, paint)].join('\n\n')}\n`;
}

export function summary(diagnostics: readonly Diagnostic[], paint = painter(false)): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const word = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const line = `${word(errors, 'error')}, ${word(warnings, 'warning')}`;
  return errors ? paint.red(line) : warnings ? paint.yellow(line) : line;
}

function sortByPlace(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>): Diagnostic[] {
  const files = new Map([...texts.keys()].map((f, i) => [f, i]));
  const order = (d: Diagnostic) => (d.source ? (files.get(d.source.file) ?? -1) : -1);
  return [...diagnostics].sort((a, b) => {
    const fa = order(a);
    const fb = order(b);
    return fa - fb || (a.source?.range?.[0] ?? 0) - (b.source?.range?.[0] ?? 0);
  });
}

const FRAME_WIDTH = 76;

/**
 * The part of a line a frame can show: at most this many UTF-16 units either side of the column,
 * so that a frame on a line of a megabyte costs what one on a short line does.
 */
const FRAME_REACH = 2 * FRAME_WIDTH;

/** The source line, cut to fit 80 columns around the problem, and a caret line under it. */
function codeFrame(index: LineIndex, line: number, column: number, endColumn: number | undefined, paint: Painter): string[] {
  const [lineStart, lineEnd] = index.lineSpan(line);
  let windowStart = Math.max(lineStart, lineStart + column - 1 - FRAME_REACH);
  let windowEnd = Math.min(lineEnd, lineStart + column - 1 + FRAME_REACH);
  // Never cut a surrogate pair in half.
  if (windowStart > lineStart && isLowSurrogate(index.text.charCodeAt(windowStart))) windowStart--;
  if (windowEnd < lineEnd && isLowSurrogate(index.text.charCodeAt(windowEnd))) windowEnd++;
  const clippedLeft = windowStart > lineStart;
  const clippedRight = windowEnd < lineEnd;
  const src = index.text.slice(windowStart, windowEnd).replace(/\r$/, '').replace(/\t/g, ' ');
  column -= windowStart - lineStart;
  if (endColumn !== undefined) endColumn -= windowStart - lineStart;
  const chars = [...src];
  let startIdx = utf16ToIndex(src, column - 1);
  let endIdx = Math.max(startIdx + 1, endColumn !== undefined ? utf16ToIndex(src, endColumn - 1) : startIdx + 1);
  let from = 0;
  while (cellWidth(chars.slice(from, startIdx)) > FRAME_WIDTH / 2 && cellWidth(chars.slice(from)) > FRAME_WIDTH - 8) from++;
  let to = chars.length;
  while (cellWidth(chars.slice(from, to)) > FRAME_WIDTH - 8) to--;
  startIdx = Math.max(startIdx, from);
  endIdx = Math.min(Math.max(endIdx, startIdx + 1), Math.max(to, startIdx + 1));
  const gutter = `${line} | `;
  const left = from > 0 || clippedLeft;
  const shown = (left ? '…' : '') + chars.slice(from, to).join('') + (to < chars.length || clippedRight ? '…' : '');
  const pad = ' '.repeat(gutter.length + cellWidth(chars.slice(from, startIdx)) + (left ? 1 : 0));
  const caret = '^'.repeat(Math.max(1, cellWidth(chars.slice(startIdx, endIdx))));
  return [`  ${paint.dim(gutter)}${shown}`, `  ${pad}${paint.red(caret)}`];
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

function utf16ToIndex(s: string, utf16: number): number {
  let units = 0;
  let i = 0;
  for (const ch of s) {
    if (units >= utf16) return i;
    units += ch.length;
    i++;
  }
  return i;
}

/** Terminal cells: East Asian wide characters take two. */
function cellWidth(chars: readonly string[]): number {
  return chars.reduce((w, ch) => w + (isWide(ch.codePointAt(0) ?? 0) ? 2 : 1), 0);
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

type Painter = Record<'red' | 'yellow' | 'bold' | 'dim' | 'cyan', (s: string) => string>;

function painter(color: boolean): Painter {
  const wrap = (open: number, close: number) => (s: string) => (color ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { red: wrap(31, 39), yellow: wrap(33, 39), bold: wrap(1, 22), dim: wrap(2, 22), cyan: wrap(36, 39) };
}
