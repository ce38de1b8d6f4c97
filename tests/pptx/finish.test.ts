import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishPackage } from '../../src/pptx/finish/finish.js';
import { checkPackage } from '../../src/pptx/opc/check-package.js';
import { readZip } from '../../src/pptx/zip/zip-read.js';
import { buildLogoDeck, buildSampleDeck, buildTextDeck, FINISH_OPTIONS, makePng, PptxGenJS, writeDeck } from './decks.js';
import { listZipEntries } from './zip-entries.js';

let logoDir: string;
let logoPath: string;
let raw: Uint8Array;
let finished: Uint8Array;
let parts: Map<string, Uint8Array>;

const text = (p: ReadonlyMap<string, Uint8Array>, name: string): string => {
  const bytes = p.get(name);
  if (!bytes) throw new Error(`no part ${name}`);
  return new TextDecoder().decode(bytes);
};

beforeAll(async () => {
  logoDir = mkdtempSync(path.join(tmpdir(), 'briefdeck-finish-'));
  logoPath = path.join(logoDir, 'company-logo.png');
  writeFileSync(logoPath, makePng(48, 48));
  raw = await buildSampleDeck(logoPath);
  finished = await finishPackage(raw, FINISH_OPTIONS);
  parts = readZip(finished);
});
afterAll(() => rmSync(logoDir, { recursive: true, force: true }));

describe('finishPackage', () => {
  it('returns a deck checkPackage finds nothing wrong with', () => {
    expect(checkPackage(finished, 'deck.pptx')).toEqual([]);
  });

  it('declares a content type for every part and none for absent parts (pptxgenjs #1444)', () => {
    const types = text(parts, '[Content_Types].xml');
    expect(text(readZip(raw), '[Content_Types].xml')).toContain('/ppt/slideMasters/slideMaster2.xml');
    expect(types).not.toContain('slideMaster2.xml');
    for (const m of types.matchAll(/PartName="\/([^"]+)"/g)) expect(parts.has(m[1] ?? '')).toBe(true);
    expect(types).toContain('<Default Extension="png" ContentType="image/png"/>');
    expect(types).toContain('<Default Extension="xlsx"');
    expect(types).not.toContain('image/jpg');
  });

  it('puts the East Asian and Latin typefaces in the theme fonts', () => {
    const theme = text(parts, 'ppt/theme/theme1.xml');
    for (const collection of ['majorFont', 'minorFont']) {
      const fonts = new RegExp(`<a:${collection}>(.*?)</a:${collection}>`).exec(theme)?.[1] ?? '';
      expect(fonts).toMatch(/^<a:latin typeface="Calibri"\/><a:ea typeface="Microsoft JhengHei"\/><a:cs /);
      expect(fonts).toContain('<a:font script="Hant" typeface="Microsoft JhengHei"/>');
    }
  });

  it('adds <a:ea> after every <a:latin> in native charts and sets their language', () => {
    const charts = [...parts.keys()].filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
    expect(charts).toEqual(['ppt/charts/chart1.xml', 'ppt/charts/chart2.xml', 'ppt/charts/chart3.xml']);
    for (const chart of charts) {
      const xml = text(parts, chart);
      const latins = xml.match(/<a:latin [^>]*\/>/g) ?? [];
      const pairs = xml.match(/<a:latin [^>]*\/><a:ea typeface="Microsoft JhengHei"\/>/g) ?? [];
      expect(latins.length).toBeGreaterThan(0);
      expect(pairs.length).toBe(latins.length);
      expect(xml).not.toContain('lang="en-US"');
    }
    expect(text(parts, 'ppt/charts/chart1.xml')).toMatch(/<a:rPr[^>]* lang="zh-TW"[^>]*>(?:(?!<\/a:r>)[\s\S])*<a:t>排名<\/a:t>/);
  });

  // The notes are a placeholder: their runs name no font and take the notes master's (+mn-lt, +mn-ea: the theme's).
  it('writes the notes in zh-TW, one paragraph a line', () => {
    const notes = text(parts, 'ppt/notesSlides/notesSlide1.xml');
    expect(notes).not.toContain('en-US');
    expect(notes).toContain('<a:p><a:r><a:rPr lang="zh-TW" dirty="0"/><a:t>講者備註：先談背景。</a:t></a:r></a:p>');
    expect(notes).toContain('<a:p><a:r><a:rPr lang="zh-TW" dirty="0"/><a:t>再談排名。</a:t></a:r><a:endParaRPr');
  });

  it('keeps only the file name of an image path in its description', () => {
    expect(text(readZip(raw), 'ppt/slides/slide1.xml')).toContain(`descr="${logoPath}"`);
    const slide = text(parts, 'ppt/slides/slide1.xml');
    expect(slide).toContain('descr="company-logo.png"');
    expect(slide).not.toContain(logoDir);
  });

  it('keeps relationship targets inside the package', () => {
    for (const [name, bytes] of parts) {
      if (!name.endsWith('.rels')) continue;
      const folder = name.replace(/_rels\/[^/]*$/, '');
      for (const m of new TextDecoder().decode(bytes).matchAll(/Target="([^"]+)"/g)) {
        const target = m[1] ?? '';
        const resolved = target.startsWith('/') ? target.slice(1) : path.posix.normalize(folder + target);
        expect(parts.has(resolved), `${name} → ${target}`).toBe(true);
      }
    }
  });

  it('removes relationships to parts that are not in the package', async () => {
    const files = Object.fromEntries(readZip(raw));
    const rels = new TextDecoder().decode(files['ppt/_rels/presentation.xml.rels']);
    files['ppt/_rels/presentation.xml.rels'] = new TextEncoder().encode(
      rels.replace(
        '</Relationships>',
        '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/></Relationships>',
      ),
    );
    const dangling = zipSync(files);
    expect(checkPackage(dangling, 'raw.pptx').map((d) => d.code)).toContain('PPTX_DANGLING_RELATIONSHIP');
    const repaired = await finishPackage(dangling, FINISH_OPTIONS);
    expect(checkPackage(repaired, 'deck.pptx')).toEqual([]);
    expect(text(readZip(repaired), 'ppt/_rels/presentation.xml.rels')).not.toContain('rId99');
  });

  it('puts presentation.xml and bar charts in schema order', () => {
    const presentation = text(parts, 'ppt/presentation.xml');
    expect(presentation).toMatch(/<\/p:sldMasterIdLst><p:notesMasterIdLst>.*<\/p:notesMasterIdLst><p:sldIdLst>/);
    const bar = text(parts, 'ppt/charts/chart1.xml');
    const barChart = /<c:barChart>.*<\/c:barChart>/.exec(bar)?.[0] ?? '';
    expect(barChart.match(/<c:axId /g)).toHaveLength(2);
    expect(text(readZip(raw), 'ppt/charts/chart1.xml').match(/<c:axId /g)?.length).toBeGreaterThan(bar.match(/<c:axId /g)?.length ?? 0);
  });

  it('keeps one <a:pPr> a paragraph, at its start (pptxgenjs PR #1083)', () => {
    const rawSlide = text(readZip(raw), 'ppt/slides/slide1.xml');
    expect(rawSlide).toMatch(/<\/a:r><a:pPr/);
    const slide = text(parts, 'ppt/slides/slide1.xml');
    for (const p of slide.match(/<a:p>.*?<\/a:p>/g) ?? []) {
      expect((p.match(/<a:pPr[ />]/g) ?? []).length).toBeLessThanOrEqual(1);
      if (p.includes('<a:pPr')) expect(p).toMatch(/^<a:p><a:pPr/);
    }
  });

  it('gives every shape on a slide its own id', () => {
    expect(checkPackage(raw, 'raw.pptx').map((d) => d.code)).toContain('PPTX_DUPLICATE_SHAPE_ID');
    const ids = [...text(parts, 'ppt/slides/slide2.xml').matchAll(/<p:cNvPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sets the document date in docProps/core.xml and in the chart workbooks', () => {
    const core = text(parts, 'docProps/core.xml');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-06-01T08:30:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2025-06-01T08:30:00Z</dcterms:modified>');
    const workbooks = [...parts.keys()].filter((n) => n.startsWith('ppt/embeddings/'));
    expect(workbooks).toEqual([1, 2, 3].map((k) => `ppt/embeddings/Microsoft_Excel_Worksheet${k}.xlsx`));
    for (const name of workbooks) {
      const workbook = parts.get(name) ?? new Uint8Array();
      expect(text(readZip(workbook), 'docProps/core.xml')).toContain('>2025-06-01T08:30:00Z</dcterms:created>');
      expect(listZipEntries(workbook).every((e) => e.date === '1980-01-01 00:00:00')).toBe(true);
    }
  });

  it('replaces random section GUIDs with ones derived from the deck', () => {
    const guids = (zip: Uint8Array): string[] => [...text(readZip(zip), 'ppt/presentation.xml').matchAll(/<p14:section [^>]*id="(\{[^}]+\})"/g)].map((m) => m[1] ?? '');
    const ours = guids(finished);
    expect(ours).toHaveLength(2);
    expect(ours).not.toEqual(guids(raw));
    expect(ours.every((g) => /^\{[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}\}$/.test(g))).toBe(true);
  });

  it('zips [Content_Types].xml first, then sorted entries, with fixed dates, deflated', () => {
    const entries = listZipEntries(finished);
    expect(entries[0]?.name).toBe('[Content_Types].xml');
    expect(entries.some((e) => e.name.endsWith('/'))).toBe(false);
    expect(entries.every((e) => e.date === '1980-01-01 00:00:00')).toBe(true);
    expect(entries.filter((e) => e.name.endsWith('.xml')).every((e) => e.method === 8)).toBe(true);
    const rest = entries.slice(1).map((e) => e.name);
    expect(rest.indexOf('ppt/slides/slide2.xml')).toBeLessThan(rest.indexOf('ppt/slides/slide3.xml'));
    expect(rest.indexOf('docProps/app.xml')).toBeLessThan(rest.indexOf('ppt/presentation.xml'));
  });

  it('repairs what pptxgenjs leaves malformed: control characters (#1240) and an unescaped company', async () => {
    const pptx = new PptxGenJS();
    pptx.company = 'Smith & Jones <Taipei>';
    const slide = pptx.addSlide();
    slide.addText('控制字元\u0001與\u000B垂直定位', { x: 1, y: 1, w: 8, h: 1, lang: 'zh-TW' });
    slide.addNotes('備註\u0008');
    const broken = await writeDeck(pptx);
    const codes = checkPackage(broken, 'broken.pptx').map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['PPTX_FORBIDDEN_CHARACTER', 'PPTX_MALFORMED_XML']));

    const repaired = readZip(await finishPackage(broken, FINISH_OPTIONS));
    expect(checkPackage(await finishPackage(broken, FINISH_OPTIONS), 'repaired.pptx')).toEqual([]);
    expect(text(repaired, 'ppt/slides/slide1.xml')).toContain('<a:t>控制字元與垂直定位</a:t>');
    // app.xml is written anew from the deck: the caller's company (pptxgenjs left it unescaped) is not the deck's.
    expect(text(repaired, 'docProps/app.xml')).not.toContain('Smith');
  });
});

describe('finishPackage on size', () => {
  it('makes a text-heavy deck at most half its raw size', async () => {
    const rawText = await buildTextDeck(60);
    const finishedText = await finishPackage(rawText, FINISH_OPTIONS);
    const ratio = finishedText.length / rawText.length;
    console.info(`text-heavy deck, 60 slides: ${rawText.length} → ${finishedText.length} bytes (${(ratio * 100).toFixed(1)}%)`);
    expect(ratio).toBeLessThanOrEqual(0.5);
    expect(checkPackage(finishedText, 'text.pptx')).toEqual([]);
  });

  it('stores a logo used on 200 slides once', async () => {
    const logo = makePng(96, 96);
    const rawLogo = await buildLogoDeck(200, logo);
    const media = (p: ReadonlyMap<string, Uint8Array>): string[] => [...p.keys()].filter((n) => n.startsWith('ppt/media/'));
    expect(media(readZip(rawLogo))).toHaveLength(200);

    const finishedLogo = await finishPackage(rawLogo, FINISH_OPTIONS);
    const out = readZip(finishedLogo);
    expect(media(out)).toEqual(['ppt/media/image-1-1.png']);
    expect(Buffer.from(out.get('ppt/media/image-1-1.png') ?? []).equals(logo)).toBe(true);
    for (let k = 1; k <= 200; k++) {
      expect(text(out, `ppt/slides/_rels/slide${k}.xml.rels`)).toContain('Target="../media/image-1-1.png"');
    }
    expect(checkPackage(finishedLogo, 'logo.pptx')).toEqual([]);
    console.info(`logo on 200 slides: ${rawLogo.length} → ${finishedLogo.length} bytes`);
  });
});
