/** The built-in themes, the theme file's optional colours, `--theme`, and the theme's JSON Schema (issue 16). */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contrast } from '../../src/charts/style/contrast.js';
import { loadOutline } from '../../src/load/outline/load-outline.js';
import { loadTheme, themeSchema } from '../../src/load/theme/load-theme.js';
import { THEME_COLOR_DEFAULTS, type Theme } from '../../src/load/theme/theme.js';
import { jsonSchemas } from '../../src/schema/json-schema.js';

const ROOT = path.resolve(__dirname, '../..');
const THEMES = ['default', 'dark'] as const;
const themeFile = (name: string) => path.join(ROOT, 'templates/themes', `${name}.yaml`);

let project: string;
beforeAll(() => {
  project = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-theme-'));
  mkdirSync(path.join(project, 'templates/themes'), { recursive: true });
  // A project's own theme that leaves the optional colours out.
  const dark = parse(readFileSync(themeFile('dark'), 'utf8'));
  for (const key of Object.keys(THEME_COLOR_DEFAULTS)) delete dark.colors[key];
  writeFileSync(path.join(project, 'templates/themes/plain.yaml'), JSON.stringify({ ...dark, name: 'plain' }));
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

async function load(deckTheme: string, choice?: string): Promise<Awaited<ReturnType<typeof loadTheme>>> {
  const file = path.join(project, `outline-${deckTheme}.yaml`);
  writeFileSync(file, `deck:\n  title: T\n  date: "2025-03-10"\n  theme: ${deckTheme}\nslides:\n  - layout: title\n    title: T\n`);
  const outline = await loadOutline(file);
  expect(outline.diagnostics).toEqual([]);
  return loadTheme(outline.value!, choice === undefined ? undefined : { theme: choice, cwd: project });
}

async function loaded(name: string): Promise<Theme> {
  const result = await load(name);
  expect(result.diagnostics).toEqual([]);
  return result.value!;
}

describe('the built-in themes', () => {
  it.each(THEMES)('%s loads, under its own name, with every colour', async (name) => {
    const theme = await loaded(name);
    expect(theme.name).toBe(name);
    for (const c of Object.values(theme.colors)) expect(c).toMatch(/^[0-9A-F]{6}$/i);
  });

  it('the default theme gives the optional colours their defaults, and its section number reads on navy (3:1)', async () => {
    const theme = await loaded('default');
    expect({ card: theme.colors.card, onDarkMuted: theme.colors.onDarkMuted, onDarkAccent: theme.colors.onDarkAccent }).toEqual(THEME_COLOR_DEFAULTS);
    expect(contrast(theme.colors.accent, theme.colors.darkBackground)).toBeLessThan(3); // why onDarkAccent exists
    expect(contrast(theme.colors.onDarkAccent, theme.colors.darkBackground)).toBeGreaterThanOrEqual(3);
  });

  it('a theme file without card, onDarkMuted and onDarkAccent gets the default theme’s', async () => {
    const theme = await loaded('plain');
    const def = await loaded('default');
    for (const key of Object.keys(THEME_COLOR_DEFAULTS) as (keyof typeof THEME_COLOR_DEFAULTS)[]) expect(theme.colors[key]).toBe(def.colors[key]);
  });

  it('the dark theme: body text 4.5:1 on the slide and on cards, large text and marks 3:1, on the dark slides too', async () => {
    const { colors: c } = await loaded('dark');
    expect(contrast(c.background, 'FFFFFF')).toBeGreaterThan(10); // a dark slide
    for (const bg of [c.background, c.card]) {
      for (const fg of [c.text, c.muted, c.accent, c.accent2, c.up, c.down]) expect(contrast(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(c.subdued, c.background)).toBeGreaterThanOrEqual(3);
    for (const fg of [c.darkText, c.onDarkMuted]) expect(contrast(fg, c.darkBackground)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(c.onDarkAccent, c.darkBackground)).toBeGreaterThanOrEqual(3);
    expect(contrast(c.grid, c.background)).toBeGreaterThan(1.2); // grid lines still show
  });

  it('the dark theme has the default theme’s fonts and sizes, by language too', () => {
    const [def, dark] = THEMES.map((n) => themeSchema.parse(parse(readFileSync(themeFile(n), 'utf8'))));
    expect(dark?.fonts).toEqual(def?.fonts);
    expect(dark?.sizes).toEqual(def?.sizes);
  });
});

describe('--theme', () => {
  it('a name overrides the outline’s deck.theme', async () => {
    const result = await load('default', 'dark');
    expect(result.diagnostics).toEqual([]);
    expect(result.value?.name).toBe('dark');
  });

  it('a path names a theme file outside the template folders', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'briefdeck-theme-file-')), 'mine.yaml');
    writeFileSync(file, readFileSync(themeFile('dark'), 'utf8').replace('name: dark', 'name: mine'));
    const result = await load('default', file);
    expect(result.diagnostics).toEqual([]);
    expect(result.value?.name).toBe('mine');
    rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('an unknown name is TEMPLATE_UNKNOWN_THEME with the themes there as the hint', async () => {
    const result = await load('default', 'drak');
    expect(result.value).toBeUndefined();
    expect(result.diagnostics).toMatchObject([{ code: 'TEMPLATE_UNKNOWN_THEME', severity: 'error' }]);
    expect(result.diagnostics[0]?.message).toContain("'drak'");
    expect(result.diagnostics[0]?.hint).toMatch(/dark/);
    expect(result.diagnostics[0]?.hint).toMatch(/default/);
    expect(result.diagnostics[0]?.hint).toMatch(/plain/);
  });

  it('an unknown name in the outline is located at deck.theme', async () => {
    const result = await load('midnight');
    expect(result.diagnostics).toMatchObject([{ code: 'TEMPLATE_UNKNOWN_THEME', source: { file: expect.stringContaining('outline-midnight.yaml') } }]);
    const { range } = result.diagnostics[0]?.source ?? {};
    const text = readFileSync(path.join(project, 'outline-midnight.yaml'), 'utf8');
    expect(text.slice(range?.[0], range?.[1])).toBe('midnight');
    expect(result.diagnostics[0]?.hint).toMatch(/dark, default, plain/);
  });
});

describe('the theme JSON Schema', () => {
  const generated = jsonSchemas().theme;

  it('schema/theme.schema.json is what `npm run schema` generates now', () => {
    expect(readFileSync(path.join(ROOT, 'schema/theme.schema.json'), 'utf8')).toBe(generated);
  });

  it('describes every field', () => {
    const schema = JSON.parse(generated);
    const undescribed: string[] = [];
    const walk = (node: { properties?: Record<string, object & { description?: string }> }, at: string) => {
      for (const [key, field] of Object.entries(node.properties ?? {})) {
        if (!field.description) undescribed.push(`${at}${key}`);
        walk(field as typeof node, `${at}${key}.`);
      }
    };
    walk(schema, '');
    expect(undescribed).toEqual([]);
    expect(schema.properties.colors.required).not.toContain('card');
  });

  it.each(THEMES)('validates templates/themes/%s.yaml, which names it for the YAML language server', (name) => {
    const text = readFileSync(themeFile(name), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/theme.schema.json');
    const fromJson = z.fromJSONSchema(JSON.parse(generated));
    const result = fromJson.safeParse(parse(text));
    expect(result.success, result.success ? '' : JSON.stringify(result.error.issues)).toBe(true);
  });

  it('rejects what the loader rejects: a colour with #, an unknown field', () => {
    const fromJson = z.fromJSONSchema(JSON.parse(generated));
    const theme = parse(readFileSync(themeFile('dark'), 'utf8'));
    expect(fromJson.safeParse(theme).success).toBe(true);
    expect(fromJson.safeParse({ ...theme, colors: { ...theme.colors, accent: '#FF6B7A' } }).success).toBe(false);
    expect(fromJson.safeParse({ ...theme, colours: {} }).success).toBe(false);
  });
});
