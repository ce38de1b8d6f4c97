/**
 * Timelines placed by their dates (issue 14), as LibreOffice draws them: no word of one event's
 * date, label or detail overlaps another word, every word stays in its own box, and the events
 * follow their dates (nearer in time, nearer on the slide, beyond the labels' minimum gap).
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import type { DeckPlan, TextElement } from '../../src/layout/types.js';
import { type DrawnWord, libreOfficeUnavailable, renderWordBoxes } from './render.js';

const ROOT = path.resolve(__dirname, '../..');
const DECKS = ['tests/fixtures/timeline/zh-TW.yaml', 'tests/fixtures/timeline/en.yaml'];

/** The area two drawn words share, in square points. */
function shared(a: DrawnWord, b: DrawnWord): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

describe.each(DECKS)('%s as LibreOffice draws it', (rel) => {
  it('overlaps no word with another, keeps each word in a text box, and places dated events by date', async (ctx) => {
    const unavailable = libreOfficeUnavailable();
    if (unavailable) return ctx.skip(unavailable);
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'briefdeck-timeline-')), 'deck.pptx');
    const result = await buildDeck({ outline: path.join(ROOT, rel), out, cwd: ROOT });
    expect(result.diagnostics).toEqual([]);
    const plan = result.plan as DeckPlan;
    const pages = renderWordBoxes(result.pptx as Uint8Array);
    expect(pages).toHaveLength(plan.slides.length);
    let events = 0;
    for (const slide of plan.slides) {
      const page = pages[slide.index] as (typeof pages)[number];
      const k = page.width / 13.333;
      const texts = slide.elements.filter((e): e is TextElement => e.type === 'text');
      const words = page.words.filter((w) => w.text.trim() !== '' && w.y0 < 6.7 * k); // above the footer row
      // Each word's box: across, the whole word; down, its middle (pdftotext's word box runs to the font's descent).
      const homes = words.map((a) => {
        const cy = (a.y0 + a.y1) / 2;
        const home = texts.find((t) => a.x0 >= t.box.x * k - 2 && a.x1 <= (t.box.x + t.box.w) * k + 2 && cy >= t.box.y * k && cy <= (t.box.y + t.box.h) * k);
        expect(home, `slide ${slide.index + 1}: "${a.text}" is outside every text box`).toBeDefined();
        return home;
      });
      // Lines of one paragraph may share their descent; words of two boxes share nothing.
      for (const [i, a] of words.entries()) {
        for (const [j, b] of words.entries()) {
          if (j > i && homes[i] !== homes[j]) expect(shared(a, b), `slide ${slide.index + 1}: "${a.text}" (${homes[i]?.name}) overlaps "${b.text}" (${homes[j]?.name})`).toBeLessThan(1);
        }
      }
      const dots = slide.elements.filter((e) => / dot$/.test(e.name)).map((e) => e.box.x + e.box.w / 2);
      events += dots.length;
      for (let i = 1; i < dots.length; i++) expect(dots[i] as number, `slide ${slide.index + 1}: event ${i + 1} before event ${i}`).toBeGreaterThan(dots[i - 1] as number);
    }
    expect(events).toBeGreaterThan(10);
    // The first slide's last four events fall within 16 days of each other, 19 months after the first:
    // the gap before them is the widest on the slide.
    const first = plan.slides[0]?.elements.filter((e) => / dot$/.test(e.name)).map((e) => e.box.x) ?? [];
    const gaps = first.slice(1).map((x, i) => x - (first[i] as number));
    expect(Math.max(...gaps)).toBe(gaps[0]);
    expect(gaps[0]).toBeGreaterThan(2 * Math.max(...gaps.slice(1)));
  });
});
