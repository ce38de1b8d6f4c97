/**
 * The real client: a copy of the default deck whose theme part says another accent1, rendered by
 * LibreOffice, shows that accent on every content slide's title rule. The slides refer to the
 * scheme (issue 16), so changing the theme restyles the deck; with hex colours on the slides the
 * rules would stay red and this test would fail.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { libreOfficeUnavailable } from '../e2e/render.js';

const ROOT = path.resolve(__dirname, '../..');
const DPI = 50;
const EMU_PER_INCH = 914400;
/** A green no theme colour is near, so a rule drawn in it cannot be mistaken for the red. */
const NEW_ACCENT = '00A050';

const unavailable = libreOfficeUnavailable() ?? (spawnSync('pdftoppm', ['-v']).error ? 'pdftoppm is not installed (Debian: poppler-utils)' : undefined);

interface Rule {
  slide: number;
  x: number;
  y: number;
}

let dir: string;
let rules: Rule[];
let accent: string;
let before: Page[];
let after: Page[];

beforeAll(async () => {
  if (unavailable) return;
  dir = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-theme-render-'));
  const result = await buildDeck({ outline: path.join(ROOT, 'outline/briefing.yaml'), cwd: ROOT, write: false });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const parts = unzipSync(result.pptx!);
  const theme = strFromU8(parts['ppt/theme/theme1.xml']!);
  accent = /<a:accent1><a:srgbClr val="([0-9A-F]{6})"\/>/.exec(theme)?.[1] ?? '';
  rules = titleRules(parts);
  const changed = { ...parts, 'ppt/theme/theme1.xml': strToU8(theme.replace(`<a:accent1><a:srgbClr val="${accent}"/>`, `<a:accent1><a:srgbClr val="${NEW_ACCENT}"/>`)) };
  before = render(result.pptx!, 'before');
  after = render(zipSync(changed), 'after');
}, 600_000);
afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

describe.skipIf(unavailable)('changing the theme’s accent in PowerPoint terms', () => {
  it('finds a title rule on every content slide', () => {
    expect(accent).toMatch(/^[0-9A-F]{6}$/);
    expect(accent).not.toBe(NEW_ACCENT);
    expect(rules.length).toBeGreaterThan(5);
    expect(before.length).toBe(after.length);
  });

  it('recolours every content slide’s title rule, and only where the accent was', () => {
    for (const rule of rules) {
      const was = pixel(before, rule);
      const now = pixel(after, rule);
      expect(near(was, accent), `slide ${rule.slide}: the rule was ${hex(was)}, the accent ${accent}`).toBe(true);
      expect(near(now, NEW_ACCENT), `slide ${rule.slide}: the rule is ${hex(now)} after the theme says ${NEW_ACCENT}`).toBe(true);
    }
  });
});

/** Each content slide's 'title rule' shape, as the pixel in its middle at DPI. */
function titleRules(parts: Record<string, Uint8Array>): Rule[] {
  return Object.keys(parts)
    .flatMap((name) => {
      const n = /^ppt\/slides\/slide(\d+)\.xml$/.exec(name)?.[1];
      if (!n) return [];
      const xml = strFromU8(parts[name]!);
      const at = xml.indexOf('name="title rule"');
      if (at < 0) return [];
      const shape = xml.slice(at, xml.indexOf('</p:sp>', at));
      const [, x, y] = /<a:off x="(\d+)" y="(\d+)"/.exec(shape) ?? [];
      const [, cx, cy] = /<a:ext cx="(\d+)" cy="(\d+)"/.exec(shape) ?? [];
      const px = (emu: number) => Math.round((emu / EMU_PER_INCH) * DPI);
      return [{ slide: Number(n), x: px(Number(x) + Number(cx) / 2), y: px(Number(y) + Number(cy) / 2) }];
    })
    .sort((a, b) => a.slide - b.slide);
}

interface Page {
  width: number;
  height: number;
  rgb: Uint8Array;
}

/** The deck as LibreOffice renders it, a PPM picture a page at DPI. */
function render(pptx: Uint8Array, name: string): Page[] {
  const deck = path.join(dir, `${name}.pptx`);
  writeFileSync(deck, pptx);
  const profile = path.join(dir, `profile-${name}`);
  spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, deck], { timeout: 240_000 });
  const pages = spawnSync('pdftoppm', ['-r', String(DPI), path.join(dir, `${name}.pdf`), path.join(dir, name)], { timeout: 120_000 });
  if (pages.status !== 0) throw new Error(`pdftoppm failed: ${pages.stderr}`);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.ppm'))
    .sort((a, b) => Number(/-(\d+)\.ppm$/.exec(a)?.[1]) - Number(/-(\d+)\.ppm$/.exec(b)?.[1]))
    .map((f) => readPpm(readFileSync(path.join(dir, f))));
}

/** A binary PPM (P6, maxval 255), as pdftoppm writes it. */
function readPpm(bytes: Buffer): Page {
  const header = bytes.subarray(0, 64).toString('latin1');
  const m = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(header);
  if (!m) throw new Error('not a P6 PPM picture');
  return { width: Number(m[1]), height: Number(m[2]), rgb: bytes.subarray(m[0].length) };
}

function pixel(pages: Page[], rule: Rule): [number, number, number] {
  const page = pages[rule.slide - 1];
  if (!page) throw new Error(`no page for slide ${rule.slide}`);
  const at = (rule.y * page.width + rule.x) * 3;
  return [page.rgb[at] ?? 0, page.rgb[at + 1] ?? 0, page.rgb[at + 2] ?? 0];
}

function near(rgb: [number, number, number], want: string): boolean {
  const w = [0, 2, 4].map((i) => parseInt(want.slice(i, i + 2), 16));
  return rgb.every((c, i) => Math.abs(c - (w[i] ?? 0)) <= 40);
}

const hex = (rgb: number[]) => rgb.map((c) => c.toString(16).padStart(2, '0').toUpperCase()).join('');
