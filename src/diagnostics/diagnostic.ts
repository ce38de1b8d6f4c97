import type { DiagnosticCode } from './codes.js';

export type { DiagnosticCode } from './codes.js';

/** How bad a problem is: an error stops the build, a warning is reported and the build goes on. */
export type Severity = 'error' | 'warning';

/**
 * A place in an input file. Offsets are stored (UTF-16 code units, as JavaScript strings index);
 * line and column are computed only when a diagnostic is reported.
 */
export interface SourceRef {
  file: string;
  /** [start, end) offsets into the file's text; absent when the whole file is meant. */
  range?: readonly [number, number];
}

/**
 * A problem with the input, as a value. `code` is one of `DIAGNOSTIC_CODES` (src/diagnostics/codes.ts):
 * a stable upper-case name with a stage prefix, never renamed.
 */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  /** Where the problem is, when it is in an input file. */
  source?: SourceRef;
  /** What to do about it ("did you mean 'ranking'?"). */
  hint?: string;
}

export function error(code: DiagnosticCode, message: string, source?: SourceRef, hint?: string): Diagnostic {
  return withOptional({ code, severity: 'error', message }, source, hint);
}

export function warning(code: DiagnosticCode, message: string, source?: SourceRef, hint?: string): Diagnostic {
  return withOptional({ code, severity: 'warning', message }, source, hint);
}

function withOptional(d: Diagnostic, source?: SourceRef, hint?: string): Diagnostic {
  if (source) d.source = source;
  if (hint) d.hint = hint;
  return d;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/**
 * Thrown only for a problem the input cannot cause (a bug in briefdeck). Input problems are
 * returned as diagnostics, never thrown.
 */
export class InternalError extends Error {
  override name = 'InternalError';
}
