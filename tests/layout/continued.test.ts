/**
 * A bullet list too long for one slide (issue 13) goes on on follow-on slides titled with the
 * locale's "(cont.)", instead of shrinking below the theme's minimum: the slides, their numbers,
 * notes, sections and the manifest follow the deck's slides.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { bulletRuns } from '../../src/layout/kinds/continued.js';
import type { TextElement } from '../../src/layout/types.js';
import type { Manifest } from '../../src/manifest/manifest.js';
import { layOut } from './lay-out.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURE = path.join(ROOT, 'tests/fixtures/continued/deck.yaml');

const texts = (els: readonly { type: string }[]) => els.filter((e): e is TextElement => e.type === 'text');
const body = (els: readonly { type: string }[]) => texts(els).find((e) => e.name === 'bullets');
const title = (els: readonly { type: string }[]) => texts(els).find((e) => e.name === 'title')?.paragraphs[0]?.text;

describe('bulletRuns', () => {
  it('keeps a list that fits, and a single bullet, as one run', () => {
    expect(bulletRuns([1, 2, 3], () => true)).toEqual([[1, 2, 3]]);
    expect(bulletRuns([1], () => false)).toEqual([[1]]);
  });

  it('cuts a list into runs as long as still fit, a bullet that fits nowhere a run of its own', () => {
    const fits = (run: readonly number[]) => run.reduce((a, b) => a + b, 0) <= 5;
    expect(bulletRuns([2, 2, 2, 1, 9, 1], fits)).toEqual([[2, 2], [2, 1], [9], [1]]);
  });
});

describe('a bullets slide too long for one slide', () => {
  it('goes on on a follow-on slide titled “(cont.)”, every bullet once and in order, at one size no smaller than the floor, without a warning', async () => {
    const { plan, diagnostics } = await layOut(FIXTURE);
    expect(diagnostics).toEqual([]);
    const parts = plan.slides.filter((s) => s.from === 3);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((s) => s.part)).toEqual(parts.map((_, i) => i));
    expect(parts.map((s) => title(s.elements))).toEqual(['二十條要點', ...parts.slice(1).map(() => '二十條要點（續）')]);
    const bodies = parts.map((s) => body(s.elements) as TextElement);
    expect(bodies.flatMap((b) => b.paragraphs.map((p) => p.text))).toEqual(Array.from({ length: 20 }, (_, i) => expect.stringMatching(new RegExp(`^第${i + 1}條：`))));
    expect(new Set(bodies.map((b) => b.size))).toEqual(new Set([14]));
    expect(plan.slides.map((s) => s.index)).toEqual(plan.slides.map((_, i) => i));
    // The notes go with the first part only; every part has the frame (source line, footer) of its kind.
    expect(parts.map((s) => s.notes)).toEqual(['只在第一張。', ...parts.slice(1).map(() => undefined)]);
    expect(plan.slides.at(-1)?.notes).toBe('短清單的備忘。');
  });

  it.each([
    ['en-US', '二十條要點 (cont.)'],
    ['zh-CN', '二十條要點（续）'],
    ['ja', '二十條要點（続き）'],
  ])('says “(cont.)” in the deck’s language: %s', async (lang, expected) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-continued-lang-'));
    const file = path.join(dir, 'deck.yaml');
    await writeFile(file, (await readFile(FIXTURE, 'utf8')).replace('lang: zh-TW', `lang: ${lang}`));
    const { plan } = await layOut(file);
    expect(title(plan.slides.find((s) => s.from === 3 && s.part === 1)?.elements ?? [])).toBe(expected);
  });

  it('writes the deck with its follow-on slides: slide numbers, notes, sections and the manifest follow the deck’s slides', async () => {
    const out = path.join(await mkdtemp(path.join(os.tmpdir(), 'briefdeck-continued-')), 'deck.pptx');
    const built = await buildDeck({ outline: FIXTURE, out, cwd: ROOT });
    expect(built.diagnostics).toEqual([]);
    const plan = built.plan!;
    const n = plan.slides.length;
    expect(n).toBeGreaterThan(6);
    const zip = unzipSync(built.pptx!);
    const slide = (i: number) => strFromU8(zip[`ppt/slides/slide${i}.xml`] as Uint8Array);
    expect(Object.keys(zip).filter((k) => /^ppt\/slides\/slide\d+\.xml$/.test(k))).toHaveLength(n);
    // A numbered slide's number is its place in the deck.
    for (const s of plan.slides.filter((x) => x.numbered))
      expect(slide(s.index + 1), `slide ${s.index + 1}`).toMatch(new RegExp(`<a:fld [^>]*type="slidenum"[^>]*>[\\s\\S]*?<a:t>${s.index + 1}</a:t>`));
    // Notes: the first part's slide and the last slide have them; a follow-on slide none.
    const notesOf = (i: number) => {
      const rels = strFromU8(zip[`ppt/slides/_rels/slide${i}.xml.rels`] as Uint8Array);
      const target = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)?.[1];
      return target ? strFromU8(zip[`ppt/notesSlides/${target}`] as Uint8Array) : '';
    };
    const first = plan.slides.find((s) => s.from === 3 && s.part === 0)!;
    const follow = plan.slides.find((s) => s.from === 3 && s.part === 1)!;
    expect(notesOf(first.index + 1)).toContain('只在第一張。');
    expect(notesOf(follow.index + 1)).not.toContain('只在第一張。');
    expect(notesOf(n)).toContain('短清單的備忘。');
    // The second section starts at its section slide, after the follow-on slides.
    const presentation = strFromU8(zip['ppt/presentation.xml'] as Uint8Array);
    const ids = [...presentation.matchAll(/<p:sldId id="(\d+)"/g)].map((m) => m[1]);
    const sections = [...presentation.matchAll(/<p14:section name="([^"]*)"[^>]*>([\s\S]*?)<\/p14:section>/g)].map((m) => ({
      name: m[1],
      ids: [...(m[2] ?? '').matchAll(/id="(\d+)"/g)].map((x) => x[1]),
    }));
    const second = plan.slides.findIndex((s) => s.from === 4);
    expect(sections.map((s) => s.name)).toEqual(['開場', '很長的清單', '之後的一節']);
    expect(sections[2]?.ids[0]).toBe(ids[second]);
    expect(sections.flatMap((s) => s.ids)).toEqual(ids);
    // The agenda lists the two sections, once each.
    const agenda = texts(plan.slides[1]!.elements)
      .filter((e) => e.name.startsWith('agenda item'))
      .map((e) => e.paragraphs[0]?.text);
    expect(agenda).toEqual(['很長的清單', '之後的一節']);
    // The manifest has a slide for every slide of the deck, with its own hash.
    const manifest = JSON.parse(await readFile(out.replace(/\.pptx$/, '.manifest.json'), 'utf8')) as Manifest;
    expect(manifest.slides.map((s) => s.number)).toEqual(plan.slides.map((s) => s.index + 1));
    expect(manifest.slides[follow.index]?.title).toBe('二十條要點（續）');
    expect(manifest.slides.at(-1)?.title).toBe('短清單');
    expect(new Set(manifest.slides.map((s) => s.hash)).size).toBe(n);
    // Built again, nothing changed.
    const again = await buildDeck({ outline: FIXTURE, out, cwd: ROOT });
    expect(again.report).toMatchObject({ changed: [], added: [], removed: [], unchanged: n });
  });

  it('numbers the slides after it as the deck does in its messages (a title too long there says the slide PowerPoint shows)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-continued-'));
    const outline = path.join(dir, 'deck.yaml');
    const long = '這是一個非常非常長的標題，長到在投影片上要排成三行以上才放得下'.repeat(4);
    await writeFile(outline, `${await readFile(FIXTURE, 'utf8')}  - layout: bullets\n    title: ${long}\n    bullets: [一條]\n`);
    const { plan, diagnostics } = await layOut(outline);
    const last = plan.slides.at(-1)!;
    expect(last.index).toBeGreaterThan(last.from);
    const warned = diagnostics.filter((d) => d.code === 'LAYOUT_TITLE_LINES');
    expect(warned.map((d) => d.message.split(':')[0])).toEqual([`slide ${last.index + 1} (bullets)`]);
  });
});
