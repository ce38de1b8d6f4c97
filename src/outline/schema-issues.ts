import type { Document } from 'yaml';
import type { z } from 'zod';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../text/suggest.js';
import { nodeAt, rangeOf } from './parse-yaml.js';

type Issue = z.core.$ZodIssue;
type Schema = z.core.$ZodType;

/**
 * Turns schema issues into diagnostics located in the YAML source: the offending value, the
 * unknown key, or (for a missing field) the mapping that lacks it. `prefix` names the stage.
 */
export function schemaDiagnostics(
  issues: readonly Issue[],
  ctx: { doc: Document; file: string; prefix: string; schema: Schema; value: unknown },
): Diagnostic[] {
  return issues.flatMap((issue) => toDiagnostics(issue, ctx));
}

function toDiagnostics(issue: Issue, ctx: { doc: Document; file: string; prefix: string; schema: Schema; value: unknown }): Diagnostic[] {
  const { doc, file, prefix } = ctx;
  const where = (path: readonly PropertyKey[], preferKey = false) => {
    const { node, key } = nodeAt(doc, path);
    return { file, range: rangeOf(preferKey && key ? key : node) };
  };
  const at = describePath(issue.path);

  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = keysAt(ctx.schema, ctx.value, issue.path);
      return issue.keys.map((k) =>
        error(`${prefix}_UNKNOWN_KEY`, `unknown field '${k}'${at ? ` in ${at}` : ''}`, where([...issue.path, k], true), didYouMean(k, allowed)),
      );
    }
    case 'invalid_union': {
      if (issue.discriminator) {
        const found = valueAt(ctx.value, issue.path);
        const options = optionsAt(ctx.schema, ctx.value, issue.path.slice(0, -1), issue.discriminator);
        if (found === undefined) {
          return [error(`${prefix}_MISSING_FIELD`, `${at} needs a '${issue.discriminator}'`, where(issue.path.slice(0, -1)), `expected one of: ${options.join(', ')}`)];
        }
        return [error(`${prefix}_UNKNOWN_${issue.discriminator.toUpperCase()}`, `unknown ${issue.discriminator} '${String(found)}'`, where(issue.path), didYouMean(String(found), options))];
      }
      const expected = [...new Set(issue.errors.map((branch) => expectedOf(branch[0])))].join(' or ');
      return [error(`${prefix}_WRONG_TYPE`, `${at} must be ${expected}`, where(issue.path))];
    }
    case 'invalid_type': {
      if (valueAt(ctx.value, issue.path) === undefined) {
        const field = String(issue.path.at(-1));
        return [error(`${prefix}_MISSING_FIELD`, `missing field '${field}'${issue.path.length > 1 ? ` in ${describePath(issue.path.slice(0, -1))}` : ''}`, where(issue.path.slice(0, -1)), `add '${field}:' with ${article(issue.expected)}`)];
      }
      return [error(`${prefix}_WRONG_TYPE`, `${at} must be ${article(issue.expected)}, not ${typeName(valueAt(ctx.value, issue.path))}`, where(issue.path))];
    }
    case 'invalid_value': {
      const found = String(valueAt(ctx.value, issue.path));
      const options = issue.values.map(String);
      return [error(`${prefix}_INVALID_VALUE`, `${at} cannot be '${found}'`, where(issue.path), didYouMean(found, options))];
    }
    case 'too_small':
    case 'too_big': {
      const many = issue.code === 'too_small' ? 'TOO_FEW' : 'TOO_MANY';
      if (issue.origin === 'array') {
        const bound = issue.code === 'too_small' ? `at least ${issue.minimum}` : `at most ${issue.maximum}`;
        return [error(`${prefix}_${many}`, `${at} needs ${bound} item(s)`, where(issue.path))];
      }
      return [error(`${prefix}_INVALID_VALUE`, `${at}: ${lowerFirst(issue.message)}`, where(issue.path))];
    }
    case 'invalid_format':
      return [error(`${prefix}_INVALID_VALUE`, `${at} must be ${issue.message}`, where(issue.path))];
    default:
      return [error(`${prefix}_INVALID_VALUE`, `${at ? at + ': ' : ''}${lowerFirst(issue.message)}`, where(issue.path))];
  }
}

/** `slides[3].chart.kind` */
export function describePath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const step of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[step];
  }
  return v;
}

/** The schema that applies at `path`, following the data where a union is discriminated. */
function schemaAt(schema: Schema, value: unknown, path: readonly PropertyKey[]): Schema | undefined {
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
      const pick = disc && v && typeof v === 'object'
        ? options.find((o) => literalOf(o, disc) === (v as Record<string, unknown>)[disc])
        : options.find((o) => (o._zod.def as { type: string }).type === 'object');
      if (!pick) return undefined;
      s = pick;
    } else return s;
  }
}

function literalOf(option: Schema, key: string): unknown {
  const shape = (option._zod.def as unknown as { shape?: Record<string, Schema> }).shape;
  const values = (shape?.[key]?._zod.def as { values?: unknown[] } | undefined)?.values;
  return values?.[0];
}

function keysAt(schema: Schema, value: unknown, path: readonly PropertyKey[]): string[] {
  const s = schemaAt(schema, value, path);
  const shape = (s?._zod.def as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

function optionsAt(schema: Schema, value: unknown, path: readonly PropertyKey[], discriminator: string): string[] {
  let s: Schema | undefined = schema;
  // Stop before the union itself: walk to its container, then read the union's options.
  s = schemaAt(schema, value, path.slice(0, -1));
  const step = path.at(-1);
  const def = s?._zod.def as unknown as Record<string, unknown> | undefined;
  let union: Schema | undefined =
    step === undefined ? s : def?.type === 'array' ? (def.element as Schema) : def?.type === 'object' ? (def.shape as Record<string, Schema>)[String(step)] : undefined;
  while (union && ['optional', 'default'].includes((union._zod.def as { type: string }).type)) {
    union = (union._zod.def as unknown as { innerType: Schema }).innerType;
  }
  const options = (union?._zod.def as unknown as { options?: Schema[] } | undefined)?.options ?? [];
  return options.map((o) => String(literalOf(o, discriminator)));
}

function expectedOf(issue: Issue | undefined): string {
  return issue && issue.code === 'invalid_type' ? article(issue.expected) : 'something else';
}

function article(type: string): string {
  const names: Record<string, string> = { object: 'a mapping (key: value)', array: 'a list', string: 'a string', number: 'a number', int: 'a whole number', boolean: 'true or false' };
  return names[type] ?? type;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v === 'string' ? 'a string' : typeof v === 'number' ? 'a number' : typeof v} (${JSON.stringify(v)})`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
