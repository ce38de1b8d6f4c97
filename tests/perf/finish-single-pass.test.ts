import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repairContentTypes } from '../../src/pptx/finish/content-types.js';
import { appProperties } from '../../src/pptx/finish/app-props.js';
import { dedupeMedia } from '../../src/pptx/finish/media.js';
import { applyXmlEdits, naturalCompare, normalizeAsParsed, type Parts, type XmlEdit } from '../../src/pptx/opc/parts.js';
import { removeDanglingRelationships } from '../../src/pptx/opc/relationships.js';
import { renumberCharts } from '../../src/pptx/finish/renumber.js';
import { sanitizeXmlText } from '../../src/pptx/finish/sanitize.js';
import { normalizeEmbeddedWorkbooks } from '../../src/pptx/finish/workbooks.js';
import { createElement, parseXml, serializeXml, textNode, type XmlDocument } from '../../src/pptx/xml/xml.js';
import { finishPackage, treeEdits, type FinishOptions } from '../../src/pptx/finish/finish.js';
import { readZip } from '../../src/pptx/zip/zip-read.js';
import { writeZip } from '../../src/pptx/zip/zip-write.js';
import { buildGalleryDeck, buildSampleDeck, buildTextDeck, FINISH_OPTIONS, makePng, PptxGenJS, writeDeck } from '../pptx/decks.js';

/**
 * The finish stage edits each part's tree in one pass (one parse, one serialization) where it
 * used to run a dozen steps that each parsed and serialized every part. This is that old way,
 * from the same edits, each applied alone (a parse and a serialization of every part it
 * selects), kept to check that the fast way gives the same bytes.
 */
function finishStepByStep(raw: Uint8Array, opts: FinishOptions): Uint8Array {
  const app = appProperties();
  const alone = (edit: XmlEdit) => (parts: Parts) => applyXmlEdits(new Map([...parts].sort(([a], [b]) => naturalCompare(a, b))), [edit]);
  const steps: ((parts: Parts) => Parts)[] = [
    sanitizeXmlText,
    dedupeMedia,
    renumberCharts,
    removeDanglingRelationships,
    // in natural order: the first occurrence of a GUID names its replacement
    ...treeEdits(opts).map(alone),
    alone(app.collect),
    app.write,
    (p) => normalizeEmbeddedWorkbooks(p, opts.date),
    repairContentTypes,
  ];
  let parts: Parts = readZip(raw);
  for (const step of steps) parts = step(parts);
  return writeZip(parts);
}

/** Notes whose lines make empty paragraphs (and so `<a:t></a:t>` once split), control characters, odd runs. */
async function buildAwkwardNotesDeck(): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  const notes = ['第一行\n\n第三行\n', '\r\n開頭換行\r\n\r\n', '控制字元\u000B在這\u0001裡\n結尾', '', 'A & B < C\n"引號"\n'];
  for (const [k, note] of notes.entries()) {
    const slide = pptx.addSlide();
    slide.addText([{ text: '', options: { breakLine: true } }, { text: `第 ${k + 1} 頁`, options: { bold: true } }, { text: '（續）' }], { x: 0.5, y: 0.5, w: 8, h: 1, lang: 'zh-TW' });
    if (note) slide.addNotes(note);
  }
  pptx.company = 'A & B <公司>';
  return writeDeck(pptx);
}

let logoDir: string;
beforeAll(() => {
  logoDir = mkdtempSync(path.join(tmpdir(), 'briefdeck-perf-logo-'));
  writeFileSync(path.join(logoDir, 'logo.png'), makePng(48, 48));
});
afterAll(() => rmSync(logoDir, { recursive: true, force: true }));

describe('the finish stage in one pass', () => {
  it.each([
    ['the sample deck (text, notes, image by path, native charts, table)', () => buildSampleDeck(path.join(logoDir, 'logo.png'))],
    ['a text deck with notes', () => buildTextDeck(12)],
    ['the chart gallery (every native chart kind, a master with placeholders)', () => buildGalleryDeck()],
    ['notes with empty lines and control characters', () => buildAwkwardNotesDeck()],
  ])('gives the same bytes as the steps one by one: %s', async (_, build) => {
    const raw = await build();
    const fast = await finishPackage(raw, FINISH_OPTIONS);
    expect(Buffer.from(fast).equals(Buffer.from(finishStepByStep(raw, FINISH_OPTIONS)))).toBe(true);
  });

  it('normalizes an edited tree to what parsing its serialization gives', () => {
    const doc = parseXml('<?xml version="1.0"?>\n<r><a:t xmlns:a="urn:a">x</a:t><b/></r>');
    if (!doc.ok) throw new Error('test XML does not parse');
    const tree: XmlDocument = doc.document;
    // What edits leave: an empty text node (serialized `<a:t></a:t>`), text nodes side by side.
    const [t, b] = tree.root.children as [ReturnType<typeof createElement>, ReturnType<typeof createElement>];
    t.children = [textNode('')];
    b.children = [textNode('a & b'), textNode(''), textNode(' < c'), createElement('c'), textNode('')];
    const roundTrip = parseXml(serializeXml(tree));
    normalizeAsParsed(tree.root);
    expect(roundTrip.ok && roundTrip.document).toEqual(tree);
    expect(serializeXml(tree)).toBe('<?xml version="1.0"?>\n<r><a:t xmlns:a="urn:a"/><b>a &amp; b &lt; c<c/></b></r>');
  });
});
