import type { DiagnosticCode } from '../diagnostics/codes.js';
import type Handlebars from 'handlebars';
import { error, warning, type Diagnostic, type SourceRef } from '../diagnostics/diagnostic.js';
import { citation } from '../data/citation.js';
import type { Dataset, DataStore } from '../data/types.js';
import { noteCitation, type ValueUses } from '../data/uses.js';
import type { Partials } from '../load/load-partials.js';
import type { Outline } from '../load/outline/load-outline.js';
import { positionAt } from '../load/positions.js';
import { cleanText } from '../text/clean-text.js';
import { didYouMean } from '../text/suggest.js';
import type { Locale } from '../locale/locale.js';
import { helpers } from './helpers.js';
import { locateInScalar, offsetIn, type TemplateLoc } from './locate.js';
import { astDepth, MAX_TEMPLATE_DEPTH, tooDeepAt } from './template-depth.js';
import { TemplateError } from './template-error.js';

/** Where a string is in the outline: keys and indices from the document's root. */
export type Path = (string | number)[];

/** Where a template was written: a string of the outline, or a partial's file. */
type Where = { path: Path } | { partial: string; file: string };

/**
 * Names every object has through its prototype (`__proto__`, `constructor`, `toString`…).
 * Handlebars' strict mode checks a name with `in`, which finds these, and then renders them as
 * empty text; no data has them, so a template that names one names nothing.
 */
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

const COMPILE_OPTIONS = {
  strict: true,
  noEscape: true,
  knownHelpers: Object.fromEntries(Object.keys(helpers).map((h) => [h, true])),
  knownHelpersOnly: true,
} as const;

/** Handlebars errors thrown inside a partial carry its name, so they are located in its file. */
interface PartialFailure {
  briefdeckPartial?: string;
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
  /** Partials refused when registered: their problem is reported once, in their file, not again at each include. */
  private refused = new Set<string>();
  private sourceLineTemplate: HandlebarsTemplateDelegate | undefined;
  /** The data namespaces (`a16z` of `a16z.web`), for checking helper arguments. */
  private readonly namespaces: ReadonlySet<string | undefined>;

  constructor(
    private hb: typeof Handlebars,
    private outline: Outline,
    private data: DataStore,
    private partials: Partials,
    private diagnostics: Diagnostic[],
    private locale: Locale,
  ) {
    this.namespaces = new Set([...data.keys()].map((id) => id.split('.')[0]));
  }

  /**
   * Checks every partial as strictly as an outline string (depth, syntax, names), compiles it in
   * strict mode and registers it; a partial that includes itself, directly or through others,
   * is refused. Problems are reported in the partial's file.
   */
  registerPartials(): void {
    const includes = new Map<string, { name: string; loc?: hbs.AST.SourceLocation }[]>();
    for (const [name, template] of this.partials.templates) {
      const where: Where = { partial: name, file: this.partials.files?.get(name) ?? `partials/${name}.hbs` };
      const ast = this.parse(template, where);
      if (!ast || this.checkNames(ast, where, template)) {
        this.refused.add(name);
        continue;
      }
      includes.set(name, partialCalls(ast));
      const fn = this.hb.compile(ast, COMPILE_OPTIONS);
      this.hb.registerPartial(name, ((context: unknown, options: unknown) => {
        try {
          return fn(context, options as RuntimeOptions);
        } catch (e) {
          if (e && typeof e === 'object' && !(e as PartialFailure).briefdeckPartial) (e as PartialFailure).briefdeckPartial = name;
          throw e;
        }
      }) as unknown as HandlebarsTemplateDelegate);
    }
    for (const [name, chain, loc] of includeProblems(includes)) {
      const seen = chain.some((n) => this.refused.has(n));
      for (const n of chain) this.refused.add(n);
      this.hb.unregisterPartial(name);
      if (seen) continue;
      const where: Where = { partial: name, file: this.partials.files?.get(name) ?? `partials/${name}.hbs` };
      const template = this.partials.templates.get(name) ?? '';
      this.diagnostics.push(error('TEMPLATE_TOO_DEEP', `partial '${name}' includes itself (${chain.join(' → ')})`, this.at(where, loc, template), 'a partial may include others, but not itself'));
    }
  }

  /** `uses` records the data values the strings read, for the slide they belong to. */
  tree<T>(value: T, path: Path, ctx: object, uses?: ValueUses): T {
    if (typeof value === 'string') return this.string(value, path, ctx, uses) as T;
    if (Array.isArray(value)) return value.map((v, i) => this.tree(v, [...path, i], ctx, uses)) as T;
    if (value !== null && typeof value === 'object') {
      const skip = fieldsNotTemplates(path);
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, skip?.has(k) ? v : this.tree(v, [...path, k], ctx, uses)])) as T;
    }
    return value;
  }

  private string(template: string, path: Path, ctx: object, uses: ValueUses | undefined): string {
    let rendered = template;
    if (template.includes('{{')) {
      const fn = this.compile(template, { path });
      if (!fn) return '';
      try {
        rendered = fn(ctx, { data: { uses, locale: this.locale } });
      } catch (e) {
        this.report(e, template, { path });
        return '';
      }
    }
    const { text, removed } = cleanText(rendered);
    if (removed) {
      this.diagnostics.push(warning('TEXT_CONTROL_CHARACTER', `removed ${removed} control character(s) that a .pptx cannot hold`, this.at({ path }), 'delete them from the outline or the data'));
    }
    return text;
  }

  /** The `source-line` partial for these datasets. */
  sourceLine(ids: string[], ctx: Record<string, unknown>, origin: SourceRef, uses: ValueUses): string | undefined {
    if (!this.partials.templates.has('source-line')) return undefined;
    // Datasets from one publication (a list's web and mobile parts) are cited once.
    for (const id of ids) noteCitation(uses, this.data.get(id) as Dataset);
    const unique = [...new Map(ids.map((id) => [citation(this.data.get(id) as Dataset, this.locale), id])).values()];
    const views = unique.map((id) => id.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], ctx));
    try {
      this.sourceLineTemplate ??= this.hb.compile('{{> source-line}}', { noEscape: true });
      return cleanText(this.sourceLineTemplate({ ...ctx, datasets: views }, { data: { uses, locale: this.locale } })).text;
    } catch (e) {
      const name = (e as PartialFailure | undefined)?.briefdeckPartial;
      if (name) this.report(e, this.partials.templates.get(name) ?? '', { partial: name, file: this.partials.files?.get(name) ?? `partials/${name}.hbs` });
      else this.diagnostics.push(error('TEMPLATE_RENDER', `the source-line partial failed: ${String((e as Error).message).split('\n')[0]}`, origin));
      return undefined;
    }
  }

  private compile(template: string, where: Where): HandlebarsTemplateDelegate | undefined {
    const cached = this.compiled.get(template);
    if (cached) return cached;
    const ast = this.parse(template, where);
    if (!ast) return undefined;
    const problems = this.checkNames(ast, where, template);
    if (problems) return undefined;
    const fn = this.hb.compile(ast, COMPILE_OPTIONS);
    this.compiled.set(template, fn);
    return fn;
  }

  /** The syntax tree, or a located TEMPLATE_SYNTAX / TEMPLATE_TOO_DEEP; the depth is checked before the parser sees the text. */
  private parse(template: string, where: Where): hbs.AST.Program | undefined {
    const deep = tooDeepAt(template);
    if (deep !== undefined) {
      this.diagnostics.push(
        error('TEMPLATE_TOO_DEEP', `blocks nest more than ${MAX_TEMPLATE_DEPTH} deep here`, this.at(where, locAt(template, deep, 2), template), 'split the template, or move the logic into the data'),
      );
      return undefined;
    }
    let ast: hbs.AST.Program;
    try {
      // Handlebars' lexer cannot read NUL (its patterns are [^\x00]); U+FFFF keeps every offset,
      // and, like NUL, the output's cleaning removes it with a TEXT_CONTROL_CHARACTER warning.
      ast = this.hb.parse(template.replaceAll('\0', '\uFFFF'));
    } catch (e) {
      this.diagnostics.push(
        error('TEMPLATE_SYNTAX', parseMessage(e, template), this.at(where, parseLoc(e, template), template), 'a template looks like {{helper dataset "name"}}; write \\{{ for literal braces'),
      );
      return undefined;
    }
    if (astDepth(ast) > MAX_TEMPLATE_DEPTH) {
      this.diagnostics.push(error('TEMPLATE_TOO_DEEP', `blocks nest more than ${MAX_TEMPLATE_DEPTH} deep`, this.at(where), 'split the template, or move the logic into the data'));
      return undefined;
    }
    return ast;
  }

  /**
   * Problems visible in the syntax tree, reported where they are: unknown helpers and partials,
   * a dataset printed as text, and helper arguments that name nothing (strict mode does not
   * check those; the helper would only see `undefined`).
   */
  private checkNames(ast: hbs.AST.Program, where: Where, template: string): boolean {
    const before = this.diagnostics.length;
    let includesRefused = false;
    const known = Object.keys(helpers);
    const report = (code: DiagnosticCode, message: string, loc: hbs.AST.SourceLocation | undefined, hint?: string) => this.diagnostics.push(error(code, message, this.at(where, loc, template), hint));
    const visit = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const p = node as Partial<hbs.AST.PathExpression>;
      if (p.type === 'PathExpression' && p.parts?.some((part) => PROTOTYPE_NAMES.has(part))) {
        report('TEMPLATE_UNKNOWN_VARIABLE', `'${p.original}' is not defined here`, p.loc, "names are deck.<field> or <namespace>.<dataset>, as the outline's data: section declares them");
      }
      const n = node as { type?: string; path?: hbs.AST.PathExpression; params?: hbs.AST.Expression[]; hash?: hbs.AST.Hash; name?: hbs.AST.PathExpression; loc?: hbs.AST.SourceLocation };
      const call = n.type === 'MustacheStatement' || n.type === 'SubExpression' || n.type === 'BlockStatement';
      if (call && n.path && ((n.params?.length ?? 0) > 0 || n.hash)) {
        const name = n.path.original;
        if (!known.includes(name) && !['if', 'unless', 'each', 'with'].includes(name)) {
          report('TEMPLATE_UNKNOWN_HELPER', `unknown helper '${name}'`, n.loc, didYouMean(name, known));
        }
        const args = [...(n.params ?? []), ...(n.hash?.pairs.map((p) => p.value) ?? [])];
        // A partial is rendered in the context that includes it (`datasets` for source-line):
        // its names are checked in strict mode as it renders.
        for (const arg of args) {
          if (arg.type === 'PathExpression' && !('partial' in where)) this.checkArgument(arg as hbs.AST.PathExpression, report);
        }
      } else if (n.type === 'MustacheStatement' && n.path?.type === 'PathExpression' && this.data.has(n.path.original)) {
        report('TEMPLATE_NOT_TEXT', `${n.path.original} is a dataset, not text`, n.loc, `use a helper, e.g. {{cite ${n.path.original}}} or {{asOf ${n.path.original}}}`);
      }
      if (n.type === 'PartialStatement' && n.name?.type === 'PathExpression' && this.refused.has(n.name.original)) includesRefused = true;
      else if (n.type === 'PartialStatement' && n.name?.type === 'PathExpression' && !this.partials.templates.has(n.name.original)) {
        report('TEMPLATE_UNKNOWN_PARTIAL', `unknown partial '${n.name.original}'`, n.loc, didYouMean(n.name.original, [...this.partials.templates.keys()]));
      }
      for (const v of Object.values(node)) {
        if (Array.isArray(v)) v.forEach(visit);
        else if (v && typeof v === 'object' && v !== n.loc) visit(v);
      }
    };
    visit(ast);
    return includesRefused || this.diagnostics.length > before;
  }

  /** A helper argument must name `deck…` or a dataset (`a16z.web`); anything else is a typo. */
  private checkArgument(arg: hbs.AST.PathExpression, report: (code: DiagnosticCode, message: string, loc: hbs.AST.SourceLocation | undefined, hint?: string) => void): void {
    const [head, key] = arg.parts;
    if (arg.data || arg.original === 'this' || head === undefined || head === 'deck') return;
    if (this.namespaces.has(head) && (key === undefined || this.data.has(`${head}.${key}`))) return;
    const name = key === undefined ? head : `${head}.${key}`;
    report('TEMPLATE_UNKNOWN_VARIABLE', `'${arg.original}' is not defined here`, arg.loc, didYouMean(name, [...this.data.keys(), 'deck']));
  }

  private report(e: unknown, template: string, where: Where): void {
    const partial = (e as PartialFailure | undefined)?.briefdeckPartial;
    if (partial !== undefined && !('partial' in where)) {
      this.report(e, this.partials.templates.get(partial) ?? '', { partial, file: this.partials.files?.get(partial) ?? `partials/${partial}.hbs` });
      return;
    }
    if (e instanceof TemplateError) {
      this.diagnostics.push(error(e.code, e.message, this.at(where, locOf(e), template), e.hint));
      return;
    }
    const err = e as { message?: string; lineNumber?: number; column?: number; endLineNumber?: number; endColumn?: number };
    const missing = /^"(.+)" not defined in/.exec(err.message ?? '');
    const loc =
      err.lineNumber !== undefined
        ? { start: { line: err.lineNumber, column: err.column ?? 0 }, end: { line: err.endLineNumber ?? err.lineNumber, column: err.endColumn ?? err.column ?? 0 } }
        : undefined;
    if (missing) {
      this.diagnostics.push(
        error(
          'TEMPLATE_UNKNOWN_VARIABLE',
          `'${missing[1]}' is not defined here`,
          this.at(where, loc, template),
          "names are deck.<field> or <namespace>.<dataset>, as the outline's data: section declares them",
        ),
      );
      return;
    }
    const overflow = e instanceof RangeError;
    this.diagnostics.push(
      error(
        overflow ? 'TEMPLATE_TOO_DEEP' : 'TEMPLATE_RENDER',
        overflow ? 'the template nests too deep to render' : (String(err.message ?? e).split('\n')[0] ?? 'template failed'),
        this.at(where, loc, template),
      ),
    );
  }

  /** Where a string (or a position inside it) is: in the outline file, or in a partial's file. */
  private at(where: Where, loc?: TemplateLoc, template?: string): SourceRef {
    if ('partial' in where) {
      if (!loc || template === undefined) return { file: where.file };
      const start = offsetIn(template, loc.start);
      return { file: where.file, range: [start, Math.max(start + 1, offsetIn(template, loc.end))] };
    }
    const { file, text } = this.outline;
    const { range } = positionAt(this.outline.positions, where.path);
    if (!range || !loc || template === undefined) return range ? { file, range } : { file };
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

/** The partials a template includes by name, with where. */
function partialCalls(ast: hbs.AST.Program): { name: string; loc?: hbs.AST.SourceLocation }[] {
  const out: { name: string; loc?: hbs.AST.SourceLocation }[] = [];
  const stack: unknown[] = [ast];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!node || typeof node !== 'object') continue;
    const n = node as { type?: string; name?: hbs.AST.PathExpression; loc?: hbs.AST.SourceLocation };
    if ((n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') && n.name?.type === 'PathExpression') out.push({ name: n.name.original, ...(n.loc ? { loc: n.loc } : {}) });
    for (const [k, v] of Object.entries(node)) if (k !== 'loc' && v && typeof v === 'object') stack.push(...(Array.isArray(v) ? v : [v]));
  }
  return out;
}

/**
 * Partials that include themselves, directly or through others (Handlebars would recurse until
 * the stack overflows): the partial, the chain back to it, and where its first include of the
 * chain is. Breadth first from each partial, so each costs one pass over the includes.
 */
function includeProblems(includes: ReadonlyMap<string, readonly { name: string; loc?: hbs.AST.SourceLocation }[]>): [string, string[], hbs.AST.SourceLocation | undefined][] {
  const out: [string, string[], hbs.AST.SourceLocation | undefined][] = [];
  for (const start of includes.keys()) {
    const parent = new Map<string, string>();
    const queue = [start];
    let closing: string | undefined;
    for (let i = 0; i < queue.length && closing === undefined; i++) {
      const name = queue[i] as string;
      for (const call of includes.get(name) ?? []) {
        if (call.name === start) {
          closing = name;
          break;
        }
        if (!parent.has(call.name) && includes.has(call.name)) {
          parent.set(call.name, name);
          queue.push(call.name);
        }
      }
    }
    if (closing === undefined) continue;
    const chain = [start];
    for (let n: string | undefined = closing; n !== undefined && n !== start; n = parent.get(n)) chain.splice(1, 0, n);
    chain.push(start);
    out.push([start, chain, includes.get(start)?.find((c) => c.name === chain[1])?.loc]);
  }
  return out;
}
