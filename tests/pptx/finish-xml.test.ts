import { XmlDocument, XmlLibError } from 'libxml2-wasm';
import { describe, expect, it } from 'vitest';
import { parseXml, serializeXml, textContent } from '../../src/pptx/xml/xml.js';

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** [description, document, well-formed?] */
const CASES: [string, string, boolean][] = [
  ['a slide-like part', `${DECL}<p:sld xmlns:p="urn:p" xmlns:a="urn:a"><a:t>中文 &amp; &#x41;&#65;</a:t><a:br/></p:sld>`, true],
  ['no declaration, comment and PI', '<!-- c --><?pi data?><r a=\'1\' b="2"><![CDATA[<x>]]></r>\n', true],
  ['BOM', '\uFEFF<r/>', true],
  ['unescaped ampersand', '<r>Smith & Jones</r>', false],
  ['unknown entity', '<r>&nbsp;</r>', false],
  ['mismatched tag', '<r><a></b></r>', false],
  ['unclosed root', '<r><a/>', false],
  ['two roots', '<r/><r/>', false],
  ['text after root', '<r/>x', false],
  ['lt in attribute', '<r a="<"/>', false],
  ['duplicate attribute', '<r a="1" a="2"/>', false],
  ['missing space between attributes', '<r a="1"b="2"/>', false],
  ['undeclared prefix', '<a:r/>', false],
  ['undeclared attribute prefix', '<r x:a="1"/>', false],
  ['control character', '<r>\u0001</r>', false],
  ['character reference to a control character', '<r>&#1;</r>', false],
  ['vertical tab', '<r>\u000B</r>', false],
  ['lone surrogate', '<r>\uD800</r>', false],
  ['double hyphen in comment', '<r><!-- a -- b --></r>', false],
  ['CDATA end in text', '<r>]]></r>', false],
  ['misplaced declaration', ' <?xml version="1.0"?><r/>', false],
  ['bad name', '<1r/>', false],
];

/** Well-formed XML that an OOXML part still may not contain (ECMA-376 Part 2: no DTD). */
const OOXML_ONLY: [string, string][] = [['DTD', '<!DOCTYPE r><r/>']];

/** Whether libxml2 (in-process, libxml2-wasm; the parser xmllint uses) accepts a document as well-formed, namespaces included. */
function libxml2Accepts(xml: string): { accepted: boolean; why: string } {
  try {
    XmlDocument.fromBuffer(Buffer.from(xml, 'utf8')).dispose();
    return { accepted: true, why: '' };
  } catch (e) {
    if (e instanceof XmlLibError) return { accepted: false, why: e.message };
    throw e;
  }
}

describe('parseXml', () => {
  it.each(CASES)('%s', (_, xml, wellFormed) => {
    expect(parseXml(xml).ok).toBe(wellFormed);
  });

  it.each(OOXML_ONLY)('%s (rejected in OOXML parts)', (_, xml) => {
    expect(parseXml(xml)).toMatchObject({ ok: false, error: { message: expect.stringContaining('DTD') } });
  });

  it('agrees with libxml2 on every case', () => {
    for (const [name, xml, wellFormed] of CASES) {
      if (xml.includes('\uD800')) continue; // cannot be written as UTF-8 for libxml2
      const { accepted, why } = libxml2Accepts(xml);
      expect(accepted, `${name}: ${why}`).toBe(wellFormed);
    }
  });

  it('reports line and column, and flags forbidden characters apart', () => {
    const bad = parseXml('<r>\n  <a>x & y</a>\n</r>');
    expect(bad).toMatchObject({ ok: false, error: { line: 2, column: 8, forbiddenCharacter: false } });
    expect(parseXml('<r>\n\u000B</r>')).toMatchObject({ ok: false, error: { line: 2, column: 1, forbiddenCharacter: true } });
  });

  it('serializes what it parsed to the same document', () => {
    const xml = `${DECL}<p:sld xmlns:p="urn:p" a="x &amp; &quot;y&quot;"><p:t>a &lt; b</p:t><p:e/><!--c--></p:sld>`;
    const parsed = parseXml(xml);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(serializeXml(parsed.document)).toBe(xml);
    expect(textContent(parsed.document.root)).toBe('a < b');
  });
});

describe('attribute values', () => {
  it('normalizes literal whitespace but keeps character references', () => {
    const parsed = parseXml('<r a="x\r\ny\tz&#10;"/>');
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.document.root.attributes[0]?.value).toBe('x y z\n');
    expect(serializeXml(parsed.document)).toBe('<r a="x y z&#10;"/>');
  });
});
