import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type BuildResult } from '../../src/build.js';
import { checkPackage } from '../../src/pptx/opc/check-package.js';
import { decodePart, isXmlPart, type Parts } from '../../src/pptx/opc/parts.js';
import { createElement, FORBIDDEN_XML_CHARACTER, parseXml, serializeXml, setAttribute, textNode, withoutForbiddenCharacters } from '../../src/pptx/xml/xml.js';
import { readZip } from '../../src/pptx/zip/zip-read.js';

const ROOT = path.resolve(__dirname, '../..');

/** Every XML part of a package, the parts of the workbooks embedded in it included. */
function xmlParts(parts: Parts, prefix = ''): [string, string][] {
  return [...parts].flatMap(([name, bytes]): [string, string][] => {
    if (name.endsWith('.xlsx')) return xmlParts(readZip(bytes), `${prefix}${name}!`);
    return isXmlPart(name) ? [[`${prefix}${name}`, decodePart(bytes) ?? '\uFFFF (not UTF-8)']] : [];
  });
}

describe('the one sanitizer every string reaches XML through', () => {
  it('strips what XML 1.0 forbids and keeps the rest, astral characters included', () => {
    expect(withoutForbiddenCharacters('a\u0000b\u0001c\u000Bd\uFFFEe\uFFFFf\uD800g')).toBe('abcdefg');
    expect(withoutForbiddenCharacters('\t\n\r 標題 🚀 \uE000\uFFFD')).toBe('\t\n\r 標題 🚀 \uE000\uFFFD');
  });

  it('is applied by the serializer to attribute values and text set on a tree', () => {
    const root = createElement('latin', { typeface: 'x' });
    setAttribute(root, 'typeface', 'Ari\u0000al\uFFFE');
    root.children = [textNode('t\u0001ext & <x>')];
    const xml = serializeXml({ prolog: '', root, epilog: '' });
    expect(xml).toBe('<latin typeface="Arial">text &amp; &lt;x&gt;</latin>');
    expect(parseXml(xml).ok).toBe(true);
  });
});

describe('a project whose theme font is "\\u0000", whose data label holds \\u0001 and whose file names hold \\uFFFE', () => {
  let dir: string;
  let result: BuildResult;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'briefdeck-forbidden-'));
    mkdirSync(path.join(dir, 'templates', 'themes'), { recursive: true });
    mkdirSync(path.join(dir, 'data'));
    const theme = readFileSync(path.join(ROOT, 'templates/themes/default.yaml'), 'utf8')
      .replace(/^name: default$/m, 'name: bad')
      .replace(/^ {2}latin: .*$/m, '  latin: "\\0"')
      .replace(/^ {2}eastAsian: .*$/m, '  eastAsian: "\\u0000"');
    writeFileSync(path.join(dir, 'templates/themes/bad.yaml'), theme);
    writeFileSync(
      path.join(dir, 'data', 'd\uFFFE.yaml'),
      `web:
  type: ranking
  title: "榜\\u0001"
  size: 50
  groups: { cn: { label: "中\\u0001" } }
  source: { publisher: "pub\\u0001", title: "t" }
  editions:
    - asOf: "2025-03"
      entries:
        - { rank: 1, name: "甲\\u0001", group: cn, score: 90 }
        - { rank: 2, name: "乙", score: 80 }
        - { rank: 3, name: "丙\\u0001", score: 70 }
`,
    );
    writeFileSync(
      path.join(dir, 'deck\uFFFE.yaml'),
      `deck:
  title: "標題"
  date: "2025-03-10"
  theme: bad
  source: { publisher: "P", title: "文章" }
data:
  h: "data/d\\uFFFE.yaml"
slides:
  - layout: title
    title: "{{deck.title}}"
  - layout: chart
    title: "原生"
    chart: { kind: ranking, data: h.web, highlight: cn, render: native }
    takeaway: '{{rank h.web "乙"}}'
    notes: "n\\u0001"
  - layout: chart
    title: "圖片"
    chart: { kind: ranking, data: h.web, highlight: cn }
    takeaway: "t"
  - layout: sources
`,
    );
    result = await buildDeck({ outline: path.join(dir, 'deck\uFFFE.yaml'), cwd: dir, write: false });
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds a deck with no forbidden character in any part, embedded workbooks included', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.pptx).toBeDefined();
    const parts = xmlParts(readZip(result.pptx!));
    expect(parts.length).toBeGreaterThan(20);
    expect(parts.filter(([, text]) => FORBIDDEN_XML_CHARACTER.test(text)).map(([name]) => name)).toEqual([]);
    // the font name went through the attribute path, and came out empty rather than as U+0000
    expect(parts.find(([name]) => name === 'ppt/theme/theme1.xml')?.[1]).toContain('<a:ea typeface=""/>');
  });

  it('passes checkPackage', () => {
    expect(checkPackage(result.pptx!, 'forbidden.pptx')).toEqual([]);
  });
});
