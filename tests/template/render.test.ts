/**
 * The real client: the default deck built into LibreOffice's own templates, rendered by
 * LibreOffice, read back word by word with `pdftotext -bbox-layout`.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type BuildResult } from '../../src/build.js';
import type { TextElement } from '../../src/layout/types.js';
import { libreOfficeUnavailable, renderWordBoxes } from '../e2e/render.js';
import { libreOfficeTemplate } from './fixtures.js';

const ROOT = path.resolve(__dirname, '../..');

type Page = ReturnType<typeof renderWordBoxes>[number];

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
      pages = renderWordBoxes(result.pptx as Uint8Array);
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
