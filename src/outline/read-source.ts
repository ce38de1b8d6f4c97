import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { error, type Diagnostic, type SourceRef } from '../diagnostics/diagnostic.js';

/** An input file's text, or why it could not be read. */
export type SourceText = { ok: true; file: string; text: string } | { ok: false; diagnostic: Diagnostic };

/**
 * Reads an input file as UTF-8 text. `prefix` names the stage in codes (`OUTLINE`, `DATA`);
 * `from` is where the file was named, for the message when it is missing.
 */
export async function readSource(file: string, prefix: string, from?: SourceRef): Promise<SourceText> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      return fail(error(`${prefix}_FILE_NOT_FOUND`, `no such file: ${file}`, from ?? { file }, 'check the path; relative paths start at the outline\'s folder'));
    }
    if (code === 'EISDIR') return fail(error(`${prefix}_NOT_A_FILE`, `${file} is a folder, not a file`, from ?? { file }));
    return fail(error(`${prefix}_UNREADABLE`, `cannot read ${file}: ${code ?? String(e)}`, from ?? { file }));
  }
  const text = decodeText(bytes);
  if (text === undefined) {
    return fail(error(`${prefix}_NOT_TEXT`, `${path.basename(file)} is not UTF-8 text (is it a binary file?)`, { file }, 'save it as UTF-8 YAML'));
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

/**
 * Resolves `ref` against `baseDir` and refuses paths that leave `rootDir`, so an outline
 * cannot make briefdeck read files outside its project.
 */
export function resolveInside(rootDir: string, baseDir: string, ref: string): string | undefined {
  const resolved = path.resolve(baseDir, ref);
  const rel = path.relative(rootDir, resolved);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? undefined : resolved;
}

function fail(diagnostic: Diagnostic): SourceText {
  return { ok: false, diagnostic };
}
