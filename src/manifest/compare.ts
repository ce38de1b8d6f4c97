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
  const changedInputs = [...new Set([...Object.keys(before.inputs), ...Object.keys(after.inputs)])]
    .filter((f) => before.inputs[f] !== after.inputs[f])
    .sort();
  const changed: SlideChange[] = [];
  let unchanged = 0;
  after.slides.forEach((slide, i) => {
    const old = before.slides[i];
    if (!old) return;
    if (old.hash === slide.hash) unchanged++;
    else changed.push({ number: slide.number, title: slide.title, layout: slide.layout, values: valueChanges(old, slide) });
  });
  return {
    changedInputs,
    changed,
    added: after.slides.slice(before.slides.length).map((s) => s.number),
    removed: before.slides.slice(after.slides.length).map((s) => s.number),
    unchanged,
  };
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
  return lines.join('\n') + '\n';
}
