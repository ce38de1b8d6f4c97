import { describe, expect, it, vi } from 'vitest';

// Counts fflate's deflate calls, to see which parts a zip deflates.
const deflates = vi.hoisted(() => ({ count: 0 }));
vi.mock('fflate', async (importOriginal) => {
  const fflate = await importOriginal<typeof import('fflate')>();
  return {
    ...fflate,
    deflateSync: (...args: Parameters<typeof fflate.deflateSync>) => {
      deflates.count++;
      return fflate.deflateSync(...args);
    },
  };
});

const { createDeflateCache, deflateAhead, writeZip } = await import('../../src/pptx/zip/zip-write.js');
const { readZip } = await import('../../src/pptx/zip/zip-read.js');

const text = (s: string) => new TextEncoder().encode(s);

describe('deflating ahead (done while the pictures are drawn)', () => {
  it('leaves the zip only the parts added or changed since', () => {
    const parts = new Map<string, Uint8Array>(Array.from({ length: 20 }, (_, k) => [`ppt/slides/slide${k + 1}.xml`, text(`<p:sld n="${k}">${'<a:t>ahead</a:t>'.repeat(40)}</p:sld>`)]));
    const cache = createDeflateCache();
    deflateAhead(parts, cache);
    parts.set('ppt/slides/_rels/slide1.xml.rels', text('<Relationships>added after</Relationships>'));
    parts.set('ppt/media/image-1-1.png', text('stored, never deflated'));
    deflates.count = 0;
    const zip = writeZip(parts, cache);
    expect(deflates.count).toBe(1);
    const unzipped = readZip(zip);
    expect([...unzipped.keys()].sort()).toEqual([...parts.keys()].sort());
    for (const [name, bytes] of parts) expect(Buffer.from(unzipped.get(name)!).equals(Buffer.from(bytes))).toBe(true);
  });

  it('is what the caller keeps: another cache, or none, deflates every part again, with the same bytes', () => {
    const parts = new Map<string, Uint8Array>(Array.from({ length: 6 }, (_, k) => [`ppt/slides/slide${k + 1}.xml`, text(`<p:sld n="${k}">${'<a:t>kept</a:t>'.repeat(40)}</p:sld>`)]));
    const kept = createDeflateCache();
    const first = writeZip(parts, kept);
    deflates.count = 0;
    expect(Buffer.from(writeZip(parts, kept)).equals(Buffer.from(first))).toBe(true);
    expect(deflates.count).toBe(0);
    expect(Buffer.from(writeZip(parts, createDeflateCache())).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(writeZip(parts)).equals(Buffer.from(first))).toBe(true);
    expect(deflates.count).toBe(12);
  });

  it('holds no more than its limit', () => {
    const cache = createDeflateCache(4096);
    writeZip(new Map(Array.from({ length: 10 }, (_, k) => [`ppt/slides/slide${k + 1}.xml`, text(`<p:sld n="${k}">${'x'.repeat(1000)}</p:sld>`)])), cache);
    expect(cache.bytes).toBeLessThanOrEqual(4096);
    expect(cache.entries.size).toBeGreaterThan(0);
  });
});
