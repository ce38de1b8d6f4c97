import { parseXml, serializeXml, type XmlDocument } from './finish-xml.js';

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

/**
 * Returns new parts where every XML part whose name passes `select` has been parsed, edited in
 * place by `edit` and serialized again. Parts that do not parse are left as they are.
 */
export function editXmlParts(
  parts: Parts,
  select: (name: string) => boolean,
  edit: (doc: XmlDocument, name: string) => void,
): Map<string, Uint8Array> {
  const out = new Map(parts);
  for (const name of parts.keys()) {
    if (!select(name)) continue;
    const doc = readXmlPart(parts, name);
    if (!doc) continue;
    edit(doc, name);
    out.set(name, encodePart(serializeXml(doc)));
  }
  return out;
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
