import type { Manifest, ManifestSlide } from './manifest.js';

export interface SlideChange {
  number: number;
  title: string;
  layout: string;
  /** Values that differ: key, before, after (undefined where a value appeared or went). */
  values: { key: string; before?: string; after?: string }[];
}

/** What changed between two builds of the same outline. */
export interface BuildReport {
  changedInputs: string[];
  changed: SlideChange[];
  added: number[];
  removed: number[];
  unchanged: number;
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
    else changed.push({ number: slide.number, title: slide.title, layout: slide.layout, values: valueChanges(old, slide) });
  }
  const keptBefore = new Set(pairs.map(([i]) => i));
  const keptAfter = new Set(pairs.map(([, j]) => j));
  return {
    changedInputs,
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

/**
 * "slide 6 (a16z網頁榜) — a16z.web: DeepSeek 2 → 4", then what stayed the same. A changed slide
 * whose values did not change was changed by the outline or a template. A slide without a title
 * (a quote) is named by its layout.
 */
export function formatReport(r: BuildReport): string {
  const lines: string[] = [];
  if (r.changedInputs.length) lines.push(`inputs changed: ${r.changedInputs.join(', ')}`);
  for (const c of r.changed) {
    const why = c.values.map((v) => `${v.key} ${v.before ?? '(none)'} → ${v.after ?? '(none)'}`);
    const name = c.title || c.layout;
    lines.push(`slide ${c.number}${name ? ` (${name})` : ''} — ${why.length ? why.join('; ') : 'text or layout changed'}`);
  }
  if (r.added.length) lines.push(`slides added: ${r.added.join(', ')}`);
  if (r.removed.length) lines.push(`slides removed: ${r.removed.join(', ')}`);
  const total = r.changed.length + r.unchanged;
  lines.push(r.changed.length ? `${r.changed.length} of ${total} slides changed, ${r.unchanged} unchanged` : `no slide changed (${r.unchanged} slides)`);
  return `${lines.join('\n')}\n`;
}
