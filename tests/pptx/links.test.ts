/** Links (issue 16): a source's url is a hyperlink on the source line and the sources slide; a url that is not http(s) is refused. */
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildDeck } from '../../src/build.js';
import { checkOutline } from '../../src/check.js';
import { isWebUrl } from '../../src/data/web-url.js';
import { linkRuns } from '../../src/layout/source-links.js';
import { checkPackage } from '../../src/pptx/opc/check-package.js';
import { descendants, firstChild, getAttribute, parseXml, textContent, type XmlElement } from '../../src/pptx/xml/xml.js';
import { validateParts } from './xsd.js';

const LINKS = path.resolve(__dirname, '../fixtures/links');

/** Each shape of a slide by name, with its runs' text and the url each run links to (through the slide's relationships). */
function linkedRuns(parts: Record<string, Uint8Array>, slide: string): Map<string, { text: string; url?: string }[]> {
  const rels = parseXml(strFromU8(parts[slide.replace('slides/', 'slides/_rels/').replace(/\.xml$/, '.xml.rels')] ?? new Uint8Array()));
  const byId = new Map<string, XmlElement>();
  if (rels.ok) for (const r of descendants(rels.document.root, 'Relationship')) byId.set(getAttribute(r, 'Id') ?? '', r);
  const doc = parseXml(strFromU8(parts[slide] as Uint8Array));
  if (!doc.ok) throw new Error(`${slide} does not parse`);
  const shapes = new Map<string, { text: string; url?: string }[]>();
  for (const sp of descendants(doc.document.root, 'p:sp')) {
    const name = getAttribute(descendants(sp, 'p:cNvPr')[0] as XmlElement, 'name') ?? '';
    const runs = descendants(sp, 'a:r').map((r) => {
      const link = descendants(r, 'a:hlinkClick')[0];
      const rel = link && byId.get(getAttribute(link, 'r:id') ?? '');
      if (rel) {
        expect(getAttribute(rel, 'TargetMode'), `${slide}: ${name}`).toBe('External');
        expect(getAttribute(rel, 'Type')).toBe('http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink');
      }
      const t = firstChild(r, 'a:t');
      return { text: t ? textContent(t) : '', ...(rel ? { url: getAttribute(rel, 'Target') } : {}) };
    });
    shapes.set(name, runs);
  }
  return shapes;
}

describe('links in a deck whose sources have urls', () => {
  let parts: Record<string, Uint8Array>;
  let pptx: Uint8Array;
  const outline = parse(readFileSync(path.join(LINKS, 'deck.yaml'), 'utf8')) as { deck: { source: { url: string } }; slides: { layout: string; title?: string; sources?: string[] }[] };
  const urlOf = (id: string): string => {
    const [ns, key] = id.split('.') as [string, string];
    const data = parse(readFileSync(path.join(LINKS, 'data', `${ns}.yaml`), 'utf8')) as Record<string, { source: { url: string } }>;
    return data[key]?.source.url as string;
  };

  beforeAll(async () => {
    const result = await buildDeck({ outline: path.join(LINKS, 'deck.yaml'), cwd: LINKS, write: false });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    pptx = result.pptx as Uint8Array;
    parts = unzipSync(pptx);
  }, 120_000);

  it('links each citation of a source line to its own dataset, one run each', () => {
    const index = outline.slides.findIndex((s) => (s.sources?.length ?? 0) > 1);
    const cited = outline.slides[index]?.sources ?? [];
    const runs = linkedRuns(parts, `ppt/slides/slide${index + 1}.xml`).get('source') ?? [];
    expect(runs.filter((r) => r.url).map((r) => r.url)).toEqual(cited.map(urlOf));
    expect(
      runs.some((r) => !r.url),
      'the words around the citations are not links',
    ).toBe(true);
  });

  it('links the source line of every slide that cites a dataset with a url', () => {
    outline.slides.forEach((s, i) => {
      const runs = linkedRuns(parts, `ppt/slides/slide${i + 1}.xml`).get('source');
      if (!s.sources?.length) return;
      expect(new Set(runs?.flatMap((r) => (r.url ? [r.url] : []))), `slide ${i + 1}`).toEqual(new Set(s.sources.map(urlOf)));
    });
  });

  it('links the deck source and every dataset on the sources slide', () => {
    const index = outline.slides.findIndex((s) => s.layout === 'sources');
    const runs = linkedRuns(parts, `ppt/slides/slide${index + 1}.xml`).get('sources') ?? [];
    const urls = runs.flatMap((r) => (r.url ? [r.url] : []));
    expect(urls[0]).toBe(outline.deck.source.url);
    expect(new Set(urls.slice(1))).toEqual(new Set(['a16z.web', 'capex.spending'].map(urlOf)));
  });

  it('keeps the external relationships through the package check and the schemas', () => {
    expect(checkPackage(pptx, 'links.pptx')).toEqual([]);
    expect(validateParts(new Map(Object.entries(parts))).invalid).toEqual([]);
    const rels = Object.entries(parts).filter(([name]) => /^ppt\/slides\/_rels\//.test(name));
    expect(rels.some(([, bytes]) => strFromU8(bytes).includes('TargetMode="External"'))).toBe(true);
  });
});

describe('a url that is not http(s)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-links-'));
    await cp(LINKS, dir, { recursive: true });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.each([
    ['data', 'data/capex.yaml', 'https://example.com/capex?year=2025&q=ai', 'javascript:alert(1)', 'DATA_BAD_URL'],
    ['data', 'data/a16z.yaml', 'https://a16z.com/100-gen-ai-apps-4/', 'a16z.com/100-gen-ai-apps-4/', 'DATA_BAD_URL'],
    ['outline', 'deck.yaml', 'https://example.org/article', 'file:///etc/passwd', 'OUTLINE_BAD_URL'],
  ])('in the %s (%s: %s → %s) is %s at the url', async (_, rel, good, bad, code) => {
    const file = path.join(dir, rel);
    const original = await readFile(file, 'utf8');
    const text = original.replace(good, bad);
    await writeFile(file, text);
    try {
      const { diagnostics } = await checkOutline({ outline: path.join(dir, 'deck.yaml'), cwd: dir });
      const at = text.indexOf(bad);
      expect(diagnostics.filter((d) => d.code === code)).toMatchObject([{ severity: 'error', source: { file, range: [at - 1, at + bad.length + 1] } }]);
    } finally {
      await writeFile(file, original);
    }
  });
});

describe('isWebUrl and linkRuns', () => {
  it('takes absolute http and https addresses only', () => {
    expect(['https://a16z.com/x', 'http://example.com', 'HTTPS://EXAMPLE.COM/a?b=1&c=2'].every(isWebUrl)).toBe(true);
    expect(['ftp://example.com', 'javascript:alert(1)', 'mailto:a@b.c', 'example.com', '/relative', 'https://', 'http:///x', ''].some(isWebUrl)).toBe(false);
  });

  it('cuts a line into runs at each citation, leaving the words between unlinked', () => {
    const links = new Map([
      ['A《甲》', 'https://a.example/'],
      ['B《乙》', 'https://b.example/'],
    ]);
    expect(linkRuns('資料來源：A《甲》；B《乙》。', links)).toEqual([
      { text: '資料來源：' },
      { text: 'A《甲》', link: 'https://a.example/' },
      { text: '；' },
      { text: 'B《乙》', link: 'https://b.example/' },
      { text: '。' },
    ]);
    expect(linkRuns('沒有引用', links)).toEqual([{ text: '沒有引用' }]);
  });
});
