import type { FilePrefix } from '../diagnostics/codes.js';
import { Composer, isAlias, YAMLParseError, isMap, isPair, isScalar, isSeq, Parser, visit, type Document, type Node, type YAMLError } from 'yaml';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';

export interface ParsedYaml {
  doc: Document.Parsed;
  /** The plain JavaScript value; `undefined` when the document has errors or is empty. */
  value: unknown;
  diagnostics: Diagnostic[];
}

/**
 * How many aliases (`*name`) a file may expand. yaml's own default; a "billion laughs" file
 * reaches it after a few expansions and is refused instead of exhausting memory.
 */
const MAX_ALIAS_COUNT = 100;

/**
 * How deep mappings and lists may nest. An outline or a data file nests a handful of levels;
 * yaml's composer and `toJS` recurse per level and overflow the stack at a few thousand.
 */
export const MAX_YAML_DEPTH = 100;

/** Parses YAML keeping every node's source range; syntax problems become diagnostics. */
export function parseYaml(text: string, file: string, prefix: FilePrefix): ParsedYaml {
  // yaml's parser is a loop over a stack, so the syntax tree of any depth is safe to make and
  // to measure; only what is within the limit is composed into a document.
  const tokens = [...new Parser().parse(text)];
  const deep = tooDeep(tokens);
  const options = { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false } as const;
  if (deep !== undefined) {
    const doc = composeDocument([], text, options);
    const what = prefix === 'OUTLINE' ? 'an outline nests a few levels (deck, slides, a chart)' : 'a data file nests a few levels (datasets, editions, entries)';
    return {
      doc,
      value: undefined,
      diagnostics: [error(`${prefix}_YAML_TOO_DEEP`, `lists and mappings nest more than ${MAX_YAML_DEPTH} levels deep here`, { file, range: [deep, deep + 1] }, `${what}; is this the right file?`)],
    };
  }
  const doc = composeDocument(tokens, text, options);
  const diagnostics: Diagnostic[] = [...syntaxDiagnostics(doc.errors, text, file, prefix, doc, tokens)];
  for (const w of doc.warnings) diagnostics.push(warning(`${prefix}_YAML_WARNING`, firstLine(w.message), { file, range: within(w.pos, text) }));
  if (diagnostics.some((d) => d.severity === 'error')) return { doc, value: undefined, diagnostics };
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    const what = prefix === 'OUTLINE' ? 'an outline has `deck:`, `data:` and `slides:`' : 'a data file maps dataset keys to datasets';
    diagnostics.push(error(`${prefix}_EMPTY`, 'the file is empty', { file }, `${what}; see the README`));
    return { doc, value: undefined, diagnostics };
  }
  try {
    return { doc, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), diagnostics };
  } catch (e) {
    // yaml throws a ReferenceError when aliases expand past maxAliasCount (a "billion laughs").
    if (!(e instanceof ReferenceError)) throw e;
    const alias = firstAlias(doc);
    diagnostics.push(
      error(
        `${prefix}_YAML_ALIAS_LIMIT`,
        `the aliases in this file expand to too much data (more than ${MAX_ALIAS_COUNT} copies)`,
        { file, range: alias },
        'write the values out instead of repeating them with *aliases',
      ),
    );
    return { doc, value: undefined, diagnostics };
  }
}

/** One document from the syntax tree, as yaml's `parseDocument` makes it (a second document is an error). */
function composeDocument(
  tokens: ReturnType<Parser['parse']> extends Generator<infer T> ? T[] : never,
  text: string,
  options: { prettyErrors: false; uniqueKeys: true; keepSourceTokens: false },
): Document.Parsed {
  let doc: Document.Parsed | undefined;
  for (const next of new Composer(options).compose(tokens, true, text.length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  return doc as Document.Parsed;
}

/**
 * The offset where the syntax tree first nests deeper than MAX_YAML_DEPTH collections (block
 * and flow mappings and lists), walked with a stack; `undefined` when it does not.
 */
function tooDeep(tokens: readonly unknown[]): number | undefined {
  const stack: { t: unknown; depth: number }[] = tokens.map((t) => ({ t, depth: 0 }));
  for (let top = stack.pop(); top; top = stack.pop()) {
    const { t, depth } = top;
    if (!t || typeof t !== 'object') continue;
    if (Array.isArray(t)) {
      for (const x of t) stack.push({ t: x, depth });
      continue;
    }
    const tok = t as { type?: string; offset?: number };
    const here = tok.type === 'block-map' || tok.type === 'block-seq' || tok.type === 'flow-collection' ? depth + 1 : depth;
    if (here > MAX_YAML_DEPTH) return tok.offset ?? 0;
    for (const [k, v] of Object.entries(tok)) if (k !== 'source' && v && typeof v === 'object') stack.push({ t: v, depth: here });
  }
  return undefined;
}

/**
 * yaml's errors, reworded for a person editing by hand and moved to the character to fix: an
 * unclosed quote at its opening quote, an over-indented line at that line. One error per line:
 * what follows a syntax error on the same line is usually the same mistake seen again.
 */
/** A range cut to the text: at the end of a file, yaml reports a range one past its last character. */
function within(range: readonly [number, number], text: string): [number, number] {
  const start = Math.min(range[0], text.length);
  return [start, Math.max(start, Math.min(range[1], text.length))];
}

function syntaxDiagnostics(errors: readonly YAMLError[], text: string, file: string, prefix: FilePrefix, doc: Document, tokens: unknown[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const lines = new Set<number>();
  const cst = () => tokens;
  for (const e of errors) {
    const d = explain(e, text, cst, doc);
    const line = lineOf(text, d.range[0]);
    const reported = lineOf(text, e.pos[0]);
    if (lines.has(line) || lines.has(reported)) continue;
    lines.add(line).add(reported);
    out.push(error(`${prefix}_YAML_SYNTAX`, d.message, { file, range: within(d.range, text) }, d.hint));
  }
  return out;
}

interface Explained {
  message: string;
  range: [number, number];
  hint?: string;
}

function explain(e: YAMLError, text: string, cst: () => unknown[], doc: Document): Explained {
  const pos: [number, number] = [e.pos[0], Math.max(e.pos[1], e.pos[0] + 1)];
  const message = firstLine(e.message);
  switch (e.code) {
    case 'TAB_AS_INDENT':
      return { message: 'a tab is used to indent this line', range: pos, hint: 'YAML indents with spaces only; replace the tab with spaces' };
    case 'DUPLICATE_KEY': {
      const dup = duplicateKey(doc, pos[0]);
      const name = dup ? dup.name : text.slice(pos[0], pos[1]);
      const first = dup?.first !== undefined ? ` (first on line ${lineOf(text, dup.first) + 1})` : '';
      return { message: `'${name}' is given twice in the same mapping${first}`, range: dup?.range ?? pos, hint: `each key may appear once; remove one '${name}:' or rename it` };
    }
    case 'MISSING_CHAR': {
      const quote = /quote/.test(message) ? unclosed(cst(), pos[0], ['double-quoted-scalar', 'single-quoted-scalar']) : undefined;
      if (quote) {
        const q = text[quote] === "'" ? "'" : '"';
        return {
          message: `this ${q === '"' ? 'double' : 'single'}-quoted string is never closed`,
          range: [quote, lineEnd(text, quote)],
          hint:
            q === '"'
              ? 'end it with " on the same line; write \\" for a quote inside it, or use single quotes around text that contains "'
              : "end it with ' on the same line; write '' for a quote inside it",
        };
      }
      return { message, range: pos };
    }
    case 'BAD_INDENT':
    case 'UNEXPECTED_TOKEN': {
      if (/^Flow (map|sequence)/.test(message)) {
        const open = unclosed(cst(), pos[0], ['flow-collection']);
        if (open !== undefined) {
          const close = text[open] === '[' ? ']' : '}';
          return { message: `this ${text[open]} is never closed with ${close}`, range: [open, open + 1], hint: `end it with ${close} on the same line` };
        }
      }
      if (e.code === 'BAD_INDENT' && /same column/.test(message)) {
        const start = firstNonSpace(text, pos[0]);
        return {
          message: 'this line is indented differently from the lines above it',
          range: [start, Math.max(start + 1, lineEnd(text, start))],
          hint: 'the keys of one mapping (and the items of one list) start at the same column',
        };
      }
      if (e.code === 'UNEXPECTED_TOKEN' && /at node end/.test(message) && /["']\s*$/.test(text.slice(lineStart(text, pos[0]), pos[0]))) {
        return {
          message: 'unexpected text after the closing quote',
          range: [pos[0], Math.max(pos[0] + 1, lineEnd(text, pos[0]))],
          hint: `a quoted value ends at its closing quote; if the text itself contains ", put the whole value in single quotes: '… {{rank a16z.web "DeepSeek"}} …'`,
        };
      }
      return e.code === 'BAD_INDENT' ? { message: lowerFirst(message), range: pos, hint: 'check the indentation of this line against the lines above' } : { message: lowerFirst(message), range: pos };
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      // A plain value followed by a deeper-indented line is read as one multi-line key
      // ("測試簡報\n   date"): the line to fix is the deeper one.
      const colon = text.slice(pos[0]).search(/:(\s|$)/);
      const end = colon < 0 ? text.length : pos[0] + colon;
      if (text.slice(pos[0], end).includes('\n')) {
        const lineBegin = text.lastIndexOf('\n', end) + 1;
        const start = firstNonSpace(text, lineBegin);
        const indent = firstNonSpace(text, lineStart(text, pos[0]), true) - lineStart(text, pos[0]);
        return {
          message: 'this line is indented deeper than the key above it, so YAML reads it as part of the value above',
          range: [start, Math.max(start + 1, lineEnd(text, start))],
          hint: `indent it by ${indent} space${indent === 1 ? '' : 's'}, like the line above`,
        };
      }
      return { message: 'a value that contains ": " must be quoted', range: pos, hint: `put the value in quotes: 'like: this'` };
    }
    case 'MULTIPLE_DOCS':
      return {
        message: 'a second YAML document starts here (after ---); a file holds one',
        range: [pos[0], Math.max(pos[0] + 1, lineEnd(text, pos[0]))],
        hint: 'remove the --- line, or move what follows into its own file',
      };
    default:
      return { message: lowerFirst(message), range: pos };
  }
}

/**
 * The start offset of the innermost token of one of `types` that encloses `offset` and was
 * never closed (a quoted scalar without its closing quote, a flow collection without its end).
 */
function unclosed(tokens: unknown[], offset: number, types: readonly string[]): number | undefined {
  let best: number | undefined;
  // A stack, not recursion: the tree is as deep as the file nests.
  const stack: unknown[] = [tokens];
  for (let t = stack.pop(); t !== undefined; t = stack.pop()) {
    if (!t || typeof t !== 'object') continue;
    if (Array.isArray(t)) {
      for (const x of t) stack.push(x);
      continue;
    }
    const tok = t as { type?: string; offset?: number; source?: string; end?: unknown[] };
    if (tok.type && types.includes(tok.type) && tok.offset !== undefined && tok.offset <= offset) {
      const open = tok.type === 'flow-collection' ? !(tok.end ?? []).some((x) => /flow-(map|seq)-end/.test((x as { type?: string }).type ?? '')) : !closedQuote(tok.source ?? '');
      if (open && (best === undefined || tok.offset > best)) best = tok.offset;
    }
    for (const v of Object.values(tok)) if (v && typeof v === 'object') stack.push(v);
  }
  return best;
}

function closedQuote(source: string): boolean {
  const q = source[0];
  const body = source.trimEnd();
  if (body.length < 2 || body.at(-1) !== q) return false;
  if (q === '"') {
    let slashes = 0;
    for (let i = body.length - 2; i > 0 && body[i] === '\\'; i--) slashes++;
    return slashes % 2 === 0;
  }
  // Single quotes: '' is a quote inside the string, so the closing one leaves an odd run.
  let run = 0;
  for (let i = body.length - 1; i > 0 && body[i] === "'"; i--) run++;
  return run % 2 === 1;
}

/** The repeated key that starts at `offset`, and where the same key first appears in its mapping. */
function duplicateKey(doc: Document, offset: number): { name: string; range: [number, number]; first?: number } | undefined {
  let found: { name: string; range: [number, number]; first?: number } | undefined;
  visit(doc, {
    Map(_key, map) {
      const keys = map.items.map((p) => p.key).filter(isScalar);
      const dup = keys.find((k) => k.range?.[0] === offset);
      if (!dup?.range) return undefined;
      const name = String(dup.value);
      const first = keys.find((k) => String(k.value) === name && k !== dup)?.range?.[0];
      found = { name, range: [dup.range[0], dup.range[1]], ...(first !== undefined && first < offset ? { first } : {}) };
      return visit.BREAK;
    },
  });
  return found;
}

function firstAlias(doc: Document): [number, number] | undefined {
  let range: [number, number] | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (node.range) range = [node.range[0], node.range[1]];
      return visit.BREAK;
    },
  });
  return range;
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  const end = nl < 0 ? text.length : nl;
  return text[end - 1] === '\r' ? end - 1 : end;
}

/** The first character on the line at `offset` that is not a space (tabs too, when `tabs`). */
function firstNonSpace(text: string, offset: number, tabs = false): number {
  let i = offset;
  while (i < text.length && (text[i] === ' ' || (tabs && text[i] === '\t'))) i++;
  return i;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/**
 * The node at a path of keys and indices, and the key node when the last step is a key.
 * Used to turn a schema error's path into a source range.
 */
export function nodeAt(doc: Document, path: readonly PropertyKey[]): { node?: Node; key?: Node } {
  let node: unknown = doc.contents;
  let key: Node | undefined;
  for (const step of path) {
    key = undefined;
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) return { node: node as Node };
      key = pair.key as Node;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof step === 'number' && node.items[step] !== undefined) {
      node = node.items[step];
    } else {
      return { node: node as Node | undefined };
    }
  }
  return key ? { node: node as Node, key } : { node: node as Node };
}

/** The [start, end) range of a node (its value, without trailing comments). */
export function rangeOf(node: Node | undefined): [number, number] | undefined {
  const r = node?.range;
  return r ? [r[0], r[1]] : undefined;
}
