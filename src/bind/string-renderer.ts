import type { DiagnosticCode } from '../diagnostics/codes.js';
import Handlebars from 'handlebars';
import { error, warning, type Diagnostic, type SourceRef } from '../diagnostics/diagnostic.js';
import type { Dataset, DataStore } from '../data/types.js';
import { noteUse } from '../data/uses.js';
import type { Outline } from '../load/outline/load-outline.js';
import { nodeAt, rangeOf } from '../load/parse-yaml.js';
import { cleanText } from '../text/clean-text.js';
import { didYouMean } from '../text/suggest.js';
import type { Partials } from './bind.js';
import { citation, helpers } from './helpers.js';
import { locateInScalar, type TemplateLoc } from './locate.js';
import { TemplateError } from './template-error.js';

/** Where a string is in the outline: keys and indices from the document's root. */
export type Path = (string | number)[];

/** Records that a slide cites a dataset, for the rebuild report. */
export function noteCitation(d: Dataset): void {
  noteUse(`${d.id}: source`, citation(d));
}

/**
 * Fields that name things rather than say them, by the key of the mapping that holds them:
 * validated by the schema, never rendered as templates.
 */
const NOT_TEMPLATES: Record<string, ReadonlySet<string>> = {
  deck: new Set(['date', 'lang', 'theme', 'maxDataAge']),
  slide: new Set(['layout', 'sources']),
  chart: new Set(['kind', 'data', 'render', 'edition', 'compare', 'highlight', 'items', 'changes']),
};

function fieldsNotTemplates(path: Path): ReadonlySet<string> | undefined {
  if (path.length === 1 && path[0] === 'deck') return NOT_TEMPLATES.deck;
  if (path.length === 2 && path[0] === 'slides') return NOT_TEMPLATES.slide;
  if (path.length === 3 && path[0] === 'slides' && path[2] === 'chart') return NOT_TEMPLATES.chart;
  return undefined;
}

/** Renders the strings of an outline, compiling each distinct template once. */
export class StringRenderer {
  private compiled = new Map<string, HandlebarsTemplateDelegate>();
  private sourceLineTemplate: HandlebarsTemplateDelegate | undefined;
  /** The data namespaces (`a16z` of `a16z.web`), for checking helper arguments. */
  private readonly namespaces: ReadonlySet<string | undefined>;

  constructor(
    private hb: typeof Handlebars,
    private outline: Outline,
    private data: DataStore,
    private partials: Partials,
    private diagnostics: Diagnostic[],
  ) {
    this.namespaces = new Set([...data.keys()].map((id) => id.split('.')[0]));
  }

  tree<T>(value: T, path: Path, ctx: object): T {
    if (typeof value === 'string') return this.string(value, path, ctx) as T;
    if (Array.isArray(value)) return value.map((v, i) => this.tree(v, [...path, i], ctx)) as T;
    if (value !== null && typeof value === 'object') {
      const skip = fieldsNotTemplates(path);
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, skip?.has(k) ? v : this.tree(v, [...path, k], ctx)]),
      ) as T;
    }
    return value;
  }

  private string(template: string, path: Path, ctx: object): string {
    let rendered = template;
    if (template.includes('{{')) {
      const fn = this.compile(template, path);
      if (!fn) return '';
      try {
        rendered = fn(ctx);
      } catch (e) {
        this.report(e, template, path);
        return '';
      }
    }
    const { text, removed } = cleanText(rendered);
    if (removed) {
      this.diagnostics.push(
        warning('TEXT_CONTROL_CHARACTER', `removed ${removed} control character(s) that a .pptx cannot hold`, this.at(path), 'delete them from the outline or the data'),
      );
    }
    return text;
  }

  /** The `source-line` partial for these datasets. */
  sourceLine(ids: string[], ctx: Record<string, unknown>, origin: SourceRef): string | undefined {
    if (!this.partials.templates.has('source-line')) return undefined;
    // Datasets from one publication (a list's web and mobile parts) are cited once.
    ids.forEach((id) => noteCitation(this.data.get(id) as Dataset));
    const unique = [...new Map(ids.map((id) => [citation(this.data.get(id) as Dataset), id])).values()];
    const views = unique.map((id) => id.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], ctx));
    try {
      this.sourceLineTemplate ??= this.hb.compile('{{> source-line}}', { noEscape: true });
      return cleanText(this.sourceLineTemplate({ ...ctx, datasets: views })).text;
    } catch (e) {
      this.diagnostics.push(error('TEMPLATE_RENDER', `the source-line partial failed: ${String((e as Error).message).split('\n')[0]}`, origin));
      return undefined;
    }
  }

  private compile(template: string, path: Path): HandlebarsTemplateDelegate | undefined {
    const cached = this.compiled.get(template);
    if (cached) return cached;
    let ast: hbs.AST.Program;
    try {
      ast = this.hb.parse(template);
    } catch (e) {
      this.diagnostics.push(error('TEMPLATE_SYNTAX', parseMessage(e, template), this.at(path, parseLoc(e, template), template), 'a template looks like {{helper dataset "name"}}; write \\{{ for literal braces'));
      return undefined;
    }
    const problems = this.checkNames(ast, path, template);
    if (problems) return undefined;
    const fn = this.hb.compile(ast, {
      strict: true,
      noEscape: true,
      knownHelpers: Object.fromEntries(Object.keys(helpers).map((h) => [h, true])),
      knownHelpersOnly: true,
    });
    this.compiled.set(template, fn);
    return fn;
  }

  /**
   * Problems visible in the syntax tree, reported where they are: unknown helpers and partials,
   * a dataset printed as text, and helper arguments that name nothing (strict mode does not
   * check those; the helper would only see `undefined`).
   */
  private checkNames(ast: hbs.AST.Program, path: Path, template: string): boolean {
    const before = this.diagnostics.length;
    const known = Object.keys(helpers);
    const report = (code: DiagnosticCode, message: string, loc: hbs.AST.SourceLocation | undefined, hint?: string) =>
      this.diagnostics.push(error(code, message, this.at(path, loc, template), hint));
    const visit = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const n = node as { type?: string; path?: hbs.AST.PathExpression; params?: hbs.AST.Expression[]; hash?: hbs.AST.Hash; name?: hbs.AST.PathExpression; loc?: hbs.AST.SourceLocation };
      const call = n.type === 'MustacheStatement' || n.type === 'SubExpression' || n.type === 'BlockStatement';
      if (call && n.path && ((n.params?.length ?? 0) > 0 || n.hash)) {
        const name = n.path.original;
        if (!known.includes(name) && !['if', 'unless', 'each', 'with'].includes(name)) {
          report('TEMPLATE_UNKNOWN_HELPER', `unknown helper '${name}'`, n.loc, didYouMean(name, known));
        }
        const args = [...(n.params ?? []), ...(n.hash?.pairs.map((p) => p.value) ?? [])];
        for (const arg of args) {
          if (arg.type === 'PathExpression') this.checkArgument(arg as hbs.AST.PathExpression, report);
        }
      } else if (n.type === 'MustacheStatement' && n.path?.type === 'PathExpression' && this.data.has(n.path.original)) {
        report('TEMPLATE_NOT_TEXT', `${n.path.original} is a dataset, not text`, n.loc, `use a helper, e.g. {{cite ${n.path.original}}} or {{asOf ${n.path.original}}}`);
      }
      if (n.type === 'PartialStatement' && n.name?.type === 'PathExpression' && !this.partials.templates.has(n.name.original)) {
        report('TEMPLATE_UNKNOWN_PARTIAL', `unknown partial '${n.name.original}'`, n.loc, didYouMean(n.name.original, [...this.partials.templates.keys()]));
      }
      for (const v of Object.values(node)) {
        if (Array.isArray(v)) v.forEach(visit);
        else if (v && typeof v === 'object' && v !== n.loc) visit(v);
      }
    };
    visit(ast);
    return this.diagnostics.length > before;
  }

  /** A helper argument must name `deck…` or a dataset (`a16z.web`); anything else is a typo. */
  private checkArgument(arg: hbs.AST.PathExpression, report: (code: DiagnosticCode, message: string, loc: hbs.AST.SourceLocation | undefined, hint?: string) => void): void {
    const [head, key] = arg.parts;
    if (arg.data || arg.original === 'this' || head === undefined || head === 'deck') return;
    if (this.namespaces.has(head) && (key === undefined || this.data.has(`${head}.${key}`))) return;
    const name = key === undefined ? head : `${head}.${key}`;
    report('TEMPLATE_UNKNOWN_VARIABLE', `'${arg.original}' is not defined here`, arg.loc, didYouMean(name, [...this.data.keys(), 'deck']));
  }

  private report(e: unknown, template: string, path: Path): void {
    if (e instanceof TemplateError) {
      this.diagnostics.push(error(e.code, e.message, this.at(path, locOf(e), template), e.hint));
      return;
    }
    const err = e as { message?: string; lineNumber?: number; column?: number; endLineNumber?: number; endColumn?: number };
    const missing = /^"(.+)" not defined in/.exec(err.message ?? '');
    const loc = err.lineNumber !== undefined ? { start: { line: err.lineNumber, column: err.column ?? 0 }, end: { line: err.endLineNumber ?? err.lineNumber, column: err.endColumn ?? err.column ?? 0 } } : undefined;
    if (missing) {
      this.diagnostics.push(error('TEMPLATE_UNKNOWN_VARIABLE', `'${missing[1]}' is not defined here`, this.at(path, loc, template), 'names are deck.<field> or <namespace>.<dataset>, as the outline\'s data: section declares them'));
      return;
    }
    this.diagnostics.push(error('TEMPLATE_RENDER', String(err.message ?? e).split('\n')[0] ?? 'template failed', this.at(path, loc, template)));
  }

  /** Where a string (or a position inside it) is in the outline file. */
  private at(path: Path, loc?: TemplateLoc, template?: string): SourceRef {
    const { file, yaml, text } = this.outline;
    const range = rangeOf(nodeAt(yaml, path).node);
    if (!range || !loc || template === undefined) return { file, range };
    return { file, range: locateInScalar(text, range, template, loc) };
  }
}

/** Helper errors carry the position of the call, which only Handlebars' options know. */
export function locatingErrors(fn: (...args: unknown[]) => string): Handlebars.HelperDelegate {
  return (...args: unknown[]) => {
    try {
      return fn(...args);
    } catch (e) {
      if (e instanceof TemplateError && !e.loc) e.loc = (args.at(-1) as { loc?: hbs.AST.SourceLocation }).loc;
      throw e;
    }
  };
}

function locOf(e: TemplateError): hbs.AST.SourceLocation | undefined {
  return e.loc;
}

function parseMessage(e: unknown, template: string): string {
  if (unclosedOpening(template) !== undefined) return 'template syntax: this {{ is not closed with }}';
  const lines = String((e as Error).message).split('\n');
  return `template syntax: ${lines.at(-1) ?? lines[0]}`;
}

/** The offset of the last `{{` that no `}}` follows, if any. */
function unclosedOpening(template: string): number | undefined {
  const open = template.lastIndexOf('{{');
  return open >= 0 && template.indexOf('}}', open) < 0 ? open : undefined;
}

function locAt(template: string, offset: number, length: number): hbs.AST.SourceLocation {
  const before = template.slice(0, offset).split('\n');
  const line = before.length;
  const column = (before.at(-1) ?? '').length;
  return { start: { line, column }, end: { line, column: column + length } } as hbs.AST.SourceLocation;
}

/** Handlebars parse errors give the line and an excerpt with a caret, not a column: rebuild it. */
function parseLoc(e: unknown, template: string): hbs.AST.SourceLocation | undefined {
  const open = unclosedOpening(template);
  if (open !== undefined) return locAt(template, open, 2);
  const m = /^Parse error on line (\d+):\n(.*)\n(-*)\^/.exec(String((e as Error).message));
  if (!m) return undefined;
  const line = Number(m[1]);
  const excerpt = (m[2] ?? '').replace(/^\.\.\./, '');
  const caret = (m[3] ?? '').length - ((m[2] ?? '').startsWith('...') ? 3 : 0);
  const lineText = template.split('\n')[line - 1] ?? '';
  const past = excerpt.slice(0, Math.max(0, caret));
  const start = lineText.indexOf(past);
  const column = start >= 0 ? start + past.length : 0;
  return { start: { line, column }, end: { line, column: column + 1 } } as hbs.AST.SourceLocation;
}
