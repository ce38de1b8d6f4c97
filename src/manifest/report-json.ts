import type { MergeOutcome } from '../merge/merge-outcome.js';
import type { BuildReport } from './compare.js';

/**
 * The change report as JSON for CI (`briefdeck build --format json`): the same content as the
 * text report, with field names that stay (README, "Rebuilding when the numbers change").
 * Values are as the deck shows them, in its locale; every list is present, empty when nothing
 * of its kind changed, and a slide appears only when it changed.
 */
export interface ReportJson {
  inputsChanged: string[];
  datasets: {
    id: string;
    title: string;
    type: 'ranking' | 'figures';
    status: 'changed' | 'added' | 'removed';
    /** The new date and the one before; null when the date did not change. */
    asOf: { date: string; was: string } | null;
    /** `key`: the entry's name (a ranking) or the item's key (figures); `name`: what a reader calls it. */
    moved: { key: string; name: string; before: string; after: string }[];
    added: { key: string; name: string; value: string }[];
    dropped: { key: string; name: string; value: string }[];
    /** The older side listed no entries (the source gave no ranks). */
    nothingBefore: boolean;
  }[];
  slides: {
    number: number;
    title: string;
    layout: string;
    chartRedrawn: boolean;
    texts: { before: string | null; after: string | null }[];
    citation: boolean;
    notes: boolean;
    values: { key: string; before: string | null; after: string | null }[];
  }[];
  slidesAdded: number[];
  slidesRemoved: number[];
  unchanged: number;
  total: number;
  /** What merging the person's edits did; null when the deck at the output path was briefdeck's own. */
  merge: MergeOutcome | null;
}

export function reportJson(r: BuildReport): ReportJson {
  return {
    inputsChanged: r.changedInputs,
    datasets: (r.datasets ?? []).map((d) => ({
      id: d.id,
      title: d.title,
      type: d.type,
      status: d.status,
      asOf: d.asOf ?? null,
      moved: d.moved.map(({ key, name, before, after }) => ({ key, name, before, after })),
      added: d.added.map(({ key, name, value }) => ({ key, name, value })),
      dropped: d.dropped.map(({ key, name, value }) => ({ key, name, value })),
      nothingBefore: d.nothingBefore,
    })),
    slides: r.changed.map((c) => ({
      number: c.number,
      title: c.title,
      layout: c.layout,
      chartRedrawn: c.chart ?? false,
      texts: (c.texts ?? []).map((t) => ({ before: t.before ?? null, after: t.after ?? null })),
      citation: c.citation ?? false,
      notes: c.notes ?? false,
      values: c.values.map((v) => ({ key: v.key, before: v.before ?? null, after: v.after ?? null })),
    })),
    slidesAdded: r.added,
    slidesRemoved: r.removed,
    unchanged: r.unchanged,
    total: r.changed.length + r.unchanged,
    merge: r.merge ?? null,
  };
}
