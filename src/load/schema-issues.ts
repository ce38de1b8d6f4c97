import { fileCode, type DiagnosticCode, type FileCode, type FilePrefix } from '../diagnostics/codes.js';
import type { Document } from 'yaml';
import type { z } from 'zod';
import { error, type Diagnostic, type SourceRef } from '../diagnostics/diagnostic.js';
import { closest, didYouMean, numberHint } from '../text/suggest.js';
import { nodeAt, rangeOf } from './parse-yaml.js';

type Issue = z.core.$ZodIssue;
type Schema = z.core.$ZodType;
type Path = readonly PropertyKey[];

/** What a schema issue is located against. */
export interface IssueContext {
  /** The parsed YAML, to find the node at an issue's path. */
  doc?: Document;
  file: string;
  /** The stage, as codes start: `OUTLINE`, `DATA`, `TEMPLATE`. */
  prefix: FilePrefix;
  schema: Schema;
  /** The value that was validated. */
  value: unknown;
  /**
   * Where a path is, for input that is not YAML (a CSV row): `key` asks for the key when the
   * path ends at one, `container` for the thing that holds the last step.
   */
  locate?: (path: Path, part: 'value' | 'key') => SourceRef;
  /** Said before every message instead of the path's start ("row 4"). */
  subject?: string;
}

/**
 * Turns schema issues into diagnostics located in the source: the offending value, the
 * unknown key, the first item too many, or (for a missing field) the mapping that lacks it
 * (at its key when it has one). A misspelt key that stands for a missing required field is
 * one problem, reported once at the key. Sorted by place.
 */
export function schemaDiagnostics(issues: readonly Issue[], ctx: IssueContext): Diagnostic[] {
  const found = issues.flatMap((issue) => toProblems(issue, [], ctx));
  const unknown = found.filter((p) => p.unknownKey);
  const kept = found.filter((p) => {
    if (!p.missing) return true;
    const typo = unknown.find((u) => samePath(u.container, p.container) && u.suggestion === p.missing);
    if (typo) typo.diagnostic.hint = `did you mean '${p.missing}'? (it is required)`;
    return !typo;
  });
  return kept.map((p) => p.diagnostic).sort((a, b) => (a.source?.range?.[0] ?? -1) - (b.source?.range?.[0] ?? -1));
}

interface Problem {
  diagnostic: Diagnostic;
  container?: Path;
  /** The field that is missing. */
  missing?: string;
  /** The unknown key, and the known key it is probably a typo of. */
  unknownKey?: string;
  suggestion?: string;
}

/** The code for a value of a discriminating field (a slide's `layout:`, a dataset's `type:`) that names nothing. */
function unknownCode(prefix: FilePrefix, discriminator: string): DiagnosticCode {
  if (prefix === 'OUTLINE' && discriminator === 'layout') return 'OUTLINE_UNKNOWN_LAYOUT';
  if (prefix === 'DATA' && discriminator === 'type') return 'DATA_UNKNOWN_TYPE';
  return fileCode(prefix, 'INVALID_VALUE');
}

function toProblems(issue: Issue, base: Path, ctx: IssueContext): Problem[] {
  const path = [...base, ...issue.path];
  const { prefix } = ctx;
  const where = (p: Path, part: 'value' | 'key' = 'value'): SourceRef => locate(p, part, ctx);
  const subject = subjectOf(path, ctx);
  const value = valueAt(ctx.value, path);
  const one = (code: FileCode, message: string, at: SourceRef, hint?: string): Problem[] => [{ diagnostic: error(fileCode(prefix, code), message, at, hint) }];

  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = keysAt(ctx.schema, ctx.value, path);
      return issue.keys.map((k) => {
        const suggestion = closest(k, allowed);
        return {
          diagnostic: error(
            `${prefix}_UNKNOWN_KEY`,
            prefixed(describeFor(path, ctx), `unknown field '${k}'`),
            where([...path, k], 'key'),
            suggestion ? `did you mean '${suggestion}'?` : allowed.length ? `the fields here are: ${allowed.join(', ')}` : undefined,
          ),
          container: path,
          unknownKey: k,
          ...(suggestion ? { suggestion } : {}),
        };
      });
    }
    case 'invalid_union': {
      if (issue.discriminator) {
        const container = path.slice(0, -1);
        const options = optionsAt(ctx.schema, ctx.value, container, issue.discriminator);
        if (value === undefined) {
          return [
            {
              diagnostic: error(
                `${prefix}_MISSING_FIELD`,
                `${describeFor(container, ctx) || rootName(ctx)} has no '${issue.discriminator}'`,
                where(container, 'key'),
                `add '${issue.discriminator}:' with one of: ${options.join(', ')}`,
              ),
              container,
              missing: issue.discriminator,
            },
          ];
        }
        return [
          {
            diagnostic: error(
              unknownCode(prefix, issue.discriminator),
              prefixed(describeFor(container, ctx), `unknown ${issue.discriminator} '${String(value)}'`),
              where(path),
              didYouMean(String(value), options),
            ),
          },
        ];
      }
      // The branch whose type fits the value says what is wrong with it.
      const fitting = issue.errors.filter((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0));
      if (fitting.length === 1) return (fitting[0] ?? []).flatMap((i) => toProblems(i, path, ctx));
      const options = unionAt(ctx.schema, ctx.value, path);
      const expected = options ? options.map((o) => formatOf(o) ?? article(baseType(o))) : issue.errors.map((branch) => expectedOf(branch[0]));
      return one('WRONG_TYPE', `${subject} must be ${[...new Set(expected)].join(' or ')}, not ${typeName(value)}`, where(path));
    }
    case 'invalid_type': {
      if (value === undefined && path.length > 0) {
        const field = String(path.at(-1));
        const container = path.slice(0, -1);
        const example = formatOf(schemaAt(ctx.schema, ctx.value, path));
        return [
          {
            diagnostic: error(
              `${prefix}_MISSING_FIELD`,
              `${describeFor(container, ctx) || rootName(ctx)} has no '${field}'`,
              where(container, 'key'),
              `add '${field}:' with ${example ?? article(issue.expected)}`,
            ),
            container,
            missing: field,
          },
        ];
      }
      if (value === null) return one('WRONG_TYPE', `${subject} is empty`, where(path), `write ${article(issue.expected)} after the colon, or remove the line`);
      const hint =
        issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')
          ? `put it in quotes to make it text: "${String(value)}"`
          : issue.expected === 'number' && typeof value === 'string'
            ? numberHint(value)
            : undefined;
      return one('WRONG_TYPE', `${subject} must be ${article(issue.expected)}, not ${typeName(value)}`, where(path), hint);
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      return one('INVALID_VALUE', `${subject} cannot be '${String(value)}'`, where(path), didYouMean(String(value), options));
    }
    case 'invalid_key': {
      const key = String(path.at(-1));
      const reason = issue.issues[0]?.message ?? 'a name of letters, digits, _ or -';
      return one('INVALID_KEY', prefixed(describeFor(path.slice(0, -1), ctx), `'${key}' cannot be a key here`), where(path, 'key'), `a key must be ${reason}`);
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = Number(small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum);
      if (issue.origin === 'array') {
        const n = Array.isArray(value) ? value.length : 0;
        const list = String(path.at(-1) ?? 'items');
        const owner = describeFor(path.slice(0, -1), ctx) || rootName(ctx);
        const items = (k: number) => `${k} ${k === 1 ? (ITEM_NAMES[list] ?? list) : list}`;
        if (small) return one('TOO_FEW', `${owner} has ${items(n)}; it needs at least ${bound}`, where(path), `add ${bound - n} more`);
        // The first item too many is where the list should end.
        return one('TOO_MANY', `${owner} has ${items(n)}; at most ${bound} are allowed`, where([...path, bound]), tooManyHint(path, n - bound));
      }
      if (issue.origin === 'string') {
        return one('INVALID_VALUE', small && bound === 1 ? `${subject} is empty` : `${subject} must have ${small ? 'at least' : 'at most'} ${bound} characters`, where(path));
      }
      const inclusive = (issue as { inclusive?: boolean }).inclusive !== false;
      const relation = small ? (inclusive ? 'at least' : 'more than') : inclusive ? 'at most' : 'less than';
      return one('INVALID_VALUE', `${subject} must be ${relation} ${bound}, not ${String(value)}`, where(path), isCustomMessage(issue.message) ? issue.message : undefined);
    }
    case 'invalid_format':
      return one('INVALID_VALUE', `${subject} must be ${issue.message}${typeof value === 'string' ? `, not '${value}'` : ''}`, where(path), typeof value === 'string' ? dateHint(value) : undefined);
    case 'not_multiple_of':
      return one('INVALID_VALUE', `${subject} must be a multiple of ${String(issue.divisor)}`, where(path));
    default: {
      const message = isCustomMessage(issue.message) ? issue.message : lowerFirst(issue.message);
      return one('INVALID_VALUE', prefixed(describeFor(path, ctx), message), where(path));
    }
  }
}

function locate(path: Path, part: 'value' | 'key', ctx: IssueContext): SourceRef {
  if (ctx.locate) return ctx.locate(path, part);
  if (!ctx.doc) return { file: ctx.file };
  const { node, key } = nodeAt(ctx.doc, path);
  const range = rangeOf(part === 'key' && key ? key : node);
  return range ? { file: ctx.file, range } : { file: ctx.file };
}

/**
 * What a message is about: "slide 3: chart.kind", "web, edition 1, entry 3: rank",
 * "deck: date", "slide 2" for an item; with the context's subject first.
 */
function subjectOf(path: Path, ctx: IssueContext): string {
  if (typeof path.at(-1) !== 'string' || path.length < 2) return describeFor(path, ctx) || rootName(ctx);
  let split = 1;
  path.forEach((p, i) => {
    if (typeof p === 'number') split = i + 1;
  });
  return prefixed(describeFor(path.slice(0, split), ctx), path.slice(split).map(String).join('.'));
}

function describeFor(path: Path, ctx: IssueContext): string {
  return [ctx.subject, describePath(path)].filter(Boolean).join(', ');
}

/** What the whole validated value is called, for a problem with it (or at its top level). */
function rootName(ctx: IssueContext): string {
  return ctx.subject ?? ({ OUTLINE: 'the outline', DATA: 'the data file', TEMPLATE: 'the theme' } as Record<string, string>)[ctx.prefix] ?? 'the file';
}

function prefixed(where: string, what: string): string {
  return where ? `${where}: ${what}` : what;
}

/** List fields and what one of their items is called in a message. */
const ITEM_NAMES: Record<string, string> = {
  slides: 'slide',
  editions: 'edition',
  entries: 'entry',
  figures: 'figure',
  events: 'event',
  points: 'point',
  bullets: 'bullet',
  items: 'item',
  sources: 'source',
  sub: 'sub-bullet',
};

/**
 * A path as a person reads it, counting from 1: `['slides', 1, 'chart', 'kind']` →
 * "slide 2, chart.kind"; `['web', 'editions', 0, 'entries', 2]` → "web, edition 1, entry 3".
 */
export function describePath(path: Path): string {
  const parts: string[] = [];
  let keys: string[] = [];
  for (const step of path) {
    if (typeof step === 'number') {
      const list = keys.pop();
      if (keys.length) parts.push(keys.join('.'));
      keys = [];
      parts.push(`${(list && ITEM_NAMES[list]) ?? `${list ?? 'item'} item`} ${step + 1}`);
    } else keys.push(String(step));
  }
  if (keys.length) parts.push(keys.join('.'));
  return parts.join(', ');
}

function tooManyHint(path: Path, extra: number): string {
  const list = String(path.at(-1));
  if (list === 'slides') return 'split the deck into several outlines';
  if (list === 'figures') return `a figures slide shows at most 4 numbers; remove ${extra}, or split them over two slides`;
  return `remove ${extra}, or split them over two slides`;
}

/** `write "2025-03-10"` for a date written 2025/3/10 or 2025年3月10日. */
function dateHint(value: string): string | undefined {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?)?\s*月?$/.exec(value.trim());
  if (!m) return undefined;
  const pad = (s: string) => s.padStart(2, '0');
  return `write "${[m[1], pad(m[2] ?? ''), ...(m[3] ? [pad(m[3])] : [])].join('-')}", in quotes`;
}

function samePath(a: Path | undefined, b: Path | undefined): boolean {
  return !!a && !!b && a.length === b.length && a.every((s, i) => String(s) === String(b[i]));
}

function valueAt(value: unknown, path: Path): unknown {
  let v = value;
  for (const step of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[step];
  }
  return v;
}

/** The schema that applies at `path`, following the data where a union is discriminated. */
function schemaAt(schema: Schema, value: unknown, path: Path): Schema | undefined {
  let s: Schema | undefined = schema;
  let v = value;
  for (let i = 0; i <= path.length && s; i++) {
    s = unwrap(s, v);
    if (i === path.length || !s) break;
    const step = path[i] as PropertyKey;
    const def = s._zod.def as unknown as Record<string, unknown>;
    if (def.type === 'object') s = (def.shape as Record<string, Schema>)[String(step)];
    else if (def.type === 'array') s = def.element as Schema;
    else if (def.type === 'record') s = def.valueType as Schema;
    else return undefined;
    v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[step] : undefined;
  }
  return s;
}

function unwrap(s: Schema, v: unknown): Schema | undefined {
  for (;;) {
    const def = s._zod.def as unknown as Record<string, unknown>;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') s = def.innerType as Schema;
    else if (def.type === 'pipe') s = def.in as Schema;
    else if (def.type === 'union') {
      const options = def.options as Schema[];
      const disc = def.discriminator as string | undefined;
      const kind = Array.isArray(v) ? 'array' : v !== null && typeof v === 'object' ? 'object' : typeof v;
      const pick =
        disc && v && typeof v === 'object'
          ? options.find((o) => literalOf(o, disc) === (v as Record<string, unknown>)[disc])
          : (options.find((o) => baseType(o) === kind) ?? options.find((o) => baseType(o) === 'object'));
      if (!pick) return undefined;
      s = pick;
    } else return s;
  }
}

function baseType(s: Schema): string {
  return (s._zod.def as { type: string }).type;
}

function literalOf(option: Schema, key: string): unknown {
  const shape = (option._zod.def as unknown as { shape?: Record<string, Schema> }).shape;
  const values = (shape?.[key]?._zod.def as { values?: unknown[] } | undefined)?.values;
  return values?.[0];
}

function keysAt(schema: Schema, value: unknown, path: Path): string[] {
  const s = schemaAt(schema, value, path);
  const def = s?._zod.def as { shape?: Record<string, unknown>; keyType?: { _zod: { def: { entries?: Record<string, string> } } } } | undefined;
  // A record whose keys are an enum (deck.templateLayouts: layout kinds) allows those.
  const entries = def?.keyType?._zod.def.entries;
  return def?.shape ? Object.keys(def.shape) : entries ? Object.values(entries) : [];
}

/** The options of the union at `path` itself (not one of them, as schemaAt picks). */
function unionAt(schema: Schema, value: unknown, path: Path): Schema[] | undefined {
  const container = path.length ? schemaAt(schema, value, path.slice(0, -1)) : undefined;
  const def = container?._zod.def as unknown as Record<string, unknown> | undefined;
  const step = path.at(-1);
  let s: Schema | undefined = !path.length
    ? schema
    : def?.type === 'object'
      ? (def.shape as Record<string, Schema>)[String(step)]
      : def?.type === 'array'
        ? (def.element as Schema)
        : def?.type === 'record'
          ? (def.valueType as Schema)
          : undefined;
  while (s && ['optional', 'default', 'nullable'].includes(baseType(s))) s = (s._zod.def as unknown as { innerType: Schema }).innerType;
  return s && baseType(s) === 'union' ? (s._zod.def as unknown as { options: Schema[] }).options : undefined;
}

function optionsAt(schema: Schema, value: unknown, path: Path, discriminator: string): string[] {
  // Stop before the union itself: walk to its container, then read the union's options.
  const s = schemaAt(schema, value, path.slice(0, -1));
  const step = path.at(-1);
  const def = s?._zod.def as unknown as Record<string, unknown> | undefined;
  let union: Schema | undefined =
    step === undefined
      ? s
      : def?.type === 'array'
        ? (def.element as Schema)
        : def?.type === 'object'
          ? (def.shape as Record<string, Schema>)[String(step)]
          : def?.type === 'record'
            ? (def.valueType as Schema)
            : undefined;
  while (union && ['optional', 'default'].includes((union._zod.def as { type: string }).type)) {
    union = (union._zod.def as unknown as { innerType: Schema }).innerType;
  }
  const options = (union?._zod.def as unknown as { options?: Schema[] } | undefined)?.options ?? [];
  return options.map((o) => String(literalOf(o, discriminator)));
}

/** "a date YYYY-MM-DD" for a string with a format check, from the check's own message. */
function formatOf(s: Schema | undefined): string | undefined {
  const inner = s && unwrap(s, undefined);
  const checks = (inner?._zod.def as { checks?: { _zod: { def: { check?: string; error?: () => unknown } } }[] } | undefined)?.checks ?? [];
  for (const c of checks) {
    if (c._zod.def.check === 'string_format') {
      const message = c._zod.def.error?.();
      if (typeof message === 'string') return message;
    }
  }
  return undefined;
}

function expectedOf(issue: Issue | undefined): string {
  return issue && issue.code === 'invalid_type' ? article(issue.expected) : 'something else';
}

function article(type: string): string {
  const names: Record<string, string> = {
    object: 'a mapping (key: value)',
    record: 'a mapping (key: value)',
    array: 'a list',
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
  };
  return names[type] ?? type;
}

function typeName(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 39)}…` : v)}`;
  if (typeof v === 'number') return `the number ${v}`;
  return String(v);
}

/** zod's own messages start "Invalid …" or "Too …"; ours are written for people. */
function isCustomMessage(message: string): boolean {
  return !/^(Invalid|Too (small|big)|Expected|Unrecognized)/.test(message);
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
