import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishPackage } from '../../src/pptx/finish/finish.js';
import { readZip } from '../../src/pptx/zip/zip-read.js';
import { buildGalleryDeck, buildSampleDeck, FINISH_OPTIONS, makePng } from './decks.js';
import { validateParts } from './xsd.js';

let logoDir: string;
beforeAll(() => {
  logoDir = mkdtempSync(path.join(tmpdir(), 'briefdeck-schema-'));
  writeFileSync(path.join(logoDir, 'logo.png'), makePng(16, 16));
});
afterAll(() => rmSync(logoDir, { recursive: true, force: true }));

describe('every part of a finished deck validates against the OOXML schemas', () => {
  it('the sample deck (text, notes, image, bar/line/doughnut charts, table)', async () => {
    const raw = await buildSampleDeck(path.join(logoDir, 'logo.png'));
    // the check is not vacuous: pptxgenjs's own output fails it
    expect(validateParts(readZip(raw)).invalid.map((p) => p.part)).toEqual(expect.arrayContaining(['ppt/presentation.xml', 'ppt/charts/chart1.xml', 'ppt/slides/slide1.xml']));
    const { checked, invalid } = validateParts(readZip(await finishPackage(raw, FINISH_OPTIONS)));
    expect(invalid).toEqual([]);
    expect(checked).toBeGreaterThan(25);
  });

  it('a gallery of chart kinds, a master with placeholders, shapes, links and a table', async () => {
    const { checked, invalid } = validateParts(readZip(await finishPackage(await buildGalleryDeck(), FINISH_OPTIONS)));
    expect(invalid).toEqual([]);
    expect(checked).toBeGreaterThan(40);
  });
});
