import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type BuildResult } from '../../src/build.js';
import { formatReport } from '../../src/manifest/format-report.js';
import { parseManifest, type Manifest } from '../../src/manifest/manifest.js';
import {
  chartSlide,
  copyProject,
  DEEPSEEK_2,
  DEEPSEEK_4,
  deepseekWebSlides,
  notesOf,
  type OutlineSlide,
  outlineSlides,
  picturesOf,
  same,
  slideCount,
  slideParts,
  text,
  unzip,
  type Parts,
  type Project,
} from './project.js';

const build = (p: Project) => buildDeck({ outline: p.outline, cwd: p.dir });
const manifestOf = (p: Project): Manifest => parseManifest(readFileSync(p.manifest, 'utf8')) as Manifest;

/** The only differences between two texts of the same length are `from` → `to` characters. */
function onlySwaps(before: string, after: string, from: string, to: string): { swaps: number; other: string[] } {
  const other: string[] = [];
  let swaps = 0;
  if (before.length !== after.length) return { swaps, other: [`length ${before.length} → ${after.length}`] };
  for (let i = 0; i < before.length; i++) {
    if (before[i] === after[i]) continue;
    if (before[i] === from && after[i] === to) swaps++;
    else other.push(`${i}: …${before.slice(i - 20, i + 20)}… → …${after.slice(i - 20, i + 20)}…`);
  }
  return { swaps, other };
}

describe('a rebuild after one data value changed (DeepSeek on a16z.web, 2 → 4)', () => {
  let project: Project;
  let first: BuildResult;
  let second: BuildResult;
  let before: Parts;
  let after: Parts;
  let manifest: Manifest;
  /** The slides that show DeepSeek's web rank, according to the first build's manifest. */
  let dependent: number[];

  beforeAll(async () => {
    project = copyProject();
    first = await build(project);
    expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    manifest = manifestOf(project);
    dependent = manifest.slides.filter((s) => s.values['a16z.web: DeepSeek'] === '2').map((s) => s.number);
    project.edit('data/a16z.yaml', DEEPSEEK_2, DEEPSEEK_4);
    second = await build(project);
    expect(second.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    before = unzip(first.pptx as Uint8Array);
    after = unzip(second.pptx as Uint8Array);
  });
  afterAll(() => project?.remove());

  const web = chartSlide('a16z.web');
  /** The comparison of the two editions, which names DeepSeek's web rank in a bullet. */
  const editions = outlineSlides().find((s) => s.layout === 'comparison' && s.strings.some((t) => t.includes('rank a16z.web "DeepSeek"')))?.number ?? 0;

  it('knows which slides show the value: the web-ranking chart, the comparison of editions, and every slide whose text asks for it', () => {
    expect(dependent).toEqual(deepseekWebSlides());
    expect(dependent).toEqual(expect.arrayContaining([web, editions]));
    expect(manifest.slides[web - 1]).toMatchObject({ layout: 'chart' });
  });

  it('rewrites the rank in the text and notes of those slides, and nothing else there', () => {
    for (const n of dependent) {
      const slide = `ppt/slides/slide${n}.xml`;
      const notes = notesOf(after, n) as string;
      const inSlide = onlySwaps(text(before, slide), text(after, slide), '2', '4');
      const inNotes = onlySwaps(text(before, notes), text(after, notes), '2', '4');
      expect(inSlide.other, `slide ${n}`).toEqual([]);
      expect(inNotes.other, `notes of slide ${n}`).toEqual([]);
      expect(inSlide.swaps + inNotes.swaps, `slide ${n}`).toBeGreaterThan(0);
    }
    expect(text(after, `ppt/slides/slide${web}.xml`)).toContain('名列全球第4');
    expect(text(after, notesOf(after, web) as string)).toContain('排到了全球榜第4');
    expect(text(after, `ppt/slides/slide${editions}.xml`)).toContain('網頁榜：DeepSeek第4');
    expect(text(after, notesOf(after, editions) as string)).toContain('DeepSeek在網頁榜名列第4');
  });

  it('redraws the chart: the picture of the chart slide differs', () => {
    const [picture] = picturesOf(after, web);
    expect(picture).toBeDefined();
    expect(picturesOf(before, web)).toEqual([picture]);
    expect(same(before[picture as string], after[picture as string])).toBe(false);
  });

  it('leaves every other slide byte-identical: XML, relationships, notes and pictures', () => {
    const count = slideCount(after);
    expect(slideCount(before)).toBe(count);
    const differing: string[] = [];
    for (let n = 1; n <= count; n++) {
      if (dependent.includes(n)) continue;
      const names = slideParts(after, n);
      expect(slideParts(before, n)).toEqual(names);
      expect(names).toContain(notesOf(after, n));
      for (const part of names) if (!same(before[part], after[part])) differing.push(`slide ${n}: ${part}`);
    }
    expect(differing).toEqual([]);
  });

  it('changes no other part of the package beyond those slides', () => {
    const touched = new Set(dependent.flatMap((n) => slideParts(after, n)));
    // The document properties list every slide's title, and a title shows the value.
    touched.add('docProps/app.xml');
    const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    const differing = names.filter((n) => !same(before[n], after[n]) && !touched.has(n));
    expect(differing).toEqual([]);
  });

  it('reports the value, the slides, and how many stayed the same', () => {
    const report = second.report;
    expect(report).toBeDefined();
    expect(report?.changedInputs).toEqual(['data/a16z.yaml']);
    expect(report?.changed.map((c) => c.number)).toEqual(dependent);
    for (const c of report?.changed ?? []) expect(c.values).toEqual([{ key: 'a16z.web: DeepSeek', before: '2', after: '4' }]);
    expect(report?.unchanged).toBe(slideCount(after) - dependent.length);
    expect(report?.added).toEqual([]);
    expect(report?.removed).toEqual([]);

    // The deck is in zh-TW: so is its report. The data first, then what it did to each slide.
    const text = formatReport(report!, second.deck!.locale);
    expect(text).toContain('變動的輸入：data/a16z.yaml');
    expect(text).toContain('\na16z.web：DeepSeek 2 → 4\n');
    expect(report?.changed.find((c) => c.number === web)).toMatchObject({ chart: true, citation: false });
    expect(report?.changed.find((c) => c.number === editions)?.texts?.length).toBeGreaterThan(0);
    expect(text).not.toContain('版面或範本變動');
    expect(text).toContain(`${slideCount(after)}張投影片中${dependent.length}張變動，${slideCount(after) - dependent.length}張不變`);
  });

  it('keeps the manifest beside the deck, independent of where briefdeck is installed', () => {
    const m = manifestOf(project);
    expect(m.slides[web - 1]?.values['a16z.web: DeepSeek']).toBe('4');
    expect(m.slides[web - 1]?.values['a16z.web: asOf']).toBe('2025-03');
    expect(Object.keys(m.inputs)).toEqual(expect.arrayContaining(['briefing.yaml', 'data/a16z.yaml', 'briefdeck:templates/themes/default.yaml']));
    for (const name of Object.keys(m.inputs)) expect(name).not.toMatch(/^\.\.|^\//);
  });
});

describe('a rebuild after the outline text of one slide changed', () => {
  let project: Project;
  let first: BuildResult;
  let second: BuildResult;

  beforeAll(async () => {
    project = copyProject();
    first = await build(project);
    project.edit('briefing.yaml', '3月6日凌晨Manus橫空出世', '3月6日凌晨，Manus橫空出世');
    second = await build(project);
  });
  afterAll(() => project?.remove());

  const edited = outlineSlides().find((s) => s.strings.some((t) => t.includes('3月6日凌晨Manus橫空出世'))) as OutlineSlide;

  it('reports that slide only, as changed in text or layout', () => {
    const report = second.report!;
    expect(report.changedInputs).toEqual(['briefing.yaml']);
    expect(report.changed).toEqual([
      {
        number: edited.number,
        title: edited.title,
        layout: edited.layout,
        values: [],
        chart: false,
        texts: [{ before: '3月6日凌晨Manus橫空出世，再度引發市場對中國AI產品的高度關注', after: '3月6日凌晨，Manus橫空出世，再度引發市場對中國AI產品的高度關注' }],
        citation: false,
        notes: false,
      },
    ]);
    const text = formatReport(report, second.deck!.locale);
    expect(text).toContain(`第${edited.number}張投影片：「3月6日凌晨Manus橫空出世，再度引發市場對中國AI產品的高度關注」 → 「…凌晨，Manus橫空出世，再度…」`);
    expect(text).toMatch(/(\d+)張投影片中1張變動，(\d+)張不變/);
  });

  it('leaves every other slide byte-identical', () => {
    const before = unzip(first.pptx!);
    const after = unzip(second.pptx!);
    expect(text(after, `ppt/slides/slide${edited.number}.xml`)).toContain('3月6日凌晨，Manus橫空出世');
    const differing: string[] = [];
    for (let n = 1; n <= slideCount(after); n++) {
      for (const part of slideParts(after, n)) if (!same(before[part], after[part])) differing.push(`slide ${n}: ${part}`);
    }
    expect(differing).toEqual([`slide ${edited.number}: ppt/slides/slide${edited.number}.xml`]);
  });
});

describe('a rebuild with nothing changed', () => {
  let project: Project;
  let first: BuildResult;
  let second: BuildResult;
  let firstManifest: string;

  beforeAll(async () => {
    project = copyProject();
    first = await build(project);
    firstManifest = readFileSync(project.manifest, 'utf8');
    second = await build(project);
  });
  afterAll(() => project?.remove());

  it('reports no slide changed, and no input', () => {
    const report = second.report!;
    expect(report).toMatchObject({ changedInputs: [], changed: [], added: [], removed: [], unchanged: second.stats.slides });
    expect(formatReport(report, second.deck!.locale)).toBe(`沒有投影片變動（共${second.stats.slides}張）\n`);
  });

  it('gives the same bytes, and the same manifest', () => {
    expect(same(first.pptx, second.pptx)).toBe(true);
    expect(same(readFileSync(project.deck), second.pptx)).toBe(true);
    expect(readFileSync(project.manifest, 'utf8')).toBe(firstManifest);
  });
});

describe('other single-value edits change only the slides that show the value', () => {
  let project: Project;
  let previous: BuildResult;
  beforeAll(async () => {
    project = copyProject();
    previous = await build(project);
  });
  afterAll(() => project?.remove());

  it.each([
    ['a16z.mobile: 百度AI搜索', 'data/a16z.yaml', '{ name: 百度AI搜索, rank: 4,', '{ name: 百度AI搜索, rank: 3,'],
    ['capex.alibaba: plan', 'data/capex.yaml', 'value: 380000000000', 'value: 390000000000'],
    ['survey.sos: global', 'data/survey.yaml', 'value: 77', 'value: 71'],
  ])('%s', async (key, file, from, to) => {
    const old = manifestOf(project);
    project.edit(file, from, to);
    const next = await build(project);
    const before = unzip(previous.pptx!);
    previous = next;
    expect(next.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const after = unzip(next.pptx!);
    const differing: number[] = [];
    for (let n = 1; n <= slideCount(after); n++) if (slideParts(after, n).some((part) => !same(before[part], after[part]))) differing.push(n);
    // The slides whose bytes differ are the slides reported, each for this value alone, and
    // each of them shows it. (A chart slide records every item of its dataset, drawn or not,
    // until bind.ts records chart values with noteChartUses; so "shows" is not tested both ways.)
    expect(differing.length).toBeGreaterThan(0);
    expect(next.report?.changed.map((c) => c.number)).toEqual(differing);
    for (const c of next.report?.changed ?? []) expect(c.values.map((v) => v.key)).toEqual([key]);
    const showing = old.slides.filter((s) => key in s.values).map((s) => s.number);
    expect(showing).toEqual(expect.arrayContaining(differing));
  });
});
