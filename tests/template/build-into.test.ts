/**
 * The default deck built into company templates made by another application (LibreOffice's own,
 * converted to .potx by soffice) and into a hand-made 4:3 one: what the deck's XML says about
 * its masters, layouts, placeholders, theme and slide size, read back with the template reader.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type BuildResult } from '../../src/build.js';
import type { TextElement } from '../../src/layout/types.js';
import { mapLayouts } from '../../src/load/template/map-layouts.js';
import { readTemplate } from '../../src/load/template/read-template.js';
import type { Template } from '../../src/load/template/template.js';
import { checkPackage } from '../../src/pptx/opc/check-package.js';
import { validateParts } from '../pptx/xsd.js';
import { libreOfficeTemplate, minimalTemplate } from './fixtures.js';
import { decodeText } from '../../src/pptx/xml/xml.js';

const ROOT = path.resolve(__dirname, '../..');
const OUTLINE = path.join(ROOT, 'outline/briefing.yaml');
const EMU = 914400;

interface Built {
  template: Template;
  result: BuildResult;
  parts: Record<string, Uint8Array>;
}

async function buildInto(file: string): Promise<Built> {
  const read = readTemplate(readFileSync(file), file);
  expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const result = await buildDeck({ outline: OUTLINE, cwd: ROOT, template: file, write: false, sourceDateEpoch: 1_700_000_000 });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { template: read.value as Template, result, parts: unzipSync(result.pptx as Uint8Array) };
}

const text = (b: Built, name: string) => strFromU8(b.parts[name] ?? new Uint8Array());
const slideCount = (b: Built) => Object.keys(b.parts).filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p)).length;
/** The layout part a slide points at. */
function layoutOf(b: Built, n: number): string {
  const target = /Type="[^"]*\/slideLayout" Target="\.\.\/slideLayouts\/([^"]+)"/.exec(text(b, `ppt/slides/_rels/slide${n}.xml.rels`))?.[1];
  return `ppt/slideLayouts/${target}`;
}
/** Each `p:sp` of a slide, with its `p:ph` type (undefined: not a placeholder) and its text. */
function shapes(b: Built, n: number): { ph?: string; text: string; spPr: string }[] {
  return [...text(b, `ppt/slides/slide${n}.xml`).matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].map((m) => {
    const sp = m[1] as string;
    const ph = /<p:ph(?:\s[^>]*)?\/>/.exec(sp)?.[0];
    return {
      spPr: /<p:spPr>[\s\S]*?<\/p:spPr>/.exec(sp)?.[0] ?? '',
      ph: ph === undefined ? undefined : (/type="([^"]+)"/.exec(ph)?.[1] ?? 'obj'),
      text: [...sp.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join(''),
    };
  });
}

/** Every shape's box (its own xfrm) lies on the slide. */
function boxesOutside(b: Built): string[] {
  const size = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(text(b, 'ppt/presentation.xml'));
  const [w, h] = [Number(size?.[1]), Number(size?.[2])];
  const out: string[] = [];
  for (let n = 1; n <= slideCount(b); n++) {
    for (const m of text(b, `ppt/slides/slide${n}.xml`).matchAll(/<a:off x="(-?\d+)" y="(-?\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/g)) {
      const [x, y, cx, cy] = m.slice(1).map(Number) as [number, number, number, number];
      if (x < 0 || y < 0 || x + cx > w + 1 || y + cy > h + 1) out.push(`slide ${n}: ${[x, y, cx, cy].map((v) => (v / EMU).toFixed(2)).join(' ')}`);
    }
  }
  return out;
}

function describeInto(name: string, file: () => string | undefined) {
  const path = file();
  describe.skipIf(path === undefined)(`the default deck built into ${name}`, () => {
    let b: Built;
    beforeAll(async () => {
      b = await buildInto(path as string);
    }, 180_000);

    it("has the template's masters, layouts, slide size and theme (colours and Latin fonts), and none of its example slides", () => {
      const deck = readTemplate(b.result.pptx as Uint8Array, 'deck.pptx');
      expect(deck.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const own = deck.value as Template;
      expect(own.masters.map((m) => m.layouts.map((l) => l.name))).toEqual(b.template.masters.map((m) => m.layouts.map((l) => l.name)));
      expect(own.slide.w).toBeCloseTo(b.template.slide.w, 3);
      expect(own.slide.h).toBeCloseTo(b.template.slide.h, 3);
      expect(own.theme.colors).toEqual(b.template.theme.colors);
      expect(own.theme.fonts.major.latin).toBe(b.template.theme.fonts.major.latin);
      expect(own.theme.fonts.minor.latin).toBe(b.template.theme.fonts.minor.latin);
      // The template names no East Asian font that sets Chinese: the deck theme's goes in.
      expect(own.theme.fonts.minor.eastAsian).toBe('Microsoft JhengHei');
      expect(slideCount(b)).toBe(b.result.deck?.slides.length);
      expect(Object.keys(b.parts).filter((p) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(p))).toHaveLength(b.template.masters.flatMap((m) => m.layouts).length);
    });

    it('puts every slide on the template layout mapped to its kind', () => {
      const slides = b.result.deck?.slides ?? [];
      const { mappings } = mapLayouts(
        b.template,
        slides.map((s) => s.layout),
      );
      for (const s of slides) {
        const layout = text(b, layoutOf(b, s.index + 1));
        const wanted = mappings.find((m) => m.kind === s.layout)?.layout.name;
        expect(decodeText(/<p:cSld name="([^"]*)"/.exec(layout)?.[1] ?? ''), `slide ${s.index + 1} (${s.layout})`).toBe(wanted);
      }
    });

    it("writes every title into the layout's title placeholder, without its own colour or typeface", () => {
      for (const slide of b.result.plan?.slides ?? []) {
        const title = slide.elements.find((el): el is TextElement => el.type === 'text' && el.placeholder === 'title');
        if (!title) continue;
        const n = slide.index + 1;
        const inTitle = shapes(b, n).filter((s) => s.ph === 'title' || s.ph === 'ctrTitle');
        expect(inTitle, `slide ${n}`).toHaveLength(1);
        expect(decodeText(inTitle[0]?.text ?? '')).toBe(title.paragraphs.map((p) => p.text).join(''));
        const sp = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*?type="(?:title|ctrTitle)"[\s\S]*?<\/p:sp>/.exec(text(b, `ppt/slides/slide${n}.xml`))?.[0] ?? '';
        expect(sp).not.toMatch(/<a:rPr[^>]*>(?:(?!<\/a:rPr>)[\s\S])*(<a:solidFill>|<a:latin )/);
        expect(sp).not.toMatch(/<a:rPr[^>]* b="1"/);
      }
    });

    it('numbers the content slides in the layout slide number placeholder, with no slide background of its own', () => {
      const numbered = (b.result.plan?.slides ?? []).filter((s) => s.numbered);
      expect(numbered.length).toBeGreaterThan(10);
      for (const s of numbered) {
        const xml = text(b, `ppt/slides/slide${s.index + 1}.xml`);
        expect(xml).toMatch(/<p:ph type="sldNum"[^>]*\/>[\s\S]*<a:fld [^>]*type="slidenum"/);
      }
      for (let n = 1; n <= slideCount(b); n++) expect(text(b, `ppt/slides/slide${n}.xml`)).not.toContain('<p:bg>');
    });

    it("starts a section at each section slide, and writes the deck's footer into the layout's footer placeholder", () => {
      const sections = [...text(b, 'ppt/presentation.xml').matchAll(/<p14:section name="([^"]*)"/g)].map((m) => m[1]);
      const sectionSlides = (b.result.deck?.slides ?? []).filter((s) => s.layout === 'section');
      expect(sections).toHaveLength(sectionSlides.length + 1);
      const footer = b.result.deck?.meta.footer as string;
      expect(footer).toBeTruthy();
      const withFooter = (b.result.plan?.slides ?? []).filter((s) => s.elements.some((el) => el.name === 'footer'));
      expect(withFooter.length).toBeGreaterThan(10);
      for (const s of withFooter) expect(shapes(b, s.index + 1).find((sp) => sp.ph === 'ftr')?.text, `slide ${s.index + 1}`).toBe(footer);
    });

    it('keeps every shape on the slide, validates against the schemas and passes the package check', () => {
      expect(boxesOutside(b)).toEqual([]);
      expect(checkPackage(b.result.pptx as Uint8Array, 'deck.pptx')).toEqual([]);
      const { checked, invalid } = validateParts(new Map(Object.entries(b.parts)));
      expect(checked).toBeGreaterThan(50);
      expect(invalid).toEqual([]);
    });

    it("stores the template's media once, and gives the same bytes again", async () => {
      const media = Object.entries(b.parts).filter(([p]) => p.startsWith('ppt/media/'));
      const unique = new Set(media.map(([, bytes]) => Buffer.from(bytes).toString('base64')));
      expect(unique.size).toBe(media.length);
      const again = await buildDeck({ outline: OUTLINE, cwd: ROOT, template: path as string, write: false, sourceDateEpoch: 1_700_000_000 });
      expect(Buffer.from(again.pptx as Uint8Array).equals(Buffer.from(b.result.pptx as Uint8Array))).toBe(true);
    }, 120_000);
  });
}

describeInto("LibreOffice's Focus", () => libreOfficeTemplate('Focus'));
describeInto("LibreOffice's Vivid", () => libreOfficeTemplate('Vivid'));

describe('the default deck built into a hand-made 4:3 template (10 × 7.5 in)', () => {
  let b: Built;
  beforeAll(async () => {
    b = await buildInto(minimalTemplate({ slide: { w: 10, h: 7.5 }, fonts: { minorLatin: 'Calibri', majorLatin: 'Calibri Light', minorEastAsian: 'PMingLiU' }, colors: { accent1: '7A1F5C' } }));
  }, 180_000);

  it('lays every element out on the 10 in slide, and writes nothing outside it', () => {
    for (const s of b.result.plan?.slides ?? []) {
      for (const el of s.elements) {
        const { x, y, w, h } = el.box;
        expect(x >= 0 && y >= 0 && x + w <= 10 + 1e-6 && y + h <= 7.5 + 1e-6, `slide ${s.index + 1}: ${el.name}`).toBe(true);
      }
    }
    expect(boxesOutside(b)).toEqual([]);
    expect(text(b, 'ppt/presentation.xml')).toContain(`<p:sldSz cx="${10 * EMU}" cy="${7.5 * EMU}"/>`);
  });

  it("takes the template's fonts, its East Asian one included, and draws in its accent", () => {
    const own = readTemplate(b.result.pptx as Uint8Array, 'deck.pptx').value as Template;
    expect(own.theme.fonts.minor).toEqual({ latin: 'Calibri', eastAsian: 'PMingLiU' });
    expect(own.theme.fonts.major.latin).toBe('Calibri Light');
    expect(own.theme.colors.accent1).toBe('7A1F5C');
    // The figures' values are in accent1, by reference to the scheme slot.
    const figures = (b.result.plan?.slides ?? []).find((s) => s.layout === 'figures') as { index: number };
    expect(text(b, `ppt/slides/slide${figures.index + 1}.xml`)).toContain('<a:schemeClr val="accent1"/>');
  });

  it("writes a comparison's headings and columns into the Comparison layout's four placeholders, without fills of its own", () => {
    const slides = (b.result.deck?.slides ?? []).filter((s) => s.layout === 'comparison');
    expect(slides.length).toBeGreaterThan(0);
    for (const s of slides) {
      if (s.layout !== 'comparison') continue;
      const n = s.index + 1;
      expect(decodeText(/<p:cSld name="([^"]*)"/.exec(text(b, layoutOf(b, n)))?.[1] ?? '')).toBe('Comparison');
      const placed = shapes(b, n).filter((sp) => sp.ph === 'body' || sp.ph === 'obj');
      expect(placed.map((sp) => sp.ph)).toEqual(['body', 'body', 'obj', 'obj']);
      expect(placed.slice(0, 2).map((sp) => decodeText(sp.text))).toEqual([s.left.heading, s.right.heading]);
      const xml = text(b, `ppt/slides/slide${n}.xml`);
      for (const idx of [1, 2, 3, 4]) expect(xml).toMatch(new RegExp(`<p:ph (type="body" )?idx="${idx}"/>`));
      for (const sp of placed) expect(sp.spPr).not.toContain('Fill>');
    }
  });

  it('numbers the slides with the slide number field where the layouts have no slide number placeholder', () => {
    const numbered = (b.result.plan?.slides ?? []).filter((s) => s.numbered);
    expect(numbered.length).toBeGreaterThan(10);
    for (const s of numbered) {
      const xml = text(b, `ppt/slides/slide${s.index + 1}.xml`);
      expect(xml).not.toContain('type="sldNum"');
      expect(xml).toMatch(/<a:fld [^>]*type="slidenum"/);
    }
  });

  it('validates against the schemas', () => {
    const { invalid } = validateParts(new Map(Object.entries(b.parts)));
    expect(invalid).toEqual([]);
  });
});

describe('the default deck without a template', () => {
  it('is the same before and after a deck is built into one (nothing of a template stays behind)', async () => {
    const build = async () => (await buildDeck({ outline: OUTLINE, cwd: ROOT, write: false, sourceDateEpoch: 1_700_000_000 })).pptx as Uint8Array;
    const before = await build();
    await buildDeck({ outline: OUTLINE, cwd: ROOT, template: minimalTemplate(), write: false, sourceDateEpoch: 1_700_000_000 });
    const after = await build();
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
    const parts = unzipSync(after);
    expect(strFromU8(parts['ppt/presentation.xml'] as Uint8Array)).toContain('<p:sldSz cx="12192000" cy="6858000"/>');
    const layouts = Object.entries(parts).filter(([p]) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(p));
    expect(layouts.some(([, bytes]) => strFromU8(bytes).includes('<p:cSld name="Figures">'))).toBe(true);
  }, 120_000);
});

describe('the default deck built into a template larger than briefdeck’s slide (20 × 11.25 in)', () => {
  it('draws its charts for the larger boxes, and lays everything out inside the slide', async () => {
    const wide = { name: 'Title Only', type: 'titleOnly', placeholders: [{ type: 'title', name: 'Title 1', box: [1, 0.5, 18, 1.5] }] } as const;
    const b = await buildInto(minimalTemplate({ slide: { w: 20, h: 11.25 }, layouts: ['Title Slide', 'Title and Content', 'Section Header', 'Comparison', wide] }));
    expect(b.result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(b.result.stats.charts).toBeGreaterThan(0);
    const charts = (b.result.plan?.slides ?? []).flatMap((s) => s.elements.filter((el) => el.type === 'chart'));
    expect(Math.max(...charts.map((el) => el.box.w))).toBeGreaterThan(13.34);
    for (const s of b.result.plan?.slides ?? []) {
      for (const el of s.elements) expect(el.box.x + el.box.w <= 20 + 1e-6 && el.box.y + el.box.h <= 11.25 + 1e-6, `slide ${s.index + 1}: ${el.name}`).toBe(true);
    }
  }, 180_000);
});
