import { warning, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { DECORATIVE_URI } from '../finish/decorative.js';
import { descendants, firstChild, getAttribute, textContent, type XmlElement } from '../xml/xml.js';
import { readXmlPart, type Parts } from './parts.js';
import { PRESENTATION_PART } from './part-names.js';
import { readRelationships, RELATIONSHIP_TYPE, resolveTarget } from './relationships.js';

/**
 * What PowerPoint's Accessibility Checker lists in an existing deck: a slide without a title
 * placeholder holding text ("Missing slide title"), and a picture or graphic frame (a chart, a
 * table) without a description ("Missing alternative text") unless it is marked decorative. Slides
 * are named by their place in the presentation's slide list.
 */
export function checkAccessibility(parts: Parts, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  slidesInOrder(parts).forEach((part, i) => {
    const doc = readXmlPart(parts, part);
    if (!doc) return; // the package check reports it
    const where = `slide ${i + 1} (${part})`;
    if (!descendants(doc.root, 'p:sp').some(isTitleWithText)) {
      out.push(
        warning(
          'PPTX_NO_TITLE',
          `${where} has no title placeholder with text: PowerPoint's Accessibility Checker reports "Missing slide title"`,
          { file },
          'put the slide title into a title placeholder (briefdeck build does)',
        ),
      );
    }
    for (const el of [...descendants(doc.root, 'p:pic'), ...descendants(doc.root, 'p:graphicFrame')]) {
      const cNvPr = descendants(el, 'p:cNvPr')[0];
      if (!cNvPr || (getAttribute(cNvPr, 'descr') ?? '').trim() !== '' || isMarkedDecorative(cNvPr)) continue;
      const kind = el.name === 'p:pic' ? 'picture' : 'graphic frame';
      out.push(
        warning(
          'PPTX_NO_ALT_TEXT',
          `${where}: the ${kind} '${getAttribute(cNvPr, 'name') ?? ''}' has no alternative text (descr)`,
          { file },
          'describe it in PowerPoint (View Alt Text), or mark it decorative',
        ),
      );
    }
  });
  return out;
}

/** The slide parts in the order of presentation.xml's slide list (one that is not listed, the package check reports). */
function slidesInOrder(parts: Parts): string[] {
  const presentation = readXmlPart(parts, PRESENTATION_PART);
  const rels = new Map(readRelationships(parts, PRESENTATION_PART).map((r) => [r.id, r]));
  const listed = presentation
    ? descendants(presentation.root, 'p:sldId').flatMap((s) => {
        const r = rels.get(getAttribute(s, 'r:id') ?? '');
        return r && r.type === RELATIONSHIP_TYPE.slide ? [resolveTarget(PRESENTATION_PART, r.target)] : [];
      })
    : [];
  return listed.filter((p) => parts.has(p));
}

function isTitleWithText(sp: XmlElement): boolean {
  const ph = descendants(firstChild(sp, 'p:nvSpPr') ?? sp, 'p:ph')[0];
  const type = ph && getAttribute(ph, 'type');
  if (type !== 'title' && type !== 'ctrTitle') return false;
  return descendants(sp, 'a:t').some((t) => textContent(t).trim() !== '');
}

function isMarkedDecorative(cNvPr: XmlElement): boolean {
  return descendants(cNvPr, 'a:ext').some((ext) => getAttribute(ext, 'uri') === DECORATIVE_URI && descendants(ext, 'adec:decorative').some((d) => getAttribute(d, 'val') !== '0'));
}
