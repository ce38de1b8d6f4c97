import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { readSourceBytes } from '../../load/read-source.js';
import { readCmap } from '../../text/font-cmap.js';

/**
 * Advance widths read from a TrueType/OpenType file's `cmap` and `hmtx` tables, so chart layout
 * and ECharts measure text with the metrics of the font resvg will draw it with. Without this,
 * ECharts guesses (every non-ASCII character 1 em, Latin from a built-in table), and long labels
 * get clipped or overlap. Kerning is ignored: it moves Latin text by a pixel or two at most.
 */
export interface FontMetrics {
  /** Width in CSS pixels of `text` set at `sizePx`. */
  width(text: string, sizePx: number): number;
  /** Whether the font has a glyph for the code point (its cmap maps it to a glyph other than .notdef). */
  covers(codePoint: number): boolean;
}

/** Measures text in the chart font: `bold` picks the bold file's metrics. */
export type Measure = (text: string, sizePx: number, bold?: boolean) => number;

/** Font files are a few MB (a CJK weight ~7 MB); the theme loader refuses larger ones too. */
const MAX_FONT_BYTES = 64 * 1024 * 1024;

/** The tables the metrics come from: a CJK font's are well under 1 MB of its 7. */
const METRIC_TABLES = new Set(['head', 'hhea', 'hmtx', 'cmap']);

/**
 * Reads the metrics of a TTF/OTF file. Synchronous for the planning stage and `check`: the file
 * is opened once, only a regular file no larger than a font is read, from that descriptor, and
 * only the tables the metrics need (the rest of the buffer stays zero).
 */
export function loadFontMetrics(file: string): FontMetrics {
  // Non-blocking, so a FIFO put where the font was does not hang the open; fstat then refuses it.
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new Error(`${file} is not a regular file`);
    if (st.size > MAX_FONT_BYTES) throw new Error(`${file} is larger than a font (${st.size} bytes)`);
    const buf = Buffer.alloc(st.size);
    const readAt = (offset: number, length: number) => {
      const end = Math.min(offset + length, buf.length);
      for (let at = offset; at < end; ) {
        const n = readSync(fd, buf, at, end - at, at);
        if (n === 0) break;
        at += n;
      }
    };
    readAt(0, 12);
    const numTables = buf.readUInt16BE(4);
    readAt(12, numTables * 16);
    for (let i = 0; i < numTables; i++) {
      const rec = 12 + i * 16;
      if (rec + 16 > buf.length) break;
      if (METRIC_TABLES.has(buf.toString('latin1', rec, rec + 4))) readAt(buf.readUInt32BE(rec + 8), buf.readUInt32BE(rec + 12));
    }
    return parseFontMetrics(buf);
  } finally {
    closeSync(fd);
  }
}

/** Reads the metrics of a TTF/OTF file through the guarded reader (`readSourceBytes`), as the drawer does. */
export async function readFontMetrics(file: string): Promise<FontMetrics> {
  const dir = path.dirname(file);
  const read = await readSourceBytes(file, 'TEMPLATE', undefined, { maxBytes: MAX_FONT_BYTES, within: [dir], withinName: `the font's folder ${dir}` });
  if (!read.ok) throw new Error(read.diagnostic.message);
  return parseFontMetrics(read.bytes);
}

/** Font metrics by file, kept by whoever draws (a drawer, a chart thread) for as long as it draws. */
export interface FontMetricsCache {
  /** The metrics of `file`, read again when its size or modification time changed. */
  get(file: string): FontMetrics;
  /** The same, read through the guarded reader (for the drawer, which may wait). */
  load(file: string): Promise<FontMetrics>;
}

/**
 * A `FontMetricsCache` in memory. A font file replaced under the same name (a watch loop) is
 * read again: stale metrics would lay out the labels for the old font.
 */
export function createFontMetricsCache(): FontMetricsCache {
  const byFile = new Map<string, { stamp: string; metrics: FontMetrics }>();
  return {
    get(file) {
      const stamp = stampOf(file);
      const known = byFile.get(file);
      if (known?.stamp === stamp) return known.metrics;
      const metrics = loadFontMetrics(file);
      byFile.set(file, { stamp, metrics });
      return metrics;
    },
    async load(file) {
      const stamp = stampOf(file);
      const known = byFile.get(file);
      if (known?.stamp === stamp) return known.metrics;
      const metrics = await readFontMetrics(file);
      byFile.set(file, { stamp, metrics });
      return metrics;
    },
  };
}

function stampOf(file: string): string {
  const { size, mtimeMs } = statSync(file);
  return `${size}:${mtimeMs}`;
}

/** A `Measure` over a regular and a bold font file. */
export function measureWith(regular: FontMetrics, bold: FontMetrics): Measure {
  return (text, sizePx, isBold = false) => (isBold ? bold : regular).width(text, sizePx);
}

/**
 * The characters of `texts` that some font in `fonts` has no glyph for, each once, in order of
 * first appearance. White space is not drawn, so it needs no glyph.
 */
export function missingGlyphs(texts: Iterable<string>, fonts: readonly FontMetrics[]): string[] {
  const missing = new Set<string>();
  const seen = new Set<string>();
  for (const text of texts) {
    for (const ch of text) {
      if (seen.has(ch)) continue;
      seen.add(ch);
      const cp = ch.codePointAt(0) ?? 0;
      if (/\s/u.test(ch) || cp < 0x20) continue;
      if (fonts.some((f) => !f.covers(cp))) missing.add(ch);
    }
  }
  return [...missing];
}

export function parseFontMetrics(buf: Uint8Array): FontMetrics {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const tables = new Map<string, number>();
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    const tag = String.fromCharCode(buf[rec] ?? 0, buf[rec + 1] ?? 0, buf[rec + 2] ?? 0, buf[rec + 3] ?? 0);
    tables.set(tag, view.getUint32(rec + 8));
  }
  const table = (tag: string): number => {
    const off = tables.get(tag);
    if (off === undefined) throw new Error(`font has no '${tag}' table`);
    return off;
  };
  const unitsPerEm = view.getUint16(table('head') + 18);
  const numberOfHMetrics = view.getUint16(table('hhea') + 34);
  const hmtx = table('hmtx');
  const advanceOf = (glyph: number): number => view.getUint16(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1));
  const glyphOf = readCmap(view, table('cmap'));
  if (!glyphOf) throw new Error('font has no Unicode cmap subtable');
  const widths = new Map<number, number>();
  const advance = (cp: number): number => {
    let w = widths.get(cp);
    if (w === undefined) {
      w = advanceOf(glyphOf(cp)) / unitsPerEm;
      widths.set(cp, w);
    }
    return w;
  };
  return {
    width(text, sizePx) {
      let em = 0;
      for (const ch of text) {
        const cp = ch.codePointAt(0) ?? 0;
        if (cp === 0x0a) continue;
        em += advance(cp);
      }
      return em * sizePx;
    },
    covers: (cp) => glyphOf(cp) !== 0,
  };
}
