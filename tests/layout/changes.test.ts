/**
 * The `changes` layout kind ("what changed since the last edition"): per ranking with two
 * editions, who moved, who is new, who is gone, from the data alone; a clear warning and a slide
 * that says so when there is nothing to compare; and a build of a small project with it.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { startChartDrawer } from '../../src/charts/drawer/chart-drawer.js';
import { formatReport } from '../../src/manifest/format-report.js';
import type { TextElement } from '../../src/layout/types.js';
import { layOut } from './lay-out.js';

const HERE = path.dirname(new URL(import.meta.url).pathname);
const FIXTURE = path.join(HERE, 'fixture');
const folders: string[] = [];
const drawer = startChartDrawer({ maxThreads: 0 });
afterAll(async () => {
  await drawer.close();
  for (const f of folders) await rm(f, { recursive: true, force: true });
});

/** A copy of the layout fixture whose deck.yaml and a16z.yaml `edit` may change. */
async function fixtureCopy(edit: { deck?: (t: string) => string; a16z?: (t: string) => string }): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-changes-'));
  folders.push(dir);
  await cp(FIXTURE, dir, { recursive: true });
  for (const [rel, f] of [
    ['deck.yaml', edit.deck],
    ['data/a16z.yaml', edit.a16z],
  ] as const) {
    if (f) await writeFile(path.join(dir, rel), f(await readFile(path.join(dir, rel), 'utf8')));
  }
  return path.join(dir, 'deck.yaml');
}

/** The paragraphs of the changes slide's body, as layout made them. */
async function changesBody(outline: string) {
  const { plan, diagnostics } = await layOut(outline);
  const slide = plan.slides.find((s) => s.layout === 'changes');
  const body = slide?.elements.find((e): e is TextElement => e.type === 'text' && e.name === 'changes');
  return { paragraphs: body?.paragraphs.map((p) => ({ text: p.text, bold: p.bold ?? false, bullet: p.bullet ?? null })) ?? [], diagnostics, body };
}

describe('layout: changes', () => {
  it('lists the newest edition against the one before: the heading with both dates, then who moved, who is new, who is gone', async () => {
    const { paragraphs, diagnostics, body } = await changesBody(path.join(FIXTURE, 'deck.yaml'));
    expect(diagnostics.filter((d) => d.code === 'LAYOUT_NOTHING_TO_COMPARE')).toEqual([]);
    expect(paragraphs).toEqual([
      { text: '網頁榜（2025年3月，上一期2024年8月）', bold: true, bullet: null },
      { text: 'DeepSeek 9 → 2', bold: false, bullet: 'bullet' },
      { text: 'Gemini 4 → 3', bold: false, bullet: 'bullet' },
      { text: '新增：夸克 前10', bold: false, bullet: 'bullet' },
      { text: '不再列出：Poe', bold: false, bullet: 'bullet' },
    ]);
    // In the layout's body placeholder, so restyling the master restyles it.
    expect(body?.placeholder).toBe('body');
  });

  it('is the same on every layout of the same data', async () => {
    const a = await layOut(path.join(FIXTURE, 'deck.yaml'));
    const b = await layOut(path.join(FIXTURE, 'deck.yaml'));
    expect(JSON.stringify(a.plan.slides.at(-1))).toBe(JSON.stringify(b.plan.slides.at(-1)));
  });

  it('warns when no dataset has two editions, and the slide says there is nothing to compare', async () => {
    const outline = await fixtureCopy({ a16z: (t) => t.slice(0, t.indexOf('    - asOf: "2024-08"')) });
    const { paragraphs, diagnostics } = await changesBody(outline);
    expect(paragraphs).toEqual([{ text: '本簡報沒有兩期以上可比較的資料。', bold: false, bullet: null }]);
    const warned = diagnostics.filter((d) => d.code === 'LAYOUT_NOTHING_TO_COMPARE');
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatchObject({ severity: 'warning', source: { file: outline } });
  });

  it('data: lists only the rankings named; one with a single edition is a warning, an unknown one an error', async () => {
    const only = await fixtureCopy({ deck: (t) => t.replace('  - layout: changes\n', '  - layout: changes\n    data: [capex.spending, a16z.web]\n') });
    const named = await changesBody(only);
    expect(named.paragraphs[0]?.text).toBe('網頁榜（2025年3月，上一期2024年8月）');
    expect(named.diagnostics.filter((d) => d.code === 'LAYOUT_NOTHING_TO_COMPARE').map((d) => d.message)).toEqual([expect.stringContaining('capex.spending')]);

    const unknown = await fixtureCopy({ deck: (t) => t.replace('  - layout: changes\n', '  - layout: changes\n    data: [a16z.wbe]\n') });
    const result = await buildDeck({ outline: unknown, write: false });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toMatchObject([{ code: 'OUTLINE_UNKNOWN_DATASET', source: { file: unknown } }]);
    expect(errors[0]?.hint).toContain('a16z.web');
    expect(result.pptx).toBeUndefined();
  });
});

describe('a deck with a changes slide, rebuilt when a new edition arrives', () => {
  it('shows the new comparison on the slide, and the report quotes what changed on it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-changes-build-'));
    folders.push(dir);
    await cp(path.join(HERE, '..', 'charts', 'projects', 'locale'), dir, { recursive: true });
    const outline = path.join(dir, 'deck.yaml');
    await writeFile(outline, `${(await readFile(outline, 'utf8')).replace('lang: zh-TW', 'lang: en')}  - layout: changes\n`);
    const out = path.join(dir, 'dist', 'deck.pptx');
    const build = () => buildDeck({ outline, out, drawer, sourceDateEpoch: 0 });
    const first = await build();
    expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const n = first.stats.slides;
    const slideText = (pptx: Uint8Array) => strFromU8(unzipSync(pptx)[`ppt/slides/slide${n}.xml`] as Uint8Array);
    expect(slideText(first.pptx!)).toContain('What changed since the last edition');
    expect(slideText(first.pptx!)).toContain('DeepSeek 5 → 2');

    const apps = path.join(dir, 'data', 'apps.yaml');
    const september =
      '    - asOf: "2025-09"\n      entries:\n        - { rank: 1, name: ChatGPT }\n        - { rank: 4, name: DeepSeek, group: china }\n        - { rank: 7, name: Kimi, group: china }\n';
    await writeFile(apps, (await readFile(apps, 'utf8')).replace('    - asOf: "2025-03"\n', `${september}    - asOf: "2025-03"\n`));
    const second = await build();
    expect(second.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const xml = slideText(second.pptx!);
    expect(xml).toContain('Top AI web products (September 2025, was March 2025)');
    expect(xml).toContain('DeepSeek 2 → 4');
    expect(xml).toContain('dropped: Doubao');
    const report = formatReport(second.report!, second.deck!.locale);
    expect(report).toMatch(new RegExp(`slide ${n}: .*“DeepSeek 2 → 4”`));
    expect(report).not.toContain('layout or template changed');
  }, 120_000);
});
