import { unzipSync } from 'fflate';

/** The zip could not be read (not a zip, truncated, or an unsupported compression method). */
export class ZipReadError extends Error {
  override name = 'ZipReadError';
}

/** Reads every file entry of a zip archive; directory entries are skipped. */
export function readZip(bytes: Uint8Array): Map<string, Uint8Array> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    throw new ZipReadError(e instanceof Error ? e.message : String(e));
  }
  const entries = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(files)) {
    if (!name.endsWith('/')) entries.set(name, data);
  }
  return entries;
}
