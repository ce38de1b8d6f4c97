import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Layout } from '../../src/load/outline/schema.js';
import { LAYOUT_KIND_ORDER, mapLayouts } from '../../src/load/template/map-layouts.js';
import { readTemplate } from '../../src/load/template/read-template.js';
import type { Template } from '../../src/load/template/template.js';
import { type LayoutSpec, libreOfficeTemplate, type MinimalTemplateOptions, minimalTemplateBytes, POWERPOINT_LAYOUTS } from './fixtures.js';

function template(opts: MinimalTemplateOptions = {}): Template {
  const r = readTemplate(minimalTemplateBytes(opts), '/project/brand.potx');
  expect(r.diagnostics).toEqual([]);
  return r.value as Template;
}

/** kind → [layout name, how] for every kind. */
function table(t: Template, overrides: Partial<Record<Layout, string>> = {}) {
  const { mappings, diagnostics } = mapLayouts(t, LAYOUT_KIND_ORDER, overrides);
  return { map: Object.fromEntries(mappings.map((m) => [m.kind, [m.layout.name, m.how]])), diagnostics };
}

/** PowerPoint's layouts under names nobody would guess, without their layout type. */
function anonymous(...names: (keyof typeof POWERPOINT_LAYOUTS)[]): LayoutSpec[] {
  return names.map((n, i) => ({ name: `Layout ${String.fromCharCode(65 + i)}`, placeholders: POWERPOINT_LAYOUTS[n].placeholders }));
}

describe('mapLayouts', () => {
  it("maps every kind to PowerPoint's layouts by their English names", () => {
    const { map, diagnostics } = table(template());
    expect(map).toEqual({
      title: ['Title Slide', 'name'],
      section: ['Section Header', 'name'],
      agenda: ['Title and Content', 'name'],
      bullets: ['Title and Content', 'name'],
      sources: ['Title and Content', 'name'],
      comparison: ['Comparison', 'name'],
      chart: ['Title Only', 'name'],
      figures: ['Title Only', 'name'],
      timeline: ['Title Only', 'name'],
      takeaways: ['Title Only', 'name'],
      quote: ['Title Only', 'name'],
      changes: ['Title and Content', 'name'],
    });
    expect(diagnostics).toEqual([]);
  });

  it('finds them by their placeholder types when the names and layout types say nothing', () => {
    const t = template({ layouts: anonymous('Blank', 'Title Only', 'Comparison', 'Two Content', 'Section Header', 'Title and Content', 'Title Slide') });
    const { map, diagnostics } = table(t);
    // A: Blank, B: Title Only, C: Comparison, D: Two Content, E: Section Header, F: Title and Content, G: Title Slide.
    expect(map.title).toEqual(['Layout G', 'placeholders']);
    expect(map.section).toEqual(['Layout E', 'placeholders']);
    expect(map.bullets).toEqual(['Layout F', 'placeholders']);
    expect(map.comparison).toEqual(['Layout C', 'placeholders']);
    expect(map.chart).toEqual(['Layout B', 'placeholders']);
    expect(diagnostics).toEqual([]);
  });

  it('prefers a layout of the right layout type over the first one whose placeholders fit', () => {
    const [twoContent, comparisonLike] = anonymous('Two Content', 'Two Content');
    const t = template({ layouts: ['Title Only', twoContent as LayoutSpec, { ...(comparisonLike as LayoutSpec), type: 'twoObj' }] });
    expect(table(t).map.comparison).toEqual(['Layout B', 'placeholders']);
  });

  it('does not take a name whose placeholders do not serve the kind', () => {
    // A "Title Slide" without a title placeholder is not one.
    const t = template({ layouts: [{ name: 'Title Slide', placeholders: [{ type: 'subTitle', idx: 1 }] }, ...anonymous('Title Slide')] });
    expect(table(t).map.title).toEqual(['Layout A', 'placeholders']);
  });

  it('falls back to the nearest layout, with a warning naming the kind and the layout, when a kind has none', () => {
    const t = template({ layouts: ['Title and Content', 'Blank'] });
    const { mappings, diagnostics } = mapLayouts(t, ['title', 'section', 'bullets', 'comparison', 'chart']);
    expect(Object.fromEntries(mappings.map((m) => [m.kind, [m.layout.name, m.how]]))).toEqual({
      title: ['Title and Content', 'fallback'],
      section: ['Title and Content', 'fallback'],
      bullets: ['Title and Content', 'name'],
      comparison: ['Title and Content', 'fallback'],
      // Title and content: a canvas kind draws inside the content area.
      chart: ['Title and Content', 'placeholders'],
    });
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['TEMPLATE_LAYOUT_FALLBACK', 'warning'],
      ['TEMPLATE_LAYOUT_FALLBACK', 'warning'],
      ['TEMPLATE_LAYOUT_FALLBACK', 'warning'],
    ]);
    expect(diagnostics[1]?.message).toMatch(/section slides.*'Title and Content'/);
  });

  it('falls back to a section from a title slide, and to the first layout when none has a title', () => {
    expect(table(template({ layouts: ['Title Slide', 'Title Only'] })).map.section).toEqual(['Title Slide', 'fallback']);
    const { map, diagnostics } = table(template({ layouts: ['Blank'] }));
    for (const kind of LAYOUT_KIND_ORDER) expect(map[kind]).toEqual(['Blank', 'fallback']);
    expect(diagnostics).toHaveLength(LAYOUT_KIND_ORDER.length);
  });

  it('maps only the kinds it is given, each once', () => {
    const { mappings } = mapLayouts(template(), ['bullets', 'chart', 'bullets']);
    expect(mappings.map((m) => m.kind)).toEqual(['bullets', 'chart']);
  });

  it('takes the layout templateLayouts names, ignoring case and spacing', () => {
    const { map, diagnostics } = table(template(), { chart: 'title and content', bullets: 'Two  Content' });
    expect(map.chart).toEqual(['Title and Content', 'outline']);
    expect(map.bullets).toEqual(['Two Content', 'outline']);
    expect(diagnostics).toEqual([]);
  });

  it('refuses an override naming no layout, located at its entry, with a suggestion or the list of names', () => {
    const at = { file: '/project/deck.yaml', range: [10, 20] as const };
    const { mappings, diagnostics } = mapLayouts(template(), ['chart', 'quote'], { chart: 'Title Onyl', quote: 'Big Quote' }, { override: () => at });
    expect(mappings).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.severity, d.source])).toEqual([
      ['TEMPLATE_UNKNOWN_LAYOUT', 'error', at],
      ['TEMPLATE_UNKNOWN_LAYOUT', 'error', at],
    ]);
    expect(diagnostics[0]?.hint).toBe("did you mean 'Title Only'?");
    expect(diagnostics[1]?.hint).toMatch(/'Title Slide', 'Title and Content', .*'Blank'/);
  });

  it("uses the first master's layouts, and another master's only when an override names it", () => {
    const t = template();
    const first = t.masters[0] as Template['masters'][number];
    const second = {
      ...first,
      part: 'ppt/slideMasters/slideMaster2.xml',
      layouts: [{ ...(first.layouts[5] as Template['masters'][number]['layouts'][number]), name: 'Dark Title Only', part: 'ppt/slideLayouts/slideLayout99.xml' }],
    };
    // The second master's layout comes first in the list, and would fit as well: it is not taken.
    const two: Template = { ...t, masters: [first, { ...second, layouts: [...second.layouts] }] };
    expect(mapLayouts(two, ['chart']).mappings[0]?.layout.part).toBe('ppt/slideLayouts/slideLayout6.xml');
    const named = mapLayouts(two, ['chart'], { chart: 'Dark Title Only' });
    expect(named.mappings[0]?.layout.part).toBe('ppt/slideLayouts/slideLayout99.xml');
    expect(named.mappings[0]?.how).toBe('outline');
  });

  it('maps the same on a 4:3 template, whose boxes are its own', () => {
    const t = template({ slide: { w: 10, h: 7.5 } });
    expect(t.slide).toEqual({ w: 10, h: 7.5 });
    expect(table(t).map).toEqual(table(template()).map);
  });
});

describe.each(['Focus', 'Vivid'])("mapLayouts on LibreOffice's %s template", (name) => {
  const file = libreOfficeTemplate(name);

  it.skipIf(!file)("maps by LibreOffice's layout names, and falls back for a section (LibreOffice has no section layout)", () => {
    const r = readTemplate(readFileSync(file as string), file as string);
    const t = r.value as Template;
    const { map, diagnostics } = table(t);
    expect(map).toEqual({
      title: ['Title Slide', 'name'],
      section: ['Title Slide', 'fallback'],
      agenda: ['Title, Content', 'name'],
      bullets: ['Title, Content', 'name'],
      sources: ['Title, Content', 'name'],
      comparison: ['Title, 2 Content', 'name'],
      chart: ['Title Only', 'name'],
      figures: ['Title Only', 'name'],
      timeline: ['Title Only', 'name'],
      takeaways: ['Title Only', 'name'],
      quote: ['Title Only', 'name'],
      changes: ['Title, Content', 'name'],
    });
    expect(diagnostics.map((d) => d.code)).toEqual(['TEMPLATE_LAYOUT_FALLBACK']);
    // The title and section slides on the master of the template's first example slide (its
    // busy cover), the content on its last example slide's master (its calm one).
    const masterOf = (part: string | undefined) => t.masters.findIndex((m) => m.layouts.some((l) => l.part === part));
    expect(t.examples.length).toBeGreaterThan(1);
    const cover = masterOf(t.examples[0]);
    const content = masterOf(t.examples.at(-1));
    expect(content).not.toBe(cover);
    const { mappings } = mapLayouts(t, LAYOUT_KIND_ORDER);
    for (const m of mappings) expect(masterOf(m.layout.part), m.kind).toBe(m.kind === 'title' || m.kind === 'section' ? cover : content);
  });

  it.skipIf(!file)('gives every mapped layout a title placeholder with a box, and a content box for the list and two-column kinds', () => {
    const t = readTemplate(readFileSync(file as string), file as string).value as Template;
    const { mappings } = mapLayouts(t, LAYOUT_KIND_ORDER);
    for (const m of mappings) {
      const title = m.layout.placeholders.find((p) => p.type === 'title' || p.type === 'ctrTitle');
      expect(title?.box, m.kind).toBeDefined();
      const contents = m.layout.placeholders.filter((p) => p.type === 'obj' || p.type === 'body');
      if (m.kind === 'bullets') expect(contents).toHaveLength(1);
      if (m.kind === 'comparison') expect(contents).toHaveLength(2);
      for (const c of contents) expect(c.box, `${m.kind} ${c.name}`).toBeDefined();
    }
  });
});
