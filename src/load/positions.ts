import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { SourceRef } from '../diagnostics/diagnostic.js';

/** Keys and indices from a document's root: `['slides', 3, 'title']`. */
export type YamlPath = readonly (string | number)[];

/**
 * Where every node of a YAML file is, by its path: made once by the loader, so that later
 * stages locate a value without going back to the parsed document.
 */
export interface Positions {
  file: string;
  ranges: ReadonlyMap<string, readonly [number, number]>;
}

const key = (path: YamlPath): string => path.join('\u0000');

/**
 * The range of every node of `doc` (mappings, lists, values; an alias is its `*name`, not what
 * it points to), walked with a stack: the parser already bounds the depth, but a walk must not
 * be where a deep file overflows.
 */
export function positionsOf(doc: Document, file: string): Positions {
  const ranges = new Map<string, readonly [number, number]>();
  const stack: { node: unknown; path: (string | number)[] }[] = [{ node: doc.contents, path: [] }];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const { node, path } = top;
    const r = (node as Node | null)?.range;
    if (r) ranges.set(key(path), [r[0], r[1]]);
    if (isMap(node)) {
      for (const pair of node.items) if (isPair(pair) && isScalar(pair.key)) stack.push({ node: pair.value ?? pair.key, path: [...path, String(pair.key.value)] });
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        stack.push({ node: item, path: [...path, i] });
      });
    }
  }
  return { file, ranges };
}

/** Where `path` is; where part of it is missing, the nearest node above it that is there. */
export function positionAt(positions: Positions, path: YamlPath): SourceRef {
  for (let n = path.length; n >= 0; n--) {
    const range = positions.ranges.get(key(path.slice(0, n)));
    if (range) return { file: positions.file, range };
  }
  return { file: positions.file };
}
