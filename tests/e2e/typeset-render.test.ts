import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { isOrphan } from '../../src/layout/typeset/typesetter.js';
import type { DeckPlan, TextElement } from '../../src/layout/types.js';
import { libreOfficeUnavailable, renderWordBoxes } from './render.js';

const ROOT = path.resolve(__dirname, '../..');
const DECKS = [
  { name: 'the default deck', outline: path.join(ROOT, 'outline/briefing.yaml') },
  { name: 'the zh-TW stress deck', outline: path.join(ROOT, 'tests/fixtures/typeset/zh-TW.yaml') },
];

interface Word {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}
type Page = ReturnType<typeof renderWordBoxes>[number];

/** The lines LibreOffice drew inside a text box: its words grouped by baseline, left to right. */
function drawnLines(page: Page, el: TextElement): string[] {
  const k = page.width / 13.333;
  const { x, y, w, h } = el.box;
  const inside = page.words.filter((wd) => {
    const cx = (wd.x0 + wd.x1) / 2;
    const cy = (wd.y0 + wd.y1) / 2;
    return cx >= x * k - 2 && cx <= (x + w) * k + 2 && cy >= y * k - 2 && cy <= (y + h) * k + 2;
  });
  const rows: Word[][] = [];
  for (const wd of [...inside].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)) {
    const row = rows.find((r) => Math.abs((r[0] as Word).y0 - wd.y0) < (wd.y1 - wd.y0) * 0.4);
    if (row) row.push(wd);
    else rows.push([wd]);
  }
  return rows.map((r) =>
    r
      .sort((a, b) => a.x0 - b.x0)
      .map((wd) => wd.text)
      .join(''),
  );
}

/** The lines layout decided for an element, paragraph by paragraph. */
function predictedLines(el: TextElement): string[][] {
  return el.paragraphs.map((p) => {
    const cuts = [0, ...(p.breaks ?? []), p.text.length];
    return cuts.slice(1).map((end, i) => p.text.slice(cuts[i], end).replace(/\s/g, ''));
  });
}

const SPLIT_NUMBER = /\d[\p{Script=Han}%]|[第前$]\d|\d\d/u;

describe.each(DECKS)('$name as LibreOffice draws it', ({ outline }) => {
  it('draws the lines layout decided: no orphan, no number torn from its unit, nothing off the slide', async (ctx) => {
    const unavailable = libreOfficeUnavailable();
    if (unavailable) return ctx.skip(unavailable);
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'briefdeck-typeset-out-')), 'deck.pptx');
    const result = await buildDeck({ outline, out, cwd: ROOT });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const plan = result.plan as DeckPlan;
    const pages = renderWordBoxes(result.pptx as Uint8Array);
    expect(pages).toHaveLength(plan.slides.length);
    let titles = 0;
    let wrapped = 0;
    for (const slide of plan.slides) {
      const page = pages[slide.index] as Page;
      for (const wd of page.words) {
        expect(wd.x0 >= -0.5 && wd.x1 <= page.width + 0.5 && wd.y0 >= -0.5 && wd.y1 <= page.height + 0.5, `slide ${slide.index + 1}: "${wd.text}" is off the slide`).toBe(true);
      }
      for (const el of slide.elements.filter((e): e is TextElement => e.type === 'text')) {
        const predicted = predictedLines(el);
        const drawn = drawnLines(page, el);
        const where = `slide ${slide.index + 1} ${el.name}: drew ${JSON.stringify(drawn)}, predicted ${JSON.stringify(predicted)}`;
        if (el.name === 'title') {
          titles++;
          expect(drawn.length, where).toBe(predicted.flat().length);
        }
        if (predicted.length !== 1 || drawn.length < 2) continue;
        // One paragraph: its drawn lines are the paragraph's lines.
        wrapped++;
        expect(drawn.length, where).toBe((predicted[0] as string[]).length);
        expect(isOrphan(drawn.at(-1) as string), where).toBe(false);
        for (let i = 0; i + 1 < drawn.length; i++) {
          const seam = `${(drawn[i] as string).slice(-1)}${(drawn[i + 1] as string).slice(0, 1)}`;
          expect(SPLIT_NUMBER.test(seam), `${where}: ${seam}`).toBe(false);
        }
      }
    }
    expect(titles).toBeGreaterThan(3);
    expect(wrapped).toBeGreaterThan(3);
  }, 240_000);
});
