import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkOutline } from '../../src/check.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { readTemplate } from '../../src/load/template/read-template.js';
import { hasCompiledCli, spawnCli } from '../cli/spawn-cli.js';
import { type MinimalTemplateOptions, minimalTemplateBytes } from './fixtures.js';

const FILE = '/project/brand.potx';

function codes(bytes: Uint8Array): Diagnostic[] {
  const r = readTemplate(bytes, FILE);
  expect(r.value).toBeUndefined();
  return r.diagnostics;
}

/** The minimal template with some parts replaced (a string) or removed (null). */
function edited(edits: Record<string, string | null>, opts: MinimalTemplateOptions = {}): Uint8Array {
  const files = unzipSync(minimalTemplateBytes(opts));
  for (const [name, text] of Object.entries(edits)) {
    if (text === null) delete files[name];
    else files[name] = strToU8(text);
  }
  return zipSync(files);
}

describe('readTemplate refuses a bad file with a located error', () => {
  it.each([
    ['not-zip', 'TEMPLATE_NOT_ZIP', /brand\.potx is not a \.potx or \.pptx: it is not a zip package/],
    ['truncated', 'TEMPLATE_NOT_ZIP', /not a zip package/],
    ['not-presentation', 'TEMPLATE_NOT_PRESENTATION', /not a PowerPoint presentation or template \(its main part is word\/document\.xml\)/],
    ['encrypted', 'TEMPLATE_ENCRYPTED', /protected with a password/],
    ['no-layouts', 'TEMPLATE_NO_LAYOUTS', /has no slide layouts/],
    ['bad-layout', 'TEMPLATE_BAD_PART', /brand\.potx: ppt\/slideLayouts\/slideLayout1\.xml does not parse: .*\(line \d+, column \d+ of the part\)/],
  ] as const)('%s: %s', (corrupt, code, message) => {
    const [d, ...rest] = codes(minimalTemplateBytes({ corrupt }));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code, severity: 'error', source: { file: FILE } });
    expect(d?.message).toMatch(message);
    expect(d?.hint).toBeTruthy();
  });

  it('refuses a zip whose entries declare more than it may unpack (a zip bomb) before unpacking them', () => {
    const bytes = minimalTemplateBytes().slice();
    const view = new DataView(bytes.buffer);
    // Every central-directory entry (PK 01 02) claims to unpack to almost 4 GB.
    for (let at = 0; at + 46 <= bytes.length; at++) if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 0xfffffff0, true);
    const [d] = codes(bytes);
    expect(d).toMatchObject({ code: 'TEMPLATE_TOO_LARGE', source: { file: FILE } });
    expect(d?.message).toMatch(/unpacks to \d+ MB; briefdeck reads templates of up to 1024 MB unpacked/);
  });

  it('tells an old binary .pot/.ppt (an OLE file without an encrypted package) from an encrypted one', () => {
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(codes(ole)).toMatchObject([{ code: 'TEMPLATE_NOT_PRESENTATION', message: expect.stringMatching(/PowerPoint 97–2003/) }]);
  });

  it('names the part when a relationship leads to a part the file lacks', () => {
    const [d] = codes(edited({ 'ppt/slideLayouts/slideLayout3.xml': null }));
    expect(d).toMatchObject({ code: 'TEMPLATE_BAD_PART' });
    expect(d?.message).toBe('brand.potx: ppt/slideMasters/slideMaster1.xml lists the slide layout ppt/slideLayouts/slideLayout3.xml, which is not in the file');
  });

  it('names the part when a master has no theme, a part is not UTF-8, or holds the wrong root element', () => {
    const master = new TextDecoder().decode(unzipSync(minimalTemplateBytes())['ppt/slideMasters/_rels/slideMaster1.xml.rels']);
    const withoutTheme = master.replace(/<Relationship [^>]*theme1\.xml"\/>/, '');
    expect(codes(edited({ 'ppt/slideMasters/_rels/slideMaster1.xml.rels': withoutTheme }))[0]?.message).toMatch(/ppt\/slideMasters\/slideMaster1\.xml names no theme/);
    const files = unzipSync(minimalTemplateBytes());
    files['ppt/theme/theme1.xml'] = new Uint8Array([0x3c, 0xff, 0xfe, 0x3e]);
    expect(codes(zipSync(files))[0]?.message).toMatch(/ppt\/theme\/theme1\.xml is not UTF-8 text/);
    expect(codes(edited({ 'ppt/slideLayouts/slideLayout2.xml': '<p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>' }))[0]?.message).toMatch(
      /slideLayout2\.xml is not a sldLayout part: its root element is <p:sld>/,
    );
  });

  it('refuses a package with no main part, and a presentation.xml that does not parse', () => {
    expect(codes(edited({ '_rels/.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>' }))).toMatchObject([{ code: 'TEMPLATE_NOT_PRESENTATION' }]);
    expect(codes(edited({ 'ppt/presentation.xml': '<p:presentation' }))).toMatchObject([{ code: 'TEMPLATE_BAD_PART', message: expect.stringMatching(/ppt\/presentation\.xml does not parse/) }]);
  });

  it('reads a slide size it cannot use as the default 10 × 7.5 in, and an odd idx as 0', () => {
    const p = new TextDecoder().decode(unzipSync(minimalTemplateBytes())['ppt/presentation.xml']).replace(/<p:sldSz [^>]*\/>/, '<p:sldSz cx="-5" cy="abc"/>');
    expect(readTemplate(edited({ 'ppt/presentation.xml': p }), FILE).value?.slide).toEqual({ w: 10, h: 7.5 });
  });

  it('never throws on random bytes, truncated or damaged zips: a template or diagnostics with TEMPLATE_ codes', () => {
    const good = minimalTemplateBytes();
    const check = (bytes: Uint8Array) => {
      const r = readTemplate(bytes, FILE);
      expect(r.value !== undefined || r.diagnostics.length > 0).toBe(true);
      for (const d of r.diagnostics) expect(d.code).toMatch(/^TEMPLATE_/);
    };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => check(bytes)),
      { numRuns: 200, seed: 17 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: good.length }), (n) => check(good.subarray(0, n))),
      { numRuns: 200, seed: 17 },
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: good.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (flips) => {
        const bytes = good.slice();
        for (const [at, value] of flips) bytes[at] = value;
        check(bytes);
      }),
      { numRuns: 300, seed: 17 },
    );
  });
});

/** A project folder with an outline naming `brand.potx` (written from `bytes`, when given). */
function project(deck: string, slides: string, bytes?: Uint8Array): { dir: string; outline: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-template-check-'));
  mkdirSync(path.join(dir, 'outline'));
  const outline = path.join(dir, 'outline', 'deck.yaml');
  writeFileSync(outline, `deck:\n  title: Template check\n  date: "2025-03-10"\n${deck}slides:\n${slides}`);
  if (bytes) writeFileSync(path.join(dir, 'outline', 'brand.potx'), bytes);
  return { dir, outline };
}

const SLIDES = '  - layout: section\n    title: Part one\n  - layout: bullets\n    title: Points\n    bullets: [one, two]\n';

/** Where `needle` is in the outline's text: the [start, end) a diagnostic there carries. */
function rangeOf(text: string, needle: string): [number, number] {
  const start = text.indexOf(needle);
  return [start, start + needle.length];
}

describe('check reports template problems at the outline', () => {
  it("says at the template: line which slides' text no longer fits the template's smaller placeholders", async () => {
    const bullets = Array.from({ length: 7 }, (_, i) => `Point ${i + 1}: a bullet long enough to need most of a line on briefdeck's own layout`);
    const slides = `  - layout: bullets\n    title: Fits on ours\n    bullets: ${JSON.stringify(bullets)}\n  - layout: bullets\n    title: Short\n    bullets: [one, two]\n`;
    // A "Title and Content" whose body is a strip two inches high: the long list cannot fit there.
    const cramped = {
      name: 'Title and Content',
      type: 'obj',
      placeholders: [
        { type: 'title', name: 'Title 1', box: [0.9, 0.4, 11.5, 1.2] },
        { idx: 1, name: 'Content 2', box: [0.9, 1.8, 11.5, 2] },
      ],
    } as const;
    const roomy = project('  lang: en-US\n  template: brand.potx\n', slides, minimalTemplateBytes());
    const tight = project('  lang: en-US\n  template: brand.potx\n', slides, minimalTemplateBytes({ layouts: ['Title Slide', cramped] }));
    const own = await checkOutline({ outline: roomy.outline, cwd: roomy.dir });
    expect(own.diagnostics.map((d) => d.code)).not.toContain('TEMPLATE_TEXT_DOES_NOT_FIT');
    const { diagnostics, texts } = await checkOutline({ outline: tight.outline, cwd: tight.dir });
    const misfit = diagnostics.filter((d) => d.code === 'TEMPLATE_TEXT_DOES_NOT_FIT');
    expect(misfit).toHaveLength(1);
    expect(misfit[0]?.source).toEqual({ file: tight.outline, range: rangeOf(texts.get(tight.outline) as string, 'brand.potx') });
    // Bullets that do not fit go on on "(cont.)" slides: on the strip, on more of them than on ours.
    expect(misfit[0]?.message).toMatch(/slide 1 \(bullets\) continues on \d+ more slides?/);
    expect(misfit[0]?.message).not.toContain('slide 2');
  });

  it('names a slide whose text overflows only on the template (a kind without follow-on slides)', async () => {
    const points = Array.from({ length: 4 }, (_, i) => `{ heading: Point ${i + 1}, text: "A sentence or two about this point, long enough to need its card's room on briefdeck's own layout." }`);
    const slides = `  - layout: takeaways\n    title: Conclusions\n    points: [${points.join(', ')}]\n`;
    // A "Title Only" whose title reaches far down: little room is left below it for the cards.
    const tall = { name: 'Title Only', type: 'titleOnly', placeholders: [{ type: 'title', name: 'Title 1', box: [0.9, 0.4, 11.5, 5] }] } as const;
    const roomy = project('  lang: en-US\n  template: brand.potx\n', slides, minimalTemplateBytes());
    const tight = project('  lang: en-US\n  template: brand.potx\n', slides, minimalTemplateBytes({ layouts: ['Title Slide', tall] }));
    expect((await checkOutline({ outline: roomy.outline, cwd: roomy.dir })).diagnostics.map((d) => d.code)).not.toContain('TEMPLATE_TEXT_DOES_NOT_FIT');
    const { diagnostics } = await checkOutline({ outline: tight.outline, cwd: tight.dir });
    expect(diagnostics.map((d) => d.code)).toContain('LAYOUT_OVERFLOW');
    expect(diagnostics.find((d) => d.code === 'TEMPLATE_TEXT_DOES_NOT_FIT')?.message).toMatch(/: slide 1 \(takeaways\)$/);
  });

  it("locates a fallback and a CJK deck's missing East Asian fonts at the template: line, as warnings", async () => {
    const p = project('  lang: zh-TW\n  template: brand.potx\n', SLIDES, minimalTemplateBytes({ layouts: ['Title Slide', 'Title and Content'] }));
    const { diagnostics, texts } = await checkOutline({ outline: p.outline, cwd: p.dir });
    const at = { file: p.outline, range: rangeOf(texts.get(p.outline) as string, 'brand.potx') };
    const template = diagnostics.filter((d) => d.code.startsWith('TEMPLATE_'));
    expect(template).toMatchObject([
      { code: 'TEMPLATE_LAYOUT_FALLBACK', severity: 'warning', source: at, message: expect.stringMatching(/no layout for section slides.*'Title Slide'/) },
      { code: 'TEMPLATE_NO_EAST_ASIAN_FONT', severity: 'warning', source: at, message: expect.stringMatching(/zh-TW/) },
    ]);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('says nothing for an English deck on a template that has every layout', async () => {
    const p = project('  lang: en-US\n  template: brand.potx\n', SLIDES, minimalTemplateBytes());
    const { diagnostics } = await checkOutline({ outline: p.outline, cwd: p.dir });
    expect(diagnostics.filter((d) => d.code.startsWith('TEMPLATE_'))).toEqual([]);
  });

  it("warns when the theme's East Asian font does not set CJK (LibreOffice's DejaVu Sans), naming the font the deck uses instead", async () => {
    const p = project('  lang: zh-TW\n  template: brand.potx\n', SLIDES, minimalTemplateBytes({ fonts: { majorEastAsian: 'DejaVu Sans', minorEastAsian: 'DejaVu Sans' } }));
    const { diagnostics } = await checkOutline({ outline: p.outline, cwd: p.dir });
    const [d] = diagnostics.filter((x) => x.code === 'TEMPLATE_NO_EAST_ASIAN_FONT');
    expect(d?.message).toMatch(
      /names no East Asian font that sets Chinese \(headings 'DejaVu Sans', body 'DejaVu Sans'\), and the deck is in zh-TW: its Chinese text is set in '[^']+', the briefdeck theme's East Asian font/,
    );
    expect(d?.message).not.toMatch(/set in 'DejaVu Sans'/);
  });

  it('is quiet about East Asian fonts when the theme has them', async () => {
    const p = project('  lang: ja\n  template: brand.potx\n', SLIDES, minimalTemplateBytes({ fonts: { majorEastAsian: 'Yu Gothic', minorEastAsian: 'Yu Gothic' } }));
    const { diagnostics } = await checkOutline({ outline: p.outline, cwd: p.dir });
    expect(diagnostics.map((d) => d.code)).not.toContain('TEMPLATE_NO_EAST_ASIAN_FONT');
  });

  it('locates an unknown templateLayouts name at its value, and file errors at the template: line', async () => {
    const p = project('  lang: en-US\n  template: brand.potx\n  templateLayouts: { bullets: "Titel and Content" }\n', SLIDES, minimalTemplateBytes());
    const r = await checkOutline({ outline: p.outline, cwd: p.dir });
    const text = r.texts.get(p.outline) as string;
    expect(r.diagnostics).toMatchObject([
      { code: 'TEMPLATE_UNKNOWN_LAYOUT', severity: 'error', source: { file: p.outline, range: rangeOf(text, '"Titel and Content"') }, hint: "did you mean 'Title and Content'?" },
    ]);

    const bad = project('  template: brand.potx\n', SLIDES, minimalTemplateBytes({ corrupt: 'bad-layout' }));
    const b = await checkOutline({ outline: bad.outline, cwd: bad.dir });
    expect(b.diagnostics).toMatchObject([{ code: 'TEMPLATE_BAD_PART', source: { file: bad.outline, range: rangeOf(b.texts.get(bad.outline) as string, 'brand.potx') } }]);
    expect(b.diagnostics[0]?.message).toMatch(/^brand\.potx: ppt\/slideLayouts\/slideLayout1\.xml does not parse/);
  });

  it('refuses a templateLayouts key that is no layout kind, suggesting the kind', async () => {
    const p = project('  template: brand.potx\n  templateLayouts: { bulets: "Title Only" }\n', SLIDES, minimalTemplateBytes());
    const r = await checkOutline({ outline: p.outline, cwd: p.dir });
    expect(r.diagnostics).toMatchObject([{ code: 'OUTLINE_UNKNOWN_KEY', source: { range: rangeOf(r.texts.get(p.outline) as string, 'bulets') }, hint: "did you mean 'bullets'?" }]);
  });

  it('refuses a template that is missing or outside the outline folder, at the template: line', async () => {
    const missing = project('  template: brnad.potx\n', SLIDES, minimalTemplateBytes());
    const m = await checkOutline({ outline: missing.outline, cwd: missing.dir });
    expect(m.diagnostics).toMatchObject([{ code: 'TEMPLATE_FILE_NOT_FOUND', source: { range: rangeOf(m.texts.get(missing.outline) as string, 'brnad.potx') }, hint: "did you mean 'brand.potx'?" }]);
    const outside = project('  template: ../brand.potx\n', SLIDES);
    writeFileSync(path.join(outside.dir, 'brand.potx'), minimalTemplateBytes());
    const o = await checkOutline({ outline: outside.outline, cwd: outside.dir });
    expect(o.diagnostics).toMatchObject([{ code: 'TEMPLATE_PATH_OUTSIDE_PROJECT' }]);
  });

  it('takes --template over deck.template, from any path, with problems located at that file', async () => {
    const p = project('  lang: zh-CN\n  template: brand.potx\n', SLIDES, minimalTemplateBytes({ fonts: { majorEastAsian: 'SimHei', minorEastAsian: 'SimSun' } }));
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-elsewhere-'));
    const other = path.join(elsewhere, 'other.potx');
    writeFileSync(other, minimalTemplateBytes({ layouts: ['Title Only', 'Title and Content'] }));
    const r = await checkOutline({ outline: p.outline, cwd: p.dir, template: other });
    expect(r.diagnostics.map((d) => [d.code, d.source?.file])).toEqual([
      ['TEMPLATE_LAYOUT_FALLBACK', other],
      ['TEMPLATE_NO_EAST_ASIAN_FONT', other],
    ]);
    const corrupt = path.join(elsewhere, 'corrupt.potx');
    writeFileSync(corrupt, minimalTemplateBytes({ corrupt: 'encrypted' }));
    expect((await checkOutline({ outline: p.outline, cwd: p.dir, template: corrupt })).diagnostics).toMatchObject([{ code: 'TEMPLATE_ENCRYPTED', source: { file: corrupt } }]);
  });
});

describe('the compiled CLI with a bad template', () => {
  const TIMEOUT = 60_000;

  it(
    'check --template exits 1 at a corrupt template and 0 with only fallback warnings; build writes nothing over the deck there',
    (ctx) => {
      if (!hasCompiledCli()) return ctx.skip();
      const p = project('  lang: en-US\n', SLIDES);
      const corrupt = path.join(p.dir, 'corrupt.potx');
      writeFileSync(corrupt, minimalTemplateBytes({ corrupt: 'no-layouts' }));
      const bad = spawnCli(['check', p.outline, '--template', corrupt], { cwd: p.dir, timeoutMs: TIMEOUT });
      expect(bad.status, bad.stderr).toBe(1);
      expect(bad.stderr).toMatch(/corrupt\.potx {2}error {2}corrupt\.potx has no slide layouts.*TEMPLATE_NO_LAYOUTS/);

      const few = path.join(p.dir, 'few.potx');
      writeFileSync(few, minimalTemplateBytes({ layouts: ['Title Only', 'Title and Content'] }));
      const ok = spawnCli(['check', p.outline, '--template', few, '--format', 'json'], { cwd: p.dir, timeoutMs: TIMEOUT });
      expect(ok.status, ok.stderr).toBe(0);
      expect(JSON.parse(ok.stdout)).toContainEqual(expect.objectContaining({ code: 'TEMPLATE_LAYOUT_FALLBACK', severity: 'warning', file: few }));

      const deck = path.join(p.dir, 'deck.pptx');
      writeFileSync(deck, 'the deck already there');
      const build = spawnCli(['build', p.outline, '-o', deck, '--template', corrupt], { cwd: p.dir, timeoutMs: TIMEOUT });
      expect(build.status, build.stderr).toBe(1);
      expect(build.stderr).toMatch(/TEMPLATE_NO_LAYOUTS/);
      expect(readFileSync(deck, 'utf8')).toBe('the deck already there');
    },
    TIMEOUT * 3,
  );
});
