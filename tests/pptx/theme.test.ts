/**
 * The theme as the source of style (issue 16): the theme part carries the deck theme's colours
 * and fonts, and slides, layouts, masters, notes and native charts refer to them (schemeClr,
 * +mn-lt/+mn-ea) instead of repeating them, for the default and the dark theme.
 */
import { strFromU8, unzipSync } from 'fflate';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type BuildResult } from '../../src/build.js';
import { checkDeckFile } from '../../src/cli/check-deck-file.js';
import type { Theme } from '../../src/load/theme/theme.js';
import { CHART_PART, NOTES_SLIDE_PART, SHAPE_TREE_PART, SLIDE_PART } from '../../src/pptx/opc/part-names.js';
import { SCHEME_SLOTS, schemeColors } from '../../src/pptx/finish/theme-colors.js';
import { hasCompiledCli, spawnCli } from '../cli/spawn-cli.js';
import { validateParts } from './xsd.js';

const ROOT = path.resolve(__dirname, '../..');
const OUTLINE = path.join(ROOT, 'outline/briefing.yaml');
const MINI = path.resolve(__dirname, '../fixtures/mini');

interface Built {
  result: BuildResult;
  parts: Record<string, Uint8Array>;
  theme: Theme;
}

const built: Partial<Record<'default' | 'dark', Built>> = {};
let native: Built;
let work: string;

async function build(outline: string, options: { theme?: string; cwd?: string } = {}): Promise<Built> {
  const result = await buildDeck({ outline, cwd: options.cwd ?? ROOT, write: false, ...(options.theme ? { theme: options.theme } : {}) });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const parts = unzipSync(result.pptx!);
  return { result, parts, theme: await themeOf(options.theme ?? 'default') };
}

/** The theme a deck was built with, read back the way the build read it. */
async function themeOf(name: string): Promise<Theme> {
  const { loadTheme } = await import('../../src/load/theme/load-theme.js');
  const { loadOutline } = await import('../../src/load/outline/load-outline.js');
  const outline = await loadOutline(OUTLINE);
  return (await loadTheme(outline.value!, { theme: name, cwd: ROOT })).value!;
}

const text = (b: Built, name: string) => strFromU8(b.parts[name] ?? new Uint8Array());
const partsLike = (b: Built, re: RegExp) => Object.keys(b.parts).filter((p) => re.test(p));
const slideColors = (theme: Theme) => new Set(Object.values(schemeColors(theme.colors)));

beforeAll(async () => {
  built.default = await build(OUTLINE);
  built.dark = await build(OUTLINE, { theme: 'dark' });
  // The mini project with a native chart, in the dark theme: chart parts refer to the scheme too.
  work = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-theme-deck-'));
  await cp(MINI, work, { recursive: true });
  const file = path.join(work, 'deck.yaml');
  await writeFile(file, `${await readFile(file, 'utf8')}  - layout: chart\n    title: 資本開支\n    chart: { kind: comparison, data: capex.spending, render: native }\n    takeaway: 阿里與字節\n`);
  native = await build(file, { theme: 'dark', cwd: work });
}, 240_000);
afterAll(() => rm(work, { recursive: true, force: true }));

describe.each(['default', 'dark'] as const)('the %s theme', (name) => {
  const deck = () => built[name] as Built;

  it('is the theme part: its colour scheme holds the theme’s 12 colours, under its name', () => {
    const { theme } = deck();
    expect(theme.name).toBe(name);
    const xml = text(deck(), 'ppt/theme/theme1.xml');
    expect(xml).toMatch(new RegExp(`<a:theme [^>]*name="${name}"`));
    const scheme = /<a:clrScheme name="([^"]*)">([\s\S]*?)<\/a:clrScheme>/.exec(xml);
    expect(scheme?.[1]).toBe(name);
    const written = Object.fromEntries([...(scheme?.[2] ?? '').matchAll(/<a:(\w+)><a:srgbClr val="([0-9A-F]{6})"\/><\/a:\1>/g)].map((m) => [m[1], m[2]]));
    expect(Object.keys(written)).toEqual([...SCHEME_SLOTS]);
    const c = theme.colors;
    expect(written).toEqual({
      dk1: c.text,
      lt1: c.background,
      dk2: c.darkBackground,
      lt2: c.card,
      accent1: c.accent,
      accent2: c.accent2,
      accent3: c.subdued,
      accent4: c.up,
      accent5: c.muted,
      accent6: c.grid,
      hlink: c.accent2,
      folHlink: c.muted,
    });
    expect(written.accent1).not.toBe('4472C4');
  });

  it('the theme part’s heading and body fonts are the theme’s Latin and East Asian fonts', () => {
    const xml = text(deck(), 'ppt/theme/theme1.xml');
    for (const which of ['majorFont', 'minorFont']) {
      const fonts = new RegExp(`<a:${which}>([\\s\\S]*?)</a:${which}>`).exec(xml)?.[1] ?? '';
      expect(fonts).toContain(`<a:latin typeface="${deck().theme.fonts.latin}"/>`);
      expect(fonts).toContain(`<a:ea typeface="${deck().theme.fonts.eastAsian}"/>`);
      expect(fonts).toContain(`<a:font script="Hant" typeface="${deck().theme.fonts.eastAsian}"/>`);
    }
  });

  it('slides, layouts, masters and notes refer to scheme colours: no srgbClr of a slot’s colour is left', () => {
    const colors = slideColors(deck().theme);
    const left: string[] = [];
    for (const part of partsLike(deck(), SHAPE_TREE_PART)) {
      for (const m of text(deck(), part).matchAll(/<a:srgbClr val="([0-9A-Fa-f]{6})"/g)) if (colors.has((m[1] ?? '').toUpperCase())) left.push(`${part}: ${m[1]}`);
    }
    expect(left).toEqual([]);
    const slides = partsLike(deck(), SLIDE_PART);
    expect(slides.length).toBe(deck().result.deck!.slides.length);
    // A title or section slide may hold only placeholders (colours from the layout) and fixed light colours.
    const refs = slides.flatMap((part) => [...text(deck(), part).matchAll(/<a:schemeClr val="(tx1|bg1|tx2|bg2|accent[1-6])"/g)]);
    expect(refs.length).toBeGreaterThan(slides.length);
  });

  it('every content slide’s title rule is accent1, and the dark slides keep their fixed light colours', () => {
    const { theme } = deck();
    const rules = partsLike(deck(), SLIDE_PART).filter((p) => text(deck(), p).includes('name="title rule"'));
    const content = deck().result.deck!.slides.filter((s) => !['title', 'section'].includes(s.layout));
    expect(rules.length).toBe(content.length);
    for (const part of rules) expect(shapeXml(text(deck(), part), 'title rule'), part).toContain('<a:solidFill><a:schemeClr val="accent1"/></a:solidFill>');
    const sections = deck().result.deck!.slides.filter((s) => s.layout === 'section' && s.number);
    expect(sections.length).toBeGreaterThan(0);
    for (const s of sections) {
      const number = shapeXml(text(deck(), `ppt/slides/slide${s.index + 1}.xml`), 'section number');
      const ref = slideColors(theme).has(theme.colors.onDarkAccent) ? '<a:schemeClr val="' : `<a:srgbClr val="${theme.colors.onDarkAccent}"/>`;
      expect(number).toContain(ref);
    }
  });

  it('runs name no typeface: placeholders none at all, other runs the theme’s body fonts', () => {
    const named: string[] = [];
    for (const part of [...partsLike(deck(), SLIDE_PART), ...partsLike(deck(), NOTES_SLIDE_PART)]) {
      const xml = text(deck(), part);
      for (const m of xml.matchAll(/<a:(latin|ea|cs) typeface="([^"]*)"/g)) if (!/^\+m[nj]-(lt|ea|cs)$/.test(m[2] ?? '')) named.push(`${part}: ${m[0]}`);
      for (const sp of xml.split('<p:sp>').filter((s) => /<p:nvPr>(?:(?!<\/p:nvPr>)[\s\S])*<p:ph\b/.test(s))) {
        expect(sp.split('</p:sp>')[0], `${part}: a placeholder's runs`).not.toMatch(/<a:(rPr|endParaRPr|defRPr)\b[^>]*>(?:(?!<\/a:\1>)[\s\S])*<a:(latin|ea)\b/);
      }
    }
    expect(named).toEqual([]);
    const runs = partsLike(deck(), SLIDE_PART).flatMap((p) => [...text(deck(), p).matchAll(/<a:ea typeface="\+mn-ea"\/>/g)]);
    expect(runs.length).toBeGreaterThan(0);
  });
});

/** The XML of the shape named `name` on a slide. */
function shapeXml(slide: string, name: string): string {
  const at = slide.indexOf(`name="${name}"`);
  expect(at, `a shape named '${name}'`).toBeGreaterThan(0);
  const start = slide.lastIndexOf('<p:sp>', at);
  return slide.slice(start, slide.indexOf('</p:sp>', at));
}

describe('the dark theme', () => {
  it('builds the default deck, which passes check --deck and the schema validation', async () => {
    const deck = built.dark as Built;
    const file = path.join(work, 'dark.pptx');
    await writeFile(file, deck.result.pptx!);
    const checked = await checkDeckFile(file);
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const { checked: n, invalid } = validateParts(new Map(Object.entries(deck.parts)));
    expect(n).toBeGreaterThan(deck.result.deck!.slides.length);
    expect(invalid).toEqual([]);
    // The slides are dark: content slides' background is the theme's background, a scheme reference to bg1.
    expect(text(deck, 'ppt/theme/theme1.xml')).toContain(`<a:lt1><a:srgbClr val="${deck.theme.colors.background}"/></a:lt1>`);
  });

  it('native charts refer to the scheme colours too, and stay schema-valid', () => {
    const charts = partsLike(native, CHART_PART);
    expect(charts.length).toBe(1);
    const colors = slideColors(native.theme);
    for (const part of charts) {
      const xml = text(native, part);
      expect(xml).toMatch(/<a:schemeClr val="(tx1|accent[1-6])"/);
      const left = [...xml.matchAll(/<a:srgbClr val="([0-9A-Fa-f]{6})"/g)].map((m) => (m[1] ?? '').toUpperCase()).filter((c) => colors.has(c));
      expect(left).toEqual([]);
    }
    expect(validateParts(new Map(Object.entries(native.parts))).invalid).toEqual([]);
  });
});

describe('an English deck', () => {
  it('gets no East Asian font: the theme’s East Asian slot is the Latin font', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-theme-en-'));
    const file = path.join(dir, 'deck.yaml');
    await writeFile(file, 'deck:\n  title: Test\n  date: "2025-03-10"\n  lang: en\nslides:\n  - layout: bullets\n    title: Points\n    bullets: [one, two]\n');
    const deck = await build(file, { cwd: dir });
    const xml = text(deck, 'ppt/theme/theme1.xml');
    const minor = /<a:minorFont>([\s\S]*?)<\/a:minorFont>/.exec(xml)?.[1] ?? '';
    expect(minor).toContain(`<a:ea typeface="${deck.theme.fonts.latin}"/>`);
    expect(xml).not.toMatch(/<a:ea typeface="(Microsoft JhengHei|Microsoft YaHei|Yu Gothic)"/);
    await rm(dir, { recursive: true, force: true });
  });
});

describe.skipIf(!hasCompiledCli())('--theme on the command line', () => {
  it('build --theme dark overrides the outline’s theme', async () => {
    const out = path.join(work, 'cli-dark.pptx');
    const run = spawnCli(['build', OUTLINE, '--theme', 'dark', '-o', out], { timeoutMs: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    const theme = strFromU8(unzipSync(new Uint8Array(await readFile(out)))['ppt/theme/theme1.xml'] ?? new Uint8Array());
    expect(theme).toContain('<a:clrScheme name="dark">');
  });

  it('an unknown theme is a clear error, exit 1, with the themes as the hint and no stack', () => {
    for (const command of ['build', 'check']) {
      const run = spawnCli([command, OUTLINE, '--theme', 'drak', ...(command === 'build' ? ['-o', path.join(work, 'never.pptx')] : [])]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('TEMPLATE_UNKNOWN_THEME');
      expect(run.stderr).toMatch(/did you mean 'dark'\?.*default/);
      expect(run.stderr).not.toMatch(/^\s+at /m);
    }
  });

  it('--help of build, check and watch lists --theme', () => {
    for (const command of ['build', 'check', 'watch']) expect(spawnCli([command, '--help']).stdout).toContain('--theme <name|path>');
  });
});
