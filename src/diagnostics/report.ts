import path from 'node:path';
import { lineColumn } from './line-column.js';
import type { Diagnostic } from './diagnostic.js';

export { lineColumn };

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

export function locate(d: Diagnostic, texts: ReadonlyMap<string, string>): LocatedDiagnostic {
  const out: LocatedDiagnostic = { code: d.code, severity: d.severity, message: d.message };
  if (d.hint) out.hint = d.hint;
  if (!d.source) return out;
  out.file = d.source.file;
  const text = texts.get(d.source.file);
  if (text !== undefined && d.source.range) {
    const start = lineColumn(text, d.source.range[0]);
    const end = lineColumn(text, d.source.range[1]);
    Object.assign(out, { line: start.line, column: start.column, endLine: end.line, endColumn: end.column });
  }
  return out;
}

/** Diagnostics as JSON for editors and CI: one object per diagnostic, positions 1-based. */
export function formatJson(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>): string {
  return JSON.stringify(diagnostics.map((d) => locate(d, texts)), null, 2);
}

/**
 * `file:line:col  error  message  CODE`, a frame of the source line with a caret under the
 * problem, the hint, and a summary line.
 */
export function formatText(diagnostics: readonly Diagnostic[], opts: ReportOptions): string {
  const paint = painter(opts.color);
  const blocks = sortByPlace(diagnostics, opts.texts).map((d) => {
    const loc = locate(d, opts.texts);
    const where = loc.file ? `${path.relative(opts.cwd, loc.file) || loc.file}${loc.line ? `:${loc.line}:${loc.column}` : ''}` : 'briefdeck';
    const sev = d.severity === 'error' ? paint.red('error') : paint.yellow('warning');
    const lines = [`${paint.bold(where)}  ${sev}  ${d.message}  ${paint.dim(d.code)}`];
    const text = loc.file ? opts.texts.get(loc.file) : undefined;
    if (text !== undefined && loc.line !== undefined && loc.column !== undefined) {
      lines.push(...codeFrame(text, loc.line, loc.column, loc.endLine === loc.line ? (loc.endColumn ?? loc.column + 1) : undefined, paint));
    }
    if (d.hint) lines.push(`  ${paint.cyan('hint:')} ${d.hint}`);
    return lines.join('\n');
  });
  return [...blocks, summary(diagnostics, paint)].join('\n\n') + '\n';
}

export function summary(diagnostics: readonly Diagnostic[], paint = painter(false)): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const word = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const line = `${word(errors, 'error')}, ${word(warnings, 'warning')}`;
  return errors ? paint.red(line) : warnings ? paint.yellow(line) : line;
}

function sortByPlace(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>): Diagnostic[] {
  const files = [...texts.keys()];
  return [...diagnostics].sort((a, b) => {
    const fa = a.source ? files.indexOf(a.source.file) : -1;
    const fb = b.source ? files.indexOf(b.source.file) : -1;
    return fa - fb || (a.source?.range?.[0] ?? 0) - (b.source?.range?.[0] ?? 0);
  });
}

const FRAME_WIDTH = 76;

/** The source line, cut to fit 80 columns around the problem, and a caret line under it. */
function codeFrame(text: string, line: number, column: number, endColumn: number | undefined, paint: Painter): string[] {
  const src = (text.split('\n')[line - 1] ?? '').replace(/\r$/, '').replace(/\t/g, ' ');
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
  const shown = (from > 0 ? '…' : '') + chars.slice(from, to).join('') + (to < chars.length ? '…' : '');
  const pad = ' '.repeat(gutter.length + cellWidth(chars.slice(from, startIdx)) + (from > 0 ? 1 : 0));
  const caret = '^'.repeat(Math.max(1, cellWidth(chars.slice(startIdx, endIdx))));
  return [`  ${paint.dim(gutter)}${shown}`, `  ${pad}${paint.red(caret)}`];
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
  return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd);
}

type Painter = Record<'red' | 'yellow' | 'bold' | 'dim' | 'cyan', (s: string) => string>;

function painter(color: boolean): Painter {
  const wrap = (open: number, close: number) => (s: string) => (color ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { red: wrap(31, 39), yellow: wrap(33, 39), bold: wrap(1, 22), dim: wrap(2, 22), cyan: wrap(36, 39) };
}
