import type { FilePrefix } from '../diagnostics/codes.js';
import { realpathSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { error, type Diagnostic, type SourceRef } from '../diagnostics/diagnostic.js';
import { closest } from '../text/suggest.js';
import { MAX_SLIDES } from './outline/schema.js';

/** An input file's text, or why it could not be read. */
export type SourceText = { ok: true; file: string; text: string } | { ok: false; diagnostic: Diagnostic };

export interface ReadOptions {
  /** Files larger than this are refused before they are read (default 16 MiB). */
  maxBytes?: number;
  /** The path as the input wrote it, for messages and suggestions (default the full path). */
  ref?: string;
  /** What relative paths start from, said in the hint when the file is missing. */
  relativeTo?: string;
  /** What the file should hold, for the hint when it is not text: "YAML", "CSV". */
  format?: string;
}

const MiB = 1024 * 1024;

/**
 * Reads an input file as UTF-8 text. `prefix` names the stage in codes (`OUTLINE`, `DATA`);
 * `from` is where the file was named, for the message when it is missing or unreadable.
 */
export async function readSource(file: string, prefix: FilePrefix, from?: SourceRef, options: ReadOptions = {}): Promise<SourceText> {
  const ref = options.ref ?? path.basename(file);
  const at = from ?? { file };
  const maxBytes = options.maxBytes ?? 16 * MiB;
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.isDirectory()) return fail(error(`${prefix}_NOT_A_FILE`, `${ref} is a folder, not a file`, at, 'name a file inside it'));
    if (!info.isFile()) return fail(error(`${prefix}_NOT_A_FILE`, `${ref} is not a regular file`, at));
    if (info.size > maxBytes) {
      return fail(
        error(`${prefix}_TOO_LARGE`, `${ref} is ${megabytes(info.size)}; briefdeck reads files of up to ${megabytes(maxBytes)}`, at, prefix === 'OUTLINE' ? `an outline describes one deck (at most ${MAX_SLIDES} slides); split it into several outlines, and keep data in data files` : 'is this the right file?'),
      );
    }
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      const near = await nearbyName(file);
      const suggestion = near ? path.join(path.dirname(ref), near).split(path.sep).join('/') : undefined;
      const hint = suggestion ? `did you mean '${suggestion}'?` : `looked for ${file}${options.relativeTo ? `; paths are relative to ${options.relativeTo}` : ''}`;
      return fail(error(`${prefix}_FILE_NOT_FOUND`, `no such file: ${ref}`, at, hint));
    }
    if (code === 'EACCES' || code === 'EPERM') return fail(error(`${prefix}_UNREADABLE`, `${ref} cannot be read: permission denied`, at, 'check the file\'s permissions'));
    return fail(error(`${prefix}_UNREADABLE`, `${ref} cannot be read (${code ?? String(e)})`, at));
  }
  const text = decodeText(bytes);
  if (text === undefined) {
    const format = options.format ?? 'YAML';
    const binary = bytes.includes(0);
    return fail(
      error(
        `${prefix}_NOT_TEXT`,
        binary ? `${ref} is a binary file, not ${format} text` : `${ref} is not UTF-8 text`,
        at,
        binary ? `is this the right file? it should be ${format} saved as UTF-8` : `save it as UTF-8 (in most editors: "Save with encoding" → UTF-8)`,
      ),
    );
  }
  return { ok: true, file, text: text.replace(/^\uFEFF/, '') };
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

function inside(rootDir: string, file: string): boolean {
  const rel = path.relative(rootDir, file);
  return !(rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel));
}

function fail(diagnostic: Diagnostic): SourceText {
  return { ok: false, diagnostic };
}
