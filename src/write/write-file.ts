import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { removeStaleTemporaries, temporaryName, trackTemporary } from './temporary-files.js';

/** The file-system calls `writeFileAtomic` makes; tests replace some to make one fail (ENOSPC, …). */
export interface WriteFileAtomicOptions {
  open?: (file: string, flags: string, mode: number) => Promise<Pick<FileHandle, 'writeFile' | 'sync' | 'close'>>;
  rename?: (from: string, to: string) => Promise<void>;
}

/**
 * Writes `bytes` to `file` so that readers see either the old file or the whole new one: the
 * bytes go to a temporary file in the same folder (`.deck.pptx.<pid>.<random>.tmp`), are synced to
 * disk, and the temporary file is renamed over the target. On any failure the temporary file is
 * removed and the error rethrown; the old file is never touched. While it is written, the
 * temporary file is known to `removeTemporaryFilesSync`, which the bin calls on SIGINT and
 * SIGTERM; those left by a process killed outright are removed by the next write. Creates the
 * folder if missing.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array, options: WriteFileAtomicOptions = {}): Promise<void> {
  const target = path.resolve(file);
  const folder = path.dirname(target);
  await mkdir(folder, { recursive: true });
  await removeStaleTemporaries(target);
  const temporary = temporaryName(target, process.pid, randomBytes(6).toString('hex'));
  const mode = await stat(target).then(
    (s) => s.mode & 0o777,
    () => 0o666,
  );
  // Known before it exists: a signal between open and the first write must still remove it.
  const forget = trackTemporary(temporary);
  let handle: Pick<FileHandle, 'writeFile' | 'sync' | 'close'> | undefined;
  try {
    handle = await (options.open ?? open)(temporary, 'wx', mode);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await (options.rename ?? rename)(temporary, target);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw e;
  } finally {
    forget();
  }
  await syncFolder(folder);
}

/** Makes the rename itself durable; some platforms (Windows) cannot open a folder, which is fine. */
async function syncFolder(folder: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // best effort
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
