import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeTemplate, formatTemplateDescription, type TemplateDescription } from '../../src/load/template/describe-template.js';
import { LAYOUT_KINDS } from '../../src/layout/registry.js';
import { readTemplate } from '../../src/load/template/read-template.js';
import type { Template } from '../../src/load/template/template.js';
import { hasCompiledCli, spawnCli } from '../cli/spawn-cli.js';
import { libreOfficeTemplate, minimalTemplate, minimalTemplateBytes } from './fixtures.js';

const GOLDEN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');

/** Compares with the golden file; `UPDATE_GOLDEN=1` rewrites it after an intended change. */
function golden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const minimal = () => readTemplate(minimalTemplateBytes(), '/anywhere/minimal.potx').value as Template;

describe('template inspect', () => {
  it("prints a hand-made template's masters, layouts, placeholders, theme and mapping as the golden file says", () => {
    golden('minimal.txt', formatTemplateDescription(describeTemplate(minimal())));
  });

  it('says what is missing: the kinds that fall back, and East Asian fonts', () => {
    const t = readTemplate(minimalTemplateBytes({ layouts: ['Title Slide', 'Title and Content'] }), '/x/two.potx').value as Template;
    const text = formatTemplateDescription(describeTemplate(t));
    golden('two-layouts.txt', text);
    expect(text).toMatch(/^ {2}section: no layout with a title and one text placeholder \("Section Header"\); uses 'Title Slide'$/m);
    expect(text).toMatch(/^ {2}chart +→ 'Title and Content' +ppt\/slideLayouts\/slideLayout2\.xml +\(by its placeholders\)$/m);
    const withFonts = readTemplate(minimalTemplateBytes({ fonts: { majorEastAsian: '游ゴシック', minorEastAsian: '游ゴシック' } }), '/x/ja.potx').value as Template;
    expect(describeTemplate(withFonts).missing).toEqual([]);
    expect(formatTemplateDescription(describeTemplate(withFonts))).toMatch(/^missing: nothing$/m);
  });

  it('rounds boxes to two decimals and keeps the structure in JSON', () => {
    const d = describeTemplate(minimal());
    expect(d.slide).toEqual({ w: 13.33, h: 7.5 });
    expect(d.masters[0]?.layouts[0]?.placeholders[0]).toEqual({ type: 'ctrTitle', idx: 0, name: 'Title 1', box: { x: 1.67, y: 1.23, w: 10, h: 2.61 } });
    expect(d.kinds.find((k) => k.kind === 'comparison')).toEqual({ kind: 'comparison', layout: 'Comparison', part: 'ppt/slideLayouts/slideLayout5.xml', how: 'name' });
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });

  const focus = libreOfficeTemplate('Focus');
  it.skipIf(!focus)("describes LibreOffice's Focus template: every master and layout, the mapping, the missing section layout", () => {
    // Not a golden file: what soffice writes (names, boxes) is its version's, not ours.
    const t = readTemplate(readFileSync(focus as string), focus as string).value as Template;
    const d = describeTemplate(t);
    expect(d.masters.length).toBe(t.masters.length);
    expect(d.masters.flatMap((m) => m.layouts).length).toBe(12 * t.masters.length);
    expect(d.kinds.map((k) => k.kind)).toHaveLength(Object.keys(LAYOUT_KINDS).length);
    // Its East Asian theme font is DejaVu Sans, which has no ideographs.
    expect(d.missing).toEqual([
      'section: no layout with a title and one text placeholder ("Section Header"); uses \'Title Slide\'',
      "East Asian theme fonts: none sets Chinese, Japanese or Korean (a CJK deck is set in the briefdeck theme's, with TEMPLATE_NO_EAST_ASIAN_FONT)",
    ]);
    const text = formatTemplateDescription(d);
    expect(text).toMatch(/^template Focus\.potx$/m);
    expect(text).toMatch(/^slide size 11\.02 × 6\.20 in \(16:9\)$/m);
    expect(text).toMatch(/^ {2}layout 1\.3 {2}'Title, Content' {2}type obj {2}ppt\/slideLayouts\/slideLayout3\.xml$/m);
    expect(text).toMatch(/^ {4}obj +idx 0 +'PlaceHolder 2' +at \d+\.\d\d, \d+\.\d\d {2}size \d+\.\d\d × \d+\.\d\d$/m);
    expect(text.split('\n').filter((l) => /^ {2}layout \d+\.\d+ /.test(l))).toHaveLength(12 * t.masters.length);
  });
});

describe('briefdeck template inspect (the compiled CLI)', () => {
  const TIMEOUT = 30_000;
  const run = (args: string[]) => spawnCli(args, { timeoutMs: TIMEOUT });

  it(
    'prints the golden text for a template, and JSON with --format json',
    (ctx) => {
      if (!hasCompiledCli()) return ctx.skip();
      const file = minimalTemplate();
      const text = run(['template', 'inspect', file]);
      expect(text.status, text.stderr).toBe(0);
      expect(text.stdout).toBe(readFileSync(path.join(GOLDEN, 'minimal.txt'), 'utf8'));
      const json = run(['template', 'inspect', file, '--format', 'json']);
      expect(json.status, json.stderr).toBe(0);
      const d = JSON.parse(json.stdout) as TemplateDescription;
      expect(d.file).toBe('minimal.potx');
      expect(d.kinds.map((k) => k.kind)).toHaveLength(Object.keys(LAYOUT_KINDS).length);
    },
    TIMEOUT * 2,
  );

  it(
    'exits 1 with a located message for a file that is not a template, and for a missing one',
    (ctx) => {
      if (!hasCompiledCli()) return ctx.skip();
      const bad = run(['template', 'inspect', minimalTemplate({ corrupt: 'not-zip' }, 'brand.potx')]);
      expect(bad.status).toBe(1);
      expect(bad.stderr).toMatch(/brand\.potx {2}error {2}brand\.potx is not a \.potx or \.pptx.*TEMPLATE_NOT_ZIP/);
      const json = run(['template', 'inspect', minimalTemplate({ corrupt: 'bad-layout' }), '--format', 'json']);
      expect(json.status).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject([{ code: 'TEMPLATE_BAD_PART', severity: 'error' }]);
      const missing = run(['template', 'inspect', 'no/such/brand.potx']);
      expect(missing.status).toBe(1);
      expect(missing.stderr).toMatch(/TEMPLATE_FILE_NOT_FOUND/);
    },
    TIMEOUT * 3,
  );

  it(
    'exits 2 on bad usage: no command, an unknown one, no file',
    (ctx) => {
      if (!hasCompiledCli()) return ctx.skip();
      for (const [args, text] of [
        [['template'], /try: briefdeck template inspect FILE/],
        [['template', 'show'], /unknown command 'show'/],
        [['template', 'inspect'], /missing required argument 'file'/],
        [['template', 'inspect', 'a.potx', '--format', 'xml'], /'xml' is invalid/],
      ] as const) {
        const r = run([...args]);
        expect(r.status, args.join(' ')).toBe(2);
        expect(r.stderr).toMatch(text);
      }
    },
    TIMEOUT * 4,
  );
});
