import type { Locale } from '../locale/locale.js';
import type { MergeConflict, MergeOutcome } from '../merge/merge-outcome.js';
import type { BuildReport, SlideChange } from './compare.js';
import type { DatasetChange } from './dataset-changes.js';
import { shortenChange } from './shorten-text.js';

/**
 * The change report as an analyst would write it, in the deck's language: what changed in each
 * dataset ("a16z.web: new edition September 2025, was March 2025 — DeepSeek 2 → 4"), then what
 * that did to the slides ("slides 6, 8: chart redrawn"), then what merging the person's edits
 * did. Only changes: a dataset or slide that did not change has no line.
 */
export function formatReport(r: BuildReport, locale: Locale): string {
  const lines: string[] = [];
  if (r.changedInputs.length) lines.push(locale.word('report.inputs', { files: r.changedInputs.join(', ') }));
  for (const d of r.datasets ?? []) lines.push(locale.word('report.dataset', { id: d.id, what: datasetText(d, locale) }));
  lines.push(...slideLines(r.changed, locale));
  if (r.added.length) lines.push(locale.word('report.slidesAdded', { list: numbers(r.added, locale) }));
  if (r.removed.length) lines.push(locale.word('report.slidesRemoved', { list: numbers(r.removed, locale) }));
  if (r.merge) lines.push(...mergeLines(r.merge, locale));
  const total = r.changed.length + r.unchanged;
  lines.push(r.changed.length ? locale.word('report.summary', { changed: r.changed.length, total, unchanged: r.unchanged }) : locale.word('report.noChange', { total }));
  return `${lines.join('\n')}\n`;
}

/** "new edition September 2025, was March 2025 — DeepSeek 2 → 4, Doubao 10 → 8; new: Yuanbao 25; dropped: Hailuo" */
export function datasetText(d: DatasetChange, locale: Locale): string {
  if (d.status === 'added') return locale.word('report.datasetAdded');
  if (d.status === 'removed') return locale.word('report.datasetRemoved');
  const head = d.asOf ? locale.word(d.type === 'ranking' ? 'report.edition' : 'report.asOf', { date: locale.date(d.asOf.date), was: locale.date(d.asOf.was) }) : '';
  const details = valueChanges(d, locale).join(locale.word('report.separator'));
  if (!head) return details;
  return locale.word('report.details', { head, details: details || locale.word('report.same') });
}

/** The parts of a dataset's change after its date: what moved, what is new, what is gone. */
export function valueChanges(d: DatasetChange, locale: Locale): string[] {
  const names = (values: readonly string[]) => values.join(locale.word('chart.nameSeparator'));
  const parts: string[] = [];
  if (d.moved.length) parts.push(names(d.moved.map((m) => locale.word('report.moved', m))));
  if (d.added.length) parts.push(locale.word('report.new', { names: names(d.added.map((v) => `${v.name} ${v.value}`)) }));
  if (d.dropped.length) parts.push(locale.word('report.dropped', { names: names(d.dropped.map((v) => v.name)) }));
  if (d.nothingBefore) parts.push(locale.word('report.noRanks'));
  return parts;
}

/** One line per group of slides that changed the same way: "slides 6, 8: chart redrawn". */
function slideLines(changed: readonly SlideChange[], locale: Locale): string[] {
  const groups = new Map<string, number[]>();
  for (const c of changed) {
    const what = slideEffects(c, locale).join(locale.word('report.separator'));
    groups.set(what, [...(groups.get(what) ?? []), c.number]);
  }
  return [...groups].map(([what, slides]) => locale.word('report.slideLine', { slides: slideNames(slides, locale), what }));
}

/** What happened to one slide, in the order a reader looks: its chart, its words, its source line, its notes. */
export function slideEffects(c: SlideChange, locale: Locale): string[] {
  const effects: string[] = [];
  if (c.chart) effects.push(locale.word('report.chart'));
  for (const t of c.texts ?? []) {
    const [before, after] = shortenChange(t.before ?? '', t.after ?? '', locale.spec.intl);
    if (t.before === undefined) effects.push(locale.word('report.textAdded', { text: locale.quote(after) }));
    else if (t.after === undefined) effects.push(locale.word('report.textRemoved', { text: locale.quote(before) }));
    else effects.push(locale.word('report.text', { before: locale.quote(before), after: locale.quote(after) }));
  }
  // A manifest of an older build records no texts: say which values changed, as it recorded them.
  if (!c.texts) for (const v of c.values) if (v.before !== undefined && v.after !== undefined) effects.push(locale.word('report.moved', { name: v.key, before: v.before, after: v.after }));
  if (c.citation) effects.push(locale.word('report.citation'));
  if (c.notes) effects.push(locale.word('report.notes'));
  return effects.length ? effects : [locale.word('report.other')];
}

function slideNames(slides: readonly number[], locale: Locale): string {
  return slides.length === 1 ? locale.word('report.slide', { n: slides[0] as number }) : locale.word('report.slides', { list: numbers(slides, locale) });
}

function numbers(list: readonly number[], locale: Locale): string {
  return list.join(locale.word('chart.nameSeparator'));
}

/** What merging the person's edits did: their file kept, their slides and shapes kept, each conflict with both texts. */
export function mergeLines(m: MergeOutcome, locale: Locale): string[] {
  const lines: string[] = [];
  const slide = (n: number) => locale.word('report.slide', { n });
  if (m.backup) lines.push(locale.word('report.merge.backup', { file: m.backup }));
  if (m.addedSlides.length) lines.push(locale.word('report.merge.added', { list: numbers(m.addedSlides, locale) }));
  if (m.deletedSlides.length) lines.push(locale.word('report.merge.deleted', { titles: m.deletedSlides.map((t) => locale.quote(t)).join(locale.word('chart.nameSeparator')) }));
  if (m.reordered) lines.push(locale.word('report.merge.reordered'));
  if (m.keptSlides.length) lines.push(locale.word('report.merge.kept', { list: numbers(m.keptSlides, locale) }));
  for (const s of m.keptShapes) lines.push(locale.word('report.merge.keptShape', { slide: slide(s.slide), shape: shapeName(s.shape, locale) }));
  for (const c of m.conflicts) lines.push(conflictLine(c, locale));
  return lines;
}

/** A shape by its name in the deck (what the selection pane shows); the speaker notes, which have none, in the deck's words. */
function shapeName(shape: string, locale: Locale): string {
  return shape === 'notes' ? locale.word('report.merge.notesShape') : shape;
}

function conflictLine(c: MergeConflict, locale: Locale): string {
  const [ours, theirs] = shortenChange(c.ours, c.theirs, locale.spec.intl, { both: true });
  return locale.word('report.merge.conflict', {
    slide: locale.word('report.slide', { n: c.slide }),
    shape: shapeName(c.shape, locale),
    ours: locale.quote(ours),
    theirs: locale.quote(theirs),
    kept: locale.word(c.kept === 'ours' ? 'report.merge.ours' : 'report.merge.theirs'),
    why: locale.word(`report.merge.why.${c.reason}`),
  });
}
