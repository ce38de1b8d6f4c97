import { zipSync, type Zippable } from 'fflate';
import { naturalCompare } from './finish-parts.js';

/**
 * Entry date for every file: 1980-01-01 00:00, the earliest a zip can hold (what Office writes
 * too). fflate encodes `mtime` with the *local* date fields (`getHours()` …), so the date is
 * built from local fields: the bytes are then the same in every time zone.
 */
const ENTRY_DATE = new Date(1980, 0, 1, 0, 0, 0);

/** Formats that are already compressed: deflating them again only costs time. */
const STORED_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'xlsx', 'docx', 'pptx', 'mp4', 'm4v', 'mp3', 'woff', 'woff2']);

/**
 * Zips entries deterministically: `[Content_Types].xml` first (as Office does), then the others
 * in natural order, no directory entries, fixed dates, deflate level 9.
 */
export function writeZip(entries: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const names = [...entries.keys()].sort(compareEntryNames);
  // Object keys keep insertion order unless they look like array indices, which no part name does.
  const zippable: Zippable = {};
  for (const name of names) {
    const data = entries.get(name);
    if (!data) continue;
    const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    zippable[name] = [data, { level: STORED_EXTENSIONS.has(extension) ? 0 : 9, mtime: ENTRY_DATE }];
  }
  return zipSync(zippable, { level: 9, mtime: ENTRY_DATE });
}

function compareEntryNames(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '[Content_Types].xml') return -1;
  if (b === '[Content_Types].xml') return 1;
  return naturalCompare(a, b);
}
