import { createHash } from 'node:crypto';
import type { Parts } from '../pptx/opc/parts.js';
import { readRelationships, resolveTarget } from '../pptx/opc/relationships.js';
import { serializeXml, type XmlElement } from '../pptx/xml/xml.js';
import type { DeckSlide } from './deck-slides.js';

/** A shape briefdeck wrote, as the merge compares it with the person's and the new build's. */
export interface ShapeRecord {
  /** How the merge finds the shape again (see `slideShapes`): `name:takeaway#0`, `ph:title#0`. */
  key: string;
  name: string;
  placeholder?: string;
  /** Its text, paragraphs on lines. */
  text: string;
  box?: [number, number, number, number];
  /** Hash of its XML and the parts it refers to (a chart's picture): whether the new build changed it. */
  hash: string;
  /** Its text shows one of the slide's data values (a rank, a figure, a citation): new data wins a conflict on it. */
  data: boolean;
}

/**
 * The shapes of every slide of a deck briefdeck built, in slide order; `values` are the data
 * values each slide shows (the manifest's), which say whether a shape's text shows data.
 */
export function shapeRecords(parts: Parts, slides: readonly DeckSlide[], values: readonly (readonly string[])[]): ShapeRecord[][] {
  return slides.map((slide, i) => slideRecords(parts, slide, values[i] ?? []));
}

function slideRecords(parts: Parts, slide: DeckSlide, values: readonly string[]): ShapeRecord[] {
  const targets = new Map(
    readRelationships(parts, slide.part)
      .filter((r) => !r.external)
      .map((r) => [r.id, resolveTarget(slide.part, r.target)]),
  );
  return slide.shapes.map(({ key, name, placeholder, text, box, element }) => ({
    key,
    name,
    ...(placeholder ? { placeholder } : {}),
    text,
    ...(box ? { box } : {}),
    hash: shapeHash(element, parts, targets),
    data: showsValue(text, values),
  }));
}

function shapeHash(element: XmlElement, parts: Parts, targets: ReadonlyMap<string, string>): string {
  const xml = serializeXml({ prolog: '', root: element, epilog: '' });
  const hash = createHash('sha256').update(xml.replace(/ id="\d+"/g, ''));
  for (const m of xml.matchAll(/r:(?:embed|id|link)="([^"]+)"/g)) {
    const part = targets.get(m[1] ?? '');
    if (part) hash.update(parts.get(part) ?? new Uint8Array());
  }
  return hash.digest('hex').slice(0, 16);
}

/** Whether `text` shows one of `values` whole ("第2名" shows 2; "2025" does not). */
export function showsValue(text: string, values: readonly string[]): boolean {
  const digit = /\d/;
  return values.some((v) => {
    if (!v.trim()) return false;
    for (let at = text.indexOf(v); at >= 0; at = text.indexOf(v, at + 1)) {
      const torn = (digit.test(v[0] ?? '') && /[\d.]/.test(text[at - 1] ?? '')) || (digit.test(v[v.length - 1] ?? '') && digit.test(text[at + v.length] ?? ''));
      if (!torn) return true;
    }
    return false;
  });
}
