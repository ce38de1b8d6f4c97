import { parseXml, serializeXml, type XmlDocument, type XmlElement, type XmlNode } from '../xml/xml.js';

/** The parts of an OPC package by part name (zip entry name, no leading slash). */
export type Parts = ReadonlyMap<string, Uint8Array>;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const encoder = new TextEncoder();

export function isXmlPart(name: string): boolean {
  return name.endsWith('.xml') || name.endsWith('.rels');
}

/** Decodes a part as UTF-8 (the encoding pptxgenjs and Office write); undefined when it is not. */
export function decodePart(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

export function encodePart(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Parses a part; undefined when it is not UTF-8 or not well-formed (checkPackage reports those). */
export function readXmlPart(parts: Parts, name: string): XmlDocument | undefined {
  const bytes = parts.get(name);
  const text = bytes && decodePart(bytes);
  if (text === undefined) return undefined;
  const parsed = parseXml(text);
  return parsed.ok ? parsed.document : undefined;
}

/** An edit of the XML parts whose names pass `select`, made in place on their trees. */
export interface XmlEdit {
  select: (name: string) => boolean;
  edit: (doc: XmlDocument, name: string) => void;
}

/**
 * Returns new parts where every XML part that some edit selects has been parsed, edited by each
 * of those edits in order, and serialized again; parts that do not parse are left as they are.
 * Parts are visited in map order (an edit may keep state across parts). The result is the same
 * as applying the edits one at a time with `editXmlParts`, each serializing and the next parsing
 * again: between two edits, the tree is normalized the way such a round trip would (see
 * `normalizeAsParsed`). One parse and one serialization per part instead of one per edit.
 */
export function applyXmlEdits(parts: Parts, edits: readonly XmlEdit[]): Map<string, Uint8Array> {
  const out = new Map(parts);
  for (const name of parts.keys()) {
    const selected = edits.filter((e) => e.select(name));
    if (selected.length === 0) continue;
    const doc = readXmlPart(parts, name);
    if (!doc) continue;
    selected.forEach((e, k) => {
      // What the edit before left may hold what parsing its output would not give.
      if (k > 0) normalizeAsParsed(doc.root);
      e.edit(doc, name);
    });
    out.set(name, encodePart(serializeXml(doc)));
  }
  return out;
}

/**
 * Returns new parts where every XML part whose name passes `select` has been parsed, edited in
 * place by `edit` and serialized again. Parts that do not parse are left as they are.
 */
export function editXmlParts(parts: Parts, select: (name: string) => boolean, edit: (doc: XmlDocument, name: string) => void): Map<string, Uint8Array> {
  return applyXmlEdits(parts, [{ select, edit }]);
}

/**
 * Makes a tree what parsing its serialization would give: parsing never yields an empty text
 * node (so `<a:t></a:t>` written for one comes back as `<a:t/>`), nor two text nodes in a row.
 */
export function normalizeAsParsed(el: XmlElement): void {
  const children = el.children;
  let clean = true;
  for (let k = 0; k < children.length; k++) {
    const c = children[k] as XmlNode;
    if (c.kind === 'element') normalizeAsParsed(c);
    else if (c.kind === 'text' && (c.raw === '' || children[k + 1]?.kind === 'text')) clean = false;
  }
  if (clean) return;
  const merged: XmlNode[] = [];
  for (const c of children) {
    const last = merged[merged.length - 1];
    if (c.kind === 'text' && c.raw === '') continue;
    if (c.kind === 'text' && last?.kind === 'text') merged[merged.length - 1] = { kind: 'text', raw: last.raw + c.raw };
    else merged.push(c);
  }
  el.children = merged;
}

/** Compares part names so that `slide2.xml` sorts before `slide10.xml`. */
export function naturalCompare(a: string, b: string): number {
  const ax = a.split(/(\d+)/);
  const bx = b.split(/(\d+)/);
  for (let k = 0; k < Math.min(ax.length, bx.length); k++) {
    const x = ax[k] ?? '';
    const y = bx[k] ?? '';
    if (x === y) continue;
    if (k % 2 === 1) return Number(x) - Number(y) || (x < y ? -1 : 1);
    return x < y ? -1 : 1;
  }
  return ax.length - bx.length;
}
