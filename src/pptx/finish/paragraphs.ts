import type { XmlEdit } from '../opc/parts.js';
import { DRAWING_TEXT_PART, NOTES_SLIDE_PART } from '../opc/part-names.js';
import { createElement, descendants, firstChild, textContent, textNode, type XmlElement, type XmlNode } from '../xml/xml.js';

/**
 * Puts `a:p` in schema order (pPr?, runs, endParaRPr?). pptxgenjs writes an `a:pPr` before every
 * run of a multi-run paragraph (pptxgenjs PR #1083, not merged), which PowerPoint repairs and the
 * schema rejects. The first one applies to the paragraph; the others are dropped.
 */
export const repairParagraphsEdit: XmlEdit = {
  select: (name) => DRAWING_TEXT_PART.test(name),
  edit: (doc) => {
    for (const p of descendants(doc.root, 'a:p')) {
      const pPr = firstChild(p, 'a:pPr');
      const end = firstChild(p, 'a:endParaRPr');
      if (!pPr && !end) continue;
      const rest = p.children.filter((c) => !(c.kind === 'element' && (c.name === 'a:pPr' || c.name === 'a:endParaRPr')));
      p.children = [...(pPr ? [pPr] : []), ...rest, ...(end ? [end] : [])];
    }
  },
};

/**
 * Speaker notes: pptxgenjs writes all the notes as one run with the line breaks inside `<a:t>`,
 * which PowerPoint shows as one paragraph. Splits each such run into one paragraph a line.
 */
export const splitNotesLinesEdit: XmlEdit = {
  select: (name) => NOTES_SLIDE_PART.test(name),
  edit: (doc) => {
    for (const body of descendants(doc.root, 'p:txBody')) {
      body.children = body.children.flatMap((child) => (child.kind === 'element' && child.name === 'a:p' && hasLineBreak(child) ? splitParagraph(child) : [child]));
    }
  },
};

function hasLineBreak(p: XmlElement): boolean {
  return p.children.some((c) => isRun(c) && /[\r\n]/.test(runText(c)));
}

function isRun(node: XmlNode): node is XmlElement {
  return node.kind === 'element' && node.name === 'a:r';
}

function runText(run: XmlElement): string {
  const t = firstChild(run, 'a:t');
  return t ? textContent(t) : '';
}

function splitParagraph(p: XmlElement): XmlElement[] {
  const pPr = firstChild(p, 'a:pPr');
  const paragraphs: XmlElement[] = [];
  const start = (): XmlElement => createElement('a:p', {}, pPr ? [structuredClone(pPr)] : []);
  let current = start();
  for (const child of p.children) {
    if (child === pPr) continue;
    if (!isRun(child) || !/[\r\n]/.test(runText(child))) {
      current.children.push(child);
      continue;
    }
    runText(child)
      .split(/\r\n|\r|\n/)
      .forEach((line, k) => {
        if (k > 0) {
          paragraphs.push(current);
          current = start();
        }
        current.children.push(runWithText(child, line));
      });
  }
  paragraphs.push(current);
  return paragraphs;
}

function runWithText(run: XmlElement, text: string): XmlElement {
  const rPr = firstChild(run, 'a:rPr');
  return createElement('a:r', {}, [...(rPr ? [structuredClone(rPr)] : []), createElement('a:t', {}, [textNode(text)])]);
}
