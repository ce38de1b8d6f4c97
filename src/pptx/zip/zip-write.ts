import { deflateSync } from 'fflate';
import { crc32 } from './crc32.js';
import { naturalCompare } from '../opc/parts.js';

/**
 * Entry date for every file: 1980-01-01 00:00, the earliest a zip can hold (what Office writes
 * too). Encoded from its *local* date fields, as fflate does (`getHours()` …), so the bytes are
 * the same in every time zone.
 */
const ENTRY_DATE = new Date(1980, 0, 1, 0, 0, 0);
const DOS_DATE_TIME =
  ((ENTRY_DATE.getFullYear() - 1980) << 25) |
  ((ENTRY_DATE.getMonth() + 1) << 21) |
  (ENTRY_DATE.getDate() << 16) |
  (ENTRY_DATE.getHours() << 11) |
  (ENTRY_DATE.getMinutes() << 5) |
  (ENTRY_DATE.getSeconds() >> 1);

/** Formats that are already compressed: deflating them again only costs time. */
const STORED_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'xlsx', 'docx', 'pptx', 'mp4', 'm4v', 'mp3', 'woff', 'woff2']);

const encoder = new TextEncoder();

function isStored(name: string): boolean {
  return STORED_EXTENSIONS.has(name.slice(name.lastIndexOf('.') + 1).toLowerCase());
}

interface Entry {
  name: Uint8Array;
  /** The name is not ASCII: flag bit 11 (UTF-8 names). */
  utf8: boolean;
  method: 0 | 8;
  crc: number;
  size: number;
  data: Uint8Array;
  offset: number;
}

/**
 * Zips entries deterministically: `[Content_Types].xml` first (as Office does), then the others
 * in natural order, no directory entries, fixed dates, deflate level 9 (fflate's, which is the
 * same on every machine). The bytes are what fflate's `zipSync` wrote for the same entries; this
 * writer only differs in taking what `cache` already holds deflated, and adding to it.
 */
export function writeZip(entries: ReadonlyMap<string, Uint8Array>, cache?: DeflateCache): Uint8Array {
  const names = [...entries.keys()].sort(compareEntryNames);
  const files: Entry[] = [];
  let offset = 0;
  let central = 0;
  for (const name of names) {
    const data = entries.get(name);
    if (!data) continue;
    const stored = isStored(name);
    const nameBytes = encoder.encode(name);
    if (nameBytes.length > 65535) throw new Error(`zip: entry name too long: ${name.slice(0, 80)}…`);
    const out = stored ? data : cache ? deflated(data, cache) : deflate(data);
    files.push({ name: nameBytes, utf8: nameBytes.length !== name.length, method: stored ? 0 : 8, crc: crc32(data), size: data.length, data: out, offset });
    offset += 30 + nameBytes.length + out.length;
    central += 46 + nameBytes.length;
  }
  const zip = new Uint8Array(offset + central + 22);
  const view = new DataView(zip.buffer);
  let at = offset;
  for (const f of files) {
    header(view, f.offset, f, false);
    zip.set(f.name, f.offset + 30);
    zip.set(f.data, f.offset + 30 + f.name.length);
    header(view, at, f, true);
    zip.set(f.name, at + 46);
    at += 46 + f.name.length;
  }
  // End of central directory
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, files.length, true);
  view.setUint16(at + 10, files.length, true);
  view.setUint32(at + 12, central, true);
  view.setUint32(at + 16, offset, true);
  return zip;
}

/** A local file header (30 bytes) or a central directory header (46 bytes), without the name. */
function header(view: DataView, at: number, f: Entry, central: boolean): void {
  view.setUint32(at, central ? 0x02014b50 : 0x04034b50, true);
  const b = central ? at + 2 : at;
  if (central) view.setUint16(at + 4, 20, true); // made by: 2.0, MS-DOS
  view.setUint16(b + 4, 20, true); // needed: 2.0
  view.setUint16(b + 6, f.utf8 ? 0x0800 : 0, true);
  view.setUint16(b + 8, f.method, true);
  view.setUint32(b + 10, DOS_DATE_TIME, true);
  view.setUint32(b + 14, f.crc, true);
  view.setUint32(b + 18, f.data.length, true);
  view.setUint32(b + 22, f.size, true);
  view.setUint16(b + 26, f.name.length, true);
  // extra field length 0; central: comment length, disk, attributes 0
  if (central) view.setUint32(at + 42, f.offset, true);
}

function compareEntryNames(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '[Content_Types].xml') return -1;
  if (b === '[Content_Types].xml') return 1;
  return naturalCompare(a, b);
}

/**
 * Deflates now into `cache` what `writeZip` would deflate, so that zipping these entries later
 * with the same cache (or entries most of which are the same bytes) takes only the copying: a
 * build does this while its chart pictures are still being drawn. Entries larger together than
 * half the cache are left alone.
 */
export function deflateAhead(entries: ReadonlyMap<string, Uint8Array>, cache: DeflateCache): void {
  const deflatable = [...entries].filter(([name]) => !isStored(name));
  if (deflatable.reduce((n, [, data]) => n + data.length, 0) > cache.limit / 2) return;
  for (const [, data] of deflatable) deflated(data, cache);
}

// ---------------------------------------------------------------------------------------------

/**
 * Deflated parts by content, most recently used last, up to `limit` bytes (parts and their
 * deflated bytes). Owned by whoever zips: a build keeps one from its finish stage to its zip; a
 * watch loop can keep one across builds, whose rebuilds write mostly the parts the build before
 * wrote, byte for byte (for the default deck, ~12 of the finish stage's ~38 ms not deflated again).
 */
export interface DeflateCache {
  readonly entries: Map<string, { data: Uint8Array; out: Uint8Array }>;
  bytes: number;
  readonly limit: number;
}

export function createDeflateCache(limit = 48 * 1024 * 1024): DeflateCache {
  return { entries: new Map(), bytes: 0, limit };
}

function deflate(data: Uint8Array): Uint8Array {
  return deflateSync(data, { level: 9 });
}

function deflated(data: Uint8Array, cache: DeflateCache): Uint8Array {
  const key = `${data.length}:${crc32(data)}`;
  const hit = cache.entries.get(key);
  if (hit && Buffer.from(hit.data.buffer, hit.data.byteOffset, hit.data.byteLength).equals(data)) {
    cache.entries.delete(key);
    cache.entries.set(key, hit);
    return hit.out;
  }
  const out = deflate(data);
  if (hit) {
    cache.entries.delete(key);
    cache.bytes -= hit.data.length + hit.out.length;
  }
  cache.entries.set(key, { data, out });
  cache.bytes += data.length + out.length;
  for (const [k, v] of cache.entries) {
    if (cache.bytes <= cache.limit) break;
    cache.entries.delete(k);
    cache.bytes -= v.data.length + v.out.length;
  }
  return out;
}
