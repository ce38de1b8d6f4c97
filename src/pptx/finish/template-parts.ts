import { colorsOfScheme } from './theme-colors.js';
import { slotPlaceholder } from '../../layout/template-frame.js';
import type { Layout } from '../../load/outline/schema.js';
import type { LayoutMapping, Template, TemplatePlaceholder } from '../../load/template/template.js';
import type { Theme } from '../../load/theme/theme.js';
import { CONTENT_TYPES_PART, PRESENTATION_PART, SLIDE_PART, THEME_PART } from '../opc/part-names.js';
import { encodePart, readXmlPart, type Parts, type XmlEdit } from '../opc/parts.js';
import { isRelsPart, readRelationships, relativeTarget, relsPartOf, renameParts, resolveTarget } from '../opc/relationships.js';
import { childElements, createElement, descendants, firstChild, getAttribute, serializeXml, setAttribute, type XmlElement } from '../xml/xml.js';
import type { PlaceholderType } from './layouts.js';
import type { DeckStructure } from './master.js';
import { toPlaceholder, toSlideNumberField } from './placeholders.js';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** What a master or layout may point at that is not part of the look: the template's example slides and their notes. */
const NOT_CARRIED = new Set(['slide', 'notesSlide', 'notesMaster', 'handoutMaster'].map((t) => `${REL}/${t}`));
const DECK_LOOK_PART = /^ppt\/(slideMasters|slideLayouts|theme)\//;

/** The template a deck is built into, and which of its layouts each layout kind uses. */
export interface DeckTemplate {
  template: Template;
  mapping: readonly LayoutMapping[];
}

/**
 * The template's look in place of briefdeck's master and layouts: the deck gets the template's
 * masters, their layouts, their themes and what those refer to (backgrounds, logos), each once,
 * renamed into the deck's part names; not its example slides. Every slide points at the template
 * layout of its kind, presentation.xml lists the template's masters (with their ids) and takes
 * its slide size and default text style, and the notes master uses the template's first theme.
 */
export function writeTemplateParts(parts: Parts, deck: DeckTemplate, slideKinds: readonly Layout[]): Map<string, Uint8Array> {
  const { template } = deck;
  const carried = carriedParts(template);
  const names = newNames(carried, parts);
  const source = new Map<string, Uint8Array>();
  for (const part of carried) {
    source.set(part, template.parts.get(part) as Uint8Array);
    const rels = relsPartOf(part);
    const bytes = template.parts.get(rels);
    if (bytes) source.set(rels, bytes);
  }
  const templateTypes = template.parts.get(CONTENT_TYPES_PART);
  if (templateTypes) source.set(CONTENT_TYPES_PART, templateTypes);
  const renamed = renameParts(withoutRelationships(source, NOT_CARRIED), names);

  // briefdeck's master, layouts and theme (their .rels parts live in the same folders) go.
  const out = new Map([...parts].filter(([name]) => !DECK_LOOK_PART.test(name)));
  for (const [name, bytes] of renamed) if (name !== CONTENT_TYPES_PART) out.set(name, bytes);
  mergeOverrides(out, renamed.get(CONTENT_TYPES_PART));

  const masters = template.masters.map((m) => names.get(m.part) as string);
  const firstTheme = names.get(template.masters[0]?.themePart ?? '') ?? '';
  writePresentation(out, template, masters, firstTheme);
  retargetThemes(out, firstTheme);
  slideKinds.forEach((kind, i) => {
    const layout = deck.mapping.find((m) => m.kind === kind)?.layout.part;
    const target = layout && names.get(layout);
    if (target) pointSlideAt(out, `ppt/slides/slide${i + 1}.xml`, target);
  });
  return out;
}

/** The template's masters and every part they reach (layouts, themes, media), masters first, in the order met. */
function carriedParts(template: Template): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const queue = template.masters.map((m) => m.part);
  while (queue.length > 0) {
    const part = queue.shift() as string;
    if (seen.has(part) || !template.parts.has(part)) continue;
    seen.add(part);
    order.push(part);
    for (const r of readRelationships(template.parts, part)) {
      if (!r.external && !NOT_CARRIED.has(r.type)) queue.push(resolveTarget(part, r.target));
    }
  }
  return order;
}

/** The deck's names for the template's parts: masters, layouts and themes numbered as PowerPoint numbers them; anything else by its own name, made unique. */
function newNames(carried: readonly string[], deck: Parts): Map<string, string> {
  const names = new Map<string, string>();
  const count = { slideMaster: 0, slideLayout: 0, theme: 0 };
  const taken = new Set([...deck.keys()].filter((n) => !DECK_LOOK_PART.test(n)));
  for (const part of carried) {
    const numbered = /^ppt\/(slideMasters\/slideMaster|slideLayouts\/slideLayout|theme\/theme)\d+\.xml$/.exec(part);
    if (numbered) {
      const stem = numbered[1] as string;
      const kind = stem.slice(stem.indexOf('/') + 1) as keyof typeof count;
      count[kind] += 1;
      names.set(part, `ppt/${stem}${count[kind]}.xml`);
      continue;
    }
    const slash = part.lastIndexOf('/');
    let name = `${part.slice(0, slash + 1)}template-${part.slice(slash + 1)}`;
    for (let n = 2; taken.has(name); n++) name = `${part.slice(0, slash + 1)}template${n}-${part.slice(slash + 1)}`;
    taken.add(name);
    names.set(part, name);
  }
  return names;
}

/** The rels parts without relationships of the given types (a layout's link to an example slide). */
function withoutRelationships(parts: Parts, types: ReadonlySet<string>): Map<string, Uint8Array> {
  const out = new Map(parts);
  for (const [name] of parts) {
    if (!isRelsPart(name)) continue;
    const doc = readXmlPart(parts, name);
    if (!doc) continue;
    const before = doc.root.children.length;
    doc.root.children = doc.root.children.filter((c) => !(c.kind === 'element' && types.has(getAttribute(c, 'Type') ?? '')));
    if (doc.root.children.length !== before) out.set(name, encodePart(serializeXml(doc)));
  }
  return out;
}

/** The template's content-type overrides of the parts carried (a part type the deck's own table does not know). */
function mergeOverrides(out: Map<string, Uint8Array>, templateTypes: Uint8Array | undefined): void {
  const deck = readXmlPart(out, CONTENT_TYPES_PART);
  const theirs = templateTypes && readXmlPart(new Map([[CONTENT_TYPES_PART, templateTypes]]), CONTENT_TYPES_PART);
  if (!deck || !theirs) return;
  const declared = new Set(childElements(deck.root, 'Override').map((el) => getAttribute(el, 'PartName')));
  for (const el of childElements(theirs.root, 'Override')) {
    const partName = getAttribute(el, 'PartName') ?? '';
    if (declared.has(partName) || !out.has(partName.replace(/^\//, ''))) continue;
    deck.root.children.push(createElement('Override', { PartName: partName, ContentType: getAttribute(el, 'ContentType') ?? '' }));
  }
  out.set(CONTENT_TYPES_PART, encodePart(serializeXml(deck)));
}

/**
 * presentation.xml: the template's masters in its order and with its ids (the layouts' ids in
 * the masters are unique against them), its slide size and its default text style; and its
 * relationships: the masters' in place of briefdeck's one, the theme the template's first.
 */
function writePresentation(out: Map<string, Uint8Array>, template: Template, masters: readonly string[], theme: string): void {
  const rels = relsPartOf(PRESENTATION_PART);
  const relsDoc = readXmlPart(out, rels);
  const doc = readXmlPart(out, PRESENTATION_PART);
  const theirs = readXmlPart(template.parts, PRESENTATION_PART);
  if (!relsDoc || !doc) return;
  relsDoc.root.children = relsDoc.root.children.filter((c) => !(c.kind === 'element' && getAttribute(c, 'Type') === `${REL}/slideMaster`));
  const used = new Set(childElements(relsDoc.root, 'Relationship').map((el) => getAttribute(el, 'Id')));
  let next = 1;
  const ids = masters.map((target) => {
    while (used.has(`rId${next}`)) next++;
    const id = `rId${next++}`;
    relsDoc.root.children.push(createElement('Relationship', { Id: id, Type: `${REL}/slideMaster`, Target: relativeTarget(PRESENTATION_PART, target) }));
    return id;
  });
  for (const el of childElements(relsDoc.root, 'Relationship')) {
    if (getAttribute(el, 'Type') === `${REL}/theme` && theme) setAttribute(el, 'Target', relativeTarget(PRESENTATION_PART, theme));
  }
  const templateIds = masterIds(template);
  const list = firstChild(doc.root, 'p:sldMasterIdLst');
  if (list) list.children = ids.map((rid, i) => createElement('p:sldMasterId', { id: templateIds[i] ?? String(2147483648 + i * 1000), 'r:id': rid }));
  const size = theirs && firstChild(theirs.root, 'p:sldSz');
  const ours = firstChild(doc.root, 'p:sldSz');
  if (size && ours) ours.attributes = size.attributes.map((a) => ({ ...a }));
  const style = theirs && firstChild(theirs.root, 'p:defaultTextStyle');
  const ownStyle = firstChild(doc.root, 'p:defaultTextStyle');
  if (style && ownStyle) doc.root.children[doc.root.children.indexOf(ownStyle)] = style;
  out.set(PRESENTATION_PART, encodePart(serializeXml(doc)));
  out.set(rels, encodePart(serializeXml(relsDoc)));
}

/** The `p:sldMasterId/@id` of each of the template's masters, in `template.masters`' order. */
function masterIds(template: Template): (string | undefined)[] {
  const doc = readXmlPart(template.parts, PRESENTATION_PART);
  if (!doc) return [];
  const targets = new Map(readRelationships(template.parts, PRESENTATION_PART).map((r) => [r.id, resolveTarget(PRESENTATION_PART, r.target)]));
  const byPart = new Map<string, string>();
  for (const el of descendants(doc.root, 'p:sldMasterId')) {
    const rid = getAttribute(el, 'r:id');
    const part = rid && targets.get(rid);
    const id = getAttribute(el, 'id');
    if (part && id) byPart.set(part, id);
  }
  return template.masters.map((m) => byPart.get(m.part));
}

/** The notes master (and anything else of the deck's own) used briefdeck's theme, which is gone: it uses the template's first. */
function retargetThemes(out: Map<string, Uint8Array>, theme: string): void {
  if (!theme) return;
  for (const [name] of [...out]) {
    if (!isRelsPart(name) || name === relsPartOf(PRESENTATION_PART)) continue;
    const doc = readXmlPart(out, name);
    if (!doc) continue;
    const source = name.replace('/_rels/', '/').replace(/\.rels$/, '');
    let changed = false;
    for (const el of childElements(doc.root, 'Relationship')) {
      const target = getAttribute(el, 'Target') ?? '';
      if (getAttribute(el, 'Type') !== `${REL}/theme` || out.has(resolveTarget(source, target))) continue;
      setAttribute(el, 'Target', relativeTarget(source, theme));
      changed = true;
    }
    if (changed) out.set(name, encodePart(serializeXml(doc)));
  }
}

function pointSlideAt(out: Map<string, Uint8Array>, slide: string, layout: string): void {
  const rels = relsPartOf(slide);
  const doc = readXmlPart(out, rels);
  if (!doc) return;
  for (const el of childElements(doc.root, 'Relationship') as XmlElement[]) {
    if (getAttribute(el, 'Type') === `${REL}/slideLayout`) setAttribute(el, 'Target', relativeTarget(slide, layout));
  }
  out.set(rels, encodePart(serializeXml(doc)));
}

/** What a placeholder's runs must not say on a template: its colour, typeface and weight are the template's. */
const TEMPLATE_STYLE_CHILDREN = new Set(['a:solidFill', 'a:gradFill', 'a:pattFill', 'a:noFill', 'a:latin', 'a:ea', 'a:cs']);

/**
 * Makes the shapes that fill a placeholder of the slide's template layout that placeholder (its
 * `p:ph` type and index, no position where the box is the layout's), as `placeholdersEdit` does
 * for briefdeck's own layouts, and leaves its runs neither colour, typeface nor bold: the
 * template's title style is the title's. Sizes stay: layout fitted the text at them.
 */
export function templatePlaceholdersEdit(deck: DeckTemplate, slides: DeckStructure['slides']): XmlEdit {
  return {
    select: (name) => SLIDE_PART.test(name),
    edit: (doc, name) => {
      const n = Number(/(\d+)\.xml$/.exec(name)?.[1]);
      const slide = slides[n - 1];
      const layout = slide && deck.mapping.find((m) => m.kind === slide.layout)?.layout;
      if (!slide || !layout) return;
      const taken = new Set<TemplatePlaceholder>();
      for (const sp of descendants(doc.root, 'p:sp')) {
        const shapeName = getAttribute(firstChild(firstChild(sp, 'p:nvSpPr') ?? sp, 'p:cNvPr') ?? sp, 'name');
        const slot = slide.placeholders.find((p) => p.shape === shapeName)?.slot;
        const ph = slot && slotPlaceholder(layout, slide.layout, slot);
        // A layout without a slide number placeholder: the number is still the field, in a text box of its own.
        if (slot === 'slide number' && !ph?.box) for (const p of descendants(sp, 'a:p')) toSlideNumberField(p);
        if (!slot || !ph?.box || taken.has(ph)) continue;
        taken.add(ph);
        toPlaceholder(sp, { slot, type: ph.type as PlaceholderType, idx: ph.idx, box: ph.box });
        for (const el of descendants(sp)) {
          if (el.name !== 'a:rPr' && el.name !== 'a:endParaRPr') continue;
          el.children = el.children.filter((c) => !(c.kind === 'element' && TEMPLATE_STYLE_CHILDREN.has(c.name)));
          el.attributes = el.attributes.filter((a) => a.name !== 'b');
        }
      }
    },
  };
}

/**
 * The template's scheme as the deck's colours for `schemeColorRefsEdit`: each field holds the
 * slot it stands for in briefdeck's own theme part, so a colour of the template's scheme on a
 * slide becomes a reference to its slot, and the greys mixed for muted text stay colours.
 */
export function templateSchemeColors(template: Template, colors: Theme['colors']): Theme['colors'] {
  return colorsOfScheme(template.theme.colors, colors);
}

/**
 * For a CJK deck whose template names no East Asian font, the theme's East Asian slots name the
 * deck's (else PowerPoint sets Chinese in whatever it finds); the Latin fonts stay the template's.
 */
export function templateEastAsianFontsEdit(eastAsianFont: string): XmlEdit {
  return {
    select: (name) => THEME_PART.test(name),
    edit: (doc) => {
      for (const fonts of [...descendants(doc.root, 'a:majorFont'), ...descendants(doc.root, 'a:minorFont')]) {
        const ea = firstChild(fonts, 'a:ea');
        if (ea) setAttribute(ea, 'typeface', eastAsianFont);
      }
    },
  };
}
