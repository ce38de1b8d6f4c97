/** Decorative shapes (issue 16): every shape without text is marked decorative for screen readers; nothing with text is. */
import { strFromU8, unzipSync } from 'fflate';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import type { XmlEdit } from '../../src/pptx/opc/parts.js';
import { DECORATIVE_URI, isDecorative, markDecorativeEdit } from '../../src/pptx/finish/decorative.js';
import { descendants, firstChild, getAttribute, parseXml, serializeXml, textContent, type XmlElement } from '../../src/pptx/xml/xml.js';
import { validateParts } from './xsd.js';

const LINKS = path.resolve(__dirname, '../fixtures/links');

function nameOf(sp: XmlElement): string {
  return getAttribute(descendants(sp, 'p:cNvPr')[0] as XmlElement, 'name') ?? '';
}

function marked(sp: XmlElement): boolean {
  const cNvPr = descendants(sp, 'p:cNvPr')[0] as XmlElement;
  return descendants(cNvPr, 'a:ext').some((ext) => getAttribute(ext, 'uri') === DECORATIVE_URI && descendants(ext, 'adec:decorative').some((d) => getAttribute(d, 'val') === '1'));
}

function hasText(sp: XmlElement): boolean {
  return descendants(sp, 'a:t').some((t) => textContent(t).trim() !== '') || descendants(sp, 'a:fld').length > 0;
}

function edit(xml: string, e: XmlEdit = markDecorativeEdit): string {
  const parsed = parseXml(xml);
  if (!parsed.ok) throw new Error(parsed.error.message);
  e.edit(parsed.document, 'ppt/slides/slide1.xml');
  return serializeXml(parsed.document);
}

const NS = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
const shape = (name: string, inner = '', nvPr = '<p:nvPr/>') => `<p:sp><p:nvSpPr><p:cNvPr id="2" name="${name}"/><p:cNvSpPr/>${nvPr}</p:nvSpPr><p:spPr/>${inner}</p:sp>`;
const slide = (shapes: string) => `<p:sld ${NS}><p:cSld><p:spTree>${shapes}</p:spTree></p:cSld></p:sld>`;

describe('markDecorativeEdit', () => {
  it('marks a shape with no text body or an empty one, not one with text, a field or a placeholder', () => {
    const xml = edit(
      slide(
        shape('rule') +
          shape('empty box', '<p:txBody><a:bodyPr/><a:p><a:r><a:t> </a:t></a:r></a:p></p:txBody>') +
          shape('words', '<p:txBody><a:bodyPr/><a:p><a:r><a:t>字</a:t></a:r></a:p></p:txBody>') +
          shape('number', '<p:txBody><a:bodyPr/><a:p><a:fld id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}" type="slidenum"/></a:p></p:txBody>') +
          shape('ph', '', '<p:nvPr><p:ph type="title"/></p:nvPr>'),
      ),
    );
    const doc = parseXml(xml);
    if (!doc.ok) throw new Error('does not parse');
    const result = Object.fromEntries(descendants(doc.document.root, 'p:sp').map((sp) => [nameOf(sp), marked(sp)]));
    expect(result).toEqual({ rule: true, 'empty box': true, words: false, number: false, ph: false });
  });

  it('adds to an extLst the shape has, and marks a shape once however often it runs', () => {
    const withExt = shape('card').replace('name="card"/>', 'name="card"><a:extLst><a:ext uri="{FF2B5EF4-FFF2-40B4-BE49-F238E27FC236}"/></a:extLst></p:cNvPr>');
    const twice = edit(edit(slide(withExt)));
    expect(twice.match(/adec:decorative/g)).toHaveLength(1);
    expect(twice.match(/<a:extLst>/g)).toHaveLength(1);
    expect(twice).toContain('{FF2B5EF4-FFF2-40B4-BE49-F238E27FC236}');
  });

  it('is decided on the shape: isDecorative of a shape without nvSpPr is false', () => {
    const doc = parseXml(`<p:sp ${NS}><p:spPr/></p:sp>`);
    if (!doc.ok) throw new Error('does not parse');
    expect(isDecorative(doc.document.root)).toBe(false);
    expect(firstChild(doc.document.root, 'p:spPr')).toBeDefined();
  });
});

describe('a built deck', () => {
  let parts: Record<string, Uint8Array>;
  beforeAll(async () => {
    const result = await buildDeck({ outline: path.join(LINKS, 'deck.yaml'), cwd: LINKS, write: false });
    parts = unzipSync(result.pptx as Uint8Array);
  }, 120_000);

  it('marks every text-less shape of every slide decorative, and nothing with text', () => {
    const slides = Object.keys(parts).filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p));
    expect(slides.length).toBeGreaterThan(0);
    let decorative = 0;
    for (const part of slides) {
      const doc = parseXml(strFromU8(parts[part] as Uint8Array));
      if (!doc.ok) throw new Error(`${part} does not parse`);
      for (const sp of descendants(doc.document.root, 'p:sp')) {
        const placeholder = descendants(sp, 'p:ph').length > 0;
        expect(marked(sp), `${part}: ${nameOf(sp)}`).toBe(!hasText(sp) && !placeholder);
        if (marked(sp)) decorative++;
      }
      // Pictures and charts keep their alt text: never decorative.
      for (const el of [...descendants(doc.document.root, 'p:pic'), ...descendants(doc.document.root, 'p:graphicFrame')]) {
        expect(descendants(el, 'adec:decorative')).toEqual([]);
        expect(getAttribute(descendants(el, 'p:cNvPr')[0] as XmlElement, 'descr')?.trim(), `${part}: a picture or chart without alt text`).toBeTruthy();
      }
    }
    expect(decorative).toBeGreaterThan(0);
  });

  it('stays valid against the schemas', () => {
    expect(validateParts(new Map(Object.entries(parts))).invalid).toEqual([]);
  });
});
