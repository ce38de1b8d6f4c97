import { strFromU8, unzipSync } from 'fflate';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { checkPackage } from '../../src/pptx/opc/check-package.js';
import { validateParts } from '../pptx/xsd.js';
import { libreOfficeUnavailable, renderPages } from './render.js';

const MINI = path.resolve(__dirname, '../fixtures/mini');

/** The mini project with one more slide: a chart the outline asks for as a native, editable chart. */
async function buildWithNativeChart() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-native-'));
  await cp(MINI, dir, { recursive: true });
  const file = path.join(dir, 'deck.yaml');
  const outline =
    (await readFile(file, 'utf8')) +
    `  - layout: chart
    title: 資本開支
    chart: { kind: comparison, data: capex.spending, render: native }
    takeaway: 阿里與字節
    notes: 比較兩家的資本開支。
`;
  await writeFile(file, outline);
  return buildDeck({ outline: file, cwd: dir, write: false });
}

describe('a chart with render: native', () => {
  it('is an editable PowerPoint chart with its workbook, values in order and an East Asian font', async () => {
    const result = await buildWithNativeChart();
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const parts = unzipSync(result.pptx!);
    const chart = strFromU8(parts['ppt/charts/chart1.xml']!);
    expect(Object.keys(parts).some((p) => /^ppt\/embeddings\/.+\.xlsx$/.test(p))).toBe(true);
    const categories = [...chart.matchAll(/<c:pt idx="\d+"><c:v>([^<]*)<\/c:v><\/c:pt>/g)].map((m) => m[1]);
    expect(categories.findIndex((c) => c?.includes('阿里'))).toBeLessThan(categories.findIndex((c) => c?.includes('字節')));
    expect(chart).toMatch(/<a:ea typeface="Microsoft JhengHei"\/>/);
    expect(chart).toContain('lang="zh-TW"');
    expect(checkPackage(result.pptx!, 'native.pptx')).toEqual([]);
    expect(validateParts(new Map(Object.entries(parts))).invalid).toEqual([]);
    if (!libreOfficeUnavailable()) expect(renderPages(result.pptx!).at(-1)).toContain('資本開支');
  }, 180_000);
});
