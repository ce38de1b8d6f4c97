/**
 * The three-way merge decided on records (issue 18): base is what the last build wrote, ours the
 * person's file, theirs the new build. Every case the issue lists, on small made-up slides.
 */
import { describe, expect, it } from 'vitest';
import type { ShapeRecord } from '../../src/merge/shape-records.js';
import { planMerge, type BaseSlide, type OursSlide, type TheirsSlide } from '../../src/merge/plan-merge.js';

const shape = (key: string, text: string, more: Partial<ShapeRecord> = {}): ShapeRecord => ({
  key,
  name: key.replace(/^(name|ph):|#\d+$/g, ''),
  text,
  hash: `h(${text})`,
  data: false,
  ...more,
});

/** A slide briefdeck wrote: a title placeholder, a takeaway, a source line. */
function slide(title: string, takeaway = `${title}: takeaway`, data = false): BaseSlide {
  const shapes = [shape('ph:title#0', title, { placeholder: 'title', data }), shape('name:takeaway#0', takeaway, { data }), shape('name:source#0', `source of ${title}`)];
  return { title, layout: 'chart', hash: `slide(${title}|${takeaway})`, shapes };
}

const ours = (s: BaseSlide, edit: (shapes: ShapeRecord[]) => ShapeRecord[] = (x) => x): OursSlide => ({ shapes: edit(s.shapes.map((x) => ({ ...x }))) });
const theirs = (s: BaseSlide): TheirsSlide => ({ layout: s.layout, hash: s.hash, shapes: s.shapes, ...(s.notes ? { notes: s.notes } : {}) });
const retext = (key: string, text: string) => (shapes: ShapeRecord[]) => shapes.map((s) => (s.key === key ? { ...s, text, hash: `h(${text})` } : s));

const A = slide('Alpha');
const B = slide('Beta');
const C = slide('Gamma');
const D = slide('Delta');
const base = [A, B, C, D];

describe('the three-way merge of slides', () => {
  it('gives a slide the person did not touch the new build', () => {
    const B2 = slide('Beta', 'Beta: new data');
    const plan = planMerge(
      base,
      base.map((s) => ours(s)),
      [A, B2, C, D].map(theirs),
      'auto',
    );
    expect(plan.slides).toEqual([0, 1, 2, 3].map((t) => ({ from: 'theirs', theirs: t })));
    expect(plan.outcome).toEqual({ addedSlides: [], deletedSlides: [], reordered: false, keptSlides: [], keptShapes: [], conflicts: [] });
  });

  it('keeps a slide only the person changed as they left it', () => {
    const mine = base.map((s) => ours(s));
    mine[2] = ours(C, retext('name:takeaway#0', 'Gamma: my own words'));
    const plan = planMerge(base, mine, base.map(theirs), 'auto');
    expect(plan.slides[2]).toEqual({ from: 'ours', ours: 2, theirs: 2 });
    expect(plan.outcome.keptSlides).toEqual([3]);
  });

  it('keeps slides the person added at their place relative to their neighbours', () => {
    const added: OursSlide = { shapes: [shape('ph:title#0', 'My slide', { placeholder: 'title' }), shape('ph:body#0', 'my points', { placeholder: 'body' })] };
    const mine = [ours(A), ours(B), added, ours(C), ours(D)];
    const plan = planMerge(base, mine, base.map(theirs), 'auto');
    expect(plan.slides.map((s) => s.from)).toEqual(['theirs', 'theirs', 'ours', 'theirs', 'theirs']);
    expect(plan.slides[2]).toEqual({ from: 'ours', ours: 2 });
    expect(plan.outcome.addedSlides).toEqual([3]);
  });

  it('leaves deleted slides deleted, even when the new build changed them', () => {
    const plan = planMerge(base, [ours(A), ours(C), ours(D)], [A, slide('Beta', 'Beta: new data'), C, D].map(theirs), 'auto');
    expect(plan.slides).toEqual([0, 2, 3].map((t) => ({ from: 'theirs', theirs: t })));
    expect(plan.outcome.deletedSlides).toEqual(['Beta']);
  });

  it("keeps the person's order", () => {
    const plan = planMerge(base, [ours(A), ours(D), ours(B), ours(C)], base.map(theirs), 'auto');
    expect(plan.slides.map((s) => (s.from === 'theirs' ? s.theirs : -1))).toEqual([0, 3, 1, 2]);
    expect(plan.outcome.reordered).toBe(true);
  });

  it('puts a slide the outline gained after the slide before it in the new build', () => {
    const E = slide('Epsilon');
    const plan = planMerge(base, [ours(A), ours(C), ours(B), ours(D)], [A, B, E, C, D].map(theirs), 'auto');
    // E follows B in the new build; B is third in the person's order.
    expect(plan.slides.map((s) => (s.from === 'theirs' ? s.theirs : -1))).toEqual([0, 3, 1, 2, 4]);
  });

  it('takes the new build slide for slide when the outline has the same slides, even where new data changed every text', () => {
    const B2: BaseSlide = { ...B, hash: 'new', shapes: B.shapes.map((x) => ({ ...x, text: `${x.text} (new edition)`, hash: 'new' })) };
    const mine = base.map((s) => ours(s));
    mine[1] = ours(B, (shapes) => [...shapes, shape('name:my arrow#0', '')]);
    const plan = planMerge(base, mine, [A, B2, C, D].map(theirs), 'auto');
    expect(plan.slides[1]).toEqual({ from: 'both', ours: 1, theirs: 1, steps: [{ key: 'name:my arrow#0', action: 'add' }] });
    expect(plan.outcome.addedSlides).toEqual([]);
  });

  it('recognises slides by what they show when an editor renamed placeholders and moved boxes a little', () => {
    const mine = base.map((s) => ours(s, (shapes) => shapes.map((x) => ({ ...x, name: x.placeholder ? 'PlaceHolder 1' : x.name, box: [1000, 1000, 5000, 5000] as [number, number, number, number] }))));
    const withBoxes = base.map((s) => ({ ...s, shapes: s.shapes.map((x) => ({ ...x, box: [1180, 820, 5100, 4900] as [number, number, number, number] })) }));
    const plan = planMerge(withBoxes, mine, withBoxes.map(theirs), 'auto');
    expect(plan.slides.every((s) => s.from === 'theirs')).toBe(true);
  });
});

describe('the merge of shapes on a slide both changed', () => {
  const newB = slide('Beta', 'Beta: new data');
  const run = (mine: OursSlide, policy: 'auto' | 'ours' | 'theirs' = 'auto', baseB = B, theirsB = newB) => planMerge([A, baseB], [ours(A), mine], [A, theirsB].map(theirs), policy);

  it('keeps a shape the person added (a callout) and takes the rest from the new build', () => {
    const mine = ours(B, (shapes) => [...shapes, shape('name:my callout#0', 'look here')]);
    const plan = run(mine);
    expect(plan.slides[1]).toEqual({ from: 'both', ours: 1, theirs: 1, steps: [{ key: 'name:my callout#0', action: 'add' }] });
    expect(plan.outcome.keptShapes).toEqual([{ slide: 2, shape: 'my callout' }]);
    expect(plan.outcome.conflicts).toEqual([]);
  });

  it('keeps text the person edited in a shape the new build leaves alone', () => {
    const plan = run(ours(B, retext('name:source#0', 'my source line')));
    expect(plan.slides[1]).toMatchObject({ from: 'both', steps: [{ key: 'name:source#0', action: 'text' }] });
    expect(plan.outcome.keptShapes).toEqual([{ slide: 2, shape: 'source' }]);
  });

  it("keeps the person's move of a shape", () => {
    const baseB = { ...B, shapes: B.shapes.map((s) => ({ ...s, box: [0, 0, 100_000, 100_000] as [number, number, number, number] })) };
    const mine = ours(baseB, (shapes) => shapes.map((s) => (s.key === 'name:source#0' ? { ...s, box: [500_000, 0, 100_000, 100_000] as [number, number, number, number] } : s)));
    expect(run(mine, 'auto', baseB).slides[1]).toMatchObject({ steps: [{ key: 'name:source#0', action: 'box' }] });
  });

  it('drops a shape the person deleted when the new build did not change it', () => {
    const mine = ours(B, (shapes) => shapes.filter((s) => s.key !== 'name:source#0'));
    expect(run(mine).slides[1]).toMatchObject({ steps: [{ key: 'name:source#0', action: 'remove' }] });
  });

  it("is a conflict when both changed a shape's text: the person's words win by default", () => {
    const plan = run(ours(B, retext('name:takeaway#0', 'Beta: my words')));
    expect(plan.outcome.conflicts).toEqual([{ slide: 2, shape: 'takeaway', ours: 'Beta: my words', theirs: 'Beta: new data', kept: 'ours', reason: 'words' }]);
    expect(plan.slides[1]).toMatchObject({ steps: [{ key: 'name:takeaway#0', action: 'text' }] });
  });

  it('gives text that shows data to the new data by default', () => {
    const dataB = slide('Beta', 'DeepSeek 2nd', true);
    const plan = run(ours(dataB, retext('name:takeaway#0', 'DeepSeek second, ahead of the rest')), 'auto', dataB, slide('Beta', 'DeepSeek 4th', true));
    expect(plan.outcome.conflicts).toEqual([{ slide: 2, shape: 'takeaway', ours: 'DeepSeek second, ahead of the rest', theirs: 'DeepSeek 4th', kept: 'theirs', reason: 'data' }]);
    expect(plan.slides[1]).toMatchObject({ from: 'both', steps: [] });
  });

  it('follows --on-conflict ours and theirs over the default', () => {
    const dataB = slide('Beta', 'DeepSeek 2nd', true);
    const mine = ours(dataB, retext('name:takeaway#0', 'my words'));
    const keepOurs = run(mine, 'ours', dataB, slide('Beta', 'DeepSeek 4th', true));
    expect(keepOurs.outcome.conflicts[0]).toMatchObject({ kept: 'ours', reason: 'option' });
    expect(keepOurs.slides[1]).toMatchObject({ steps: [{ key: 'name:takeaway#0', action: 'text' }] });
    const keepTheirs = run(ours(B, retext('name:takeaway#0', 'Beta: my words')), 'theirs');
    expect(keepTheirs.outcome.conflicts[0]).toMatchObject({ kept: 'theirs', reason: 'option' });
    expect(keepTheirs.slides[1]).toMatchObject({ steps: [] });
  });

  it("keeps the person's speaker notes: their slide when only they changed it, their notes on a slide both changed", () => {
    const withNotes = (s: BaseSlide, text: string, data = false): BaseSlide => ({ ...s, notes: { text, data } });
    const baseB = withNotes(B, 'say this');
    const mine: OursSlide = { ...ours(baseB), notes: { text: 'say it my way' } };
    const untouched = planMerge([A, baseB], [ours(A), mine], [A, baseB].map(theirs), 'auto');
    expect(untouched.slides[1]).toEqual({ from: 'ours', ours: 1, theirs: 1 });
    const both = planMerge([A, baseB], [ours(A), mine], [A, withNotes(newB, 'say this')].map(theirs), 'auto');
    expect(both.slides[1]).toMatchObject({ from: 'both', steps: [{ key: 'notes', action: 'notes' }] });
    expect(both.outcome).toMatchObject({ keptShapes: [{ slide: 2, shape: 'notes' }] });
    const conflict = planMerge([A, withNotes(B, 'DeepSeek is 2nd', true)], [ours(A), mine], [A, withNotes(newB, 'DeepSeek is 4th', true)].map(theirs), 'auto');
    expect(conflict.outcome.conflicts).toEqual([{ slide: 2, shape: 'notes', ours: 'say it my way', theirs: 'DeepSeek is 4th', kept: 'theirs', reason: 'data' }]);
  });

  it('is no conflict when both made the same change', () => {
    const plan = run(ours(B, retext('name:takeaway#0', 'Beta: new data')));
    expect(plan.outcome.conflicts).toEqual([]);
  });
});
