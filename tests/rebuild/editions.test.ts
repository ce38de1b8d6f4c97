/**
 * Editions of a ranking in the rebuild report and the manifest, the `change` helper against the
 * real data, and DATA_STALE with the deck. The a16z lists carry two editions: March 2025, and
 * August 2024, of which the article gives no ranks (only that ByteDance and Meitu products were
 * listed, none in either top five), so it lists no entries.
 *
 * The "2025-09" edition below is made up for the test (a copy of the data in a temporary
 * folder); it stands for the next edition arriving.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type BuildResult } from '../../src/build.js';
import { formatReport } from '../../src/manifest/format-report.js';
import { parseManifest, type Manifest } from '../../src/manifest/manifest.js';
import { chartSlide, copyProject, outlineSlides, type Project } from './project.js';

const build = (p: Project) => buildDeck({ outline: p.outline, cwd: p.dir });
const manifestOf = (p: Project): Manifest => parseManifest(readFileSync(p.manifest, 'utf8')) as Manifest;

const WEB_MARCH = '    - asOf: "2025-03"\n      note: 3月7日發布的最新一期';
const WEB_SEPTEMBER = `    - asOf: "2025-09"
      entries:
        - { name: DeepSeek, rank: 3, group: china }
        - { name: 豆包, rank: 10, group: china, maker: 字節跳動 }
        - { name: 月之暗面, rank: 11, group: china }
        - { name: 海螺視頻, rank: 12, group: china }
        - { name: 可靈, rank: 20, group: china, maker: 快手 }
`;
/** The web chart's takeaway line, as the outline writes it (a template that names DeepSeek's rank is added to it). */
const TAKEAWAY = `takeaway: '${outlineSlides().find((s) => s.chartData === 'a16z.web')?.takeaway ?? ''}'`;
const WEB = chartSlide('a16z.web');
const MOBILE = chartSlide('a16z.mobile');
const stale = (r: BuildResult) => r.diagnostics.filter((d) => d.code === 'DATA_STALE').map((d) => d.message.split(' ')[0]);

describe('the change helper against the a16z data', () => {
  let project: Project;
  beforeAll(() => {
    project = copyProject();
  });
  afterAll(() => project?.remove());

  it('refuses a change against August 2024, whose ranks the source does not give, at the {{…}}', async () => {
    project.edit('briefing.yaml', TAKEAWAY, `${TAKEAWAY.slice(0, -1)}（{{change a16z.web "DeepSeek"}}）'`);
    const result = await build(project);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'TEMPLATE_HELPER_ARGUMENT', source: { file: project.file('briefing.yaml') } });
    expect(errors[0]?.message).toContain('the 2024-08 edition of a16z.web lists no entries');
    const [start, end] = errors[0]?.source?.range ?? [0, 0];
    expect(project.read('briefing.yaml').slice(start, end)).toBe('{{change a16z.web "DeepSeek"}}');
    expect(result.outFile).toBeUndefined();
    expect(existsSync(project.deck)).toBe(false);
  });
});

describe('a new edition of a ranking arrives', () => {
  let project: Project;
  let first: BuildResult;
  let second: BuildResult;

  beforeAll(async () => {
    project = copyProject();
    first = await build(project);
    expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    project.edit('data/a16z.yaml', WEB_MARCH, WEB_SEPTEMBER + WEB_MARCH);
    project.edit('briefing.yaml', TAKEAWAY, `${TAKEAWAY.slice(0, -1)}，DeepSeek較上一期{{change a16z.web "DeepSeek"}}'`);
    second = await build(project);
    expect(second.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
  afterAll(() => project?.remove());

  it('reports the values a slide shows from the newest edition, and that the edition changed', () => {
    const slide6 = second.report?.changed.find((c) => c.number === WEB);
    expect(slide6?.values).toEqual(
      expect.arrayContaining([
        { key: 'a16z.web: asOf', before: '2025-03', after: '2025-09' },
        { key: 'a16z.web: DeepSeek', before: '2', after: '3' },
        { key: 'a16z.web: DeepSeek change', after: '▼1 vs 2025-03' },
      ]),
    );
    // Values that stayed the same are not named.
    expect(slide6?.values.map((v) => v.key)).not.toContain('a16z.web: 豆包');
    // The report says it as the data changed: the new edition, who moved, who is gone; no "(none) →" line.
    const text = formatReport(second.report!, second.deck!.locale);
    expect(text).toContain('a16z.web：新一期2025年9月，上一期2025年3月——DeepSeek 2 → 3\n');
    expect(text).not.toContain('(none)');
    expect(text).not.toContain('→ —');
  });

  it('shows the change on the slide', async () => {
    const { strFromU8, unzipSync } = await import('fflate');
    const slide = strFromU8(unzipSync(second.pptx!)[`ppt/slides/slide${WEB}.xml`]!);
    expect(slide).toContain('名列全球第3');
    expect(slide).toContain('DeepSeek較上一期▼1');
  });

  it('keys the newest edition without a date and older ones with theirs', () => {
    const values = manifestOf(project).slides[WEB - 1]?.values ?? {};
    expect(values['a16z.web: DeepSeek']).toBe('3');
    expect(values['a16z.web: DeepSeek change']).toBe('▼1 vs 2025-03');
    expect(Object.keys(values).filter((k) => k.includes('@'))).toEqual([]);
    // The mobile list has no new edition: its slide did not change.
    expect(second.report?.changed.map((c) => c.number)).not.toContain(MOBILE);
  });
});

describe('DATA_STALE with the deck', () => {
  let project: Project;
  beforeAll(() => {
    project = copyProject();
  });
  afterAll(() => project?.remove());

  it('says nothing for the default deck: its data is at most 24 months old on 2025-03-10', async () => {
    const result = await buildDeck({ outline: project.outline, cwd: project.dir, write: false });
    expect(stale(result)).toEqual([]);
  });

  it('warns about a dataset whose newest edition is too old at the deck date, and still builds', async () => {
    project.edit('briefing.yaml', 'date: "2025-03-10"', 'date: "2025-12-01"');
    project.edit('briefing.yaml', 'maxDataAge: 24', 'maxDataAge: 6');
    const result = await build(project);
    expect(stale(result)).toEqual(expect.arrayContaining(['a16z.web', 'a16z.mobile']));
    const web = result.diagnostics.find((d) => d.code === 'DATA_STALE' && d.message.startsWith('a16z.web '));
    expect(web).toMatchObject({ severity: 'warning', source: { file: project.file('data/a16z.yaml') } });
    expect(web?.message).toContain('asOf 2025-03');
    expect(result.outFile).toBe(project.deck);
  });

  it('goes quiet for a list once its newer edition arrives (the older editions do not count)', async () => {
    project.edit('data/a16z.yaml', WEB_MARCH, WEB_SEPTEMBER + WEB_MARCH);
    const result = await build(project);
    expect(stale(result)).not.toContain('a16z.web');
    expect(stale(result)).toContain('a16z.mobile');
    expect(result.report?.changed.map((c) => c.number)).toContain(WEB);
  });
});
