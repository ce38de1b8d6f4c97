import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';

/** A file's bytes, or why they were not read. */
export type RegularFile = { ok: true; bytes: Buffer } | { ok: false; reason: 'missing' | 'not-a-file' | 'too-large' | 'unreadable'; message: string; size?: number };

/**
 * Reads a file the user named or briefdeck wrote before (a deck to check, the last manifest),
 * only when it is a regular file of at most `maxBytes`. Opened without blocking and checked on
 * the opened descriptor, so a FIFO or a device is refused rather than waited on, and a file
 * swapped in between cannot slip through; no more than `maxBytes` is read even if it grows.
 */
export async function readRegularFile(file: string, maxBytes: number): Promise<RegularFile> {
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'missing', message: 'no such file' };
    if (code === 'EISDIR') return { ok: false, reason: 'not-a-file', message: 'it is a folder, not a file' };
    return { ok: false, reason: 'unreadable', message: errnoText(e) };
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return { ok: false, reason: 'not-a-file', message: 'it is a folder, not a file' };
    if (!info.isFile()) return { ok: false, reason: 'not-a-file', message: 'it is a device, pipe or socket, not a regular file' };
    if (info.size > maxBytes) return { ok: false, reason: 'too-large', message: `it is ${megabytes(info.size)}; briefdeck reads up to ${megabytes(maxBytes)}`, size: info.size };
    const bytes = Buffer.alloc(info.size);
    let read = 0;
    while (read < bytes.length) {
      const { bytesRead } = await handle.read(bytes, read, bytes.length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return { ok: true, bytes: bytes.subarray(0, read) };
  } catch (e) {
    return { ok: false, reason: 'unreadable', message: errnoText(e) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

const ERRNO_WORDS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a folder on its path is a file',
  EEXIST: 'a folder on its path is a file',
  ENOENT: 'no such file or folder',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links on its path',
  EIO: 'input/output error (a failing disk or a lost network drive?)',
  EBUSY: 'the file is in use',
  ETXTBSY: 'the file is in use',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EFBIG: 'the file is too large for the file system',
  EXDEV: 'the temporary file and the target are on different file systems',
};

/** An errno in words ("no space left on device"), with its code for a search engine. */
export function errnoText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && ERRNO_WORDS[code]) return `${ERRNO_WORDS[code]} (${code})`;
  return typeof code === 'string' ? code : e instanceof Error ? e.message : String(e);
}

/** Whether `e` is an error from the system (it has an errno code), not a bug. */
export function isSystemError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && /^E[A-Z0-9]+$/.test((e as NodeJS.ErrnoException).code as string);
}

function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
