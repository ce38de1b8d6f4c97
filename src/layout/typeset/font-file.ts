import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { readCmap } from '../../text/font-cmap.js';

/**
 * What layout needs of a font file: glyph ids, advance widths and pair kerning (GPOS `kern`),
 * in ems. Read from only the tables it uses, so a 7 MB CJK file costs well under 1 MB of reading.
 * fontkit gives the same numbers (tests/layout/typeset-metrics.test.ts compares them) but takes
 * ~300 ms to import, which would triple a build's layout stage.
 */
export interface FontFile {
  /** Glyph id of a code point; 0 where the font has none. */
  glyph(codePoint: number): number;
  /** Advance width of a glyph, in ems. */
  advance(glyph: number): number;
  /** The horizontal adjustment between two glyphs, in ems (negative: closer). */
  kern(left: number, right: number): number;
}

const MAX_FONT_BYTES = 64 * 1024 * 1024;

/**
 * Reads a TTF/OTF file's metrics: a regular file no larger than a font, opened non-blocking (a
 * FIFO put where the font was does not hang the build). `kerning: false` skips GPOS.
 */
export function readFontFile(file: string, opts: { kerning?: boolean } = {}): FontFile {
  const wanted = new Set(['head', 'hhea', 'hmtx', 'cmap', ...(opts.kerning === false ? [] : ['GPOS'])]);
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new Error(`${file} is not a regular file`);
    if (st.size > MAX_FONT_BYTES) throw new Error(`${file} is larger than a font (${st.size} bytes)`);
    const read = (offset: number, length: number): DataView => {
      const buf = Buffer.alloc(Math.max(0, Math.min(length, st.size - offset)));
      for (let at = 0; at < buf.length; ) {
        const n = readSync(fd, buf, at, buf.length - at, offset + at);
        if (n === 0) break;
        at += n;
      }
      return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    };
    const header = read(0, 12);
    const count = header.getUint16(4);
    const dir = read(12, count * 16);
    const tables = new Map<string, DataView>();
    for (let i = 0; i < count; i++) {
      const tag = String.fromCharCode(dir.getUint8(i * 16), dir.getUint8(i * 16 + 1), dir.getUint8(i * 16 + 2), dir.getUint8(i * 16 + 3));
      if (wanted.has(tag)) tables.set(tag, read(dir.getUint32(i * 16 + 8), dir.getUint32(i * 16 + 12)));
    }
    return parseTables(tables, file);
  } finally {
    closeSync(fd);
  }
}

function parseTables(tables: Map<string, DataView>, file: string): FontFile {
  const need = (tag: string): DataView => {
    const t = tables.get(tag);
    if (!t) throw new Error(`${file} has no '${tag}' table`);
    return t;
  };
  const unitsPerEm = need('head').getUint16(18) || 1000;
  const numberOfHMetrics = need('hhea').getUint16(34);
  const hmtx = need('hmtx');
  const glyph = readCmap(need('cmap'), 0) ?? (() => 0);
  const gpos = tables.get('GPOS');
  const kern = gpos ? readKerning(gpos) : () => 0;
  return {
    glyph,
    advance: (g) => hmtx.getUint16(4 * Math.min(g, numberOfHMetrics - 1)) / unitsPerEm,
    kern: (a, b) => kern(a, b) / unitsPerEm,
  };
}

/** Pair adjustments (lookup type 2, also behind type 9 extensions) of the GPOS `kern` feature. */
function readKerning(gpos: DataView): (a: number, b: number) => number {
  const features = gpos.getUint16(6);
  const lookups = gpos.getUint16(8);
  const indices = new Set<number>();
  for (let i = 0, n = gpos.getUint16(features); i < n; i++) {
    const rec = features + 2 + i * 6;
    const tag = String.fromCharCode(gpos.getUint8(rec), gpos.getUint8(rec + 1), gpos.getUint8(rec + 2), gpos.getUint8(rec + 3));
    if (tag !== 'kern') continue;
    const feature = features + gpos.getUint16(rec + 4);
    for (let k = 0, m = gpos.getUint16(feature + 2); k < m; k++) indices.add(gpos.getUint16(feature + 4 + k * 2));
  }
  const subtables: number[][] = [...indices]
    .sort((x, y) => x - y)
    .map((index) => {
      const lookup = lookups + gpos.getUint16(lookups + 2 + index * 2);
      const type = gpos.getUint16(lookup);
      const out: number[] = [];
      for (let s = 0, n = gpos.getUint16(lookup + 4); s < n; s++) {
        const sub = lookup + gpos.getUint16(lookup + 6 + s * 2);
        if (type === 2) out.push(sub);
        else if (type === 9 && gpos.getUint16(sub + 2) === 2) out.push(sub + gpos.getUint32(sub + 4));
      }
      return out;
    });
  const cache = new Map<number, number>();
  return (a, b) => {
    const key = a * 65536 + b;
    let v = cache.get(key);
    if (v === undefined) {
      v = 0;
      for (const subs of subtables) {
        for (const sub of subs) {
          const found = pairAdjustment(gpos, sub, a, b);
          if (found !== undefined) {
            v += found;
            break;
          }
        }
      }
      cache.set(key, v);
    }
    return v;
  };
}

/** The XAdvance of the first glyph for the pair, or undefined where this subtable does not apply. */
function pairAdjustment(t: DataView, sub: number, a: number, b: number): number | undefined {
  const format = t.getUint16(sub);
  const coverage = coverageIndex(t, sub + t.getUint16(sub + 2), a);
  if (coverage < 0) return undefined;
  const vf1 = t.getUint16(sub + 4);
  const vf2 = t.getUint16(sub + 6);
  const size1 = 2 * popcount(vf1);
  const size2 = 2 * popcount(vf2);
  const xAdvance = (at: number) => (vf1 & 4 ? t.getInt16(at + 2 * popcount(vf1 & 3)) : 0);
  if (format === 1) {
    const set = sub + t.getUint16(sub + 10 + coverage * 2);
    const recSize = 2 + size1 + size2;
    let lo = 0;
    let hi = t.getUint16(set) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const rec = set + 2 + mid * recSize;
      const second = t.getUint16(rec);
      if (b < second) hi = mid - 1;
      else if (b > second) lo = mid + 1;
      else return xAdvance(rec + 2);
    }
    return undefined;
  }
  if (format === 2) {
    const c1 = classOf(t, sub + t.getUint16(sub + 8), a);
    const c2 = classOf(t, sub + t.getUint16(sub + 10), b);
    const class2Count = t.getUint16(sub + 14);
    return xAdvance(sub + 16 + (c1 * class2Count + c2) * (size1 + size2));
  }
  return undefined;
}

function coverageIndex(t: DataView, at: number, g: number): number {
  const format = t.getUint16(at);
  const n = t.getUint16(at + 2);
  let lo = 0;
  let hi = n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (format === 1) {
      const v = t.getUint16(at + 4 + mid * 2);
      if (g < v) hi = mid - 1;
      else if (g > v) lo = mid + 1;
      else return mid;
    } else {
      const rec = at + 4 + mid * 6;
      if (g < t.getUint16(rec)) hi = mid - 1;
      else if (g > t.getUint16(rec + 2)) lo = mid + 1;
      else return t.getUint16(rec + 4) + g - t.getUint16(rec);
    }
  }
  return -1;
}

function classOf(t: DataView, at: number, g: number): number {
  if (t.getUint16(at) === 1) {
    const start = t.getUint16(at + 2);
    const n = t.getUint16(at + 4);
    return g >= start && g < start + n ? t.getUint16(at + 6 + (g - start) * 2) : 0;
  }
  let lo = 0;
  let hi = t.getUint16(at + 2) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const rec = at + 4 + mid * 6;
    if (g < t.getUint16(rec)) hi = mid - 1;
    else if (g > t.getUint16(rec + 2)) lo = mid + 1;
    else return t.getUint16(rec + 4);
  }
  return 0;
}

function popcount(v: number): number {
  let n = 0;
  for (let x = v & 0xff; x; x >>= 1) n += x & 1;
  return n;
}
