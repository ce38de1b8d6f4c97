import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SLIDE, SLIDE_NUMBER_BOX } from '../../src/layout/frame.js';
import { LAYOUT_KINDS } from '../../src/layout/registry.js';
import type { Box, DeckPlan } from '../../src/layout/types.js';
import { layOut, overlapArea } from './lay-out.js';

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixture');
/** Rounding of box arithmetic, in inches. */
const EPS = 1e-6;

const decks = {
  'deck.yaml (every kind once)': path.join(FIXTURE, 'deck.yaml'),
  'crowded.yaml (every kind at its limits)': path.join(FIXTURE, 'crowded.yaml'),
};

/** Every box of a slide with what it is, the footer's slide number included. */
function boxesOf(plan: DeckPlan): { slide: number; layout: string; name: string; type: string; box: Box }[] {
  return plan.slides.flatMap((s) => [
    ...s.elements.map((el) => ({ slide: s.index + 1, layout: s.layout, name: el.name, type: el.type, box: el.box })),
    ...(s.numbered ? [{ slide: s.index + 1, layout: s.layout, name: 'slide number', type: 'text', box: SLIDE_NUMBER_BOX }] : []),
  ]);
}

describe('overlapArea', () => {
  it('is the shared area of two boxes, and 0 for boxes that only touch or lie apart', () => {
    expect(overlapArea({ x: 0, y: 0, w: 2, h: 2 }, { x: 1, y: 1, w: 2, h: 2 })).toBe(1);
    expect(overlapArea({ x: 0, y: 0, w: 1, h: 1 }, { x: 1, y: 0, w: 1, h: 1 })).toBe(0);
    expect(overlapArea({ x: 0, y: 0, w: 1, h: 1 }, { x: 0, y: 3, w: 1, h: 1 })).toBe(0);
  });
});

describe.each(Object.entries(decks))('layout of %s', (_, file) => {
  it('fits every text without a warning, and uses every kind', async () => {
    const { plan, diagnostics } = await layOut(file);
    expect(diagnostics).toEqual([]);
    expect(new Set(plan.slides.map((s) => s.layout))).toEqual(new Set(Object.keys(LAYOUT_KINDS)));
  });

  it('keeps every element inside the slide', async () => {
    const { plan } = await layOut(file);
    const outside = boxesOf(plan).filter(({ box }) => box.x < -EPS || box.y < -EPS || box.w < 0 || box.h < 0 || box.x + box.w > SLIDE.w + EPS || box.y + box.h > SLIDE.h + EPS);
    expect(outside).toEqual([]);
  });

  it('lets no two text boxes of a slide overlap', async () => {
    const { plan } = await layOut(file);
    const texts = boxesOf(plan).filter((b) => b.type === 'text');
    const overlaps = texts.flatMap((a, i) =>
      texts
        .slice(i + 1)
        .filter((b) => b.slide === a.slide && overlapArea(a.box, b.box) > EPS)
        .map((b) => `slide ${a.slide} (${a.layout}): ${a.name} × ${b.name}`),
    );
    expect(overlaps).toEqual([]);
  });

  it('gives each chart element one chart job, in the box it was laid out in', async () => {
    const { plan } = await layOut(file);
    const elements = plan.slides.flatMap((s) => s.elements.flatMap((el) => (el.type === 'chart' ? [el] : [])));
    expect(plan.charts.map((c) => c.id)).toEqual(elements.map((el) => el.job));
    for (const [i, el] of elements.entries()) expect(plan.charts[i]?.box).toEqual({ width: el.box.w, height: el.box.h });
  });
});

describe('a figures slide with a takeaway', () => {
  it('sets the takeaway over the cards, as the chart slide sets its own, and leaves the cards whole below it', async () => {
    const { plan } = await layOut(decks['crowded.yaml (every kind at its limits)']);
    const slide = plan.slides.find((s) => s.layout === 'figures');
    const chartSlide = plan.slides.find((s) => s.layout === 'chart');
    const takeaway = slide?.elements.find((el) => el.name === 'takeaway');
    const chartTakeaway = chartSlide?.elements.find((el) => el.name === 'takeaway');
    expect(takeaway?.box).toEqual(chartTakeaway?.box);
    expect(takeaway?.type === 'text' && takeaway.size).toBeGreaterThanOrEqual(14);
    const cards = slide?.elements.filter((el) => / card$/.test(el.name)) ?? [];
    expect(cards).toHaveLength(4);
    for (const card of cards) expect(card.box.y).toBeGreaterThan((takeaway?.box.y ?? 0) + (takeaway?.box.h ?? 0));
    // Every card's value, label and detail stay on the card.
    for (const el of slide?.elements.filter((e) => e.type === 'text' && e.name.startsWith('figure ')) ?? []) {
      const card = cards[Number(/figure (\d+)/.exec(el.name)?.[1]) - 1];
      expect(card && el.box.y >= card.box.y && el.box.y + el.box.h <= card.box.y + card.box.h, el.name).toBe(true);
    }
  });

  it('without one keeps the cards where they were', async () => {
    const { plan } = await layOut(decks['deck.yaml (every kind once)']);
    const slide = plan.slides.find((s) => s.layout === 'figures');
    expect(slide?.elements.some((el) => el.name === 'takeaway')).toBe(false);
    expect(slide?.elements.find((el) => el.name === 'figure 1 card')?.box.y).toBeCloseTo(2.0, 6);
  });
});
