import { describe, expect, it } from 'vitest';
import { DEFAULT_FRAMES } from '../../src/layout/frame.js';
import { slotPlaceholder, templateFrames } from '../../src/layout/template-frame.js';
import type { Box } from '../../src/layout/types.js';
import { LAYOUT_KIND_ORDER, mapLayouts } from '../../src/load/template/map-layouts.js';
import { readTemplate } from '../../src/load/template/read-template.js';
import type { Template } from '../../src/load/template/template.js';
import { type LayoutSpec, type MinimalTemplateOptions, minimalTemplateBytes } from '../template/fixtures.js';

/** PowerPoint's Title and Content with the footer row, which takes the master's boxes (6.95 in down). */
const WITH_FOOTERS: LayoutSpec = {
  name: 'Title and Content',
  type: 'obj',
  placeholders: [{ type: 'title' }, { idx: 1 }, { type: 'dt', idx: 2 }, { type: 'ftr', idx: 3 }, { type: 'sldNum', idx: 4 }],
};
const LAYOUTS = ['Title Slide', WITH_FOOTERS, 'Section Header', 'Two Content', 'Title Only'] as const;

function framesOf(opts: MinimalTemplateOptions = {}) {
  const template = readTemplate(minimalTemplateBytes(opts), '/project/brand.potx').value as Template;
  const { mappings } = mapLayouts(template, LAYOUT_KIND_ORDER);
  return { template, mappings, frames: templateFrames(template, mappings) };
}
const bottom = (b: Box) => b.y + b.h;
const near = (a: Box, b: Box) => (['x', 'y', 'w', 'h'] as const).every((k) => Math.abs(a[k] - b[k]) < 1e-9);

describe('templateFrames', () => {
  it("puts the title, the bullets and the footer row in the mapped layout's placeholders", () => {
    const { frames, mappings } = framesOf({ layouts: LAYOUTS });
    const layout = mappings.find((m) => m.kind === 'bullets')?.layout;
    expect(layout?.name).toBe('Title and Content');
    const box = (type: string) => layout?.placeholders.find((p) => p.type === type)?.box as Box;
    const f = frames.bullets;
    expect(near(f.title, box('title'))).toBe(true);
    // The master's body reaches 6.75 in, its footer row starts at 6.95: room for the source line stays.
    expect(f.body.y).toBeCloseTo(box('obj').y, 9);
    expect(bottom(f.body)).toBeLessThanOrEqual(6.95 - 0.4 + 1e-9);
    expect(near(f.footer, box('ftr'))).toBe(true);
    expect(near(f.slideNumber, box('sldNum'))).toBe(true);
    const source = f.source(true);
    expect(source.y).toBeGreaterThanOrEqual(bottom(f.content));
    // Between the content and the footer row, across the content's width.
    expect(bottom(source)).toBeLessThanOrEqual(f.footer.y + 1e-9);
    expect(source.w).toBeCloseTo(f.content.w, 9);
    expect(f).toMatchObject({ dark: false, marks: false });
    expect(f.textScale).toBeCloseTo(1, 4);
  });

  it('spans the content area over both halves of a two-content layout, and below the title of a title-only one', () => {
    const { frames, mappings } = framesOf({ layouts: LAYOUTS });
    expect(mappings.find((m) => m.kind === 'comparison')?.layout.name).toBe('Two Content');
    expect(frames.comparison.content.x).toBeCloseTo(0.92, 9);
    expect(frames.comparison.content.x + frames.comparison.content.w).toBeCloseTo(6.75 + 5.67, 9);
    const chart = frames.chart;
    expect(mappings.find((m) => m.kind === 'chart')?.layout.name).toBe('Title Only');
    expect(chart.content.y).toBeGreaterThan(bottom(chart.title));
    // Title Only has no footer row of its own: briefdeck's (6.78 in down) is kept free.
    expect(bottom(chart.content)).toBeLessThanOrEqual(6.78 - 0.4 + 1e-9);
  });

  it('cuts placeholders made for a wider slide to a 4:3 one, and scales the text sizes down', () => {
    const { frames } = framesOf({ slide: { w: 10, h: 7.5 } });
    for (const kind of LAYOUT_KIND_ORDER) {
      const f = frames[kind];
      for (const b of [f.title, f.subtitle, f.date, f.content, f.body, f.footer, f.slideNumber, f.source(true)]) {
        expect(b.x >= 0 && b.y >= 0 && b.x + b.w <= 10 + 1e-9 && b.y + b.h <= 7.5 + 1e-9, `${kind}: ${JSON.stringify(b)}`).toBe(true);
      }
      expect(f.textScale).toBeCloseTo(10 / 13.333, 6);
    }
  });

  it("falls back to briefdeck's own boxes, scaled to the slide, for a kind the mapping leaves out", () => {
    const { template } = framesOf({ slide: { w: 10, h: 7.5 } });
    const frames = templateFrames(template, []);
    const own = DEFAULT_FRAMES.bullets.title;
    expect(frames.bullets.title.x).toBeCloseTo((own.x * 10) / 13.333, 9);
    expect(frames.bullets.title.w).toBeCloseTo((own.w * 10) / 13.333, 9);
  });
});

describe('slotPlaceholder', () => {
  it('finds the title, subtitle (a section layout: its text body), body and footer row; never a column', () => {
    const { mappings } = framesOf({ layouts: LAYOUTS });
    const layout = (kind: string) => mappings.find((m) => m.kind === kind)?.layout as Template['masters'][number]['layouts'][number];
    expect(slotPlaceholder(layout('title'), 'title', 'title')?.type).toBe('ctrTitle');
    expect(slotPlaceholder(layout('title'), 'title', 'subtitle')?.type).toBe('subTitle');
    expect(slotPlaceholder(layout('section'), 'section', 'subtitle')).toMatchObject({ type: 'body', idx: 1 });
    expect(slotPlaceholder(layout('bullets'), 'bullets', 'body')).toMatchObject({ type: 'obj', idx: 1 });
    expect(slotPlaceholder(layout('chart'), 'chart', 'slide number')).toBeUndefined();
    expect(slotPlaceholder(layout('bullets'), 'bullets', 'subtitle')).toBeUndefined();
    expect(slotPlaceholder(layout('bullets'), 'bullets', 'slide number')?.type).toBe('sldNum');
    expect(slotPlaceholder(layout('comparison'), 'comparison', 'left body')).toBeUndefined();
  });
});
