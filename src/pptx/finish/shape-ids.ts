import type { XmlEdit } from '../opc/parts.js';
import { SHAPE_TREE_PART } from '../opc/part-names.js';
import { descendants, getAttribute, setAttribute } from '../xml/xml.js';

/**
 * Gives every shape on a slide its own id. pptxgenjs numbers most objects by their index on the
 * slide (`idx + 2`) but a table by `tableNumber × slideNumber + 1`, so a table after a chart or
 * picture can repeat an id, and PowerPoint offers to repair the file. The first shape with an id
 * keeps it; later ones get fresh ids.
 */
export const dedupeShapeIdsEdit: XmlEdit = {
  select: (name) => SHAPE_TREE_PART.test(name),
  edit: (doc) => {
    const shapes = descendants(doc.root, 'p:cNvPr');
    const ids = shapes.map((el) => Number(getAttribute(el, 'id')));
    let next = Math.max(0, ...ids.filter(Number.isSafeInteger)) + 1;
    const seen = new Set<number>();
    shapes.forEach((el, k) => {
      const id = ids[k] ?? NaN;
      if (Number.isSafeInteger(id) && !seen.has(id)) {
        seen.add(id);
        return;
      }
      setAttribute(el, 'id', String(next++));
    });
  },
};
