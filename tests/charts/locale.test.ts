import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, loadInputs } from '../../src/build.js';
import { buildOption } from '../../src/charts/build-option.js';
import { inThreadDrawer, startChartDrawer, type ChartDrawer } from '../../src/charts/drawer/chart-drawer.js';
import type { PictureSetup } from '../../src/charts/drawer/draw-batch.js';
import { drawPictures, renderCharts } from '../../src/charts/draw-pictures.js';
import { chartKind } from '../../src/charts/kinds/registry.js';
import { altText, createChartCache, planCharts } from '../../src/charts/plan-charts.js';
import { resolveChart } from '../../src/charts/resolve.js';
import type { ChartRequest } from '../../src/charts/types.js';
import type { DataStore } from '../../src/data/types.js';
import type { Theme } from '../../src/load/theme/theme.js';
import { readZip } from '../../src/pptx/zip/zip-read.js';
import { CLI, hasCompiledCli } from '../perf/compiled-cli.js';
import { localeOf, measure } from './helpers.js';

/*
 * The same project (tests/charts/projects/locale: a ranking with a partial rank, its rank change,
 * a comparison, a breakdown and a share chart, figures) in each locale: the words each kind's
 * option and alt text carry, pinned in golden.json (UPDATE_GOLDEN=1 rewrites it); an English deck
 * with no Han character of briefdeck's own; pictures never shared between languages.
 */

const PROJECT = path.resolve(__dirname, 'projects', 'locale');
const GOLDEN = path.join(PROJECT, 'golden.json');
const LANGS = ['en-US', 'zh-TW', 'zh-CN', 'ja-JP'] as const;
const HAN = /\p{Script=Han}/u;
const drawer = startChartDrawer({ maxThreads: 0 });
afterAll(() => drawer.close());

/** The project in a folder of its own, with `lang` in place of zh-TW. */
async function project(lang: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `briefdeck-chart-words-${lang}-`));
  await cp(PROJECT, dir, { recursive: true });
  const file = path.join(dir, 'deck.yaml');
  await writeFile(file, (await readFile(file, 'utf8')).replace('lang: zh-TW', `lang: ${lang}`));
  return file;
}

/** Each chart of the project, as its slide asks for it. */
const CHARTS: Record<string, Omit<ChartRequest, 'origin' | 'render'>> = {
  ranking: { kind: 'ranking', data: 'apps.web', highlight: 'china' },
  'rank-change': { kind: 'rank-change', data: 'apps.web', highlight: 'china' },
  comparison: { kind: 'comparison', data: 'money.capex', items: ['alpha', 'gamma'] },
  breakdown: { kind: 'breakdown', data: 'money.capex', items: ['gamma', 'compute', 'sites'] },
  share: { kind: 'share', data: 'money.survey', highlight: 'local' },
};
const request = (name: string, render: ChartRequest['render'] = 'echarts'): ChartRequest => ({ ...(CHARTS[name] as ChartRequest), render, origin: { file: 'deck.yaml' } });

// Keys whose strings are not words: colours, fonts, ECharts' own names.
const NOT_WORDS = new Set([
  'fontFamily',
  'color',
  'fill',
  'borderColor',
  'backgroundColor',
  'type',
  'position',
  'align',
  'fontWeight',
  'symbol',
  'coordinateSystem',
  'cap',
  'icon',
  'stack',
  'barCategoryGap',
  'barGap',
]);

/** Every string an option draws (labels, legend, captions, notes, axis formats), once each, in order. */
function words(value: unknown, out = new Set<string>()): string[] {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) for (const v of value) words(v, out);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (!NOT_WORDS.has(k)) words(v, out);
  return [...out];
}

type Golden = Record<string, Record<string, { words: string[]; alt: string }>>;

let data: DataStore;
let theme: Theme;
const found: Golden = {};
beforeAll(async () => {
  const inputs = await loadInputs(path.join(PROJECT, 'deck.yaml'), [], new Map());
  if (!inputs) throw new Error('the project does not load');
  ({ data, theme } = inputs);
  for (const lang of LANGS) {
    const locale = localeOf(lang);
    found[lang] = {};
    for (const name of Object.keys(CHARTS)) {
      const { chart } = resolveChart(request(name), data);
      if (!chart) throw new Error(`${name} does not resolve`);
      const { option } = buildOption(chart, { theme, locale, width: 1100, height: 480, measure });
      (found[lang] as Golden[string])[name] = { words: words(option), alt: altText(chart, locale) };
    }
  }
  if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, `${JSON.stringify(found, null, 2)}\n`);
});

describe.each(LANGS)('charts of a %s deck', (lang) => {
  const golden = () => (JSON.parse(readFileSync(GOLDEN, 'utf8')) as Golden)[lang] ?? {};

  it.each(Object.keys(CHARTS))('%s: the words the option draws', (name) => {
    expect(found[lang]?.[name]?.words).toEqual(golden()[name]?.words);
  });

  it.each(Object.keys(CHARTS))('%s: the alt text', (name) => {
    expect(found[lang]?.[name]?.alt).toBe(golden()[name]?.alt);
  });
});

describe('the words are the locale’s', () => {
  it('an English chart draws and says no Han character (the project has none)', () => {
    for (const [name, { words: drawn, alt }] of Object.entries(found['en-US'] ?? {})) {
      expect(
        drawn.filter((w) => HAN.test(w)),
        name,
      ).toEqual([]);
      expect(alt, name).not.toMatch(HAN);
    }
  });

  it('zh-TW, zh-CN and ja words differ where the languages do', () => {
    const rest = (lang: string) => found[lang]?.breakdown?.words.find((w) => w.startsWith('其他') || w.startsWith('その他'));
    expect([rest('zh-TW'), rest('zh-CN'), rest('ja-JP')]).toEqual(['其他（未列明）', '其他（未列明）', 'その他（内訳なし）']);
    expect(found['zh-CN']?.['rank-change']?.alt).toContain('名次变化');
    expect(found['zh-TW']?.['rank-change']?.alt).toContain('名次變化');
    expect(found['ja-JP']?.ranking?.words).toContain('{value}位');
  });

  it('native charts take their words and number formats from the locale, and keep the raw values', () => {
    const native = (lang: string, name: string) => {
      const { chart } = resolveChart(request(name, 'native'), data);
      if (!chart) throw new Error(`${name} does not resolve`);
      const spec = chartKind(chart.kind).native(chart, theme, localeOf(lang));
      if ('refused' in spec) throw new Error(spec.refused);
      return spec;
    };
    const en = native('en-US', 'comparison');
    expect(en.data[0]?.values).toEqual([380_000_000_000, 160_000_000_000]);
    expect(en.data[0]?.labels).toEqual(['Alpha (next 3 years) [more than this amount]', 'Gamma (2025)']);
    // Three commas: billions; the yuan's symbol before, the unit's word after, as the deck's text writes "¥380 billion".
    expect(en.options.dataLabelFormatCode).toBe('"¥"0,,," billion"');
    expect(native('zh-TW', 'comparison').options.dataLabelFormatCode).toBe('0\\.00,,"億人民幣"');
    expect(native('zh-CN', 'comparison').options.dataLabelFormatCode).toBe('0\\.00,,"亿人民币"');
    expect(native('ja-JP', 'comparison').options.dataLabelFormatCode).toBe('0\\.00,,"億中国人民元"');
    const parts = native('en-US', 'breakdown');
    expect(parts.data.map((s) => [s.name, s.values])).toEqual([
      ['Compute (approx.)', [90_000_000_000]],
      ['Sites', [50_000_000_000]],
      ['Other (not itemized) (approx.)', [20_000_000_000]],
    ]);
    expect(native('en-US', 'share').data[0]?.name).toBe('Believe AI will change the world (%)');
  });
});

describe('pictures and languages', () => {
  const job = { id: 'web', request: request('ranking'), box: { width: 6, height: 4 } };

  it('a picture in the cache is not reused for a deck in another language', async () => {
    const cache = createChartCache();
    const tw = await renderCharts([job], data, theme, cache, { svg: false, locale: localeOf('zh-TW') });
    const en = await renderCharts([job], data, theme, cache, { svg: false, locale: localeOf('en-US') });
    const again = await renderCharts([job], data, theme, cache, { svg: false, locale: localeOf('zh-TW') });
    expect([tw.stats, en.stats, again.stats].map((s) => [s.rendered, s.cached])).toEqual([
      [1, 0],
      [1, 0],
      [0, 1],
    ]);
    const picture = (r: typeof tw) => r.outputs.get('web');
    expect(picture(en)?.hash).not.toBe(picture(tw)?.hash);
    expect(picture(again)?.hash).toBe(picture(tw)?.hash);
    expect(picture(en)?.altText).not.toMatch(HAN);
    expect(picture(tw)?.altText).toContain('名次未公布');
  });

  it("the drawer is asked to draw in the deck's locale (its words go in the message to the thread)", async () => {
    const setups: PictureSetup[] = [];
    const here = inThreadDrawer();
    const spy: ChartDrawer = {
      ...here,
      draw: (jobs, setup) => {
        setups.push(structuredClone(setup));
        return here.draw(jobs, setup);
      },
    };
    const plan = planCharts([job], data, theme, undefined, { svg: false, locale: localeOf('en-US') });
    const drawn = await drawPictures(plan, spy);
    expect(drawn.diagnostics).toEqual([]);
    expect(setups[0]?.locale).toMatchObject({ tag: 'en-US', intl: 'en-US', words: { 'chart.others': 'Others', 'chart.rankNotPublished': 'rank not published' } });
  });
});

describe('an English deck, unzipped', () => {
  let parts: Map<string, Uint8Array>;
  let given: string;
  beforeAll(async () => {
    const outline = await project('en-US');
    const r = await buildDeck({ outline, write: false, drawer, sourceDateEpoch: 0 });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    parts = readZip(r.pptx as Uint8Array);
    given = [...r.texts.values()].join('\n');
  }, 60_000);

  it('has charts drawn and a native chart', () => {
    const names = [...parts.keys()];
    expect(names.filter((n) => /^ppt\/media\/.*\.png$/.test(n)).length).toBeGreaterThanOrEqual(5);
    expect(names.filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(1);
  });

  it('writes no Han character that the outline and its data do not contain: text, alt text, chart XML', () => {
    const own = (s: string) => [...s].filter((c) => HAN.test(c) && !given.includes(c)).join('');
    const strings: string[] = [];
    for (const [name, bytes] of parts) {
      if (!name.endsWith('.xml')) continue;
      const xml = new TextDecoder().decode(bytes);
      for (const m of xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)) strings.push(`${name}: ${m[1]}`);
      for (const m of xml.matchAll(/\bdescr="([^"]*)"/g)) strings.push(`${name} descr: ${m[1]}`);
      if (name.startsWith('ppt/charts/')) for (const m of xml.matchAll(/<c:(?:v|formatCode)>([^<]*)<\/c:(?:v|formatCode)>|formatCode="([^"]*)"/g)) strings.push(`${name}: ${m[1] ?? m[2]}`);
    }
    expect(strings.some((s) => s.includes('descr'))).toBe(true);
    expect(strings.filter((s) => own(s))).toEqual([]);
  });

  it('says in its alt text what the charts show, in English', () => {
    const slides = [...parts].filter(([n]) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).map(([, b]) => new TextDecoder().decode(b));
    const fromXml = (s: string) =>
      s
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
    const descr = slides.flatMap((x) => [...x.matchAll(/\bdescr="([^"]*)"/g)].map((m) => fromXml(m[1] ?? '')));
    for (const name of Object.keys(CHARTS)) expect(descr, name).toContain(found['en-US']?.[name]?.alt);
  });
});

describe('the compiled CLI, whose pictures are drawn on a worker thread', () => {
  /** The PNG of the project's ranking chart (slide 2) in a deck built by `briefdeck build`. */
  const rankingPicture = async (lang: string): Promise<Uint8Array> => {
    const outline = await project(lang);
    const out = path.join(path.dirname(outline), 'x.pptx');
    const run = spawnSync(process.execPath, [CLI, 'build', outline, '-o', out], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const deck = readZip(new Uint8Array(readFileSync(out)));
    const rels = new TextDecoder().decode(deck.get('ppt/slides/_rels/slide2.xml.rels'));
    const target = /Target="\.\.\/media\/([^"]+\.png)"/.exec(rels)?.[1];
    return deck.get(`ppt/media/${target}`) ?? new Uint8Array();
  };

  it('draws the words of the locale it is sent: the same chart in English and in Chinese is two pictures', async (ctx) => {
    if (!hasCompiledCli()) return ctx.skip();
    const [en, tw, again] = [await rankingPicture('en-US'), await rankingPicture('zh-TW'), await rankingPicture('zh-TW')];
    expect(en.length).toBeGreaterThan(1000);
    expect(Buffer.from(en).equals(Buffer.from(tw))).toBe(false);
    expect(Buffer.from(again).equals(Buffer.from(tw))).toBe(true);
  }, 60_000);
});

it('the golden file exists (UPDATE_GOLDEN=1 writes it)', () => {
  expect(existsSync(GOLDEN)).toBe(true);
});
