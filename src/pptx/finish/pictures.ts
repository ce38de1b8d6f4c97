import { InternalError } from '../../diagnostics/diagnostic.js';
import { MEDIA_FOLDER } from '../opc/part-names.js';
import type { Parts } from '../opc/parts.js';

const PREFIX = 'briefdeck-picture:';
const prefixBytes = new TextEncoder().encode(PREFIX);

/** What emit writes for a chart picture not yet drawn: a media part naming the picture's hash. */
export function picturePlaceholder(hash: string): Uint8Array {
  return new TextEncoder().encode(PREFIX + hash);
}

/**
 * Puts the drawn pictures in place of their placeholders under `ppt/media/`. Each placeholder
 * must have its picture: a build that failed to draw one stops before this.
 */
export function fillPictures(parts: Parts, pictures: ReadonlyMap<string, Uint8Array>): Parts {
  const out = new Map(parts);
  for (const [name, bytes] of parts) {
    if (!name.startsWith(MEDIA_FOLDER) || !startsWith(bytes, prefixBytes)) continue;
    const hash = new TextDecoder().decode(bytes.subarray(prefixBytes.length));
    const png = pictures.get(hash);
    if (!png) throw new InternalError(`finish: no picture was drawn for ${name} (chart ${hash.slice(0, 12)})`);
    out.set(name, png);
  }
  return out;
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return bytes.length > prefix.length && prefix.every((b, i) => bytes[i] === b);
}
