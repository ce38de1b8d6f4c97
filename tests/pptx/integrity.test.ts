import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { finishPackage } from '../../src/pptx/finish/finish.js';
import { checkPackage } from '../../src/pptx/opc/check-package.js';
import { readZip } from '../../src/pptx/zip/zip-read.js';
import { FINISH_OPTIONS, makePng, PptxGenJS, writeDeck } from './decks.js';

const FILE = 'dist/briefing.pptx';
let finished: Map<string, Uint8Array>;

/** A small finished deck (text, notes, image, bar chart) whose parts the tests then break. */
beforeAll(async () => {
  const pptx = new PptxGenJS();
  const slide = pptx.addSlide();
  slide.addText('排名', { x: 1, y: 0.5, w: 8, h: 1, lang: 'zh-TW' });
  slide.addImage({ data: `image/png;base64,${Buffer.from(makePng(8, 8)).toString('base64')}`, x: 1, y: 2, w: 1, h: 1, altText: '標誌' });
  slide.addChart(pptx.ChartType.bar, [{ name: '分數', labels: ['甲', '乙'], values: [2, 1] }], { x: 3, y: 2, w: 4, h: 3 });
  slide.addNotes('備註');
  pptx.addSlide().addText('第二頁', { x: 1, y: 1, w: 8, h: 1 });
  finished = readZip(await finishPackage(await writeDeck(pptx), FINISH_OPTIONS));
});

/** The finished deck with some parts replaced (undefined removes a part), zipped again. */
function variant(edits: Record<string, string | Uint8Array | undefined>): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, bytes] of finished) files[name] = bytes;
  for (const [name, value] of Object.entries(edits)) {
    if (value === undefined) delete files[name];
    else files[name] = typeof value === 'string' ? new TextEncoder().encode(value) : value;
  }
  return zipSync(files);
}

function part(name: string): string {
  return new TextDecoder().decode(finished.get(name));
}

const codes = (bytes: Uint8Array): string[] => checkPackage(bytes, FILE).map((d) => d.code);

describe('checkPackage', () => {
  it('finds nothing wrong with a finished deck', () => {
    expect(checkPackage(variant({}), FILE)).toEqual([]);
  });

  it('reports what raw pptxgenjs output gets wrong', async () => {
    const pptx = new PptxGenJS();
    const slide = pptx.addSlide();
    slide.addChart(pptx.ChartType.bar, [{ name: 'a', labels: ['x'], values: [1] }], { x: 0, y: 0, w: 4, h: 3 });
    slide.addTable([[{ text: '甲' }, { text: '乙' }]], { x: 0, y: 4, w: 4 });
    pptx.addSlide();
    const diagnostics = checkPackage(await writeDeck(pptx), FILE);
    expect(diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'PPTX_CONTENT_TYPE_WITHOUT_PART', severity: 'error', source: { file: FILE } }),
        expect.objectContaining({ code: 'PPTX_DUPLICATE_SHAPE_ID', source: { file: FILE } }),
      ]),
    );
    const phantom = diagnostics.find((d) => d.code === 'PPTX_CONTENT_TYPE_WITHOUT_PART');
    expect(phantom?.message).toContain('/ppt/slideMasters/slideMaster2.xml');
  });

  it('reports characters XML 1.0 forbids, naming the part (pptxgenjs #1240)', async () => {
    const pptx = new PptxGenJS();
    pptx.addSlide().addText('垂直定位\u000B字元', { x: 1, y: 1, w: 8, h: 1 });
    const diagnostics = checkPackage(await writeDeck(pptx), FILE);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'PPTX_FORBIDDEN_CHARACTER', source: { file: FILE } })]);
    expect(diagnostics[0]?.message).toMatch(/^ppt\/slides\/slide1\.xml contains 1 character XML 1\.0 forbids \(first U\+000B at 2:\d+\)$/);
  });

  it('reports a forbidden character written as a character reference', () => {
    const slide = part('ppt/slides/slide1.xml').replace('<a:t>排名</a:t>', '<a:t>排名&#x1;</a:t>');
    expect(codes(variant({ 'ppt/slides/slide1.xml': slide }))).toEqual(['PPTX_FORBIDDEN_CHARACTER']);
  });

  it('reports a file that is not a zip', () => {
    expect(checkPackage(new TextEncoder().encode('not a deck'), FILE)).toEqual([expect.objectContaining({ code: 'PPTX_NOT_ZIP', source: { file: FILE } })]);
  });

  it('reports malformed XML with the part and position', () => {
    const app = part('docProps/app.xml').replace(/<Application>.*<\/Application>/, '<Application>Smith & Jones</Application>');
    const diagnostics = checkPackage(variant({ 'docProps/app.xml': app }), FILE);
    expect(diagnostics.map((d) => d.code)).toEqual(['PPTX_MALFORMED_XML']);
    expect(diagnostics[0]?.message).toMatch(/^docProps\/app\.xml:\d+:\d+: '&' must start/);
    expect(codes(variant({ 'ppt/slides/slide2.xml': '<p:sld xmlns:p="urn:x"><p:cSld></p:sld>' }))).toEqual(['PPTX_MALFORMED_XML']);
  });

  it('reports parts without a content type and overrides without a part', () => {
    const types = part('[Content_Types].xml').replace('</Types>', '<Override PartName="/ppt/slides/slide9.xml" ContentType="x/y"/></Types>');
    expect(codes(variant({ '[Content_Types].xml': types, 'ppt/custom/data.bin9': new Uint8Array([1]) }))).toEqual(['PPTX_CONTENT_TYPE_WITHOUT_PART', 'PPTX_MISSING_CONTENT_TYPE']);
    expect(codes(variant({ '[Content_Types].xml': undefined }))).toEqual(['PPTX_MISSING_PART']);
  });

  it('reports relationships to parts that are not there', () => {
    const media = [...finished.keys()].find((n) => n.startsWith('ppt/media/')) ?? '';
    const diagnostics = checkPackage(variant({ [media]: undefined }), FILE);
    expect(diagnostics.map((d) => d.code)).toEqual(['PPTX_DANGLING_RELATIONSHIP']);
    expect(diagnostics[0]?.message).toContain(media);
  });

  it('reports a relationship id that the part names but its rels do not define', () => {
    const slide = part('ppt/slides/slide1.xml').replace(/r:embed="rId\d+"/, 'r:embed="rId99"');
    expect(codes(variant({ 'ppt/slides/slide1.xml': slide }))).toEqual(['PPTX_UNKNOWN_RELATIONSHIP_ID']);
  });

  it('reports shape ids used twice on a slide', () => {
    const slide = part('ppt/slides/slide1.xml').replace(/(<p:cNvPr id=")\d+(" name="Image)/, '$12$2');
    const diagnostics = checkPackage(variant({ 'ppt/slides/slide1.xml': slide }), FILE);
    expect(diagnostics.map((d) => d.code)).toEqual(['PPTX_DUPLICATE_SHAPE_ID']);
    expect(diagnostics[0]?.message).toMatch(/^ppt\/slides\/slide1\.xml: shape id 2 is used by '.+' and 'Image 0'$/);
  });

  it('reports a slide list that does not match the slide parts', () => {
    const presentation = part('ppt/presentation.xml').replace(/<p:sldId id="257" r:id="rId\d+"\/>/, '');
    const diagnostics = checkPackage(variant({ 'ppt/presentation.xml': presentation }), FILE);
    expect(diagnostics.map((d) => d.code)).toEqual(['PPTX_SLIDE_LIST_MISMATCH']);
    expect(diagnostics[0]?.message).toContain('ppt/slides/slide2.xml');

    const extra = part('ppt/presentation.xml').replace('</p:sldIdLst>', '<p:sldId id="300" r:id="rId1"/></p:sldIdLst>');
    expect(codes(variant({ 'ppt/presentation.xml': extra }))).toEqual(['PPTX_SLIDE_LIST_MISMATCH']);
  });
});
