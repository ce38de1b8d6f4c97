import { InternalError } from '../../diagnostics/diagnostic.js';
import { CONTENT_TYPES_PART, ROOT_RELS_PART } from './part-names.js';
import { editXmlParts, readXmlPart, type Parts } from './parts.js';
import { childElements, getAttribute, setAttribute, type XmlDocument, type XmlElement } from '../xml/xml.js';

/** One `<Relationship>` of a `.rels` part. */
export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export const RELATIONSHIP_TYPE = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  slide: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide',
} as const;

export function isRelsPart(name: string): boolean {
  return name === ROOT_RELS_PART || /(^|\/)_rels\/[^/]+\.rels$/.test(name);
}

/** `ppt/slides/slide1.xml` → `ppt/slides/_rels/slide1.xml.rels`; the package itself ('') → `_rels/.rels`. */
export function relsPartOf(source: string): string {
  const slash = source.lastIndexOf('/');
  return `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
}

/** The part a `.rels` part describes ('' for the package root); undefined if not a rels part name. */
export function sourceOfRels(relsPart: string): string | undefined {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(relsPart);
  return m ? `${m[1] ?? ''}${m[2] ?? ''}` : undefined;
}

function folderOf(part: string): string[] {
  return part.split('/').slice(0, -1);
}

/** Resolves a relationship target (relative to its source part, or absolute) to a part name. */
export function resolveTarget(source: string, target: string): string {
  const path = safeDecodeUri(target.split('#')[0] ?? '');
  const segments = path.startsWith('/') ? [] : folderOf(source);
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

/** The relative target from `source` to `part` (`../media/image1.png`). */
export function relativeTarget(source: string, part: string): string {
  const from = folderOf(source);
  const to = part.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...Array<string>(from.length - common).fill('..'), ...to.slice(common)].join('/');
}

function safeDecodeUri(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function relationshipElements(doc: XmlDocument): XmlElement[] {
  return childElements(doc.root, 'Relationship');
}

export function toRelationship(el: XmlElement): Relationship {
  return {
    id: getAttribute(el, 'Id') ?? '',
    type: getAttribute(el, 'Type') ?? '',
    target: getAttribute(el, 'Target') ?? '',
    external: getAttribute(el, 'TargetMode') === 'External',
  };
}

/** The relationships of `source` ('' for the package), in document order; [] if it has none. */
export function readRelationships(parts: Parts, source: string): Relationship[] {
  const doc = readXmlPart(parts, source === '' ? ROOT_RELS_PART : relsPartOf(source));
  return doc ? relationshipElements(doc).map(toRelationship) : [];
}

/** Internal parts in the order a depth-first walk of the relationships from the package root meets them. */
export function referenceOrder(parts: Parts): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const stack: string[] = [''];
  // Iterative DFS; children are pushed in reverse so that they are visited in document order.
  while (stack.length > 0) {
    const source = stack.pop() ?? '';
    if (source !== '') {
      if (seen.has(source)) continue;
      seen.add(source);
      order.push(source);
    }
    const targets = readRelationships(parts, source)
      .filter((r) => !r.external)
      .map((r) => resolveTarget(source, r.target))
      .filter((t) => parts.has(t) && !seen.has(t));
    for (let k = targets.length - 1; k >= 0; k--) stack.push(targets[k] ?? '');
  }
  return order;
}

/**
 * Renames parts (their `.rels` parts move with them) and rewrites every relationship target and
 * content-type override that pointed at an old name. Mapping a part onto a name that holds the
 * same bytes merges the two (how identical media are stored once).
 */
export function renameParts(parts: Parts, mapping: ReadonlyMap<string, string>): Map<string, Uint8Array> {
  if (mapping.size === 0) return new Map(parts);
  const retargeted = editXmlParts(parts, isRelsPart, (doc, relsPart) => {
    const oldSource = sourceOfRels(relsPart) ?? '';
    const newSource = mapping.get(oldSource) ?? oldSource;
    for (const el of relationshipElements(doc)) {
      const r = toRelationship(el);
      if (r.external) continue;
      const oldTarget = resolveTarget(oldSource, r.target);
      const newTarget = mapping.get(oldTarget) ?? oldTarget;
      if (newTarget === oldTarget && newSource === oldSource) continue;
      setAttribute(el, 'Target', r.target.startsWith('/') ? `/${newTarget}` : relativeTarget(newSource, newTarget));
    }
  });
  const withOverrides = editXmlParts(
    retargeted,
    (n) => n === CONTENT_TYPES_PART,
    (doc) => {
      const seen = new Set<string>();
      doc.root.children = doc.root.children.filter((node) => {
        if (node.kind !== 'element' || node.name !== 'Override') return true;
        const partName = (getAttribute(node, 'PartName') ?? '').replace(/^\//, '');
        const renamed = mapping.get(partName) ?? partName;
        setAttribute(node, 'PartName', `/${renamed}`);
        if (seen.has(renamed)) return false;
        seen.add(renamed);
        return true;
      });
    },
  );
  const moved = new Map<string, Uint8Array>();
  for (const [name, bytes] of withOverrides) {
    const source = isRelsPart(name) ? sourceOfRels(name) : undefined;
    const renamedSource = source !== undefined ? mapping.get(source) : undefined;
    const newName = renamedSource !== undefined ? relsPartOf(renamedSource) : (mapping.get(name) ?? name);
    const existing = moved.get(newName);
    if (existing && !equalBytes(existing, bytes)) {
      throw new InternalError(`renaming parts would put two different parts at ${newName}`);
    }
    moved.set(newName, bytes);
  }
  return moved;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

/** Removes relationships whose internal target is not in the package, and `.rels` parts of absent parts. */
export function removeDanglingRelationships(parts: Parts): Map<string, Uint8Array> {
  const edited = editXmlParts(parts, isRelsPart, (doc, relsPart) => {
    const source = sourceOfRels(relsPart) ?? '';
    doc.root.children = doc.root.children.filter((node) => {
      if (node.kind !== 'element' || node.name !== 'Relationship') return true;
      const r = toRelationship(node);
      return r.external || parts.has(resolveTarget(source, r.target));
    });
  });
  for (const name of [...edited.keys()]) {
    const source = isRelsPart(name) ? sourceOfRels(name) : undefined;
    if (source !== undefined && source !== '' && !edited.has(source)) edited.delete(name);
  }
  return edited;
}
