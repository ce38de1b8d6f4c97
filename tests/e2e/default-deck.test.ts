import { strFromU8, unzipSync } from 'fflate';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type BuildResult } from '../../src/build.js';
import { checkPackage } from '../../src/pptx/opc/check-package.js';
import { validateParts } from '../pptx/xsd.js';
import { libreOfficeUnavailable, renderPages } from './render.js';

const ROOT = path.resolve(__dirname, '../..');
const SECTIONS = ['一個「全面開花」的時代', '國產生成式AI這三年', 'AI迎來「技術硬核」時代'];

let result: BuildResult;
let parts: Record<string, Uint8Array>;
const text = (name: string) => strFromU8(parts[name] ?? new Uint8Array());
const slideNames = () =>
  Object.keys(parts)
    .filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p))
    .sort((a, b) => num(a) - num(b));
const num = (p: string) => Number(/(\d+)\.xml$/.exec(p)?.[1]);
/** The text a slide shows, run by run. */
const slideText = (name: string) => [...text(name).matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('');

beforeAll(async () => {
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'briefdeck-e2e-')), 'briefing.pptx');
  result = await buildDeck({ outline: path.join(ROOT, 'outline/briefing.yaml'), out, cwd: ROOT });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  parts = unzipSync(result.pptx!);
}, 120_000);

describe('the default deck', () => {
  it('has a slide per outline slide, at least 20, and passes the integrity checker', () => {
    expect(slideNames().length).toBe(result.deck!.slides.length);
    expect(slideNames().length).toBeGreaterThanOrEqual(20);
    expect(checkPackage(result.pptx!, 'briefing.pptx')).toEqual([]);
  });

  it('shows the three section titles on section slides', () => {
    const sectionTexts = result.deck!.slides.filter((s) => s.layout === 'section').map((s) => slideText(`ppt/slides/slide${s.index + 1}.xml`));
    for (const title of SECTIONS) expect(sectionTexts.some((t) => t.includes(title))).toBe(true);
  });

  it('embeds a chart picture with alt text that states its data on every chart slide', () => {
    const charts = result.deck!.slides.filter((s) => s.layout === 'chart');
    expect(charts.length).toBeGreaterThanOrEqual(4);
    // Several kinds (ranking, share, breakdown …): the outline decides which.
    expect(new Set(charts.map((s) => s.layout === 'chart' && s.chart.kind)).size).toBeGreaterThanOrEqual(3);
    for (const s of charts) {
      const xml = text(`ppt/slides/slide${s.index + 1}.xml`);
      const rels = text(`ppt/slides/_rels/slide${s.index + 1}.xml.rels`);
      const hasPicture = /<p:pic>/.test(xml) && /Target="\.\.\/media\/[^"]+\.png"/.test(rels);
      const hasNative = /Target="\.\.\/charts\/chart\d+\.xml"/.test(rels);
      expect(hasPicture || hasNative).toBe(true);
      const descr = /descr="([^"]+)"/.exec(xml)?.[1] ?? '';
      expect(descr.length).toBeGreaterThan(20);
      expect(descr).toMatch(/\d/);
    }
    const web = charts.find((s) => s.layout === 'chart' && s.chart.data === 'a16z.web')!;
    expect(text(`ppt/slides/slide${web.index + 1}.xml`)).toMatch(/descr="[^"]*DeepSeek[^"]*2/);
  });

  it('has speaker notes on every content slide', () => {
    for (const s of result.deck!.slides) {
      if (['title', 'section', 'sources'].includes(s.layout)) continue;
      const rels = text(`ppt/slides/_rels/slide${s.index + 1}.xml.rels`);
      const notes = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)?.[1];
      expect(notes, `slide ${s.index + 1}`).toBeDefined();
      expect(slideText(`ppt/notesSlides/${notes}`).length, `slide ${s.index + 1} notes`).toBeGreaterThan(20);
    }
  });

  it('marks every text run zh-TW with an East Asian font, in slides and notes', () => {
    for (const name of Object.keys(parts).filter((p) => /^ppt\/(slides|notesSlides)\/\w+\d+\.xml$/.test(p))) {
      const runs = [...text(name).matchAll(/<a:rPr\b[^>]*?(\/>|>.*?<\/a:rPr>)/g)].map((m) => m[0]);
      for (const r of runs) {
        expect(r, name).toContain('lang="zh-TW"');
        // The theme's East Asian body font (Microsoft JhengHei, below), or none in a placeholder, whose layout gives it (issue 16).
        expect(r, name).not.toMatch(/<a:ea typeface="(?!\+mn-ea")/);
      }
    }
    expect(text('ppt/theme/theme1.xml')).toMatch(/<a:minorFont><a:latin typeface="[^"]+"\/><a:ea typeface="Microsoft JhengHei"/);
    expect(text('ppt/theme/theme1.xml')).toMatch(/<a:majorFont><a:latin typeface="[^"]+"\/><a:ea typeface="Microsoft JhengHei"/);
  });

  it('cites the data source under every chart slide and lists every dataset on the sources slide', () => {
    for (const s of result.deck!.slides.filter((x) => x.layout === 'chart')) {
      expect(slideText(`ppt/slides/slide${s.index + 1}.xml`)).toContain('資料來源');
    }
    const sources = result.deck!.slides.find((s) => s.layout === 'sources')!;
    const t = slideText(`ppt/slides/slide${sources.index + 1}.xml`);
    expect(t).toContain('a16z');
    expect(t).toContain('聽筒Tech');
  });

  it('is schema-valid in every part', () => {
    const { checked, invalid } = validateParts(new Map(Object.entries(parts)));
    expect(checked).toBeGreaterThan(50);
    expect(invalid).toEqual([]);
  });

  it('stores its parts deflated: without the pictures, at most half the size pptxgenjs writes', () => {
    // pptxgenjs stores every part uncompressed; its pictures are placeholders (drawn meanwhile).
    const pictures = Object.entries(unzipSync(result.pptx!)).filter(([name]) => name.startsWith('ppt/media/'));
    expect(pictures.length).toBeGreaterThan(0);
    const pictureBytes = pictures.reduce((n, [, bytes]) => n + bytes.length, 0);
    expect(result.stats.bytes - pictureBytes).toBeLessThanOrEqual(result.stats.rawBytes / 2);
  });

  it('renders in LibreOffice: every page has text, the section titles come out', (ctx) => {
    const why = libreOfficeUnavailable();
    if (why) {
      console.warn(`skipped: ${why}`);
      ctx.skip();
    }
    const pages = renderPages(result.pptx!);
    expect(pages.length).toBe(slideNames().length);
    for (const [i, p] of pages.entries()) expect(p.replace(/\s/g, '').length, `page ${i + 1}`).toBeGreaterThan(5);
    const all = pages.join('\n').replace(/\s/g, '');
    for (const title of SECTIONS) expect(all).toContain(title.replace(/\s/g, ''));
  }, 180_000);
});
