import { createHash } from 'node:crypto';
import { MEDIA_FOLDER } from '../opc/part-names.js';
import { naturalCompare, type Parts } from '../opc/parts.js';
import { renameParts } from '../opc/relationships.js';

/**
 * Stores identical media once: parts under `ppt/media/` with equal bytes collapse onto the first
 * of them (in natural name order) and every relationship is pointed at it. pptxgenjs writes one
 * copy per `addImage` call, so a logo on 200 slides would otherwise be stored 200 times.
 */
export function dedupeMedia(parts: Parts): Map<string, Uint8Array> {
  const firstByHash = new Map<string, string>();
  const mapping = new Map<string, string>();
  const media = [...parts.keys()].filter((name) => name.startsWith(MEDIA_FOLDER)).sort(naturalCompare);
  for (const name of media) {
    const bytes = parts.get(name);
    if (!bytes) continue;
    const hash = createHash('sha256').update(bytes).digest('hex');
    const first = firstByHash.get(hash);
    if (first === undefined) firstByHash.set(hash, name);
    else mapping.set(name, first);
  }
  return renameParts(parts, mapping);
}
