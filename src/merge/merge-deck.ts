import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Manifest } from '../manifest/manifest.js';
import { slideHashes } from '../manifest/slide-hashes.js';
import type { Parts } from '../pptx/opc/parts.js';
import { readZip, ZipReadError } from '../pptx/zip/zip-read.js';
import { readDeckSlides, type DeckSlide } from './deck-slides.js';
import type { ConflictPolicy, MergeOutcome } from './merge-outcome.js';
import { planMerge } from './plan-merge.js';
import { shapeRecords, showsValue } from './shape-records.js';
import { writeMerged } from './write-merged.js';

/** What the write stage does with the deck at the output path. */
export type MergeDecision =
  /** What briefdeck wrote last time: write the new build. */
  | { kind: 'write' }
  /** The person changed it: write `pptx`, the merge. */
  | {
      kind: 'merged';
      pptx: Uint8Array;
      outcome: MergeOutcome;
      /** Whether the file holds edits not in the deck written last time (not only the merge written then): then it is worth a copy. */
      editedSinceWritten: boolean;
    }
  /** The person changed it, but there is no copy of the last build to merge against (an older briefdeck, a deleted copy): replace it, keeping theirs. */
  | { kind: 'no-record' }
  /** The file shows none of the last build's slides: another deck saved over it. Replace it, keeping it. */
  | { kind: 'unrelated' }
  /** It is not a deck briefdeck can read. */
  | { kind: 'unreadable'; reason: string };

export interface MergeInput {
  /** The file at the output path now ("ours"). */
  ours: Uint8Array;
  /** The last build ("base"): its manifest, and the copy of the deck it built (`basePath`), when there is one. */
  previous: Manifest;
  base?: Uint8Array;
  /** The new build ("theirs"): its parts and its manifest. */
  theirs: { parts: Parts; manifest: Manifest };
  policy: ConflictPolicy;
}

/** Whether the deck of sha256 `hash` is the file the last build wrote (and not a merge, which holds the person's edits). */
export function asWritten(hash: string, previous: Manifest): boolean {
  return hash === previous.deck && !previous.merged;
}

/** sha256 of a deck file, as the manifest records it (`deck`). */
export function deckHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The three-way merge of the deck at the output path (issue 18): when it is still the file the
 * last build wrote, the new build is written as it is; otherwise the person's slides, order,
 * deletions, shapes and texts are merged into the new build.
 */
export function mergeDeck(input: MergeInput): MergeDecision {
  const { previous } = input;
  const hash = deckHash(input.ours);
  if (asWritten(hash, previous)) return { kind: 'write' };
  let oursParts: Map<string, Uint8Array>;
  try {
    oursParts = readZip(input.ours);
  } catch (e) {
    if (!(e instanceof ZipReadError)) throw e;
    return { kind: 'unreadable', reason: `it is not a zip package (${e.message})` };
  }
  if (previous.deck === undefined && sameSlides(slideHashes(oursParts), previous)) return { kind: 'write' };
  const ours = readDeckSlides(oursParts);
  if (!ours) return { kind: 'unreadable', reason: 'its slide list (ppt/presentation.xml) cannot be read' };
  const baseParts = input.base && readBase(input.base);
  const baseSlides = baseParts && readDeckSlides(baseParts);
  const theirs = readDeckSlides(input.theirs.parts);
  // A copy that does not match the manifest is not the last build's.
  if (!baseParts || !baseSlides || !sameSlides(slideHashes(baseParts), previous) || !theirs) return { kind: 'no-record' };
  const records = (parts: Parts, slides: readonly DeckSlide[], manifest: Manifest) => {
    const values = manifest.slides.map((s) => Object.values(s.values));
    const shapes = shapeRecords(parts, slides, values);
    return manifest.slides.map((s, i) => {
      const notes = slides[i]?.notes;
      return { title: s.title, layout: s.layout, hash: s.hash, shapes: shapes[i] ?? [], ...(notes ? { notes: { text: notes.text, data: showsValue(notes.text, values[i] ?? []) } } : {}) };
    });
  };
  const plan = planMerge(records(baseParts, baseSlides, previous), ours, records(input.theirs.parts, theirs, input.theirs.manifest), input.policy);
  // Merging would keep their deck and drop every slide of the new build.
  if (previous.slides.length > 0 && plan.outcome.deletedSlides.length === previous.slides.length) return { kind: 'unrelated' };
  const merged = writeMerged({ ours: { parts: oursParts, slides: ours }, theirs: { parts: input.theirs.parts, slides: theirs } }, plan.slides);
  return { kind: 'merged', pptx: merged, outcome: plan.outcome, editedSinceWritten: hash !== previous.deck };
}

function sameSlides(hashes: readonly string[], manifest: Manifest): boolean {
  return hashes.length === manifest.slides.length && hashes.every((h, k) => h === manifest.slides[k]?.hash);
}

function readBase(bytes: Uint8Array): Map<string, Uint8Array> | undefined {
  try {
    return readZip(bytes);
  } catch (e) {
    if (e instanceof ZipReadError) return undefined;
    throw e;
  }
}

/** `dist/briefing.pptx` → `dist/briefing.before.pptx`: the person's file, kept when the merge replaced it. */
export function backupPath(deckFile: string): string {
  return `${deckFile.replace(/\.pptx$/i, '')}.before.pptx`;
}

/** `dist/briefing.pptx` → `dist/.briefdeck/briefing.base.pptx`: the build as built, what the next merge compares the person's file with. */
export function basePath(deckFile: string): string {
  return path.join(path.dirname(deckFile), '.briefdeck', `${path.basename(deckFile).replace(/\.pptx$/i, '')}.base.pptx`);
}
