/**
 * The real client: the default deck built into LibreOffice's own templates, rendered by
 * LibreOffice, read back word by word with `pdftotext -bbox-layout`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type BuildResult } from '../../src/build.js';
import type { TextElement } from '../../src/layout/types.js';
import { libreOfficeUnavailable } from '../e2e/render.js';
import { libreOfficeTemplate } from './fixtures.js';

const ROOT = path.resolve(__dirname, '../..');

interface Page {
  width: number;
  height: number;
  words: { x0: number; y0: number; x1: number; y1: number; text: string }[];
}

/** Every page's size and words (points), as LibreOffice drew them. */
function renderWords(pptx: Uint8Array): Page[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-template-render-'));
  try {
    const deck = path.join(dir, 'deck.pptx');
    writeFileSync(deck, pptx);
    spawnSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, deck], { timeout: 180_000 });
    const html = spawnSync('pdftotext', ['-bbox-layout', path.join(dir, 'deck.pdf'), '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (html.status !== 0) throw new Error(`LibreOffice produced no PDF: ${html.stderr}`);
    return html.stdout
      .split('<page ')
      .slice(1)
      .map((page) => {
        const size = /width="([\d.]+)" height="([\d.]+)"/.exec(page);
        const words = [...page.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)].map((m) => ({
          x0: Number(m[1]),
          y0: Number(m[2]),
          x1: Number(m[3]),
          y1: Number(m[4]),
          text: m[5] as string,
        }));
        return { width: Number(size?.[1]), height: Number(size?.[2]), words };
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const unavailable = libreOfficeUnavailable();
if (unavailable) console.warn(`skipping the template render tests: ${unavailable}`);

for (const name of ['Focus', 'Vivid']) {
  const file = unavailable ? undefined : libreOfficeTemplate(name);
  describe.skipIf(file === undefined)(`the default deck in LibreOffice's ${name}, rendered by LibreOffice`, () => {
    let result: BuildResult;
    let pages: Page[];
    beforeAll(async () => {
      result = await buildDeck({ outline: path.join(ROOT, 'outline/briefing.yaml'), cwd: ROOT, template: file as string, write: false });
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      pages = renderWords(result.pptx as Uint8Array);
    }, 300_000);

    it("renders a page per slide, of the template's size", () => {
      expect(pages).toHaveLength(result.deck?.slides.length ?? -1);
      // 11.02 × 6.2 in: LibreOffice's own slide size.
      for (const p of pages) {
        expect(p.width).toBeCloseTo(11.02 * 72, -1);
        expect(p.height).toBeCloseTo(6.2 * 72, -1);
      }
    });

    it('draws no word outside the slide', () => {
      const outside = pages.flatMap((p, i) => p.words.filter((w) => w.x0 < -0.5 || w.y0 < -0.5 || w.x1 > p.width + 0.5 || w.y1 > p.height + 0.5).map((w) => `slide ${i + 1}: ${w.text}`));
      expect(outside).toEqual([]);
    });

    it("shows each slide's title on its page", () => {
      for (const slide of result.plan?.slides ?? []) {
        const title = slide.elements.find((el): el is TextElement => el.type === 'text' && el.placeholder === 'title');
        if (!title) continue;
        const shown = (pages[slide.index]?.words ?? []).map((w) => w.text).join('');
        // Words as pdftotext splits them, without the spaces between them.
        const wanted = title.paragraphs
          .map((p) => p.text)
          .join('')
          .replace(/\s+/g, '')
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/>/g, '&gt;')
          .replace(/"/g, '&quot;');
        expect(shown.replace(/\s+/g, ''), `slide ${slide.index + 1}`).toContain(wanted);
      }
    });
  });
}
