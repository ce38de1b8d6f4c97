import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BoundDeck } from '../bind/bind.js';
import type { DataStore } from '../data/types.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { compareManifests, type BuildReport } from '../manifest/compare.js';
import { makeManifest, manifestPath, parseManifest, type Manifest, type PlannedSlide } from '../manifest/manifest.js';
import { asWritten, backupPath, basePath, deckHash, mergeDeck } from '../merge/merge-deck.js';
import type { ConflictPolicy, MergeOutcome } from '../merge/merge-outcome.js';
import type { Parts } from '../pptx/opc/parts.js';
import { MAX_DECK_BYTES } from '../cli/check-deck-file.js';
import { errnoText, isSystemError, readRegularFile } from './read-regular-file.js';
import { writeFileAtomic, type WriteFileAtomicOptions } from './write-file.js';

export interface WriteDeckInput {
  /** The finished deck. */
  pptx: Uint8Array;
  /** A hash per slide of the finished deck, for the manifest. */
  slideHashes: readonly string[];
  deck: BoundDeck;
  /** Which outline slide each slide of the deck lays out (layout's plan), where follow-on slides make them differ. */
  planSlides?: readonly PlannedSlide[];
  /** The data the deck was bound against: the manifest records what each dataset it uses said. */
  data?: DataStore;
  /** The input files the build read, by absolute path: none of them may be overwritten. */
  texts: ReadonlyMap<string, string>;
  /** Where the deck goes (absolute). */
  outFile: string;
  /** The outline's folder: the manifest names inputs relative to it. */
  outlineDir: string;
  /** What paths in messages are relative to. */
  cwd: string;
  /** The finished deck's parts: the manifest records its shapes, and a merge takes the new build's slides from them. */
  parts?: Parts;
  /** Who wins a shape both the person and the new build changed (`--on-conflict`); default `auto`. */
  onConflict?: ConflictPolicy;
  /** Replace the deck at the output path even when a person changed it since the last build (`--overwrite`). */
  overwrite?: boolean;
  /** Replaces file-system calls (tests make a write fail with ENOSPC, …). */
  fs?: WriteFileAtomicOptions;
}

export interface WriteDeckResult {
  /** Whether the deck is on disk (its manifest may still have failed: see `diagnostics`). */
  written: boolean;
  diagnostics: Diagnostic[];
  /** What changed against the previous build's manifest, when there was one. */
  report?: BuildReport;
  /** What merging the person's edits did, when the deck at the output path had some. */
  merge?: MergeOutcome;
  /** The deck written then: the merge of the new build and the person's file. */
  mergedPptx?: Uint8Array;
}

/** A previous manifest larger than this is not one of ours. */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

/**
 * The write stage: the deck, then its manifest beside it (`dist/<name>.manifest.json`), each
 * written atomically. What the environment refuses (a full disk, a read-only folder, an output
 * path that is a folder) is a diagnostic naming the path and the cause, never an exception; an
 * output path that is one of the build's inputs is refused before anything is written.
 */
export async function writeDeck(input: WriteDeckInput): Promise<WriteDeckResult> {
  const { outFile, cwd } = input;
  const manifestFile = manifestPath(outFile);
  const baseFile = basePath(outFile);
  const clash = await inputAt([outFile, manifestFile, baseFile], input.texts.keys());
  if (clash) {
    const which = clash.output === outFile ? 'the deck' : clash.output === manifestFile ? "the deck's manifest" : 'the copy of the deck that merges compare with';
    return {
      written: false,
      diagnostics: [
        error(
          'WRITE_OVERWRITES_INPUT',
          `refusing to write ${which} over ${shown(clash.input, cwd)}: it is one of the deck's inputs`,
          { file: clash.input },
          'give -o a .pptx path outside the inputs, e.g. dist/<name>.pptx',
        ),
      ],
    };
  }

  const before = await readRegularFile(manifestFile, MAX_MANIFEST_BYTES);
  const previous = parseManifest(before.ok ? before.bytes.toString('utf8') : undefined);
  const manifest = makeManifest(input.deck, input.slideHashes, input.texts, input.outlineDir, input.data, input.planSlides);
  const merging = previous && input.parts && !input.overwrite ? await mergeEdits(input, previous, baseFile, manifest, input.parts) : undefined;
  if (merging && !merging.ok) return { written: false, diagnostics: merging.diagnostics };
  const notes = merging?.diagnostics ?? [];
  const deckBytes = merging?.pptx ?? input.pptx;
  try {
    await writeFileAtomic(outFile, deckBytes, input.fs);
  } catch (e) {
    if (!isSystemError(e)) throw e;
    return { written: false, diagnostics: [...notes, writeFailure(e, outFile, cwd, await isFolder(outFile))] };
  }
  const merged = merging?.outcome && merging.pptx ? { merge: merging.outcome, mergedPptx: merging.pptx } : {};
  try {
    const recorded: Manifest = { ...manifest, deck: deckHash(deckBytes), ...(merging?.pptx ? { merged: true } : {}) };
    await writeFileAtomic(manifestFile, new TextEncoder().encode(`${JSON.stringify(recorded, null, 2)}\n`), input.fs);
  } catch (e) {
    if (!isSystemError(e)) throw e;
    // A manifest left from an earlier build would describe another deck: the next build would
    // report changes against it. Better none.
    if (before.ok) await rm(manifestFile, { force: true }).catch(() => undefined);
    await rm(baseFile, { force: true }).catch(() => undefined);
    return {
      written: true,
      ...merged,
      diagnostics: [
        ...notes,
        error(
          'WRITE_MANIFEST_FAILED',
          `wrote ${shown(outFile, cwd)}, but cannot write ${shown(manifestFile, cwd)}: ${errnoText(e)}`,
          { file: manifestFile },
          'the deck is complete; the next build will not say what changed since this one',
        ),
      ],
    };
  }
  try {
    await writeFileAtomic(baseFile, input.pptx, input.fs);
  } catch (e) {
    if (!isSystemError(e)) throw e;
    // A copy of an earlier build would make the next merge take this build's slides for the person's edits.
    await rm(baseFile, { force: true }).catch(() => undefined);
    notes.push(
      warning(
        'MERGE_BASE_NOT_WRITTEN',
        `wrote ${shown(outFile, cwd)}, but cannot write ${shown(baseFile, cwd)}: ${errnoText(e)}`,
        { file: baseFile },
        'edits made to this deck will not be merged into the next build, only kept in a copy beside it',
      ),
    );
  }
  return { written: true, diagnostics: notes, ...merged, ...(previous ? { report: compareManifests(previous, manifest) } : {}) };
}

type Merging = { ok: true; pptx?: Uint8Array; outcome?: MergeOutcome; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/**
 * The deck at the output path, when a person changed it since the last build: merged with the
 * new build (issue 18), their file kept beside it as `<name>.before.pptx` first. The manifest
 * still describes the new build alone, so the next build finds the person's edits again.
 */
async function mergeEdits(input: WriteDeckInput, previous: Manifest, baseFile: string, manifest: Manifest, parts: Parts): Promise<Merging> {
  const { outFile, cwd } = input;
  const ours = await readRegularFile(outFile, MAX_DECK_BYTES);
  // Nothing there (or a folder, which the write reports): nothing to merge.
  if (!ours.ok) return { ok: true, diagnostics: [] };
  // The usual rebuild: the file is the one written last time, and the copy to merge against is not read.
  if (asWritten(deckHash(ours.bytes), previous)) return { ok: true, diagnostics: [] };
  const base = await readRegularFile(baseFile, MAX_DECK_BYTES);
  const decision = mergeDeck({ ours: ours.bytes, previous, ...(base.ok ? { base: base.bytes } : {}), theirs: { parts, manifest }, policy: input.onConflict ?? 'auto' });
  if (decision.kind === 'write') return { ok: true, diagnostics: [] };
  if (decision.kind === 'unreadable') {
    return {
      ok: false,
      diagnostics: [
        error(
          'MERGE_UNREADABLE_DECK',
          `${shown(outFile, cwd)} was changed since the last build, but briefdeck cannot read it to keep the changes: ${decision.reason}`,
          { file: outFile },
          'move it away, or build with --overwrite to replace it',
        ),
      ],
    };
  }
  const backup = backupPath(outFile);
  // Not over the copy of the person's file with the deck a merge wrote (a rebuild with nothing edited since).
  const copied = decision.kind !== 'merged' || decision.editedSinceWritten;
  try {
    if (copied) await writeFileAtomic(backup, ours.bytes, input.fs);
  } catch (e) {
    if (!isSystemError(e)) throw e;
    // Without the copy, the person's file is not replaced.
    return { ok: false, diagnostics: [writeFailure(e, backup, cwd, await isFolder(backup))] };
  }
  if (decision.kind === 'unrelated') {
    return {
      ok: true,
      diagnostics: [
        warning(
          'MERGE_UNRELATED_DECK',
          `${shown(outFile, cwd)} shows none of the slides the last build wrote: replaced by the new build, the file kept as ${shown(backup, cwd)}`,
          { file: outFile },
          'to keep a deck of your own, save it under another name than the one briefdeck builds',
        ),
      ],
    };
  }
  if (decision.kind === 'no-record') {
    return {
      ok: true,
      diagnostics: [
        warning(
          'MERGE_NO_RECORD',
          `${shown(outFile, cwd)} was changed since the last build, but the copy of that build to merge the changes against is missing: replaced by the new build, the changed file kept as ${shown(backup, cwd)}`,
          { file: outFile },
          'copy what you changed from that file; from now on, changes are merged',
        ),
      ],
    };
  }
  const outcome: MergeOutcome = { ...decision.outcome, ...(copied ? { backup: shown(backup, cwd) } : {}) };
  const diagnostics = outcome.conflicts.map((c) =>
    warning(
      'MERGE_CONFLICT',
      `slide ${c.slide}, ${c.shape}: yours '${clipped(c.ours)}', new ${c.reason === 'data' ? 'data' : 'build'} '${clipped(c.theirs)}'; kept ${c.kept === 'ours' ? 'yours' : 'the new build'}${c.reason === 'option' ? ' (--on-conflict)' : ''}`,
      { file: outFile },
      c.kept === 'ours' ? 'build with --on-conflict theirs to take the new text' : 'build with --on-conflict ours to keep your text',
    ),
  );
  return { ok: true, pptx: decision.pptx, outcome, diagnostics };
}

/** A text quoted in a message: its first 60 characters (notes can run to paragraphs); the outcome keeps it whole. */
function clipped(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return chars.length > 60 ? `${chars.slice(0, 60).join('')}…` : line;
}

/** The first of `outputs` that is the same file as one of `inputs` (by device and inode, so links and case-insensitive names count). */
async function inputAt(outputs: readonly string[], inputs: Iterable<string>): Promise<{ output: string; input: string } | undefined> {
  const ids = new Map<string, string>();
  for (const output of outputs) {
    const id = await fileId(output);
    if (id) ids.set(id, output);
  }
  if (!ids.size) return undefined;
  for (const input of inputs) {
    const id = await fileId(input);
    const output = id && ids.get(id);
    if (output) return { output, input };
  }
  return undefined;
}

async function fileId(file: string): Promise<string | undefined> {
  return stat(file).then(
    (s) => `${s.dev}:${s.ino}`,
    () => undefined,
  );
}

async function isFolder(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** "cannot write dist/briefing.pptx: no space left on device (ENOSPC)", with its own code. */
export function writeFailure(e: NodeJS.ErrnoException, outFile: string, cwd: string, targetIsFolder = false): Diagnostic {
  const code = targetIsFolder ? 'WRITE_IS_A_FOLDER' : writeCode(e);
  const cause = targetIsFolder ? 'it is a folder, not a file' : errnoText(e);
  return error(code, `cannot write ${shown(outFile, cwd)}: ${cause}`, { file: outFile }, HINTS[code]);
}

function writeCode(e: NodeJS.ErrnoException): DiagnosticCode {
  switch (e.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'WRITE_NO_SPACE';
    case 'EROFS':
      return 'WRITE_READ_ONLY';
    case 'EACCES':
    case 'EPERM':
      return 'WRITE_PERMISSION_DENIED';
    case 'EISDIR':
      return 'WRITE_IS_A_FOLDER';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'WRITE_PARENT_NOT_A_FOLDER';
    default:
      return 'WRITE_FAILED';
  }
}

const HINTS: Partial<Record<DiagnosticCode, string>> = {
  WRITE_NO_SPACE: 'free some space on that disk, or write elsewhere with -o',
  WRITE_READ_ONLY: 'write elsewhere with -o',
  WRITE_PERMISSION_DENIED: 'check the permissions of the file and its folder, or write elsewhere with -o',
  WRITE_IS_A_FOLDER: 'name a .pptx file with -o, e.g. -o dist/briefing.pptx',
  WRITE_PARENT_NOT_A_FOLDER: 'a file stands where a folder of the output path should be; rename it or choose another -o',
};

function shown(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
