/**
 * The change report when a new edition of a ranking arrives and a figure is revised, as an analyst
 * would write it, in zh-TW and in English: compared with golden files in tests/manifest/golden/
 * (`UPDATE_GOLDEN=1 npx vitest run tests/manifest` rewrites them after an intended change), and
 * the same report as JSON from `briefdeck build --format json`.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { startChartDrawer } from '../../src/charts/drawer/chart-drawer.js';
import { formatReport } from '../../src/manifest/format-report.js';
import type { ReportJson } from '../../src/manifest/report-json.js';
import { hasCompiledCli, spawnCli } from '../cli/spawn-cli.js';

const PROJECT = path.resolve(__dirname, '..', 'charts', 'projects', 'locale');
const GOLDEN = path.resolve(__dirname, 'golden');
const drawer = startChartDrawer({ maxThreads: 0 });
const folders: string[] = [];
afterAll(async () => {
  await drawer.close();
  for (const f of folders) await rm(f, { recursive: true, force: true });
});

/** September 2025 of the web list: DeepSeek 2 → 4, Kimi from "top 10" to 7, Doubao gone, Yuanbao new. */
const SEPTEMBER = `    - asOf: "2025-09"
      entries:
        - { rank: 1, name: ChatGPT }
        - { rank: 4, name: DeepSeek, group: china }
        - { rank: 7, name: Kimi, group: china }
        - { rank: 15, name: Yuanbao, group: china }
`;

/** A copy of the project in `lang`, built once; then the new edition and a revised figure. */
async function project(lang: string): Promise<{ dir: string; outline: string; out: string; arrive(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `briefdeck-golden-${lang}-`));
  folders.push(dir);
  await cp(PROJECT, dir, { recursive: true });
  const outline = path.join(dir, 'deck.yaml');
  await writeFile(outline, (await readFile(outline, 'utf8')).replace('lang: zh-TW', `lang: ${lang}`));
  const edit = async (rel: string, from: string, to: string) => {
    const file = path.join(dir, rel);
    const text = await readFile(file, 'utf8');
    if (!text.includes(from)) throw new Error(`no '${from}' in ${rel}`);
    await writeFile(file, text.replace(from, to));
  };
  return {
    dir,
    outline,
    out: path.join(dir, 'dist', 'deck.pptx'),
    async arrive() {
      await edit('data/apps.yaml', '    - asOf: "2025-03"\n', `${SEPTEMBER}    - asOf: "2025-03"\n`);
      await edit('data/money.yaml', 'value: 380000000000', 'value: 400000000000');
    },
  };
}

function golden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

async function reportAfterNewEdition(lang: string): Promise<string> {
  const p = await project(lang);
  const build = async () => {
    const r = await buildDeck({ outline: p.outline, out: p.out, drawer, sourceDateEpoch: 0 });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    return r;
  };
  await build();
  await p.arrive();
  const second = await build();
  if (!second.report || !second.deck) throw new Error('no report on the second build');
  return formatReport(second.report, second.deck.locale);
}

/** Lines that say nothing changed: "x → x", "(none) → (none)", "— vs —". */
function nonChanges(report: string): string[] {
  return report.split('\n').filter((line) => /\(none\)|— vs —/.test(line) || [...line.matchAll(/(\S+) → (\S+)/g)].some((m) => m[1] === m[2]));
}

describe('the change report for a new edition', () => {
  it('zh-TW: the dataset first, then what it did to the slides, in the deck’s words', async () => {
    const report = await reportAfterNewEdition('zh-TW');
    golden('new-edition.zh-TW.txt', report);
    expect(report).toContain('apps.web：新一期2025年9月，上一期2025年3月——DeepSeek 2 → 4、Kimi 前10 → 7；新增：Yuanbao 15；不再列出：Doubao\n');
    expect(nonChanges(report)).toEqual([]);
  }, 60_000);

  it('en: the same report in English, with no Chinese word or number in it', async () => {
    const report = await reportAfterNewEdition('en');
    golden('new-edition.en.txt', report);
    expect(report).toContain('apps.web: new edition September 2025, was March 2025 — DeepSeek 2 → 4, Kimi top 10 → 7; new: Yuanbao 15; dropped: Doubao\n');
    expect(report).toContain('money.capex: Alpha >¥380 billion (next 3 years) → >¥400 billion (next 3 years)\n');
    expect(report).not.toMatch(/\p{Script=Han}/u);
    expect(nonChanges(report)).toEqual([]);
  }, 60_000);
});

describe.skipIf(!hasCompiledCli())('build --format json', () => {
  it('prints { diagnostics, deck, report }: null report on the first build, the changes on the next', async () => {
    const p = await project('en');
    const args = ['build', p.outline, '-o', p.out, '--format', 'json'];
    const first = spawnCli(args, { cwd: p.dir, env: { SOURCE_DATE_EPOCH: '0' } });
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ diagnostics: [], deck: path.join('dist', 'deck.pptx'), report: null });
    await p.arrive();
    const second = spawnCli(args, { cwd: p.dir, env: { SOURCE_DATE_EPOCH: '0' } });
    expect(second.status, second.stderr).toBe(0);
    const { report } = JSON.parse(second.stdout) as { report: ReportJson };
    expect(Object.keys(report)).toEqual(['inputsChanged', 'datasets', 'slides', 'slidesAdded', 'slidesRemoved', 'unchanged', 'total', 'merge']);
    expect(report.inputsChanged).toEqual(['data/apps.yaml', 'data/money.yaml']);
    expect(report.datasets.find((d) => d.id === 'apps.web')).toEqual({
      id: 'apps.web',
      title: 'Top AI web products',
      type: 'ranking',
      status: 'changed',
      asOf: { date: '2025-09', was: '2025-03' },
      moved: [
        { key: 'DeepSeek', name: 'DeepSeek', before: '2', after: '4' },
        { key: 'Kimi', name: 'Kimi', before: 'top 10', after: '7' },
      ],
      added: [{ key: 'Yuanbao', name: 'Yuanbao', value: '15' }],
      dropped: [{ key: 'Doubao', name: 'Doubao', value: '12' }],
      nothingBefore: false,
    });
    const web = report.slides.find((s) => s.title === 'Web ranking');
    expect(web).toMatchObject({ layout: 'chart', chartRedrawn: true, citation: true, texts: [{ before: 'DeepSeek is 2; Kimi is top 10', after: 'DeepSeek is 4; Kimi is 7' }] });
    // Only slides that changed, each with what changed.
    expect(report.slides.map((s) => s.number)).not.toContain(1 + report.total);
    for (const s of report.slides) expect(s.chartRedrawn || s.citation || s.notes || s.texts.length > 0).toBe(true);
    expect(report.merge).toBeNull();
    expect(report.unchanged + report.slides.length).toBe(report.total);
    // A figure is named by its label, and keyed by its key.
    expect(report.datasets.find((d) => d.id === 'money.capex')?.moved).toEqual([{ key: 'alpha', name: 'Alpha', before: '>¥380 billion (next 3 years)', after: '>¥400 billion (next 3 years)' }]);
  }, 120_000);
});
