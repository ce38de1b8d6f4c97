import type { MergeOutcome } from '../merge/merge-outcome.js';
import { datasetChanges, type DatasetChange } from './dataset-changes.js';
import type { Manifest, ManifestSlide } from './manifest.js';

export interface SlideChange {
  number: number;
  title: string;
  layout: string;
  /** Values that differ: key, before, after (undefined where a value appeared or went). */
  values: { key: string; before?: string; after?: string }[];
  /** The slide's chart draws other values (or draws them otherwise): its picture was redrawn. */
  chart?: boolean;
  /** Texts the slide shows that changed: before, after (one side absent where a text appeared or went). */
  texts?: { before?: string; after?: string }[];
  /** A citation the slide shows (its source line, the sources list) changed. */
  citation?: boolean;
  /** The speaker notes changed. */
  notes?: boolean;
}

/** What changed between two builds of the same outline. */
export interface BuildReport {
  changedInputs: string[];
  /** What changed in the data, per dataset the deck uses (none when the previous manifest did not record datasets). */
  datasets?: DatasetChange[];
  changed: SlideChange[];
  added: number[];
  removed: number[];
  unchanged: number;
  /** What merging the person's edits did, when the deck at the output path had some. */
  merge?: MergeOutcome;
}

export function compareManifests(before: Manifest, after: Manifest): BuildReport {
  const changedInputs = [...new Set([...Object.keys(before.inputs), ...Object.keys(after.inputs)])].filter((f) => before.inputs[f] !== after.inputs[f]).sort();
  const changed: SlideChange[] = [];
  let unchanged = 0;
  const pairs = alignSlides(before.slides, after.slides);
  for (const [i, j] of pairs) {
    const old = before.slides[i] as ManifestSlide;
    const slide = after.slides[j] as ManifestSlide;
    if (old.hash === slide.hash) unchanged++;
    else changed.push({ number: slide.number, title: slide.title, layout: slide.layout, values: valueChanges(old, slide), ...effects(old, slide) });
  }
  const keptBefore = new Set(pairs.map(([i]) => i));
  const keptAfter = new Set(pairs.map(([, j]) => j));
  return {
    changedInputs,
    ...(before.datasets && after.datasets ? { datasets: datasetChanges(before.datasets, after.datasets) } : {}),
    changed,
    added: after.slides.filter((_, j) => !keptAfter.has(j)).map((s) => s.number),
    removed: before.slides.filter((_, i) => !keptBefore.has(i)).map((s) => s.number),
    unchanged,
  };
}

/**
 * Which slide of the new deck is which slide of the old one: the longest common sequence of
 * (layout, title), so inserting a slide reports one slide added rather than every later slide
 * changed. Slides with the same place and layout pair up even when their title changed.
 */
function alignSlides(before: readonly ManifestSlide[], after: readonly ManifestSlide[]): [number, number][] {
  const key = (s: ManifestSlide) => `${s.layout}\u0000${s.title}`;
  const n = before.length;
  const m = after.length;
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const row = lcs[i] as number[];
      row[j] = key(before[i]!) === key(after[j]!) ? (lcs[i + 1]![j + 1] ?? 0) + 1 : Math.max(lcs[i + 1]![j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (key(before[i]!) === key(after[j]!)) pairs.push([i++, j++]);
    else if (n - i === m - j && before[i]!.layout === after[j]!.layout)
      pairs.push([i++, j++]); // retitled in place
    else if ((lcs[i + 1]![j] ?? 0) >= (lcs[i]![j + 1] ?? 0)) i++;
    else j++;
  }
  return pairs;
}

function valueChanges(before: ManifestSlide, after: ManifestSlide): SlideChange['values'] {
  const keys = [...new Set([...Object.keys(before.values), ...Object.keys(after.values)])].sort();
  return keys
    .filter((k) => before.values[k] !== after.values[k])
    .map((key) => ({ key, ...(key in before.values ? { before: before.values[key] } : {}), ...(key in after.values ? { after: after.values[key] } : {}) }));
}

/** What a slide's change consists of, where the manifests recorded it (manifests of older builds did not). */
function effects(before: ManifestSlide, after: ManifestSlide): Pick<SlideChange, 'chart' | 'texts' | 'citation' | 'notes'> {
  if (!before.texts || !after.texts) return {};
  const citation = Object.keys({ ...before.values, ...after.values }).some((k) => k.endsWith(': source') && before.values[k] !== after.values[k]);
  return {
    chart: before.chart !== after.chart,
    texts: textChanges(before.texts, after.texts),
    citation,
    notes: (before.notes ?? '') !== (after.notes ?? ''),
  };
}

/**
 * The texts that differ, paired: by place when both lists are as long (a reworded bullet), else
 * the texts that went paired in order with those that came (one side absent when one has more).
 */
export function textChanges(before: readonly string[], after: readonly string[]): { before?: string; after?: string }[] {
  if (before.length === after.length) return before.flatMap((b, i) => (b === after[i] ? [] : [{ before: b, after: after[i] as string }]));
  const kept = new Set(after);
  const had = new Set(before);
  const gone = before.filter((b) => !kept.has(b));
  const came = after.filter((a) => !had.has(a));
  return Array.from({ length: Math.max(gone.length, came.length) }, (_, i) => ({
    ...(gone[i] !== undefined ? { before: gone[i] } : {}),
    ...(came[i] !== undefined ? { after: came[i] } : {}),
  }));
}
