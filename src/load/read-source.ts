import type { FilePrefix } from '../diagnostics/codes.js';
import { constants, realpathSync, type Stats } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { error, type Diagnostic, type SourceRef } from '../diagnostics/diagnostic.js';
import { closest } from '../text/suggest.js';
import { MAX_SLIDES } from './outline/schema.js';

/** An input file's text, or why it could not be read. */
export type SourceText = { ok: true; file: string; text: string } | { ok: false; diagnostic: Diagnostic };

/** An input file checked without being read (a font the chart thread reads), or why it is refused. */
export type CheckedSource = { ok: true; file: string; size: number } | { ok: false; diagnostic: Diagnostic };

export interface ReadOptions {
  /** Files larger than this are refused before they are read (default 16 MiB). */
  maxBytes?: number;
  /** The path as the input wrote it, for messages and suggestions (default the full path). */
  ref?: string;
  /** What relative paths start from, said in the hint when the file is missing. */
  relativeTo?: string;
  /** What the file should hold, for the hint when it is not text: "YAML", "CSV". */
  format?: string;
  /**
   * Folders the file's real path (links followed) must stay inside, for a path named inside an
   * input (a data file, a partial, a font). Absent for a path the user gave on the command line.
   */
  within?: readonly string[];
  /** What `within` is, for the message: "the outline's folder". */
  withinName?: string;
}

const MiB = 1024 * 1024;

/**
 * The one door every input file comes through: reads it as UTF-8 text. Only a regular file is
 * opened (a FIFO, a device or a socket is refused before, and the opened file is checked
 * again), no more than `maxBytes` are read even while the file grows, and with `within` its
 * real path must stay inside those folders. `prefix` names the stage in codes (`OUTLINE`,
 * `DATA`, `TEMPLATE`); `from` is where the file was named, for the message.
 */
export async function readSource(file: string, prefix: FilePrefix, from?: SourceRef, options: ReadOptions = {}): Promise<SourceText> {
  const read = await readGuarded(file, prefix, from, options);
  if (!read.ok) return read;
  const text = decodeText(read.bytes);
  if (text === undefined) {
    const format = options.format ?? 'YAML';
    const binary = read.bytes.includes(0);
    const ref = options.ref ?? path.basename(file);
    return fail(
      error(
        `${prefix}_NOT_TEXT`,
        binary ? `${ref} is a binary file, not ${format} text` : `${ref} is not UTF-8 text`,
        from ?? { file },
        binary ? `is this the right file? it should be ${format} saved as UTF-8` : `save it as UTF-8 (in most editors: "Save with encoding" → UTF-8)`,
      ),
    );
  }
  return { ok: true, file, text: text.replace(/^\uFEFF/, '') };
}

/** An input file's bytes, through the same checks as `readSource` (for a font, read where it is drawn). */
export async function readSourceBytes(
  file: string,
  prefix: FilePrefix,
  from?: SourceRef,
  options: ReadOptions = {},
): Promise<{ ok: true; file: string; bytes: Buffer } | { ok: false; diagnostic: Diagnostic }> {
  const read = await readGuarded(file, prefix, from, options);
  return read.ok ? { ok: true, file, bytes: read.bytes } : read;
}

/** The same checks as `readSource` (kind, place, size) on a file another thread will read; returns its real path. */
export async function checkSource(file: string, prefix: FilePrefix, from?: SourceRef, options: ReadOptions = {}): Promise<CheckedSource> {
  const opened = await openGuarded(file, prefix, from, options);
  if (!opened.ok) return opened;
  await opened.handle.close();
  return { ok: true, file: opened.real, size: opened.size };
}

type Opened = { ok: true; handle: import('node:fs/promises').FileHandle; real: string; size: number; maxBytes: number } | { ok: false; diagnostic: Diagnostic };

async function readGuarded(file: string, prefix: FilePrefix, from: SourceRef | undefined, options: ReadOptions): Promise<{ ok: true; bytes: Buffer } | { ok: false; diagnostic: Diagnostic }> {
  const opened = await openGuarded(file, prefix, from, options);
  if (!opened.ok) return opened;
  const { handle, maxBytes } = opened;
  try {
    // One byte past the limit tells a file that grew since fstat from one that fits.
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, opened.size + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) break;
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) return fail(tooLarge(prefix, options.ref ?? path.basename(file), undefined, maxBytes, from ?? { file }));
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (e) {
    return fail(unreadable(e, prefix, options.ref ?? path.basename(file), from ?? { file }));
  } finally {
    await handle.close();
  }
}

async function openGuarded(file: string, prefix: FilePrefix, from: SourceRef | undefined, options: ReadOptions): Promise<Opened> {
  const ref = options.ref ?? path.basename(file);
  const at = from ?? { file };
  const maxBytes = options.maxBytes ?? 16 * MiB;
  try {
    const real = await realpath(file);
    if (options.within && !options.within.some((root) => inside(realRoot(root), real))) {
      const linked = real !== path.resolve(file);
      return fail(
        error(
          `${prefix}_PATH_OUTSIDE_PROJECT`,
          linked ? `${ref} is a link to ${real}, outside ${options.withinName ?? 'the project'}` : `${ref} is outside ${options.withinName ?? 'the project'}`,
          at,
          linked ? 'copy the file into the project instead of linking to it' : `name a file inside ${options.withinName ?? 'the project'}`,
        ),
      );
    }
    // Refused before opening: opening a FIFO waits for a writer, and a device never ends.
    const kind = notAFile(await stat(real));
    if (kind) return fail(error(`${prefix}_NOT_A_FILE`, `${ref} is ${kind}, not a file`, at, kind === 'a folder' ? 'name a file inside it' : 'name a regular file'));
    const handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK);
    // The path may have been replaced between the checks and the open: what counts is what was opened.
    const info = await handle.stat();
    const openedKind = notAFile(info);
    if (openedKind || info.size > maxBytes) {
      await handle.close();
      return fail(openedKind ? error(`${prefix}_NOT_A_FILE`, `${ref} is ${openedKind}, not a file`, at, 'name a regular file') : tooLarge(prefix, ref, info.size, maxBytes, at));
    }
    return { ok: true, handle, real, size: info.size, maxBytes };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      const near = await nearbyName(file);
      const suggestion = near ? path.join(path.dirname(ref), near).split(path.sep).join('/') : undefined;
      const hint = suggestion ? `did you mean '${suggestion}'?` : `looked for ${file}${options.relativeTo ? `; paths are relative to ${options.relativeTo}` : ''}`;
      return fail(error(`${prefix}_FILE_NOT_FOUND`, `no such file: ${ref}`, at, hint));
    }
    if (code === 'ELOOP') return fail(error(`${prefix}_UNREADABLE`, `${ref} is a loop of symbolic links`, at, 'point the link at a file'));
    return fail(unreadable(e, prefix, ref, at));
  }
}

function notAFile(info: Stats): string | undefined {
  if (info.isFile()) return undefined;
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** `size` undefined: the file grew past the limit while it was read. */
function tooLarge(prefix: FilePrefix, ref: string, size: number | undefined, maxBytes: number, at: SourceRef): Diagnostic {
  return error(
    `${prefix}_TOO_LARGE`,
    `${ref} is ${size === undefined ? `more than ${megabytes(maxBytes)}` : megabytes(size)}; briefdeck reads files of up to ${megabytes(maxBytes)}`,
    at,
    prefix === 'OUTLINE' ? `an outline describes one deck (at most ${MAX_SLIDES} slides); split it into several outlines, and keep data in data files` : 'is this the right file?',
  );
}

function unreadable(e: unknown, prefix: FilePrefix, ref: string, at: SourceRef): Diagnostic {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return error(`${prefix}_UNREADABLE`, `${ref} cannot be read: permission denied`, at, "check the file's permissions");
  if (code === 'ENXIO') return error(`${prefix}_NOT_A_FILE`, `${ref} is a socket or a device, not a file`, at, 'name a regular file');
  return error(`${prefix}_UNREADABLE`, `${ref} cannot be read (${code ?? String(e)})`, at);
}

/** A root's real path; a root that does not exist holds nothing. */
function realRoot(root: string): string {
  try {
    return realpathSync.native(root);
  } catch {
    return path.resolve(root);
  }
}

/** Strict UTF-8 decoding; a NUL byte also marks a binary file. */
function decodeText(bytes: Buffer): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** A file beside `file` whose name is a likely typo of its name. */
async function nearbyName(file: string): Promise<string | undefined> {
  const names = await readdir(path.dirname(file)).catch(() => [] as string[]);
  return closest(path.basename(file), names);
}

function megabytes(n: number): string {
  return `${(n / MiB).toFixed(1)} MB`;
}

/**
 * Resolves `ref` against `baseDir` and refuses paths that leave `rootDir`, so an outline
 * cannot make briefdeck read files outside its project.
 */
export function resolveInside(rootDir: string, baseDir: string, ref: string): string | undefined {
  const resolved = path.resolve(baseDir, ref);
  if (!inside(rootDir, resolved)) return undefined;
  // A symbolic link inside the folder may point out of it: follow links where the file exists.
  const real = (p: string) => {
    try {
      return realpathSync.native(p);
    } catch {
      return undefined;
    }
  };
  const [realRoot, realFile] = [real(rootDir), real(resolved)];
  return realRoot && realFile && !inside(realRoot, realFile) ? undefined : resolved;
}

/** Whether `file` is `rootDir` or below it, by path (no links followed). */
export function inside(rootDir: string, file: string): boolean {
  const rel = path.relative(rootDir, file);
  return !(rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel));
}

function fail(diagnostic: Diagnostic): { ok: false; diagnostic: Diagnostic } {
  return { ok: false, diagnostic };
}
