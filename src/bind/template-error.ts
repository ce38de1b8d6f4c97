import type { DiagnosticCode } from '../diagnostics/codes.js';
/** A problem in a template found while rendering it; the binder adds the location. */
export class TemplateError extends Error {
  /** Where in the template the failing call is (Handlebars' own location). */
  loc?: hbs.AST.SourceLocation;

  constructor(
    readonly code: DiagnosticCode,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}
