import type { XmlEdit } from '../opc/parts.js';
import { SLIDE_PART } from '../opc/part-names.js';
import { childElements, createElement, descendants, firstChild, textContent, type XmlElement } from '../xml/xml.js';

/** The extension PowerPoint (2019 and later) writes for "Mark as decorative". */
export const DECORATIVE_URI = '{C183D7F6-B498-43B3-948B-1728B52AA6E4}';
const DECORATIVE_NS = 'http://schemas.microsoft.com/office/drawing/2017/decorative';

/**
 * Marks every shape of a slide that holds no text and is no placeholder (rules, cards, dots, the
 * time axis) as decorative, so a screen reader skips it and PowerPoint's Accessibility Checker
 * does not ask for its alt text. Decided on the XML, not the layout, so it holds for any shape
 * that reaches the slide. Pictures and charts are not shapes (`p:pic`, `p:graphicFrame`): they keep
 * their alt text.
 */
export const markDecorativeEdit: XmlEdit = {
  select: (name) => SLIDE_PART.test(name),
  edit: (doc) => {
    for (const sp of descendants(doc.root, 'p:sp')) {
      if (isDecorative(sp)) markDecorative(sp);
    }
  },
};

/** A shape with no text in its body (no run text, no field) and no placeholder. */
export function isDecorative(sp: XmlElement): boolean {
  const nvSpPr = firstChild(sp, 'p:nvSpPr');
  if (!nvSpPr || firstChild(firstChild(nvSpPr, 'p:nvPr') ?? nvSpPr, 'p:ph')) return false;
  const body = firstChild(sp, 'p:txBody');
  if (!body) return true;
  if (descendants(body, 'a:fld').length > 0) return false;
  return descendants(body, 'a:t').every((t) => textContent(t).trim() === '');
}

function markDecorative(sp: XmlElement): void {
  const cNvPr = firstChild(firstChild(sp, 'p:nvSpPr') as XmlElement, 'p:cNvPr');
  if (!cNvPr) return;
  let extLst = firstChild(cNvPr, 'a:extLst');
  if (!extLst) {
    extLst = createElement('a:extLst');
    cNvPr.children.push(extLst);
  }
  if (childElements(extLst, 'a:ext').some((ext) => ext.attributes.some((a) => a.name === 'uri' && a.value === DECORATIVE_URI))) return;
  extLst.children.push(createElement('a:ext', { uri: DECORATIVE_URI }, [createElement('adec:decorative', { 'xmlns:adec': DECORATIVE_NS, val: '1' })]));
}
