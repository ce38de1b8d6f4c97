/**
 * The default deck (outline/briefing.yaml and outline/data/*.yaml) against its schemas, its fit
 * limits, and the deck built from it: what the slides, notes and alt texts show is what the data
 * files say. The slide text is rendered here with stand-in helpers built on src/data/format.ts,
 * so that lengths and figures are checked as they will read. Only what the repository holds is
 * read: every number the deck shows comes from a data item that carries `evidence:` (the
 * article's words for it, which hold that number); whether those words and the quotations are
 * the article's is checked in CI beside the article (`briefdeck check --source`).
 */
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import Handlebars from 'handlebars';
import { buildDeck, type BuildResult } from '../../src/build.js';
import { outlineSchema, type OutlineDoc, type SlideDoc } from '../../src/load/outline/schema.js';
import { dataFileSchema, type DataFileDoc } from '../../src/load/data/schema.js';
import { formatDate, formatNumber, formatPercent, formatValue, qualifierWord } from '../../src/data/format.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const outlinePath = path.join(root, 'outline/briefing.yaml');

type FileDataset = DataFileDoc[string];
type FileRanking = Extract<FileDataset, { type: 'ranking' }>;
type FileFigures = Extract<FileDataset, { type: 'figures' }>;
/** A dataset written out in YAML: this test reads no CSV entries or items (the default deck has none). */
type RankingDataset = Omit<FileRanking, 'editions'> & { editions: (FileRanking['editions'][number] & { entries: Exclude<FileRanking['editions'][number]['entries'], string> })[] };
type FiguresDataset = FileFigures & { items: Exclude<FileFigures['items'], string> };
type Dataset = RankingDataset | FiguresDataset;

function inline(ds: FileDataset): Dataset | undefined {
  if (ds.type === 'figures') return typeof ds.items === 'string' ? undefined : { ...ds, items: ds.items };
  const editions: RankingDataset['editions'] = [];
  for (const e of ds.editions) {
    if (typeof e.entries === 'string') return undefined;
    editions.push({ ...e, entries: e.entries });
  }
  return { ...ds, editions };
}

// ---------------------------------------------------------------- loading

function issues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues.map((i) => `  ${i.path.map(String).join('.')}: ${i.message}`).join('\n');
}

const outlineText = fs.readFileSync(outlinePath, 'utf8');
const outlineParsed = outlineSchema.safeParse(YAML.parse(outlineText));
if (!outlineParsed.success) console.error(`outline/briefing.yaml:\n${issues(outlineParsed.error)}`);
const outline: OutlineDoc | undefined = outlineParsed.success ? outlineParsed.data : undefined;

interface LoadedFile {
  namespace: string;
  file: string;
  ok: boolean;
  problems: string;
  data?: DataFileDoc;
}

const dataFiles: LoadedFile[] = Object.entries(outline?.data ?? {}).map(([namespace, rel]) => {
  const file = path.resolve(path.dirname(outlinePath), rel);
  if (!fs.existsSync(file)) return { namespace, file, ok: false, problems: 'file not found' };
  const parsed = dataFileSchema.safeParse(YAML.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const problems = issues(parsed.error);
    console.error(`${rel}:\n${problems}`);
    return { namespace, file, ok: false, problems };
  }
  return { namespace, file, ok: true, problems: '', data: parsed.data };
});

/** Every dataset by id, `namespace.key`. */
const datasets = new Map<string, Dataset>();
/** Datasets that name a CSV file, which this test does not read. */
const fromCsv: string[] = [];
for (const f of dataFiles) {
  for (const [key, ds] of Object.entries(f.data ?? {})) {
    const written = inline(ds);
    if (written) datasets.set(`${f.namespace}.${key}`, written);
    else fromCsv.push(`${f.namespace}.${key}`);
  }
}

const slides: SlideDoc[] = outline?.slides ?? [];

const CONTENT_LAYOUTS = ['bullets', 'figures', 'quote', 'chart', 'timeline', 'comparison', 'takeaways'] as const;
const isContent = (s: SlideDoc): boolean => (CONTENT_LAYOUTS as readonly string[]).includes(s.layout);

// ---------------------------------------------------------------- stand-in helpers

function asOfOf(ds: Dataset): string {
  return ds.type === 'ranking' ? (ds.editions[0]?.asOf ?? '') : ds.asOf;
}

/** The dataset a helper was given; the context holds `{ id }` objects for `namespace.key`. */
function dataset(ref: unknown, helper: string): Dataset & { id: string } {
  const id = (ref as { id?: unknown } | undefined)?.id;
  const ds = typeof id === 'string' ? datasets.get(id) : undefined;
  if (!ds || typeof id !== 'string') throw new Error(`{{${helper}}}: not a dataset: ${JSON.stringify(ref)}`);
  return Object.assign({ id }, ds);
}

function item(ref: unknown, key: unknown, helper: string): FiguresDataset['items'][string] {
  const ds = dataset(ref, helper);
  if (ds.type !== 'figures') throw new Error(`{{${helper} ${ds.id}}}: not a figures dataset`);
  const it = typeof key === 'string' ? ds.items[key] : undefined;
  if (!it) throw new Error(`{{${helper} ${ds.id} "${String(key)}"}}: no such item`);
  return it;
}

interface HelperOptions {
  hash: Record<string, unknown>;
}

const hb = Handlebars.create();
hb.registerHelper('rank', (ref: unknown, name: unknown, options: HelperOptions) => {
  const ds = dataset(ref, 'rank');
  if (ds.type !== 'ranking') throw new Error(`{{rank ${ds.id}}}: not a ranking`);
  const want = options.hash.edition;
  const edition = want === undefined ? ds.editions[0] : ds.editions.find((e) => e.asOf === want);
  const entry = edition?.entries.find((e) => e.name === name);
  if (!entry) throw new Error(`{{rank ${ds.id} "${String(name)}"}}: no such entry`);
  return entry.rank !== undefined ? String(entry.rank) : `前${entry.within}`;
});
hb.registerHelper('value', (ref: unknown, key: unknown) => {
  const it = item(ref, key, 'value');
  return it.unit === '%' ? formatPercent(it.value) : formatNumber(it.value);
});
hb.registerHelper('figure', (ref: unknown, key: unknown) => {
  const it = item(ref, key, 'figure');
  return qualifierWord(it.qualifier) + formatValue(it.value, it.unit);
});
hb.registerHelper('label', (ref: unknown, key: unknown) => item(ref, key, 'label').label);
hb.registerHelper('period', (ref: unknown, key: unknown) => {
  const p = item(ref, key, 'period').period;
  if (p === undefined) throw new Error(`{{period}}: item "${String(key)}" has no period`);
  return p;
});
hb.registerHelper('num', (n: unknown) => formatNumber(Number(n)));
hb.registerHelper('percent', (n: unknown) => formatPercent(Number(n)));
hb.registerHelper('date', (d: unknown) => {
  if (typeof d !== 'string' || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(d)) throw new Error(`{{date}}: not a date: ${String(d)}`);
  return formatDate(d);
});
hb.registerHelper('asOf', (ref: unknown) => formatDate(asOfOf(dataset(ref, 'asOf'))));
hb.registerHelper('cite', (ref: unknown) => {
  const ds = dataset(ref, 'cite');
  const what = ds.source.title !== undefined ? `《${ds.source.title}》` : (ds.source.what ?? '');
  return `${ds.source.publisher}${what}${ds.source.undated ? '' : `，${formatDate(asOfOf(ds))}`}`;
});
hb.registerHelper('count', (ref: unknown, options: HelperOptions) => {
  const ds = dataset(ref, 'count');
  if (ds.type !== 'ranking') throw new Error(`{{count ${ds.id}}}: not a ranking`);
  const group = options.hash.group;
  if (typeof group !== 'string' || !(group in ds.groups)) throw new Error(`{{count ${ds.id}}}: unknown group ${String(group)}`);
  return String(ds.editions[0]?.entries.filter((e) => e.group === group).length ?? 0);
});

const context: Record<string, unknown> = { deck: outline?.deck ?? {} };
for (const id of datasets.keys()) {
  const [ns = '', key = ''] = id.split('.');
  const space = (context[ns] ??= {}) as Record<string, unknown>;
  space[key] = { id };
}

function render(text: string): string {
  return hb.compile(text, { strict: true, noEscape: true })(context);
}

/** Every string in a slide, with where it sits (`bullets.2.sub.0`). */
function strings(value: unknown, at = ''): { at: string; text: string }[] {
  if (typeof value === 'string') return [{ at, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}.${i}`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, at ? `${at}.${k}` : k));
  return [];
}

const len = (s: string): number => [...s].length;
const where = (i: number): string => `slide ${i + 1} (${slides[i]?.layout} ${slides[i]?.title ?? ''})`;

/** Helper calls that name a dataset: `{{value capex.spending "alibaba"}}` → helper, dataset, key. */
const HELPER_REF = /\{\{\s*(rank|value|figure|label|period|asOf|cite|count)\s+([A-Za-z_][\w-]*\.[A-Za-z_][\w-]*)(?:\s+"([^"]*)")?/g;
function refs(text: string): { helper: string; id: string; key?: string }[] {
  return [...text.matchAll(HELPER_REF)].map((m) => ({ helper: m[1] ?? '', id: m[2] ?? '', key: m[3] }));
}

// ---------------------------------------------------------------- 1. schemas

describe('schemas', () => {
  it('outline/briefing.yaml starts with the schema comment', () => {
    expect(outlineText.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/outline.schema.json');
  });

  it('the outline validates against outlineSchema', () => {
    expect(outlineParsed.success, outlineParsed.success ? '' : issues(outlineParsed.error)).toBe(true);
  });

  it('every data file exists and validates against dataFileSchema', () => {
    expect(dataFiles.length).toBeGreaterThan(0);
    for (const f of dataFiles) expect(f.ok, `${path.relative(root, f.file)}:\n${f.problems}`).toBe(true);
  });

  it('every dataset is written out in its YAML file (this test reads no CSV)', () => {
    expect(fromCsv).toEqual([]);
  });

  it('every data file in outline/data is named in the outline', () => {
    const named = new Set(dataFiles.map((f) => path.resolve(f.file)));
    const onDisk = fs
      .readdirSync(path.join(root, 'outline/data'))
      .filter((n) => n.endsWith('.yaml'))
      .map((n) => path.join(root, 'outline/data', n));
    for (const f of onDisk) expect(named.has(f), `${f} is not in the outline's data:`).toBe(true);
  });

  it('every dataset cites the article it came through (or is the article), and lists editions newest first', () => {
    for (const [id, ds] of datasets) {
      expect(ds.source.via ?? ds.source.publisher, `${id}: source.via`).toMatch(/^聽筒Tech/);
      if (ds.type === 'ranking') {
        const dates = ds.editions.map((e) => e.asOf);
        expect(dates, `${id}: editions newest first`).toEqual([...dates].sort().reverse());
      }
    }
  });
});

// ---------------------------------------------------------------- 2. structure

describe('structure', () => {
  const SECTIONS = ['一個「全面開花」的時代', '國產生成式AI這三年', 'AI迎來「技術硬核」時代'];

  it('has the three sections of the article, numbered 01–03, in order', () => {
    const sections = slides.filter((s) => s.layout === 'section');
    expect(sections.map((s) => s.title)).toEqual(SECTIONS);
    expect(sections.map((s) => (s.layout === 'section' ? s.number : undefined))).toEqual(['01', '02', '03']);
  });

  it('opens with a title, an executive summary and an agenda, ends with takeaways (the implications) and sources', () => {
    expect(slides[0]?.layout).toBe('title');
    expect(slides[1]?.layout).toBe('takeaways');
    expect(slides[1]?.title).toMatch(/^摘要/);
    expect(slides[2]?.layout).toBe('agenda');
    expect(slides.at(-2)?.layout).toBe('takeaways');
    expect(slides.at(-1)?.layout).toBe('sources');
  });

  it('has at least 12 content slides and uses every content layout', () => {
    const content = slides.filter(isContent);
    expect(content.length).toBeGreaterThanOrEqual(12);
    for (const layout of CONTENT_LAYOUTS)
      expect(
        content.some((s) => s.layout === layout),
        layout,
      ).toBe(true);
  });

  it('gives every content slide notes of 2–5 sentences', () => {
    slides.forEach((s, i) => {
      if (!isContent(s)) return;
      const notes = s.notes?.trim() ?? '';
      expect(notes, `${where(i)} has no notes`).not.toBe('');
      const sentences = render(notes)
        .split(/(?<=[。！？])/)
        .filter((t) => t.trim() !== '').length;
      expect(sentences, `${where(i)}: ${sentences} sentences in the notes`).toBeGreaterThanOrEqual(2);
      expect(sentences, `${where(i)}: ${sentences} sentences in the notes`).toBeLessThanOrEqual(5);
    });
  });

  it('refers only to datasets and items that exist', () => {
    slides.forEach((s, i) => {
      for (const { at, text } of strings(s)) {
        for (const r of refs(text)) {
          const ds = datasets.get(r.id);
          expect(ds, `${where(i)} ${at}: no dataset ${r.id}`).toBeDefined();
          if (!ds || r.key === undefined) continue;
          if (ds.type === 'figures') expect(ds.items[r.key], `${where(i)} ${at}: ${r.id} has no item "${r.key}"`).toBeDefined();
          else
            expect(
              ds.editions.some((e) => e.entries.some((n) => n.name === r.key)),
              `${where(i)} ${at}: ${r.id} has no "${r.key}"`,
            ).toBe(true);
        }
      }
      if (s.layout === 'chart') {
        const ds = datasets.get(s.chart.data);
        expect(ds, `${where(i)}: chart data ${s.chart.data}`).toBeDefined();
        if (ds?.type === 'figures') for (const k of s.chart.items ?? []) expect(ds.items[k], `${where(i)}: item ${k}`).toBeDefined();
        if (s.chart.highlight !== undefined && ds?.type === 'ranking') expect(ds.groups[s.chart.highlight]).toBeDefined();
        expect(s.chart.kind, 'the article gives no ranks for the previous edition').not.toBe('rank-change');
      }
      for (const id of s.sources ?? []) expect(datasets.has(id), `${where(i)}: source ${id}`).toBe(true);
    });
  });

  it('lists as sources every dataset a slide draws on, and every dataset is used', () => {
    const used = new Set<string>();
    slides.forEach((s, i) => {
      const listed = new Set([...(s.sources ?? []), ...(s.layout === 'chart' ? [s.chart.data] : [])]);
      for (const id of listed) used.add(id);
      for (const { at, text } of strings(s)) for (const r of refs(text)) expect(listed.has(r.id), `${where(i)} ${at} uses ${r.id} but does not list it in sources`).toBe(true);
    });
    for (const id of datasets.keys()) expect(used.has(id), `dataset ${id} is never used`).toBe(true);
  });

  it('puts no template in fields that name things rather than say them (they are not rendered)', () => {
    const NOT_TEMPLATES = new Set(['layout', 'kind', 'render', 'data', 'sources', 'date', 'lang', 'theme']);
    slides.forEach((s, i) => {
      for (const { at, text } of strings(s)) {
        const field =
          at
            .split('.')
            .filter((p) => !/^\d+$/.test(p))
            .at(-1) ?? '';
        if (NOT_TEMPLATES.has(field)) expect(text, `${where(i)} ${at} is shown as written`).not.toContain('{{');
      }
    });
  });

  it('renders every string with the helpers (no unknown helper, dataset or item)', () => {
    slides.forEach((s, i) => {
      for (const { at, text } of strings(s)) expect(() => render(text), `${where(i)} ${at}`).not.toThrow();
    });
  });
});

// ---------------------------------------------------------------- 3. faithful to the data

// Whether the numbers and quotes occur in the article itself is checked in CI, beside the
// article (.ci/check-source.mjs); here the deck is held to what the repository holds.

let built: BuildResult;
let parts: Record<string, Uint8Array> = {};
beforeAll(async () => {
  built = await buildDeck({ outline: outlinePath, cwd: root, write: false });
  expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  parts = unzipSync(built.pptx ?? new Uint8Array());
}, 120_000);

const unescapeXml = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const partXml = (name: string): string => strFromU8(parts[name] ?? new Uint8Array());
/** The text a part shows, run by run, without white space (lines break where layout puts them). */
const partText = (name: string): string =>
  [...partXml(name).matchAll(/<a:t>([^<]*)<\/a:t>/g)]
    .map((m) => unescapeXml(m[1] ?? ''))
    .join('')
    .replace(/\s/g, '');
const slidePart = (i: number): string => `ppt/slides/slide${i + 1}.xml`;
function notesPart(i: number): string {
  const rels = partXml(`ppt/slides/_rels/slide${i + 1}.xml.rels`);
  const target = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)?.[1];
  return target ? `ppt/notesSlides/${target}` : '';
}
const bare = (s: string): string => s.replace(/\s/g, '');

/** The value at a path from `strings()` (`bullets.2.sub.0`) in another copy of the slide. */
function valueAt(value: unknown, at: string): unknown {
  return at.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), value);
}

/** The entry's place as the data gives it, in the words a slide uses: `第2`, `前10`. */
const placePattern = (e: RankingDataset['editions'][number]['entries'][number]): RegExp =>
  e.rank !== undefined
    ? new RegExp(`第\\s*(?:${e.rank}(?!\\d)|${chineseNumeral(e.rank)}(?![一二三四五六七八九十]))`)
    : new RegExp(`(?:TOP|前)\\s*(?:${e.within}(?!\\d)|${chineseNumeral(e.within ?? 0)})`, 'i');

/** 1 → 一, 10 → 十, 14 → 十四, 20 → 二十. */
function chineseNumeral(n: number): string {
  const d = '零一二三四五六七八九';
  if (n < 10) return d[n] ?? '';
  if (n < 20) return `十${n % 10 ? d[n % 10] : ''}`;
  if (n < 100) return `${d[Math.floor(n / 10)] ?? ''}十${n % 10 ? d[n % 10] : ''}`;
  return String(n);
}

/** Positions where `needle` occurs in `hay`. */
function occurrences(hay: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
}

describe('faithful to the data', () => {
  it('the deck binds every slide string as the data files render it', () => {
    expect(built.deck?.slides.length).toBe(slides.length);
    slides.forEach((s, i) => {
      for (const { at, text } of strings(s)) expect(valueAt(built.deck?.slides[i], at), `${where(i)} ${at}`).toBe(render(text));
    });
  });

  it('shows on each slide, or in its notes, every value and figure it cites, as the data gives it', () => {
    let cited = 0;
    slides.forEach((s, i) => {
      for (const { at, text } of strings(s)) {
        if (at.startsWith('chart.')) continue; // drawn in the picture: see the alt text below
        const shown = partText(at === 'notes' ? notesPart(i) : slidePart(i));
        for (const r of refs(text)) {
          if (r.helper !== 'value' && r.helper !== 'figure') continue;
          const want = render(`{{${r.helper} ${r.id} "${r.key}"}}`);
          expect(shown, `${where(i)} ${at}: ${want} (${r.id} "${r.key}") is not in the deck`).toContain(bare(want));
          cited += 1;
        }
      }
    });
    expect(cited).toBeGreaterThan(10);
  });

  it('gives every chart an alt text with the data it draws: each ranked entry with its place, each item with its value', () => {
    slides.forEach((s, i) => {
      if (s.layout !== 'chart') return;
      const descr = unescapeXml(/descr="([^"]*)"/.exec(partXml(slidePart(i)))?.[1] ?? '');
      const ds = datasets.get(s.chart.data);
      if (ds?.type === 'ranking') {
        for (const e of ds.editions[0]?.entries ?? []) {
          const at = occurrences(descr, e.name);
          expect(at.length, `${where(i)}: ${e.name} is not in the alt text: ${descr}`).toBeGreaterThan(0);
          if (e.rank !== undefined) expect(descr, `${where(i)}: ${e.name}`).toContain(`${e.name} 第${e.rank}`);
          else expect(descr, `${where(i)}: ${e.name}`).toMatch(placePattern(e));
        }
      } else if (ds?.type === 'figures') {
        for (const key of s.chart.items ?? Object.keys(ds.items)) {
          const it = ds.items[key];
          if (!it) continue; // reported by the reference check
          expect(descr, `${where(i)}: ${key}`).toContain(it.unit === '%' ? formatPercent(it.value) : formatNumber(it.value));
        }
      } else expect.fail(`${where(i)}: no dataset ${s.chart.data}`);
    });
  });

  it('puts the outline’s notes, as rendered, in every slide’s speaker notes', () => {
    slides.forEach((s, i) => {
      if (s.notes === undefined) return;
      expect(partText(notesPart(i)), `${where(i)}: notes`).toContain(bare(render(s.notes)));
    });
  });

  it('names, in a ranking chart’s notes, every entry the chart shows with the place the data gives it', () => {
    slides.forEach((s, i) => {
      if (s.layout !== 'chart') return;
      const ds = datasets.get(s.chart.data);
      if (ds?.type !== 'ranking') return;
      const notes = render(s.notes ?? '');
      for (const e of ds.editions[0]?.entries ?? []) {
        const at = occurrences(notes, e.name);
        expect(at.length, `${where(i)}: the notes do not name ${e.name}`).toBeGreaterThan(0);
        const near = at.some((p) => placePattern(e).test(notes.slice(Math.max(0, p - 20), p + e.name.length + 40)));
        expect(near, `${where(i)}: the notes do not give ${e.name} its place (${e.rank ?? `前${e.within}`})`).toBe(true);
      }
    });
  });

  it('cites under every slide that lists sources each dataset’s publisher, its title or what it is, and its date unless it has none; lists every dataset on the sources slide', () => {
    let cited = 0;
    slides.forEach((s, i) => {
      const ids = [...(s.sources ?? []), ...(s.layout === 'chart' ? [s.chart.data] : [])];
      const shown = partText(slidePart(i));
      for (const id of ids) {
        const ds = datasets.get(id);
        if (!ds) continue;
        const what = ds.source.title !== undefined ? `《${ds.source.title}》` : (ds.source.what ?? '');
        expect(shown, `${where(i)}: source line`).toContain(bare(`${ds.source.publisher}${what}`));
        if (!ds.source.undated) expect(shown, `${where(i)}: source line`).toContain(bare(formatDate(asOfOf(ds))));
        cited += 1;
      }
    });
    expect(cited).toBeGreaterThan(slides.filter(isContent).length);
    const sources = slides.findIndex((s) => s.layout === 'sources');
    const listed = partText(slidePart(sources));
    for (const [id, ds] of datasets) expect(listed, `sources slide: ${id}`).toContain(bare(ds.title));
  });

  it('gives every content slide a source line: the data it shows, or the article', () => {
    slides.forEach((s, i) => {
      if (!isContent(s)) return;
      expect(s.sources?.length ?? (s.layout === 'chart' ? 1 : 0), `${where(i)} lists no sources`).toBeGreaterThan(0);
    });
  });

  it('prints no 《》 or 〈〉 title, on a slide, in the notes or in an alt text, that the data does not give as a title', () => {
    const titles = new Set<string>();
    for (const ds of datasets.values()) {
      titles.add(ds.title);
      if (ds.source.title !== undefined) titles.add(ds.source.title);
    }
    const bareTitles = new Set([...titles].map(bare));
    let seen = 0;
    slides.forEach((_, i) => {
      const descr = [...partXml(slidePart(i)).matchAll(/descr="([^"]*)"/g)].map((m) => unescapeXml(m[1] ?? '')).join('');
      for (const text of [partText(slidePart(i)), partText(notesPart(i)), bare(descr)]) {
        for (const m of text.matchAll(/《([^《》]*)》|〈([^〈〉]*)〉/g)) {
          const title = m[1] ?? m[2] ?? '';
          expect(bareTitles.has(title), `${where(i)}: ${m[0]} is printed as a title, but no dataset gives it as one`).toBe(true);
          seen += 1;
        }
      }
    });
    expect(seen, 'the a16z list is cited by its title').toBeGreaterThan(0);
  });

  it('gives an empty ranking edition a note saying why', () => {
    for (const [id, ds] of datasets) {
      if (ds.type !== 'ranking') continue;
      for (const edition of ds.editions) if (edition.entries.length === 0) expect(edition.note, `${id} ${edition.asOf}`).toBeTruthy();
    }
  });

  it('uses standard Traditional characters and 「」 quotation marks on slides (a quotation and evidence stay as the article writes them)', () => {
    const simplified = /[并于后采范复云]|盡管|游戲|咨詢|憑借/;
    slides.forEach((s, i) => {
      for (const { at, text } of strings(s)) {
        if (at === 'quote' || at.startsWith('evidence')) continue;
        const shown = render(text).replace(/石云升/g, '');
        expect(shown, `${where(i)} ${at}: simplified form`).not.toMatch(simplified);
        expect(shown, `${where(i)} ${at}: use 「」`).not.toMatch(/[“”‘’"]/);
      }
    });
  });
});

// ---------------------------------------------------------------- 4. no hard-coded figures

/**
 * Digits left on a slide once the `{{…}}` calls are taken out. A year (1990–2030), a model name
 * (H800, QwQ-32B, GPT-4o, k1.5) and a day of a date (3月6日) are fine; a number of 3+ digits or a
 * number with 萬/億/% is a figure that belongs in a data file.
 */
/** Names that contain digits but are not figures. */
const NAMES_WITH_DIGITS = ['全球100生成式AI消費級應用排行榜'];

function hardCodedFigures(text: string): string[] {
  let bare = text.replace(/\{\{[^}]*\}\}/g, '｜');
  for (const name of NAMES_WITH_DIGITS) bare = bare.split(name).join('〈名稱〉');
  const found: string[] = [];
  for (const m of bare.matchAll(/\d+(?:\.\d+)?/g)) {
    const n = m[0];
    const start = m.index ?? 0;
    const before = bare[start - 1] ?? '';
    const after = bare.slice(start + n.length, start + n.length + 2);
    if (/[A-Za-z-]/.test(before) || /^[A-Za-z]/.test(after)) continue; // H800, QwQ-32B, 3M
    if (/^(萬|億|兆|%|％)/.test(after)) {
      found.push(n + after[0]);
      continue;
    }
    const digits = n.replace('.', '');
    if (digits.length < 3) continue;
    if (/^\d{4}$/.test(n) && Number(n) >= 1990 && Number(n) <= 2030) continue; // a year
    found.push(n);
  }
  return found;
}

describe('numbers come from the data', () => {
  it('the heuristic catches hard-coded figures and lets years and model names through', () => {
    expect(hardCodedFigures('投入超過3800億元')).toEqual(['3800億']);
    expect(hardCodedFigures('在2048塊英偉達H800 GPU上')).toEqual(['2048']);
    expect(hardCodedFigures('93%的受訪者')).toEqual(['93%']);
    expect(hardCodedFigures('2025年3月6日發布QwQ-32B，超越GPT-4o；k1.5')).toEqual([]);
    expect(hardCodedFigures('{{figure capex.spending "alibaba"}}，{{date "2025-02-24"}}')).toEqual([]);
    expect(hardCodedFigures('a16z的全球100生成式AI消費級應用排行榜；前100名')).toEqual(['100']);
  });

  it('no slide string holds a bare figure outside a helper', () => {
    slides.forEach((s, i) => {
      for (const { at, text } of strings(s)) expect(hardCodedFigures(text), `${where(i)} ${at}: ${text}`).toEqual([]);
    });
  });

  it('figure cards show the value through one {{value}} or {{figure}} call, and a qualified figure with its qualifier in the big number', () => {
    slides.forEach((s, i) => {
      if (s.layout !== 'figures') return;
      for (const f of s.figures) {
        const m = /^\{\{\s*(value|figure)\s+(\S+)\s+"([^"]+)"\s*\}\}$/.exec(f.value);
        expect(m, `${where(i)}: figure value ${f.value} is not a single {{value}} or {{figure}} call`).not.toBeNull();
        if (!m) continue;
        const ds = datasets.get(m[2] ?? '');
        const it = ds?.type === 'figures' ? ds.items[m[3] ?? ''] : undefined;
        if (!it) continue; // reported by the reference check
        // "超過8000萬", not "8000萬" with the 超過 left to the small print.
        if (it.qualifier !== '=') expect(m[1], `${where(i)}: ${m[2]} "${m[3]}" is "${qualifierWord(it.qualifier)}": show it with {{figure}}`).toBe('figure');
        else expect(/超過|約|不足/.test(render(`${f.label} ${f.detail ?? ''}`)), `${where(i)}: ${m[2]} "${m[3]}" is exact but the card qualifies it`).toBe(false);
      }
    });
  });
});

// ---------------------------------------------------------------- 5. evidence

interface DataItem {
  where: string;
  evidence: string | undefined;
  figure?: FiguresDataset['items'][string];
  entry?: RankingDataset['editions'][number]['entries'][number];
}

/** Every figures item and ranking entry of the deck's data, with where it is. */
const dataItems: DataItem[] = [...datasets].flatMap(([id, ds]): DataItem[] =>
  ds.type === 'figures'
    ? Object.entries(ds.items).map(([key, it]) => ({ where: `${id} "${key}"`, evidence: it.evidence, figure: it }))
    : ds.editions.flatMap((e) => e.entries.map((entry) => ({ where: `${id} ${e.asOf} ${entry.name}`, evidence: entry.evidence, entry }))),
);

/** The number as the deck writes it, and as a mainland source may (萬億 for 兆). */
const writtenForms = (it: FiguresDataset['items'][string]): string[] => {
  const shown = it.unit === '%' ? formatPercent(it.value) : formatNumber(it.value);
  const small = Number.isInteger(it.value) && it.value > 0 && it.value < 100 && it.unit !== '%' ? [chineseNumeral(it.value)] : []; // 前十
  return [...new Set([shown, shown.replace(/兆$/, '萬億'), shown.replace(/%$/, '％'), ...small])];
};

/** Where `number` stands alone in `text` (not inside a longer number: 700億 is not in 1600億). */
const standsAlone = (text: string, number: string): number[] => occurrences(text, number).filter((p) => !/[\d.]/.test(text[p - 1] ?? '') && !/[\d.]/.test(text[p + number.length] ?? ''));

const QUALIFIER_WORDS: Record<string, RegExp> = { '>': /(超過|超|突破|逾)$/, '~': /(約|大約|近)$/, '<': /(不足|不到)$/ };

describe('every number comes from a data item that carries the article’s words for it', () => {
  it('every figures item and every ranking entry carries evidence', () => {
    expect(dataItems.length).toBeGreaterThan(10);
    for (const d of dataItems) expect(d.evidence, `${d.where} has no evidence:`).toBeTruthy();
  });

  it('each figure’s evidence holds its number, with its qualifier (超/約) when the data has one and without one when it has none', () => {
    for (const d of dataItems) {
      if (!d.figure || !d.evidence) continue;
      const ev = d.evidence;
      const hits = writtenForms(d.figure).flatMap((f) => standsAlone(ev, f));
      expect(hits.length, `${d.where}: the evidence "${ev}" does not hold ${writtenForms(d.figure)[0]}`).toBeGreaterThan(0);
      const leadingWords = (p: number) => ev.slice(Math.max(0, p - 4), p);
      const mark = QUALIFIER_WORDS[d.figure.qualifier];
      if (mark)
        expect(
          hits.some((p) => mark.test(leadingWords(p))),
          `${d.where}: "${d.figure.qualifier}" but the evidence "${ev}" does not say so`,
        ).toBe(true);
      else
        expect(
          hits.some((p) => !Object.values(QUALIFIER_WORDS).some((m) => m.test(leadingWords(p)))),
          `${d.where}: exact, but the evidence "${ev}" qualifies it`,
        ).toBe(true);
    }
  });

  it('each ranking entry’s evidence names it (or its list) with its place', () => {
    for (const d of dataItems) {
      if (!d.entry || !d.evidence) continue;
      const e = d.entry;
      const place =
        e.rank !== undefined
          ? new RegExp(`(?:第|排名|名列)\\s*(?:${e.rank}(?!\\d)|${chineseNumeral(e.rank)}(?![一二三四五六七八九十]))`)
          : new RegExp(`(?:TOP|前)\\s*(?:${e.within}(?!\\d)|${chineseNumeral(e.within ?? 0)})`, 'i');
      expect(d.evidence, `${d.where}`).toContain(e.name);
      expect(d.evidence, `${d.where}: its place`).toMatch(place);
    }
  });

  it('shows no number on a slide, in the notes or in an alt text that is not the value of a data item with evidence (or in that evidence)', () => {
    const allowed = new Set<string>();
    const evidence: string[] = [];
    for (const d of dataItems) {
      if (!d.evidence) continue;
      evidence.push(d.evidence);
      if (d.figure) for (const f of writtenForms(d.figure)) allowed.add(f);
    }
    let checked = 0;
    slides.forEach((_, i) => {
      const descr = [...partXml(slidePart(i)).matchAll(/descr="([^"]*)"/g)].map((m) => unescapeXml(m[1] ?? '')).join(' ');
      // Paragraph by paragraph, without the sources slide's numbering ("9. 2024年度…").
      const paragraphs = partXml(slidePart(i))
        .split('</a:p>')
        .map((p) =>
          [...p.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
            .map((m) => unescapeXml(m[1] ?? ''))
            .join('')
            .replace(/^\s*\d+\.\s+/, ''),
        )
        .join('\n');
      for (const [what, text] of [
        ['slide', paragraphs],
        ['notes', partText(notesPart(i))],
        ['alt text', descr],
      ] as const) {
        for (const n of hardCodedFigures(text)) {
          checked += 1;
          const known = allowed.has(n) || evidence.some((ev) => standsAlone(ev, n).length > 0);
          expect(known, `${where(i)} ${what}: ${n} is not the value of a data item with evidence`).toBe(true);
        }
      }
    });
    expect(checked).toBeGreaterThan(20);
  });

  it('the check would catch a number the data does not give', () => {
    expect(hardCodedFigures('據報導，字節投入1700億元，約14.4兆')).toEqual(['1700億', '14.4兆']);
    expect(standsAlone('700億元用于IDC', '700億')).toEqual([0]);
    expect(standsAlone('預計將達到1600億元', '600億')).toEqual([]);
  });
});

// ---------------------------------------------------------------- 6. fit

describe('fits on a 13.33 × 7.5 in slide', () => {
  const limit = (i: number, what: string, text: string, max: number): void => {
    const shown = render(text);
    expect(len(shown), `${where(i)} ${what} has ${len(shown)} > ${max} characters: ${shown}`).toBeLessThanOrEqual(max);
  };

  it('keeps every layout within its limits', () => {
    slides.forEach((s, i) => {
      if (s.title !== undefined) limit(i, 'title', s.title, 22);
      switch (s.layout) {
        case 'bullets':
          expect(s.bullets.length, `${where(i)}: bullets`).toBeLessThanOrEqual(5);
          for (const b of s.bullets) {
            if (typeof b === 'string') limit(i, 'bullet', b, 45);
            else {
              limit(i, 'bullet', b.text, 45);
              expect(b.sub?.length ?? 0, `${where(i)}: sub-bullets`).toBeLessThanOrEqual(2);
              for (const sub of b.sub ?? []) limit(i, 'sub-bullet', sub, 45);
            }
          }
          break;
        case 'figures':
          expect(s.figures.length, `${where(i)}: figures`).toBeGreaterThanOrEqual(2);
          expect(s.figures.length, `${where(i)}: figures`).toBeLessThanOrEqual(4);
          for (const f of s.figures) {
            limit(i, 'figure value', f.value, 8);
            limit(i, 'figure label', f.label, 20);
            if (f.detail !== undefined) limit(i, 'figure detail', f.detail, 30);
          }
          // The so-what line, as a chart slide has one (issue 14).
          expect(s.takeaway, `${where(i)}: a figures slide without a takeaway`).toBeDefined();
          limit(i, 'figures takeaway', s.takeaway ?? '', 40);
          break;
        case 'quote':
          limit(i, 'quote', s.quote, 90);
          break;
        case 'timeline':
          for (const e of s.events) {
            limit(i, 'event label', e.label, 14);
            if (e.detail !== undefined) limit(i, 'event detail', e.detail, 28);
          }
          break;
        case 'comparison':
          for (const col of [s.left, s.right]) {
            expect(col.bullets.length, `${where(i)}: column bullets`).toBeLessThanOrEqual(4);
            for (const b of col.bullets) limit(i, 'column bullet', typeof b === 'string' ? b : b.text, 30);
          }
          break;
        case 'takeaways':
          expect(s.points.length, `${where(i)}: points`).toBeGreaterThanOrEqual(3);
          expect(s.points.length, `${where(i)}: points`).toBeLessThanOrEqual(4);
          for (const p of s.points) {
            limit(i, 'point heading', p.heading, 12);
            limit(i, 'point text', p.text, 60);
          }
          break;
        case 'chart':
          limit(i, 'chart takeaway', s.takeaway, 40);
          break;
        default:
          break;
      }
    });
  });
});
