/**
 * The three-way merge of a deck, decided on records alone (no XML): base is what briefdeck wrote
 * last time (the manifest), ours the file a person saved since, theirs the new build. The result
 * says, slide by slide in the merged order, where each slide comes from and, on a slide both
 * changed, what of the person's goes into the new build's slide. `write-merged.ts` carries it out.
 */
import type { ShapeRecord } from './shape-records.js';
import type { ConflictPolicy, MergeConflict, MergeOutcome } from './merge-outcome.js';
import { matchSlides, sameText, type ShapeText } from './identify-slides.js';

export interface BaseSlide {
  title: string;
  layout: string;
  hash: string;
  shapes: readonly ShapeRecord[];
  /** The speaker notes' text, and whether it shows data. */
  notes?: { text: string; data: boolean };
}

export interface TheirsSlide {
  layout: string;
  hash: string;
  shapes: readonly ShapeRecord[];
  notes?: { text: string; data: boolean };
}

export interface OursShape extends ShapeText {
  placeholder?: string;
  box?: readonly number[];
}

export interface OursSlide {
  shapes: readonly OursShape[];
  notes?: { text: string };
}

/** What of the person's goes into a shape of the new build's slide (or onto it). */
export interface ShapeStep {
  key: string;
  /** `text`: their text body in the new build's shape; `box`: their position and size; `add`: their shape, added; `remove`: the shape they deleted, deleted; `notes`: their speaker notes (key `notes`). */
  action: 'text' | 'box' | 'add' | 'remove' | 'notes';
}

export type MergedSlide = { from: 'theirs'; theirs: number } | { from: 'ours'; ours: number; theirs?: number } | { from: 'both'; ours: number; theirs: number; steps: ShapeStep[] };

export interface MergePlan {
  slides: MergedSlide[];
  outcome: MergeOutcome;
}

/** Positions move by up to 180 EMU when LibreOffice saves (1/100 mm and back); a person's move is larger. */
const BOX_TOLERANCE = 1000;

export function boxMoved(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  if (!a || !b) return false;
  return a.some((v, k) => Math.abs(v - (b[k] ?? v)) > BOX_TOLERANCE);
}

/** Whether the person changed the slide: a shape's text or box, a shape added or (not a placeholder) deleted. */
export function oursChanged(base: BaseSlide, ours: OursSlide): boolean {
  const mine = new Map(ours.shapes.map((s) => [s.key, s]));
  const was = new Set(base.shapes.map((s) => s.key));
  if (!sameText(ours.notes?.text ?? '', base.notes?.text ?? '')) return true;
  if (ours.shapes.some((s) => !was.has(s.key) && !(s.placeholder && !s.text.trim()))) return true;
  return base.shapes.some((b) => {
    const o = mine.get(b.key);
    if (!o) return !b.placeholder;
    return !sameText(o.text, b.text) || boxMoved(o.box, b.box);
  });
}

export function planMerge(base: readonly BaseSlide[], ours: readonly OursSlide[], theirs: readonly TheirsSlide[], policy: ConflictPolicy): MergePlan {
  const baseToOurs = matchSlides(
    base.map((s) => s.shapes),
    ours.map((s) => s.shapes),
  );
  const baseToTheirs = buildToBuild(base, theirs);
  const oursToBase = new Map([...baseToOurs].map(([b, o]) => [o, b]));
  const theirsToBase = new Map([...baseToTheirs].map(([b, t]) => [t, b]));

  const slides: MergedSlide[] = [];
  const conflicts: (Omit<MergeConflict, 'slide'> & { at: number })[] = [];
  const keptShapes: { at: number; shape: string }[] = [];
  const added: number[] = [];
  const kept: number[] = [];
  ours.forEach((o, j) => {
    const b = oursToBase.get(j);
    if (b === undefined) {
      added.push(slides.length);
      slides.push({ from: 'ours', ours: j });
      return;
    }
    const t = baseToTheirs.get(b);
    const baseSlide = base[b] as BaseSlide;
    const changed = oursChanged(baseSlide, o);
    if (t === undefined) {
      // The outline no longer has the slide: it goes, unless the person made it theirs.
      if (changed) {
        kept.push(slides.length);
        slides.push({ from: 'ours', ours: j });
      }
      return;
    }
    const theirsSlide = theirs[t] as TheirsSlide;
    if (!changed) slides.push({ from: 'theirs', theirs: t });
    else if (theirsSlide.hash === baseSlide.hash) {
      kept.push(slides.length);
      slides.push({ from: 'ours', ours: j, theirs: t });
    } else {
      const at = slides.length;
      const merged = mergeShapes(baseSlide, o, theirsSlide, policy);
      for (const c of merged.conflicts) conflicts.push({ ...c, at });
      for (const shape of merged.kept) keptShapes.push({ at, shape });
      slides.push({ from: 'both', ours: j, theirs: t, steps: merged.steps });
    }
  });

  // Slides the outline gained since the last build go after the new build's slide before them.
  theirs.forEach((_, t) => {
    if (theirsToBase.has(t)) return;
    let at = 0;
    slides.forEach((s, k) => {
      if (s.theirs !== undefined && s.theirs < t) at = k + 1;
    });
    slides.splice(at, 0, { from: 'theirs', theirs: t });
    const shift = (n: number) => (n >= at ? n + 1 : n);
    added.splice(0, added.length, ...added.map(shift));
    kept.splice(0, kept.length, ...kept.map(shift));
    for (const c of conflicts) c.at = shift(c.at);
    for (const s of keptShapes) s.at = shift(s.at);
  });

  const order = ours.map((_, j) => oursToBase.get(j)).filter((b): b is number => b !== undefined);
  return {
    slides,
    outcome: {
      addedSlides: added.map((n) => n + 1),
      deletedSlides: base.flatMap((s, b) => (baseToOurs.has(b) ? [] : [s.title || s.layout])),
      reordered: order.some((b, k) => k > 0 && b < (order[k - 1] as number)),
      keptSlides: kept.map((n) => n + 1),
      keptShapes: keptShapes.map(({ at, shape }) => ({ slide: at + 1, shape })),
      conflicts: conflicts.map(({ at, ...c }) => ({ slide: at + 1, ...c })),
    },
  };
}

/**
 * Which slide of the new build is which of the last: both come from the outline, so when it has
 * the same slides on the same layouts, slide for slide (new data can change most of a slide's
 * text); otherwise, by what they show.
 */
function buildToBuild(base: readonly BaseSlide[], theirs: readonly TheirsSlide[]): Map<number, number> {
  if (base.length === theirs.length && base.every((s, i) => s.layout === theirs[i]?.layout)) return new Map(base.map((_, i) => [i, i]));
  return matchSlides(
    base.map((s) => s.shapes),
    theirs.map((s) => s.shapes),
  );
}

interface ShapeMerge {
  steps: ShapeStep[];
  kept: string[];
  conflicts: Omit<MergeConflict, 'slide'>[];
}

/** The speaker notes, merged as one more shape: the person's when only they changed them. */
function mergeNotes(base: BaseSlide, ours: OursSlide, theirs: TheirsSlide, policy: ConflictPolicy, out: ShapeMerge): void {
  const was = base.notes?.text ?? '';
  const mine = ours.notes?.text ?? '';
  const now = theirs.notes?.text ?? '';
  if (sameText(mine, was)) return;
  if (!sameText(now, was) && !sameText(now, mine)) {
    const data = Boolean(base.notes?.data || theirs.notes?.data);
    const winner = policy === 'auto' ? (data ? 'theirs' : 'ours') : policy;
    out.conflicts.push({ shape: 'notes', ours: mine, theirs: now, kept: winner, reason: policy === 'auto' ? (data ? 'data' : 'words') : 'option' });
    if (winner === 'ours') out.steps.push({ key: 'notes', action: 'notes' });
    return;
  }
  out.steps.push({ key: 'notes', action: 'notes' });
  out.kept.push('notes');
}

/** On a slide both changed: what of the person's shapes goes into the new build's slide. */
export function mergeShapes(base: BaseSlide, ours: OursSlide, theirs: TheirsSlide, policy: ConflictPolicy): ShapeMerge {
  const was = new Map(base.shapes.map((s) => [s.key, s]));
  const now = new Map(theirs.shapes.map((s) => [s.key, s]));
  const mine = new Set(ours.shapes.map((s) => s.key));
  const out: ShapeMerge = { steps: [], kept: [], conflicts: [] };
  for (const o of ours.shapes) {
    const b = was.get(o.key);
    const t = now.get(o.key);
    if (!b || !t) {
      // A shape of theirs, or one they edited that the new build no longer has.
      if (!b || !sameText(o.text, b.text) || boxMoved(o.box, b.box)) {
        if (o.placeholder && !o.text.trim()) continue;
        out.steps.push({ key: o.key, action: 'add' });
        out.kept.push(b?.name ?? o.key.replace(/^name:|#\d+$/g, ''));
      }
      continue;
    }
    const name = b.name;
    let keptAny = false;
    if (!sameText(o.text, b.text)) {
      const bothChanged = !sameText(t.text, b.text) && !sameText(t.text, o.text);
      if (bothChanged) {
        const winner = policy === 'auto' ? (b.data || t.data ? 'theirs' : 'ours') : policy;
        out.conflicts.push({ shape: name, ours: o.text, theirs: t.text, kept: winner, reason: policy === 'auto' ? (b.data || t.data ? 'data' : 'words') : 'option' });
        if (winner === 'ours') out.steps.push({ key: o.key, action: 'text' });
      } else {
        out.steps.push({ key: o.key, action: 'text' });
        keptAny = true;
      }
    }
    if (boxMoved(o.box, b.box)) {
      out.steps.push({ key: o.key, action: 'box' });
      keptAny = true;
    }
    if (keptAny) out.kept.push(name);
  }
  for (const b of base.shapes) {
    const t = now.get(b.key);
    if (!mine.has(b.key) && !b.placeholder && t && t.hash === b.hash) out.steps.push({ key: b.key, action: 'remove' });
  }
  mergeNotes(base, ours, theirs, policy, out);
  return out;
}
