import type { XmlEdit } from '../opc/parts.js';
import { CORE_PROPERTIES_PART } from '../opc/part-names.js';
import { descendants, textNode } from '../xml/xml.js';

/** W3CDTF as Office writes it: UTC, whole seconds (`2025-06-01T00:00:00Z`). */
export function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Sets `dcterms:created` and `dcterms:modified` to the document date (pptxgenjs writes the clock's). */
export function setCoreDatesEdit(date: Date): XmlEdit {
  const stamp = w3cdtf(date);
  return {
    select: (name) => name === CORE_PROPERTIES_PART,
    edit: (doc) => {
      for (const el of [...descendants(doc.root, 'dcterms:created'), ...descendants(doc.root, 'dcterms:modified')]) {
        el.children = [textNode(stamp)];
      }
    },
  };
}
