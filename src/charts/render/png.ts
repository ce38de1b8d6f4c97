import { constants, deflateSync } from 'node:zlib';
import { crc32 } from '../../pptx/zip/crc32.js';

/**
 * Opaque RGBA pixels as an 8-bit palette PNG, when they use at most 256 colours; `undefined`
 * otherwise. A chart drawn in a few theme colours has ~60–200 distinct colours even with
 * anti-aliasing, so this is lossless, and about a third the size of resvg's RGBA PNG (which
 * a .pptx's deflate barely shrinks). The palette is in order of first appearance: same pixels,
 * same bytes.
 */
export function palettePng(rgba: Uint8Array, width: number, height: number): Uint8Array | undefined {
  const index = new Map<number, number>();
  const rows = new Uint8Array(height * (width + 1));
  // One 32-bit word a pixel; the palette is looked up only where the colour changes (runs are long).
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice();
  const words = new Uint32Array(aligned.buffer, aligned.byteOffset, width * height);
  const bytes = Buffer.from(aligned.buffer, aligned.byteOffset, width * height * 4);
  const opaque = new Uint8Array(new Uint32Array([0xff000000]).buffer)[3] === 0xff ? 0xff000000 : 0x000000ff;
  const rowBytes = width * 4;
  let last = -1;
  let lastIndex = 0;
  // Each row stored as its difference from the row above (PNG filter 2, "up"): the edges of
  // bars and text repeat from row to row, so this deflates ~10 % smaller than the indices.
  let above = new Uint8Array(width);
  let current = new Uint8Array(width);
  for (let y = 0; y < height; y++) {
    let o = y * (width + 1);
    rows[o++] = 2;
    // A row like the one above (a third of a chart's rows: margins, bars) differs by zeros.
    if (y > 0 && bytes.compare(bytes, y * rowBytes, (y + 1) * rowBytes, (y - 1) * rowBytes, y * rowBytes) === 0) continue;
    for (let x = 0, i = y * width; x < width; x++, o++, i++) {
      const word = words[i] as number;
      if (word !== last) {
        if ((word & opaque) >>> 0 !== opaque >>> 0) return undefined;
        let n = index.get(word);
        if (n === undefined) {
          if (index.size === 256) return undefined;
          n = index.size;
          index.set(word, n);
        }
        last = word;
        lastIndex = n;
      }
      current[x] = lastIndex;
      rows[o] = (lastIndex - (above[x] as number)) & 0xff;
    }
    [above, current] = [current, above];
  }
  const palette = new Uint8Array(index.size * 3);
  // The keys are the pixels' own bytes read as words, in order of first appearance (= index).
  const colours = new Uint8Array(new Uint32Array([...index.keys()]).buffer);
  for (let n = 0; n < index.size; n++) palette.set(colours.subarray(n * 4, n * 4 + 3), n * 3);
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 3, 0, 0, 0], 8); // 8 bits, palette, deflate, adaptive filtering, no interlace
  return concat([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', palette),
    // Runs only (Z_RLE): measured on the default deck's charts, a fifth of level 6's time
    // (7 ms instead of 32 for five charts) for 7 % more bytes; rows of palette indices are
    // mostly runs of one colour, which is all RLE looks for.
    chunk('IDAT', deflateSync(rows, { level: 9, strategy: constants.Z_RLE })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
