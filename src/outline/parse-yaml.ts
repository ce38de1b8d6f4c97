import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';

export interface ParsedYaml {
  doc: Document.Parsed;
  /** The plain JavaScript value; `undefined` when the document has errors or is empty. */
  value: unknown;
  diagnostics: Diagnostic[];
}

/** Parses YAML keeping every node's source range; syntax problems become diagnostics. */
export function parseYaml(text: string, file: string, prefix: string): ParsedYaml {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
  const diagnostics: Diagnostic[] = [
    ...doc.errors.map((e) => error(`${prefix}_YAML_SYNTAX`, firstLine(e.message), { file, range: e.pos }, yamlHint(e.code))),
    ...doc.warnings.map((w) => warning(`${prefix}_YAML_WARNING`, firstLine(w.message), { file, range: w.pos })),
  ];
  if (diagnostics.some((d) => d.severity === 'error')) return { doc, value: undefined, diagnostics };
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    diagnostics.push(error(`${prefix}_EMPTY`, 'the file is empty', { file }, 'see the outline format in the README'));
    return { doc, value: undefined, diagnostics };
  }
  return { doc, value: doc.toJS({ maxAliasCount: 100 }), diagnostics };
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

function yamlHint(code: string): string | undefined {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs';
    case 'DUPLICATE_KEY':
      return 'each key may appear once in a mapping; remove or rename one';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'check the indentation of this line against the lines above';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a value that contains ": " needs quotes';
    default:
      return undefined;
  }
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
