import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { chartProject } from './project.js';

async function parts(lang: string): Promise<Record<string, string>> {
  const result = await buildDeck({ outline: chartProject(lang, ['Alpha', 'Beta'], { native: true }), write: false });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const files = unzipSync(result.pptx as Uint8Array);
  return Object.fromEntries(
    Object.entries(files)
      .filter(([name]) => name.endsWith('.xml'))
      .map(([name, bytes]) => [name, strFromU8(bytes)]),
  );
}

describe.each(['en-US', 'ja-JP'])('a %s deck', (lang) => {
  it("says the deck's lang in every lang attribute of every part: master, layouts, notes, theme, native chart", async () => {
    const xml = await parts(lang);
    const found = new Map<string, Set<string>>();
    for (const [name, text] of Object.entries(xml)) {
      for (const m of text.matchAll(/\slang="([^"]*)"/g)) {
        const values = found.get(name) ?? new Set<string>();
        values.add(m[1] as string);
        found.set(name, values);
      }
    }
    for (const part of ['ppt/slideMasters/slideMaster1.xml', 'ppt/slideLayouts/slideLayout1.xml', 'ppt/notesMasters/notesMaster1.xml', 'ppt/notesSlides/notesSlide2.xml', 'ppt/slides/slide3.xml']) {
      expect(found.has(part), part).toBe(true);
    }
    expect([...found.keys()].some((p) => /^ppt\/charts\/chart\d+\.xml$/.test(p))).toBe(true);
    for (const [part, values] of found) expect([part, [...values]]).toEqual([part, [lang]]);
  });
});
