import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { startChartDrawer } from '../../src/charts/drawer/chart-drawer.js';
import { formatReport } from '../../src/manifest/format-report.js';
import { parseManifest } from '../../src/manifest/manifest.js';

/* The rebuild report's values are written as the deck writes them: "48 billion" in English, 480億 in Chinese. */

const PROJECT = path.resolve(__dirname, '..', 'charts', 'projects', 'locale');
const drawer = startChartDrawer({ maxThreads: 0 });
afterAll(() => drawer.close());

/** Builds the project in `lang`, changes two figures and a rank, builds again: the report and the manifest of the second build. */
async function rebuilt(lang: string): Promise<{ report: string; values: Record<string, string>[] }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `briefdeck-report-${lang}-`));
  await cp(PROJECT, dir, { recursive: true });
  const outline = path.join(dir, 'deck.yaml');
  await writeFile(outline, (await readFile(outline, 'utf8')).replace('lang: zh-TW', `lang: ${lang}`));
  const out = path.join(dir, 'dist', 'deck.pptx');
  const build = async () => {
    const r = await buildDeck({ outline, out, drawer, sourceDateEpoch: 0 });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    return r;
  };
  await build();
  const money = path.join(dir, 'data', 'money.yaml');
  await writeFile(money, (await readFile(money, 'utf8')).replace('value: 48000000000', 'value: 52000000000').replace('value: 380000000000', 'value: 400000000000'));
  const apps = path.join(dir, 'data', 'apps.yaml');
  await writeFile(apps, (await readFile(apps, 'utf8')).replace('{ within: 10, name: Kimi', '{ within: 20, name: Kimi'));
  const second = await build();
  if (!second.report) throw new Error('no report on the second build');
  const manifest = parseManifest(await readFile(path.join(dir, 'dist', 'deck.manifest.json'), 'utf8'));
  return { report: formatReport(second.report, second.deck!.locale), values: manifest?.slides.map((s) => s.values) ?? [] };
}

describe('the change report in the deck’s locale', () => {
  it('an English deck: billions, currency symbols, "top 20"', async () => {
    const { report, values } = await rebuilt('en-US');
    expect(report).toContain('money.capex: Alpha >¥380 billion (next 3 years) → >¥400 billion (next 3 years), Beta ~$48 billion (2024) → ~$52 billion (2024)\n');
    expect(report).toContain('apps.web: Kimi top 10 → top 20\n');
    expect(report).toContain('slide 8: “more than ¥380 billion” → “…than ¥400 billion”; “about $48 billion” → “about $52 billion”\n');
    expect(report).toContain('5 of 9 slides changed, 4 unchanged');
    expect(report).not.toMatch(/\p{Script=Han}/u);
    expect(values.flatMap((v) => Object.values(v)).filter((v) => /\p{Script=Han}/u.test(v))).toEqual([]);
    expect(values.some((v) => v['apps.web: entries'] === 'ChatGPT, DeepSeek, Doubao, Kimi')).toBe(true);
  }, 60_000);

  it('a zh-TW deck: 億 and 前N, as the default deck has always said', async () => {
    const { report, values } = await rebuilt('zh-TW');
    expect(report).toContain('money.capex：Alpha >3800億人民幣（next 3 years） → >4000億人民幣（next 3 years）、Beta ~480億美元（2024） → ~520億美元（2024）\n');
    expect(report).toContain('apps.web：Kimi 前10 → 前20\n');
    expect(report).toContain('第8張投影片：「超過3800億人民幣」 → 「超過4000億人民幣」；「約480億美元」 → 「約520億美元」\n');
    expect(report).toContain('9張投影片中5張變動，4張不變');
    expect(values.some((v) => v['apps.web: entries'] === 'ChatGPT、DeepSeek、Doubao、Kimi')).toBe(true);
  }, 60_000);

  it('a ja-JP deck: 億 and 上位N', async () => {
    const { report } = await rebuilt('ja-JP');
    expect(report).toContain('Beta ~480億米ドル（2024） → ~520億米ドル（2024）\n');
    expect(report).toContain('apps.web：Kimi 上位10 → 上位20\n');
    expect(report).toContain('スライド3、5：グラフを再描画\n');
  }, 60_000);
});
