import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

export interface WriteFileAtomicOptions {
  /** Replaces `fs.rename` (tests use it to make the last step fail). */
  rename?: (from: string, to: string) => Promise<void>;
}

/**
 * Writes `bytes` to `file` so that readers see either the old file or the whole new one: the
 * bytes go to a temporary file in the same folder (`.deck.pptx.<pid>.<random>.tmp`), are synced to
 * disk, and the temporary file is renamed over the target. On any failure the temporary file is
 * removed and the error rethrown; the old file is never touched. Creates the folder if missing.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array, options: WriteFileAtomicOptions = {}): Promise<void> {
  const target = path.resolve(file);
  const folder = path.dirname(target);
  await mkdir(folder, { recursive: true });
  const temporary = path.join(folder, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = await stat(target).then(
    (s) => s.mode & 0o777,
    () => 0o666,
  );
  let handle: FileHandle | undefined;
  try {
    handle = await open(temporary, 'wx', mode);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await (options.rename ?? rename)(temporary, target);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw e;
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
