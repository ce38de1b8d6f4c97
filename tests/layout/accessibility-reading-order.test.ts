/** Reading order (issue 16): a screen reader reads shapes in tree order, so each item's words come together. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { itemByItem } from '../../src/layout/reading-order.js';
import type { Element, SlidePlan } from '../../src/layout/types.js';
import { layOut } from './lay-out.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUTLINES = ['tests/layout/fixture/deck.yaml', 'tests/layout/fixture/crowded.yaml', 'tests/fixtures/links/deck.yaml', 'outline/briefing.yaml'];

interface OutlineSlide {
  layout: string;
  items?: string[];
  figures?: { detail?: string }[];
  events?: { detail?: string }[];
}

/** The text elements a screen reader reads, in order (shapes without text it skips). */
function spoken(slide: SlidePlan): string[] {
  return slide.elements.filter((el) => el.type !== 'shape').map((el) => el.name);
}

describe.each(OUTLINES)('reading order of %s', (rel) => {
  const file = path.join(ROOT, rel);
  const outline = parse(readFileSync(file, 'utf8')) as { slides: OutlineSlide[] };

  it('reads the title first on every slide that has one, except the section slides', async () => {
    const { plan } = await layOut(file);
    const titled = plan.slides.filter((s) => s.layout !== 'section' && s.elements.some((el) => el.name === 'title'));
    expect(titled.length).toBeGreaterThan(0);
    for (const s of titled) expect(spoken(s)[0], `slide ${s.index + 1} (${s.layout})`).toBe('title');
  });

  it("reads each figure's value, then its label and detail, figure by figure", async () => {
    const { plan } = await layOut(file);
    outline.slides.forEach((o, i) => {
      if (o.layout !== 'figures') return;
      const expected = (o.figures ?? []).flatMap((f, k) => [`figure ${k + 1} value`, `figure ${k + 1} label`, ...(f.detail ? [`figure ${k + 1} detail`] : [])]);
      expect(spoken(plan.slides[i] as SlidePlan).filter((n) => n.startsWith('figure '))).toEqual(expected);
    });
  });

  it("reads each event's date with its label and detail, event by event", async () => {
    const { plan } = await layOut(file);
    outline.slides.forEach((o, i) => {
      if (o.layout !== 'timeline') return;
      const expected = (o.events ?? []).flatMap((e, k) => [`event ${k + 1} date`, `event ${k + 1} label`, ...(e.detail ? [`event ${k + 1} detail`] : [])]);
      expect(spoken(plan.slides[i] as SlidePlan).filter((n) => n.startsWith('event '))).toEqual(expected);
    });
  });

  it('reads each agenda number with its item (the sections, or the slide’s own items)', async () => {
    const { plan } = await layOut(file);
    const sections = outline.slides.filter((s) => s.layout === 'section').length;
    outline.slides.forEach((o, i) => {
      if (o.layout !== 'agenda') return;
      const n = o.items?.length ?? sections;
      const expected = Array.from({ length: n }, (_, k) => [`agenda number ${k + 1}`, `agenda item ${k + 1}`]).flat();
      expect(spoken(plan.slides[i] as SlidePlan).filter((name) => name.startsWith('agenda '))).toEqual(expected);
    });
  });

  it('keeps every card and dot before the text on it (under it on the slide)', async () => {
    const { plan } = await layOut(file);
    for (const s of plan.slides) {
      s.elements.forEach((el, k) => {
        if (el.type !== 'shape' || !el.fill) return;
        const textBefore = s.elements.slice(0, k).filter((t) => t.type === 'text' && inside(t.box, el.box));
        expect(
          textBefore.map((t) => t.name),
          `slide ${s.index + 1}: ${el.name}`,
        ).toEqual([]);
      });
    }
  });
});

function inside(a: Element['box'], b: Element['box']): boolean {
  return a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;
}

describe('itemByItem', () => {
  const el = (name: string): Element => ({ type: 'shape', shape: 'rect', box: { x: 0, y: 0, w: 1, h: 1 }, name });
  it('groups by the number in the name, keeps the given order inside an item and puts unnumbered elements first', () => {
    const names = itemByItem(['figure 1 card', 'figure 2 card', 'time axis', 'figure 1 value', 'figure 2 value', 'figure 10 value', 'figure 1 label'].map(el)).map((e) => e.name);
    expect(names).toEqual(['time axis', 'figure 1 card', 'figure 1 value', 'figure 1 label', 'figure 2 card', 'figure 2 value', 'figure 10 value']);
  });
});
