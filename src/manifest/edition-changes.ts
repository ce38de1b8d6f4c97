import type { BoundDeck } from '../bind/bind.js';
import type { Dataset, DataStore, RankingDataset } from '../data/types.js';
import type { Locale } from '../locale/locale.js';
import { datasetChange, type DatasetChange } from './dataset-changes.js';
import { datasetRecord, usedDatasets } from './dataset-records.js';
import { valueChanges } from './format-report.js';

/** One ranking on the `changes` slide: its newest edition against the one before. */
export interface EditionComparison {
  dataset: RankingDataset;
  change: DatasetChange;
}

/** Whether a dataset has an edition before its newest one to compare with. */
export function hasTwoEditions(d: Dataset | undefined): d is RankingDataset {
  return d?.type === 'ranking' && d.editions.length >= 2;
}

/**
 * What the `changes` slide lists: each ranking `ids` names (default: every dataset the deck
 * uses, in the order the deck first uses it) that has two editions, its newest against the one
 * before. From the data alone, so the slide is the same on every build of the same data.
 */
export function editionComparisons(deck: BoundDeck, data: DataStore, ids?: readonly string[]): EditionComparison[] {
  const wanted = ids ?? [...usedDatasets(deck.slides)];
  return [...new Set(wanted)].flatMap((id) => {
    const d = data.get(id);
    if (!hasTwoEditions(d)) return [];
    const [newest, before] = d.editions as [RankingDataset['editions'][number], RankingDataset['editions'][number]];
    const change = datasetChange(id, datasetRecord(d, deck.locale, before), datasetRecord(d, deck.locale, newest));
    return [{ dataset: d, change: change ?? { id, title: d.title, type: 'ranking', status: 'changed', moved: [], added: [], dropped: [], nothingBefore: false } }];
  });
}

/** A comparison as the slide's text: a heading ("Top AI web products (September 2025, was March 2025)") and its lines. */
export function comparisonText(c: EditionComparison, locale: Locale): { heading: string; lines: string[] } {
  const [newest, before] = c.dataset.editions;
  const heading = locale.word('changes.dataset', { title: c.dataset.title, date: locale.date(newest?.asOf ?? ''), was: locale.date(before?.asOf ?? '') });
  // One line per entry that moved, so the slide reads as a list; then who is new, who is gone.
  const moved = c.change.moved.map((m) => locale.word('report.moved', m));
  const lines = [...moved, ...valueChanges({ ...c.change, moved: [] }, locale)];
  return { heading, lines: lines.length ? lines : [locale.word('report.same')] };
}

/** The texts a `changes` slide shows, for the manifest (the rebuild report quotes what changed on it). */
export function changesSlideTexts(deck: BoundDeck, data: DataStore, ids?: readonly string[]): string[] {
  const comparisons = editionComparisons(deck, data, ids);
  if (!comparisons.length) return [deck.locale.word('changes.none')];
  return comparisons.flatMap((c) => {
    const { heading, lines } = comparisonText(c, deck.locale);
    return [heading, ...lines];
  });
}
