import { createHash } from 'node:crypto';
import { isXmlPart, type XmlEdit } from '../opc/parts.js';
import { descendants } from '../xml/xml.js';

const GUID = /^\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}$/;

/**
 * Replaces GUID-valued attributes with GUIDs derived from where they stand. pptxgenjs draws
 * section ids, chart data-label ids (`c16:uniqueId`) and label field ids from `Math.random`.
 * The same old GUID maps to the same new one everywhere, so references between parts still
 * agree. `uri` attributes are left alone: they name extension schemas, not objects. The edit
 * keeps state across parts: apply it to parts in natural order, so that the first occurrence of
 * a GUID, which names its replacement, is the same in every build.
 */
export function replaceRandomGuidsEdit(): XmlEdit {
  const replacements = new Map<string, string>();
  return {
    select: isXmlPart,
    edit: (doc, part) => {
      let ordinal = 0;
      for (const el of descendants(doc.root)) {
        for (const attribute of el.attributes) {
          if (attribute.name === 'uri' || !GUID.test(attribute.value)) continue;
          const key = attribute.value.toUpperCase();
          let replacement = replacements.get(key);
          if (replacement === undefined) {
            replacement = derivedGuid(`${part}#${el.name}@${attribute.name}#${ordinal++}`);
            replacements.set(key, replacement);
          }
          attribute.value = replacement;
        }
      }
    },
  };
}

/** A name-based (version 5 style) GUID from a seed, upper-case as Office writes them. */
export function derivedGuid(seed: string): string {
  const h = createHash('sha1').update(seed).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const x = h.toString('hex', 0, 16).toUpperCase();
  return `{${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}}`;
}
