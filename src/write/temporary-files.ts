import { rmSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * The temporary files being written right now. Process-wide on purpose: a signal ends the whole
 * process, so whoever handles it (the bin) must find every write under way, whichever build
 * started it.
 */
const pending = new Set<string>();

/** Records `file` as being written; the returned function forgets it again. */
export function trackTemporary(file: string): () => void {
  pending.add(file);
  return () => void pending.delete(file);
}

/**
 * Removes every temporary file still being written, synchronously: what a SIGINT or SIGTERM
 * handler calls before the process ends, so that no `.deck.pptx.<pid>.<random>.tmp` is left.
 */
export function removeTemporaryFilesSync(): void {
  for (const file of pending) {
    try {
      rmSync(file, { force: true });
    } catch {
      // Nothing more can be done while the process ends.
    }
  }
  pending.clear();
}

/** `.<name>.<pid>.<12 hex>.tmp`: the temporary file `writeFileAtomic` writes `<name>` through. */
export function temporaryName(target: string, pid: number, random: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${pid}.${random}.tmp`);
}

/**
 * Removes the temporary files of `target` left by processes that no longer run (killed with
 * SIGKILL, or a power cut, where no handler ran). A file of a process still running is left alone.
 */
export async function removeStaleTemporaries(target: string): Promise<void> {
  const base = path.basename(target);
  const names = await readdir(path.dirname(target)).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(`.${base}.`)) continue;
    const m = /^\.(.+)\.(\d+)\.[0-9a-f]{12}\.tmp$/.exec(name);
    if (!m || m[1] !== base) continue;
    const pid = Number(m[2]);
    if (pid !== process.pid && !isRunning(pid)) await rm(path.join(path.dirname(target), name), { force: true }).catch(() => undefined);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
