import type { XmlEdit } from '../opc/parts.js';
import { PRESENTATION_PART } from '../opc/part-names.js';
import { childElements, createElement, descendants, firstChild, getAttribute, type XmlElement } from '../xml/xml.js';
import { derivedGuid } from './guids.js';
import type { DeckStructure } from './master.js';

/** The extension PowerPoint 2010 and later read sections from. */
export const SECTION_LIST_URI = '{521415D9-36F7-43E2-AB2F-B90AF26B5E84}';
const P14 = 'http://schemas.microsoft.com/office/powerpoint/2010/main';

/**
 * PowerPoint sections (`p14:sectionLst`), one a section of the outline, each listing its slides
 * by their ids. A section's id is derived from its index and name, so it is the same in every
 * build and stays with the section when slides before it change. Runs after the GUID edit, which
 * would otherwise rename these ids by their position in the part.
 */
export function sectionsEdit(structure: DeckStructure): XmlEdit {
  return {
    select: (name) => name === PRESENTATION_PART,
    edit: (doc) => {
      const list = firstChild(doc.root, 'p:sldIdLst');
      const ids = list ? childElements(list, 'p:sldId').map((s) => getAttribute(s, 'id') ?? '') : [];
      const extLst = firstChild(doc.root, 'p:extLst') ?? appendExtLst(doc.root);
      extLst.children = extLst.children.filter((c) => !(c.kind === 'element' && getAttribute(c, 'uri') === SECTION_LIST_URI));
      if (structure.sections.length === 0) {
        if (extLst.children.length === 0) doc.root.children = doc.root.children.filter((c) => c !== extLst);
        return;
      }
      const sections = structure.sections.map((s, i) => {
        const end = structure.sections[i + 1]?.start ?? ids.length;
        const slides = ids.slice(s.start, end).map((id) => createElement('p14:sldId', { id }));
        return createElement('p14:section', { name: s.name, id: derivedGuid(`section ${i} ${s.name}`) }, [createElement('p14:sldIdLst', {}, slides)]);
      });
      extLst.children.push(createElement('p:ext', { uri: SECTION_LIST_URI }, [createElement('p14:sectionLst', { 'xmlns:p14': P14 }, sections)]));
    },
  };
}

/** `p:extLst` is the last child of `p:presentation`. */
function appendExtLst(root: XmlElement): XmlElement {
  const el = createElement('p:extLst');
  root.children.push(el);
  return el;
}

/** The sections of a finished presentation part: names and slide ids (for tests and `check`). */
export function readSections(root: XmlElement): { name: string; id: string; slideIds: string[] }[] {
  return descendants(root, 'p14:section').map((s) => ({
    name: getAttribute(s, 'name') ?? '',
    id: getAttribute(s, 'id') ?? '',
    slideIds: descendants(s, 'p14:sldId').map((x) => getAttribute(x, 'id') ?? ''),
  }));
}
