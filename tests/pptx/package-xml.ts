/** Reading a finished deck's parts as trees, for the master, layout, placeholder and section tests. */
import { resolveTarget, relsPartOf } from '../../src/pptx/opc/relationships.js';
import { descendants, firstChild, getAttribute, parseXml, textContent, type XmlElement } from '../../src/pptx/xml/xml.js';

export type PartMap = ReadonlyMap<string, Uint8Array>;

export function root(parts: PartMap, name: string): XmlElement {
  const bytes = parts.get(name);
  if (!bytes) throw new Error(`${name} is not in the package`);
  const parsed = parseXml(new TextDecoder().decode(bytes));
  if (!parsed.ok) throw new Error(`${name} does not parse`);
  return parsed.document.root;
}

/** The part a relationship of `source` of `type` (its last path segment, e.g. 'slideLayout') points at. */
export function related(parts: PartMap, source: string, type: string): string[] {
  return descendants(root(parts, relsPartOf(source)), 'Relationship')
    .filter((r) => getAttribute(r, 'Type')?.endsWith(`/${type}`))
    .map((r) => resolveTarget(source, getAttribute(r, 'Target') ?? ''));
}

/** The `p:ph` of a shape, if it is a placeholder. */
export function placeholderOf(sp: XmlElement): XmlElement | undefined {
  const nvPr = firstChild(firstChild(sp, 'p:nvSpPr') ?? sp, 'p:nvPr');
  return nvPr && firstChild(nvPr, 'p:ph');
}

export function shapeName(sp: XmlElement): string | undefined {
  const cNvPr = firstChild(firstChild(sp, 'p:nvSpPr') ?? sp, 'p:cNvPr');
  return cNvPr && getAttribute(cNvPr, 'name');
}

/** A shape's text, its paragraphs joined by line breaks. */
export function shapeText(sp: XmlElement): string {
  return descendants(sp, 'a:p')
    .map((p) => descendants(p, 'a:t').map(textContent).join(''))
    .join('\n');
}

/** Placeholder shapes of a part's shape tree with their type (`obj` where none is written) and index. */
export function placeholders(parts: PartMap, name: string): { sp: XmlElement; type: string; idx: number }[] {
  return descendants(root(parts, name), 'p:sp').flatMap((sp) => {
    const ph = placeholderOf(sp);
    return ph ? [{ sp, type: getAttribute(ph, 'type') ?? 'obj', idx: Number(getAttribute(ph, 'idx') ?? 0) }] : [];
  });
}

export function layoutName(parts: PartMap, layoutPart: string): string | undefined {
  const cSld = firstChild(root(parts, layoutPart), 'p:cSld');
  return cSld && getAttribute(cSld, 'name');
}

export function slideParts(parts: PartMap): string[] {
  return [...parts.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]));
}
