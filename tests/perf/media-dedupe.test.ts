import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingCache } from '../../src/charts/counting-cache.js';
import { buildDeck } from '../../src/build.js';
import { createChartCache } from '../../src/charts/draw-pictures.js';
import { readRelationships, resolveTarget } from '../../src/pptx/opc/relationships.js';
import { readZip } from '../../src/pptx/zip/zip-read.js';

const ROOT = path.resolve(__dirname, '../..');

const OUTLINE = `deck:
  title: 同一張圖兩次
  date: "2025-03-10"
  lang: zh-TW
data:
  survey: data/survey.yaml
  capex: data/capex.yaml
slides:
  - layout: chart
    title: 第一次
    chart: { kind: share, data: survey.sos, items: [china, global] }
    takeaway: 同一張圖
  - layout: chart
    title: 第二次
    chart: { kind: share, data: survey.sos, items: [china, global] }
    takeaway: 同一張圖，再一次
  - layout: chart
    title: 另一張圖
    chart: { kind: comparison, data: capex.bytedance, items: [compute, idc] }
    takeaway: 不同的圖
`;

let project: string;
beforeAll(() => {
  project = mkdtempSync(path.join(tmpdir(), 'briefdeck-perf-media-'));
  cpSync(path.join(ROOT, 'outline', 'data'), path.join(project, 'data'), { recursive: true });
  writeFileSync(path.join(project, 'twice.yaml'), OUTLINE);
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('a chart shown on two slides', () => {
  it('is drawn once and stored once in the deck; a different chart is stored apart', async () => {
    const counted = countingCache(createChartCache());
    const result = await buildDeck({ outline: path.join(project, 'twice.yaml'), cwd: project, write: false, chartCache: counted });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.stats.charts).toBe(3);
    expect(counted.counts.drawn).toBe(2); // the share chart once, the comparison once

    const parts = readZip(result.pptx!);
    const media = [...parts.keys()].filter((p) => p.startsWith('ppt/media/'));
    expect(media).toHaveLength(2);
    const pictureOf = (slide: string) =>
      readRelationships(parts, slide)
        .filter((r) => r.type.endsWith('/image'))
        .map((r) => resolveTarget(slide, r.target));
    const [first, second, third] = ['ppt/slides/slide1.xml', 'ppt/slides/slide2.xml', 'ppt/slides/slide3.xml'].map(pictureOf);
    expect(first).toHaveLength(1);
    expect(second).toEqual(first);
    expect(third).toHaveLength(1);
    expect(third).not.toEqual(first);
    for (const target of [...first!, ...third!]) expect(media).toContain(target);
  }, 120_000);
});
