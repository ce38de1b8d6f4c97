import { zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { naturalCompare } from '../../src/pptx/opc/parts.js';
import { finishPackage } from '../../src/pptx/finish/finish.js';
import { readZip } from '../../src/pptx/zip/zip-read.js';
import { writeZip } from '../../src/pptx/zip/zip-write.js';
import { buildGalleryDeck, buildLogoDeck, buildTextDeck, FINISH_OPTIONS, makePng } from '../pptx/decks.js';

/**
 * writeZip writes the zip container itself (so that a rebuild need not deflate again the parts
 * it deflated last time); its bytes must stay those of fflate's zipSync, which it replaced.
 */
function zipWithFflate(entries: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const mtime = new Date(1980, 0, 1, 0, 0, 0);
  const stored = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'xlsx', 'docx', 'pptx', 'mp4', 'm4v', 'mp3', 'woff', 'woff2']);
  const order = (a: string, b: string) => (a === b ? 0 : a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : naturalCompare(a, b));
  const zippable: Zippable = {};
  for (const name of [...entries.keys()].sort(order)) {
    const data = entries.get(name);
    if (!data) continue;
    zippable[name] = [data, { level: stored.has(name.slice(name.lastIndexOf('.') + 1).toLowerCase()) ? 0 : 9, mtime }];
  }
  return zipSync(zippable, { level: 9, mtime });
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe('writeZip', () => {
  it.each([
    ['a text deck', () => buildTextDeck(8)],
    ['the chart gallery (embedded workbooks, stored media)', () => buildGalleryDeck()],
    ['a logo deck', () => buildLogoDeck(5, makePng(32, 32))],
  ])('writes the bytes fflate zipSync wrote: %s', async (_, build) => {
    const parts = readZip(await finishPackage(await build(), FINISH_OPTIONS));
    expect(same(writeZip(parts), zipWithFflate(parts))).toBe(true);
    // again, the parts' deflated bytes now remembered
    expect(same(writeZip(parts), zipWithFflate(parts))).toBe(true);
  });

  it('with non-ASCII names, empty parts, parts that change between writes', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    const parts = new Map<string, Uint8Array>([
      ['ppt/slides/slide10.xml', text('<a>十</a>'.repeat(50))],
      ['ppt/slides/slide2.xml', text('<a>二</a>'.repeat(50))],
      ['ppt/media/圖片.png', makePng(8, 8)],
      ['docProps/空的.xml', new Uint8Array(0)],
      ['[Content_Types].xml', text('<Types/>')],
    ]);
    expect(same(writeZip(parts), zipWithFflate(parts))).toBe(true);
    parts.set('ppt/slides/slide2.xml', text('<a>貳</a>'.repeat(50)));
    expect(same(writeZip(parts), zipWithFflate(parts))).toBe(true);
    expect(new TextDecoder().decode(readZip(writeZip(parts)).get('ppt/slides/slide2.xml'))).toBe('<a>貳</a>'.repeat(50));
  });
});
