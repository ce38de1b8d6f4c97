/**
 * What merging a person's edits into a rebuilt deck did (issue 18): the write stage produces it
 * when the deck at the output path is no longer the one briefdeck wrote last time, and the
 * change report prints it (text, JSON, and the `changes` slide's notes).
 */
export interface MergeOutcome {
  /** The previous file, kept beside the deck because something of the person's was merged ("dist/briefing.before.pptx"). */
  backup?: string;
  /** Slides the person added, kept: their number in the merged deck. */
  addedSlides: number[];
  /** Slides of the last build the person deleted, left deleted: their title (or layout) as built. */
  deletedSlides: string[];
  /** Whether the person's order of briefdeck's slides was kept (they reordered some). */
  reordered: boolean;
  /** Slides only the person changed, kept as they left them: number in the merged deck. */
  keptSlides: number[];
  /** Shapes of theirs kept on slides both changed: slide number and shape name. */
  keptShapes: { slide: number; shape: string }[];
  conflicts: MergeConflict[];
}

/** A shape both the person and the new build changed. */
export interface MergeConflict {
  /** Slide number in the merged deck. */
  slide: number;
  /** The shape's name ("takeaway", "title", …). */
  shape: string;
  /** The person's text, and the new build's. */
  ours: string;
  theirs: string;
  /** Which one the merged deck holds. */
  kept: 'ours' | 'theirs';
  /** Why: the shape shows data (new data wins by default), the person's words (theirs win by default), or `--on-conflict`. */
  reason: 'data' | 'words' | 'option';
}

/** `--on-conflict`: who wins a conflict; `auto` is the default (data to the new build, words to the person). */
export type ConflictPolicy = 'auto' | 'ours' | 'theirs';
