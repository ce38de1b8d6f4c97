import type { XmlEdit } from '../opc/parts.js';
import { SLIDE_PART } from '../opc/part-names.js';
import { childElements, createElement, descendants, firstChild, getAttribute, type XmlElement } from '../xml/xml.js';
import { derivedGuid } from './guids.js';
import { LAYOUT_OF_KIND, layoutTable, type PlaceholderSpec } from './layouts.js';
import type { DeckStructure } from './master.js';

/** Run properties that name a colour or a typeface: a placeholder's come from its layout. */
const STYLE_CHILDREN = new Set(['a:solidFill', 'a:gradFill', 'a:pattFill', 'a:noFill', 'a:latin', 'a:ea', 'a:cs']);

/**
 * Makes the shapes that fill a placeholder of the slide's layout placeholders: a `p:ph` with the
 * layout's type and index, no position where the layout's is the same, and runs without colour or
 * typeface, so a restyled layout or master restyles the slide. The slide number's run becomes
 * the `slidenum` field. Runs after the fonts edit, which gives every run its typefaces.
 */
export function placeholdersEdit(structure: DeckStructure): XmlEdit {
  const layouts = layoutTable(structure.theme);
  return {
    select: (name) => SLIDE_PART.test(name),
    edit: (doc, name) => {
      const n = Number(/(\d+)\.xml$/.exec(name)?.[1]);
      const slide = structure.slides[n - 1];
      const layout = slide && layouts.find((l) => l.name === LAYOUT_OF_KIND[slide.layout]);
      if (!slide || !layout) return;
      const taken = new Set<string>();
      for (const sp of descendants(doc.root, 'p:sp')) {
        const shapeName = getAttribute(firstChild(firstChild(sp, 'p:nvSpPr') ?? sp, 'p:cNvPr') ?? sp, 'name');
        const slot = slide.placeholders.find((p) => p.shape === shapeName)?.slot;
        const ph = slot && !taken.has(slot) ? layout.placeholders.find((p) => p.slot === slot) : undefined;
        if (!ph) continue;
        taken.add(ph.slot);
        toPlaceholder(sp, ph);
      }
    },
  };
}

/** Makes a shape the placeholder `ph` of its layout (see `placeholdersEdit`). */
export function toPlaceholder(sp: XmlElement, ph: Pick<PlaceholderSpec, 'slot' | 'type' | 'idx' | 'sz' | 'box'>): void {
  const nv = firstChild(sp, 'p:nvSpPr');
  const cNvSpPr = nv && firstChild(nv, 'p:cNvSpPr');
  const nvPr = nv && firstChild(nv, 'p:nvPr');
  if (!cNvSpPr || !nvPr) return;
  cNvSpPr.attributes = cNvSpPr.attributes.filter((a) => a.name !== 'txBox');
  cNvSpPr.children = [createElement('a:spLocks', { noGrp: '1' })];
  const attrs: Record<string, string> = {};
  if (ph.type !== 'obj') attrs.type = ph.type;
  if (ph.sz) attrs.sz = ph.sz;
  if (ph.idx) attrs.idx = String(ph.idx);
  nvPr.children = [createElement('p:ph', attrs), ...nvPr.children.filter((c) => !(c.kind === 'element' && c.name === 'p:ph'))];
  const spPr = firstChild(sp, 'p:spPr');
  const xfrm = spPr && firstChild(spPr, 'a:xfrm');
  if (spPr && xfrm && sameBox(xfrm, ph)) spPr.children = spPr.children.filter((c) => c !== xfrm);
  const body = firstChild(sp, 'p:txBody');
  if (!body) return;
  for (const el of descendants(body)) {
    if (el.name === 'a:rPr' || el.name === 'a:endParaRPr') el.children = el.children.filter((c) => !(c.kind === 'element' && STYLE_CHILDREN.has(c.name)));
  }
  if (ph.type === 'sldNum') for (const p of descendants(body, 'a:p')) toSlideNumberField(p);
}

const emu = (inches: number): number => Math.round(inches * 914400);

/** Within an EMU: emit and the layouts convert the same inches. */
function sameBox(xfrm: XmlElement, ph: Pick<PlaceholderSpec, 'box'>): boolean {
  const off = firstChild(xfrm, 'a:off');
  const ext = firstChild(xfrm, 'a:ext');
  if (!off || !ext || xfrm.attributes.length > 0) return false;
  const near = (el: XmlElement, attr: string, inches: number) => Math.abs(Number(getAttribute(el, attr)) - emu(inches)) <= 1;
  return near(off, 'x', ph.box.x) && near(off, 'y', ph.box.y) && near(ext, 'cx', ph.box.w) && near(ext, 'cy', ph.box.h);
}

/** The paragraph's one run as the slide number field, which every viewer fills in. */
export function toSlideNumberField(p: XmlElement): void {
  const runs = childElements(p, 'a:r');
  if (runs.length !== 1) return;
  const run = runs[0] as XmlElement;
  run.name = 'a:fld';
  run.attributes = [
    { name: 'id', value: derivedGuid('briefdeck slide number field') },
    { name: 'type', value: 'slidenum' },
  ];
}
