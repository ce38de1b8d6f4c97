import type { Manifest, ManifestSlide } from '../manifest/manifest.js';
import { slideHashes } from '../manifest/slide-hashes.js';
import type { Parts } from '../pptx/opc/parts.js';
import { readZip, ZipReadError } from '../pptx/zip/zip-read.js';
import { readDeckSlides } from './deck-slides.js';
import type { ConflictPolicy, MergeOutcome } from './merge-outcome.js';
import { planMerge, type BaseSlide } from './plan-merge.js';
import { writeMerged } from './write-merged.js';

/** What the write stage does with the deck at the output path. */
export type MergeDecision =
  /** Nothing there, or what briefdeck wrote last time: write the new build. */
  | { kind: 'write' }
  /** The person changed it, and the manifest lets briefdeck merge: write `pptx`. */
  | {
      kind: 'merged';
      pptx: Uint8Array;
      /** The merged deck's slide hashes, for the manifest (`written`). */
      written: string[];
      outcome: MergeOutcome;
      /** Whether the file holds edits not in the deck the last build wrote (a first merge, or edits since): then it is worth a copy. */
      editedSinceWritten: boolean;
    }
  /** The person changed it, but the last manifest has no shape records (an older briefdeck): replace it, keeping a copy. */
  | { kind: 'no-record' }
  /** It is not a deck briefdeck can read. */
  | { kind: 'unreadable'; reason: string };

/**
 * A manifest beside a merged deck: `slides` describe the new build alone (the base the next merge
 * compares the person's file with, so their edits are found again), `written` the merged deck as
 * written, so that a rebuild over it does not take it for a new edit and copy it over the file
 * the person saved.
 */
export interface MergedManifest extends Manifest {
  written?: string[];
}

export interface MergeInput {
  /** The file at the output path now ("ours"). */
  ours: Uint8Array;
  /** The manifest of the last build ("base"). */
  previous: MergedManifest;
  /** The new build ("theirs"): its parts and its manifest. */
  theirs: { parts: Parts; manifest: Manifest };
  policy: ConflictPolicy;
}

/**
 * The three-way merge of the deck at the output path (issue 18): when it is still what the last
 * build wrote (every slide's hash as recorded), the new build is written as it is; otherwise the
 * person's slides, reordering, deletions, shapes and texts are merged into the new build.
 */
export function mergeDeck(input: MergeInput): MergeDecision {
  let oursParts: Map<string, Uint8Array>;
  try {
    oursParts = readZip(input.ours);
  } catch (e) {
    if (!(e instanceof ZipReadError)) throw e;
    return { kind: 'unreadable', reason: `it is not a zip package (${e.message})` };
  }
  const recorded = input.previous.slides.map((s) => s.hash);
  const now = slideHashes(oursParts);
  if (now.length === recorded.length && now.every((h, k) => h === recorded[k])) return { kind: 'write' };
  const ours = readDeckSlides(oursParts);
  if (!ours) return { kind: 'unreadable', reason: 'its slide list (ppt/presentation.xml) cannot be read' };
  const theirs = readDeckSlides(input.theirs.parts);
  const base = input.previous.slides.map(baseSlide);
  if (!theirs || base.some((s) => !s)) return { kind: 'no-record' };
  const plan = planMerge(
    base as BaseSlide[],
    ours,
    input.theirs.manifest.slides.map((s) => ({ hash: s.hash, shapes: s.shapes ?? [] })),
    input.policy,
  );
  const merged = writeMerged({ ours: { parts: oursParts, slides: ours }, theirs: { parts: input.theirs.parts, slides: theirs } }, plan.slides);
  const written = input.previous.written;
  const editedSinceWritten = !written || now.length !== written.length || now.some((h, k) => h !== written[k]);
  return { kind: 'merged', pptx: merged.pptx, written: slideHashes(merged.parts), outcome: plan.outcome, editedSinceWritten };
}

function baseSlide(s: ManifestSlide): BaseSlide | undefined {
  return s.shapes ? { title: s.title, layout: s.layout, hash: s.hash, shapes: s.shapes } : undefined;
}

/** `dist/briefing.pptx` → `dist/briefing.before.pptx`: the person's file, kept when the merge changed it. */
export function backupPath(deckFile: string): string {
  return `${deckFile.replace(/\.pptx$/i, '')}.before.pptx`;
}
