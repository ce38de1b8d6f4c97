/**
 * The slides of a deck and their shapes, read so that a slide and a shape of the deck briefdeck
 * wrote can be recognised in the file a person saved from PowerPoint or LibreOffice (issue 18).
 *
 * What survives an editor, found by building the default deck and saving it again with
 * LibreOffice Impress 7.4 through UNO (tests/merge/edit-deck.py), and from what PowerPoint keeps:
 * - slide ids (`p:sldId id`): LibreOffice numbers them again from 256 in the order it saves the
 *   slides, so after a deletion or a move they name other slides. PowerPoint keeps them.
 * - `p:cSld name`, `p14:creationId`, custom data tags: LibreOffice drops all three (even a
 *   name that is not the default "Slide N"). PowerPoint keeps them.
 * - shape names (`p:cNvPr name`): kept for every shape that is not a placeholder ("takeaway",
 *   "source", "chart", "accent rule"); placeholders are renamed "PlaceHolder 1", "PlaceHolder 2", …
 *   by LibreOffice, kept by PowerPoint. Shape ids are numbered again. `descr` (alt text) is kept.
 * - placeholders: the type is kept for title, footer and slide number; a body placeholder's
 *   `type="body" idx="1"` becomes `<p:ph/>` (an object placeholder), and idx values change.
 * - text: every paragraph's text is kept, but runs are split where the script changes
 *   ("在" "2024" "年度"), run properties written out in full, line breaks kept as `a:br`.
 * - boxes: converted to 1/100 mm and back, so a position moves by up to 180 EMU.
 * - notes: kept, as text; the layouts and master are LibreOffice's own (133 of them).
 * So nothing names a slide in both editors: a slide is recognised by what it shows (its shapes'
 * names and texts, see `identify-slides.ts`), and a shape on it by its name when it is not a
 * placeholder, or by its placeholder's kind (title, body, footer, …) and its rank among those
 * of that kind. Nothing is written into the deck for this.
 */
import { PRESENTATION_PART } from '../pptx/opc/part-names.js';
import { readXmlPart, type Parts } from '../pptx/opc/parts.js';
import { readRelationships, resolveTarget } from '../pptx/opc/relationships.js';
import { childElements, descendants, firstChild, getAttribute, textContent, type XmlDocument, type XmlElement } from '../pptx/xml/xml.js';

/** A shape on a slide, as the merge compares it. */
export interface DeckShape {
  /** What matches it across the three decks: `name:takeaway#0`, `ph:title#0`. */
  key: string;
  /** Its name as written (`takeaway`, or LibreOffice's `PlaceHolder 2`). */
  name: string;
  /** The placeholder's kind (`title`, `body`, `ftr`, `sldNum`, `dt`), when it is one. */
  placeholder?: string;
  /** Its paragraphs' text, one line each (a line break inside a paragraph is U+2028). */
  text: string;
  /** Its box in EMU (x, y, width, height) when it has its own. */
  box?: [number, number, number, number];
  /** The element in the slide's shape tree. */
  element: XmlElement;
}

export interface DeckSlide {
  /** The slide's part (`ppt/slides/slide3.xml`). */
  part: string;
  doc: XmlDocument;
  shapes: DeckShape[];
  /** Its notes slide's part and text (the body placeholder's), when it has notes. */
  notes?: { part: string; text: string };
}

const SHAPE_ELEMENTS = new Set(['p:sp', 'p:pic', 'p:graphicFrame', 'p:grpSp', 'p:cxnSp']);

/** The slides of a package in presentation order; undefined when it has no slide list briefdeck can read. */
export function readDeckSlides(parts: Parts): DeckSlide[] | undefined {
  const presentation = readXmlPart(parts, PRESENTATION_PART);
  const list = presentation && firstChild(presentation.root, 'p:sldIdLst');
  if (!presentation) return undefined;
  const rels = new Map(readRelationships(parts, PRESENTATION_PART).map((r) => [r.id, resolveTarget(PRESENTATION_PART, r.target)]));
  const slides: DeckSlide[] = [];
  for (const id of list ? childElements(list, 'p:sldId') : []) {
    const part = rels.get(getAttribute(id, 'r:id') ?? '');
    const doc = part ? readXmlPart(parts, part) : undefined;
    if (!part || !doc) return undefined;
    const notes = notesOf(parts, part);
    slides.push({ part, doc, shapes: slideShapes(doc), ...(notes ? { notes } : {}) });
  }
  return slides;
}

function notesOf(parts: Parts, slide: string): DeckSlide['notes'] {
  const rel = readRelationships(parts, slide).find((r) => r.type.endsWith('/notesSlide') && !r.external);
  const part = rel && resolveTarget(slide, rel.target);
  const doc = part ? readXmlPart(parts, part) : undefined;
  if (!part || !doc) return undefined;
  const text = slideShapes(doc)
    .filter((s) => s.placeholder === 'body')
    .map((s) => s.text)
    .join('\n');
  return { part, text };
}

/** The shapes of a slide's tree (top level: a group is one shape), each with its key. */
export function slideShapes(doc: XmlDocument): DeckShape[] {
  const tree = firstChild(firstChild(doc.root, 'p:cSld') ?? doc.root, 'p:spTree');
  if (!tree) return [];
  const seen = new Map<string, number>();
  return childElements(tree)
    .filter((el) => SHAPE_ELEMENTS.has(el.name))
    .map((element) => {
      const props = descendants(element, 'p:cNvPr')[0];
      const name = (props && getAttribute(props, 'name')) ?? '';
      const ph = descendants(element, 'p:ph')[0];
      const placeholder = ph ? placeholderKind(getAttribute(ph, 'type')) : undefined;
      const stem = placeholder ? `ph:${placeholder}` : `name:${name}`;
      const rank = seen.get(stem) ?? 0;
      seen.set(stem, rank + 1);
      const box = shapeBox(element);
      return { key: `${stem}#${rank}`, name, ...(placeholder ? { placeholder } : {}), text: shapeText(element), ...(box ? { box } : {}), element };
    });
}

/** A body, object or untyped placeholder is the same kind: LibreOffice writes `type="body"` back as none. */
function placeholderKind(type: string | undefined): string {
  if (type === undefined || type === 'body' || type === 'obj' || type === 'subTitle') return 'body';
  return type === 'ctrTitle' ? 'title' : type;
}

/** A shape's text: paragraphs on lines; a slide number field counts as no text (it changes with the slide's place). */
export function shapeText(shape: XmlElement): string {
  const body = descendants(shape, 'p:txBody')[0];
  if (!body) return '';
  return childElements(body, 'a:p')
    .map((p) =>
      childElements(p)
        .map((el) => {
          if (el.name === 'a:r') return textContent(firstChild(el, 'a:t') ?? el);
          if (el.name === 'a:br') return '\u2028';
          if (el.name === 'a:fld') return getAttribute(el, 'type') === 'slidenum' ? '' : textContent(firstChild(el, 'a:t') ?? el);
          return '';
        })
        .join(''),
    )
    .join('\n')
    .replace(/\n+$/, '');
}

function shapeBox(shape: XmlElement): [number, number, number, number] | undefined {
  const xfrm = descendants(shape, 'a:xfrm')[0] ?? descendants(shape, 'p:xfrm')[0];
  const off = xfrm && firstChild(xfrm, 'a:off');
  const ext = xfrm && firstChild(xfrm, 'a:ext');
  if (!off || !ext) return undefined;
  const n = (el: XmlElement, a: string) => Number(getAttribute(el, a) ?? 'NaN');
  const box: [number, number, number, number] = [n(off, 'x'), n(off, 'y'), n(ext, 'cx'), n(ext, 'cy')];
  return box.every(Number.isFinite) ? box : undefined;
}
