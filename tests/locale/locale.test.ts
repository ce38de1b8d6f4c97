import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindOutline } from '../../src/bind/bind.js';
import { buildDeck, loadInputs } from '../../src/build.js';
import { startChartDrawer } from '../../src/charts/drawer/chart-drawer.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { lineColumn } from '../../src/diagnostics/report.js';
import { loadCatalogs } from '../../src/load/locale/load-catalog.js';
import { templateDirs } from '../../src/load/theme/load-theme.js';
import { MESSAGE_KEYS } from '../../src/locale/messages.js';
import { packageRoot } from '../../src/paths.js';
import { readZip } from '../../src/pptx/zip/zip-read.js';

const FIXTURE = path.resolve(__dirname, 'fixture');
const drawer = startChartDrawer({ maxThreads: 0 });
afterAll(() => drawer.close());

/** The fixture project in a folder of its own, with `lang` in place of zh-TW; `extra` adds files. */
async function project(lang: string, extra: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `briefdeck-locale-${lang}-`));
  await cp(FIXTURE, dir, { recursive: true });
  const file = path.join(dir, 'deck.yaml');
  await writeFile(file, (await readFile(file, 'utf8')).replace('lang: zh-TW', `lang: ${lang}`));
  for (const [name, text] of Object.entries(extra)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return file;
}

/**
 * Each slide's text runs, in order; a run broken over lines (`<a:br/>`, where the typesetter
 * breaks a long line) is one run again, with the space a break between Latin words took.
 */
function slideTexts(pptx: Uint8Array): string[][] {
  const parts = readZip(pptx);
  const out: string[][] = [];
  for (let i = 1; parts.has(`ppt/slides/slide${i}.xml`); i++) {
    const xml = new TextDecoder().decode(parts.get(`ppt/slides/slide${i}.xml`)).replace(/<\/a:t><\/a:r><a:br\/><a:r>(?:<a:rPr[^>]*\/>)?<a:t>/g, '\u2028');
    out.push([...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => (m[1] ?? '').replace(/(.)\u2028(.)/gu, (_, a: string, b: string) => (LATIN.test(a) && LATIN.test(b) ? `${a} ${b}` : a + b))));
  }
  return out;
}
const LATIN = /[\p{Script=Latin}\d,.;:/)]/u;

const built = new Map<string, { texts: string[][]; diagnostics: Diagnostic[] }>();
beforeAll(async () => {
  for (const lang of ['en-US', 'zh-TW', 'zh-CN', 'ja-JP']) {
    const r = await buildDeck({ outline: await project(lang), write: false, drawer, sourceDateEpoch: 0 });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    built.set(lang, { texts: slideTexts(r.pptx as Uint8Array), diagnostics: r.diagnostics });
  }
}, 60_000);

const deck = (lang: string) => built.get(lang)?.texts ?? [];
const helperLine = (lang: string, start: string) => deck(lang)[3]?.find((t) => t.startsWith(start));

/** What every helper gives in each locale, on the fixture's data. */
const GOLDEN: Record<string, Record<string, string>> = {
  'en-US': {
    rank: 'rank 2 / top 10 / change ▲3 / NEW',
    value: 'value 380 billion / figure more than ¥380 billion',
    usd: 'usd 48 billion / about $48 billion / share less than 93%',
    num: 'num 1.2 million / 45,000 / 14.4 trillion / percent 93%',
    date: 'date March 7, 2025 / August 2024 / asOf March 2025 / period 2024 / next 3 years',
  },
  'zh-TW': {
    rank: 'rank 2 / 前10 / change ▲3 / NEW',
    value: 'value 3800億 / figure 超過3800億人民幣',
    usd: 'usd 480億 / 約480億美元 / share 不足93%',
    num: 'num 123.5萬 / 4.5萬 / 14.4兆 / percent 93%',
    date: 'date 2025年3月7日 / 2024年8月 / asOf 2025年3月 / period 2024年 / next 3 years',
  },
  'zh-CN': {
    rank: 'rank 2 / 前10 / change ▲3 / NEW',
    value: 'value 3800亿 / figure 超过3800亿人民币',
    usd: 'usd 480亿 / 约480亿美元 / share 不足93%',
    num: 'num 123.5万 / 4.5万 / 14.4万亿 / percent 93%',
    date: 'date 2025年3月7日 / 2024年8月 / asOf 2025年3月 / period 2024年 / next 3 years',
  },
  'ja-JP': {
    rank: 'rank 2 / 上位10 / change ▲3 / NEW',
    value: 'value 3800億 / figure 3800億中国人民元超',
    usd: 'usd 480億 / 約480億米ドル / share 93%未満',
    num: 'num 123.5万 / 4.5万 / 14.4兆 / percent 93%',
    date: 'date 2025年3月7日 / 2024年8月 / asOf 2025年3月 / period 2024年 / next 3 years',
  },
};

const WORDS: Record<string, { meta: string; agenda: string; sources: string; quote: string; cite: string; sourceLine: string; article: string; entry: string }> = {
  'en-US': {
    meta: 'March 10, 2025 | Aria',
    agenda: 'Agenda',
    sources: 'Sources',
    quote: '“Competition has only just begun”',
    cite: 'cite a16z, “Top 100 Gen AI Consumer Apps”, March 2025 (via Tingtong Tech)',
    sourceLine: 'Sources: Company filings, “Capital spending plans”, February 24, 2025',
    article: '1. Tingtong Tech, Generative AI Competition',
    entry: '2. AI capital spending: Company filings, “Capital spending plans”, February 24, 2025',
  },
  'zh-TW': {
    meta: '2025年3月10日｜Aria',
    agenda: '議程',
    sources: '資料來源',
    quote: '「Competition has only just begun」',
    cite: 'cite a16z《Top 100 Gen AI Consumer Apps》，2025年3月（據Tingtong Tech）',
    sourceLine: '資料來源：Company filings《Capital spending plans》，2025年2月24日',
    article: '1. Tingtong Tech〈Generative AI Competition〉',
    entry: '2. AI capital spending：Company filings《Capital spending plans》，2025年2月24日',
  },
  'zh-CN': {
    meta: '2025年3月10日｜Aria',
    agenda: '议程',
    sources: '资料来源',
    quote: '“Competition has only just begun”',
    cite: 'cite a16z《Top 100 Gen AI Consumer Apps》，2025年3月（据Tingtong Tech）',
    sourceLine: '资料来源：Company filings《Capital spending plans》，2025年2月24日',
    article: '1. Tingtong Tech〈Generative AI Competition〉',
    entry: '2. AI capital spending：Company filings《Capital spending plans》，2025年2月24日',
  },
  'ja-JP': {
    meta: '2025年3月10日｜Aria',
    agenda: 'アジェンダ',
    sources: '出典',
    quote: '「Competition has only just begun」',
    cite: 'cite a16z『Top 100 Gen AI Consumer Apps』、2025年3月（Tingtong Techより）',
    sourceLine: '出典：Company filings『Capital spending plans』、2025年2月24日',
    article: '1. Tingtong Tech「Generative AI Competition」',
    entry: '2. AI capital spending：Company filings『Capital spending plans』、2025年2月24日',
  },
};

describe.each(Object.keys(GOLDEN))('a %s deck', (lang) => {
  it.each(Object.keys(GOLDEN[lang] ?? {}))('writes {{%s …}} helpers as the locale does', (line) => {
    expect(helperLine(lang, `${line} `)).toBe(GOLDEN[lang]?.[line]);
  });

  it('writes the default titles, the date line, quote marks, citations and source lines in its words', () => {
    const w = WORDS[lang];
    const [title, agenda, , helpers, quote, cite, sources] = deck(lang);
    expect(title).toContain(w?.meta);
    expect(agenda?.[0]).toBe(w?.agenda);
    expect(sources?.[0]).toBe(w?.sources);
    expect(quote).toContain(w?.quote);
    expect(cite).toContain(w?.cite);
    expect(helpers).toContain(w?.sourceLine);
    expect(sources).toContain(w?.article);
    expect(sources).toContain(w?.entry);
  });
});

it('writes no Han character of its own in an English deck', async () => {
  const outline = await readFile(path.join(FIXTURE, 'deck.yaml'), 'utf8');
  expect(outline).not.toMatch(/\p{Script=Han}/u);
  const generated = deck('en-US').flat().join('\n');
  expect(generated.length).toBeGreaterThan(200);
  expect(generated.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}「」《》〈〉，：；｜]/gu) ?? []).toEqual([]);
  expect(built.get('en-US')?.diagnostics).toEqual([]);
});

/** Binds the project in `lang` with its own catalogs, as a build that loads them does. */
async function bindIn(lang: string, extra: Record<string, string> = {}) {
  const file = await project(lang, extra);
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string>();
  const inputs = await loadInputs(file, diagnostics, texts);
  if (!inputs) throw new Error(JSON.stringify(diagnostics));
  const catalogs = await loadCatalogs(templateDirs(inputs.outline.dir));
  const bound = bindOutline(inputs.outline, inputs.data, inputs.partials, catalogs);
  return { ...bound, file, text: await readFile(file, 'utf8') };
}

describe('fallback and missing words', () => {
  it.each([
    ['zh-HK', 'zh-TW', '約480億美元'],
    ['zh-SG', 'zh-CN', '约480亿美元'],
    ['en-GB', 'en', 'about $48 billion'],
  ])('%s falls back to the %s catalog with a warning at deck.lang', async (lang, catalog, figure) => {
    const { deck: bound, diagnostics, text } = await bindIn(lang);
    const fallback = diagnostics.filter((d) => d.code === 'OUTLINE_LANG_FALLBACK');
    expect(fallback).toHaveLength(1);
    expect(fallback[0]?.severity).toBe('warning');
    expect(fallback[0]?.message).toContain(`'${catalog}'`);
    const start = fallback[0]?.source?.range?.[0] ?? -1;
    expect(text.slice(start, start + lang.length)).toBe(lang);
    expect(lineColumn(text, start).line).toBe(5);
    expect(bound?.locale.catalog).toBe(catalog);
    expect(JSON.stringify(bound?.slides[3])).toContain(figure);
  });

  it('gives no warning for a tag its catalog is written for', async () => {
    for (const lang of ['en-US', 'ja-JP', 'zh-TW', 'zh-CN']) expect(built.get(lang)?.diagnostics.filter((d) => d.code === 'OUTLINE_LANG_FALLBACK')).toEqual([]);
  });

  it("takes a project's own words over briefdeck's", async () => {
    const { deck: bound, diagnostics } = await bindIn('en-US', { 'templates/locales/en.yaml': 'agenda.title: Today\nqualifier.more: "over {value}"\n' });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(bound?.locale.word('agenda.title')).toBe('Today');
    expect(bound?.locale.word('sources.title')).toBe('Sources');
    expect(JSON.stringify(bound?.slides[3])).toContain('figure over ¥380 billion');
  });

  it('fails with the name of each key a catalog lacks', async () => {
    const { deck: bound, diagnostics } = await bindIn('fr-FR', { 'templates/locales/fr.yaml': 'intl: fr-FR\ncompactFrom: 1000000\nagenda.title: Ordre du jour\n' });
    expect(bound).toBeUndefined();
    const missing = diagnostics.filter((d) => d.code === 'TEMPLATE_MISSING_MESSAGE');
    expect(missing.map((d) => d.message)).toContain("the fr catalog has no 'sources.title'");
    expect(missing.some((d) => d.message.includes("'agenda.title'"))).toBe(false);
    expect(missing.every((d) => d.severity === 'error' && d.source?.file.endsWith(path.join('templates', 'locales', 'fr.yaml')))).toBe(true);
    expect(missing).toHaveLength(MESSAGE_KEYS.length - 3);
  });

  it('reports a key no deck uses, where it is', async () => {
    const { diagnostics } = await bindIn('en-US', { 'templates/locales/en.yaml': 'agenda.titel: Today\n' });
    const unknown = diagnostics.find((d) => d.code === 'TEMPLATE_UNKNOWN_KEY');
    expect(unknown?.message).toContain('agenda.titel');
    expect(unknown?.hint).toContain('agenda.title');
    // At its value: "agenda.titel: " is 14 characters.
    expect(unknown?.source?.range?.[0]).toBe(14);
  });
});

it('{{word}} gives a catalog word, and names a key it does not know where it is called', async () => {
  const file = await project('ja-JP');
  const text = (await readFile(file, 'utf8')).replace('title: Helpers', 'title: \'{{word "sources.title"}} {{word "sources.titel"}}\'');
  await writeFile(file, text);
  const diagnostics: Diagnostic[] = [];
  const inputs = await loadInputs(file, diagnostics, new Map());
  if (!inputs) throw new Error(JSON.stringify(diagnostics));
  const bound = bindOutline(inputs.outline, inputs.data, inputs.partials);
  const problem = bound.diagnostics.find((d) => d.code === 'TEMPLATE_HELPER_ARGUMENT');
  expect(problem?.message).toContain("'sources.titel'");
  expect(problem?.hint).toContain('sources.title');
  const start = problem?.source?.range?.[0] ?? -1;
  expect(text.slice(start, problem?.source?.range?.[1])).toBe('{{word "sources.titel"}}');
  const fixed = bindOutline(
    { ...inputs.outline, doc: { ...inputs.outline.doc, slides: inputs.outline.doc.slides.map((sl, i) => (i === 3 ? { ...sl, title: '{{word "sources.title"}}' } : sl)) } },
    inputs.data,
    inputs.partials,
  );
  expect(fixed.deck?.slides[3]?.title).toBe('出典');
});

describe('the catalogs', () => {
  const dir = path.join(packageRoot, 'templates', 'locales');
  const read = async (tag: string) => parse(await readFile(path.join(dir, `${tag}.yaml`), 'utf8')) as Record<string, unknown>;

  it('en has exactly the keys briefdeck uses', async () => {
    expect(Object.keys(await read('en')).sort()).toEqual([...MESSAGE_KEYS].sort());
  });

  it('en has no Han character in any word (the chart words included)', async () => {
    const words = await read('en');
    expect(Object.keys(words).filter((k) => k.startsWith('chart.')).length).toBeGreaterThan(40);
    expect(Object.entries(words).filter(([, v]) => /\p{Script=Han}/u.test(String(v)))).toEqual([]);
  });

  it.each(['zh-TW', 'zh-CN', 'ja'])('%s has the same keys as en, none empty', async (tag) => {
    const words = await read(tag);
    expect(Object.keys(words).sort()).toEqual(Object.keys(await read('en')).sort());
    for (const [k, v] of Object.entries(words)) expect(String(v), k).not.toBe('');
  });

  it('every catalog keeps the placeholders of en', async () => {
    const en = await read('en');
    const holes = (s: unknown) => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const tag of ['zh-TW', 'zh-CN', 'ja']) {
      const words = await read(tag);
      for (const key of MESSAGE_KEYS) if (key !== 'number.money') expect(holes(words[key]), `${tag} ${key}`).toEqual(holes(en[key]));
    }
  });
});

describe("a project's own catalog in a real build", () => {
  it('overrides the words it gives, from build and from check, and its problems are located', async () => {
    const outline = await project('en-US', { 'templates/locales/en.yaml': 'agenda.title: Our plan today\n' });
    const r = await buildDeck({ outline, write: false, drawer, sourceDateEpoch: 0 });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const texts = slideTexts(r.pptx as Uint8Array).flat();
    expect(texts).toContain('Our plan today');
    expect(texts).not.toContain('Agenda');

    const broken = await project('en-US', { 'templates/locales/en.yaml': 'agenda.titel: Our plan\n' });
    const { checkOutline } = await import('../../src/check.js');
    const checked = await checkOutline({ outline: broken });
    const unknown = checked.diagnostics.find((d) => d.code === 'TEMPLATE_UNKNOWN_KEY');
    expect(unknown?.source?.file).toBe(path.join(path.dirname(broken), 'templates/locales/en.yaml'));
    expect(unknown?.source?.range).toBeDefined();
  });
});
