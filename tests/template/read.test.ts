import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTemplate } from '../../src/load/template/read-template.js';
import type { Template } from '../../src/load/template/template.js';
import { libreOfficeTemplate, minimalTemplateBytes } from './fixtures.js';

function read(bytes: Uint8Array, file = '/project/brand.potx'): Template {
  const r = readTemplate(bytes, file);
  expect(r.diagnostics).toEqual([]);
  return r.value as Template;
}

const round = (n: number | undefined) => (n === undefined ? undefined : Math.round(n * 100) / 100);

describe('readTemplate on a hand-made template', () => {
  const t = read(minimalTemplateBytes({ slide: { w: 10, h: 7.5 }, fonts: { majorLatin: 'Georgia', minorLatin: 'Verdana', minorEastAsian: 'Noto Sans CJK TC' }, colors: { accent1: 'c00000' } }));

  it('takes the slide size from p:sldSz', () => {
    expect(t.slide).toEqual({ w: 10, h: 7.5 });
  });

  it('lists the layouts of the master in sldLayoutIdLst order, with names and types', () => {
    expect(t.masters).toHaveLength(1);
    expect(t.masters[0]?.layouts.map((l) => [l.name, l.type])).toEqual([
      ['Title Slide', 'title'],
      ['Title and Content', 'obj'],
      ['Section Header', 'secHead'],
      ['Two Content', 'twoObj'],
      ['Comparison', 'twoTxTwoObj'],
      ['Title Only', 'titleOnly'],
      ['Blank', 'blank'],
    ]);
    expect(t.masters[0]?.layouts[1]?.part).toBe('ppt/slideLayouts/slideLayout2.xml');
    expect(t.masters[0]?.themePart).toBe('ppt/theme/theme1.xml');
  });

  it('gives a content placeholder without a type the type obj, and idx 0 where idx is absent', () => {
    const content = t.masters[0]?.layouts[1]?.placeholders;
    expect(content?.map((p) => [p.type, p.idx, p.name])).toEqual([
      ['title', 0, 'Title 1'],
      ['obj', 1, 'Content Placeholder 2'],
    ]);
  });

  it("inherits a box from the master's placeholder of the same type (title → title, obj → body) when the layout gives none", () => {
    const [title, body] = t.masters[0]?.layouts[1]?.placeholders ?? [];
    const master = t.masters[0]?.placeholders ?? [];
    expect(title?.box).toEqual(master.find((p) => p.type === 'title')?.box);
    expect(body?.box).toEqual(master.find((p) => p.type === 'body')?.box);
    expect(round(body?.box?.y)).toBe(1.99);
    // Its own box wins.
    const sub = t.masters[0]?.layouts[0]?.placeholders.find((p) => p.type === 'subTitle');
    expect([sub?.box?.x, sub?.box?.y, sub?.box?.w, sub?.box?.h].map(round)).toEqual([1.67, 3.94, 10, 1.81]);
  });

  it('reads theme colours (srgbClr, and sysClr by its lastClr) uppercase, and fonts with their East Asian typefaces', () => {
    expect(t.theme.colors.accent1).toBe('C00000');
    expect(t.theme.colors.dk1).toBe('000000');
    expect(t.theme.colors.lt1).toBe('FFFFFF');
    expect(Object.keys(t.theme.colors)).toHaveLength(12);
    expect(t.theme.fonts).toEqual({ major: { latin: 'Georgia', eastAsian: '' }, minor: { latin: 'Verdana', eastAsian: 'Noto Sans CJK TC' } });
  });

  it('keeps every part of the package for finish', () => {
    expect([...t.parts.keys()]).toContain('ppt/slideMasters/slideMaster1.xml');
    expect(t.parts.get('ppt/presentation.xml')?.length).toBeGreaterThan(100);
    expect(t.file).toBe('/project/brand.potx');
  });
});

describe.each(['Focus', 'Vivid'])("readTemplate on LibreOffice's %s template, converted by soffice", (name) => {
  const file = libreOfficeTemplate(name);

  it.skipIf(!file)('follows presentation → every master (LibreOffice writes one a master page) → its 12 layouts, with its theme', () => {
    const t = read(readFileSync(file as string), file as string);
    const listed = (new TextDecoder().decode(t.parts.get('ppt/presentation.xml')).match(/<p:sldMasterId /g) ?? []).length;
    expect(listed).toBeGreaterThanOrEqual(1);
    expect(t.masters.map((m) => m.layouts.length)).toEqual(Array(listed).fill(12));
    expect(t.masters.map((m) => m.themePart)).toEqual(t.masters.map((_, i) => `ppt/theme/theme${i + 1}.xml`));
    expect(new Set(t.masters.flatMap((m) => m.layouts.map((l) => l.part))).size).toBe(12 * listed);
    const names = t.masters[0]?.layouts.map((l) => l.name);
    expect(names).toContain('Title Slide');
    expect(names).toContain('Title, Content');
    expect(names).toContain('Title Only');
    // 16:9 at LibreOffice's 28 × 15.75 cm.
    expect(round(t.slide.w)).toBe(11.02);
    expect(round(t.slide.h)).toBe(6.2);
  });

  it.skipIf(!file)('reads the content placeholder (no type in the XML) as obj, and every title and content placeholder has a box inside the slide', () => {
    const t = read(readFileSync(file as string), file as string);
    const content = t.masters[0]?.layouts.find((l) => l.name === 'Title, Content');
    expect(content?.placeholders.map((p) => p.type)).toEqual(expect.arrayContaining(['title', 'obj']));
    for (const layout of t.masters.flatMap((m) => m.layouts)) {
      for (const ph of layout.placeholders.filter((p) => ['title', 'obj', 'subTitle', 'body'].includes(p.type))) {
        expect(ph.box, `${layout.part} ${ph.name}`).toBeDefined();
        const b = ph.box as NonNullable<typeof ph.box>;
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.y).toBeGreaterThanOrEqual(0);
        expect(b.x + b.w).toBeLessThanOrEqual(t.slide.w + 0.01);
        expect(b.y + b.h).toBeLessThanOrEqual(t.slide.h + 0.01);
      }
    }
  });

  it.skipIf(!file)("inherits the footer's box from the master where the layout's spPr is empty", () => {
    const t = read(readFileSync(file as string), file as string);
    const master = t.masters[0];
    const ftr = master?.layouts[0]?.placeholders.find((p) => p.type === 'ftr');
    expect(ftr?.box).toBeDefined();
    expect(ftr?.box).toEqual(master?.placeholders.find((p) => p.type === 'ftr')?.box);
  });

  it.skipIf(!file)("reads the theme's scheme colours and fonts", () => {
    const t = read(readFileSync(file as string), file as string);
    for (const v of Object.values(t.theme.colors)) expect(v).toMatch(/^[0-9A-F]{6}$/);
    expect(t.theme.fonts.major.latin).not.toBe('');
    expect(t.theme.fonts.minor.latin).not.toBe('');
  });
});
