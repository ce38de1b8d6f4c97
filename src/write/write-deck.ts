import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BoundDeck } from '../bind/bind.js';
import type { DataStore } from '../data/types.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { compareManifests, type BuildReport } from '../manifest/compare.js';
import { makeManifest, manifestPath, parseManifest } from '../manifest/manifest.js';
import { errnoText, isSystemError, readRegularFile } from './read-regular-file.js';
import { writeFileAtomic, type WriteFileAtomicOptions } from './write-file.js';

export interface WriteDeckInput {
  /** The finished deck. */
  pptx: Uint8Array;
  /** A hash per slide of the finished deck, for the manifest. */
  slideHashes: readonly string[];
  deck: BoundDeck;
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
  /** Replaces file-system calls (tests make a write fail with ENOSPC, …). */
  fs?: WriteFileAtomicOptions;
}

export interface WriteDeckResult {
  /** Whether the deck is on disk (its manifest may still have failed: see `diagnostics`). */
  written: boolean;
  diagnostics: Diagnostic[];
  /** What changed against the previous build's manifest, when there was one. */
  report?: BuildReport;
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
  const clash = await inputAt([outFile, manifestFile], input.texts.keys());
  if (clash) {
    const which = clash.output === outFile ? 'the deck' : "the deck's manifest";
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
  const manifest = makeManifest(input.deck, input.slideHashes, input.texts, input.outlineDir, input.data);
  try {
    await writeFileAtomic(outFile, input.pptx, input.fs);
  } catch (e) {
    if (!isSystemError(e)) throw e;
    return { written: false, diagnostics: [writeFailure(e, outFile, cwd, await isFolder(outFile))] };
  }
  try {
    await writeFileAtomic(manifestFile, new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`), input.fs);
  } catch (e) {
    if (!isSystemError(e)) throw e;
    // A manifest left from an earlier build would describe another deck: the next build would
    // report changes against it. Better none.
    if (before.ok) await rm(manifestFile, { force: true }).catch(() => undefined);
    return {
      written: true,
      diagnostics: [
        error(
          'WRITE_MANIFEST_FAILED',
          `wrote ${shown(outFile, cwd)}, but cannot write ${shown(manifestFile, cwd)}: ${errnoText(e)}`,
          { file: manifestFile },
          'the deck is complete; the next build will not say what changed since this one',
        ),
      ],
    };
  }
  return { written: true, diagnostics: [], ...(previous ? { report: compareManifests(previous, manifest) } : {}) };
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
