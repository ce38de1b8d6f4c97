import { createHash } from 'node:crypto';
import type { Parts } from '../pptx/opc/parts.js';
import { readRelationships, resolveTarget } from '../pptx/opc/relationships.js';
import { serializeXml, type XmlElement } from '../pptx/xml/xml.js';
import { readDeckSlides } from '../merge/deck-slides.js';

/** What the manifest records of a shape briefdeck wrote, for merging a person's edits into the next build. */
export interface ShapeRecord {
  /** How the merge finds the shape again (see `slideShapes`): `name:takeaway#0`, `ph:title#0`. */
  key: string;
  name: string;
  placeholder?: string;
  /** Its text, paragraphs on lines. */
  text: string;
  box?: [number, number, number, number];
  /** Hash of its XML and the parts it refers to (a chart's picture): whether the next build changed it. */
  hash: string;
}

/** The shapes of every slide of a finished deck, in slide order. */
export function slideShapeRecords(parts: Parts): ShapeRecord[][] {
  return (readDeckSlides(parts) ?? []).map((slide) => {
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
    }));
  });
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
