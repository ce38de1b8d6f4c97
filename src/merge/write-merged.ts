/**
 * Carries out a merge plan: the merged deck is the new build's package (its master, layouts,
 * theme, sections) with its slides replaced by the plan's, each taken from the new build, from the
 * person's file, or from the new build with the person's shapes and texts put in. What a slide of
 * the person's refers to (pictures, charts, notes) is copied in under fresh names; its layout is
 * one of the new build's. Content types and relationships are repaired as the finish stage does.
 */
import { dedupeShapeIdsEdit } from '../pptx/finish/shape-ids.js';
import { repairContentTypes } from '../pptx/finish/content-types.js';
import { readSections } from '../pptx/finish/sections.js';
import { CONTENT_TYPES_PART, PRESENTATION_PART } from '../pptx/opc/part-names.js';
import { withAppProperties } from '../pptx/finish/app-props.js';
import { applyXmlEdits, encodePart, readXmlPart, type Parts } from '../pptx/opc/parts.js';
import { readRelationships, referenceOrder, relativeTarget, relsPartOf, removeDanglingRelationships, resolveTarget, type Relationship } from '../pptx/opc/relationships.js';
import { childElements, createElement, descendants, firstChild, getAttribute, serializeXml, setAttribute, type XmlDocument, type XmlElement } from '../pptx/xml/xml.js';
import { writeZip } from '../pptx/zip/zip-write.js';
import { slideShapes, type DeckSlide } from './deck-slides.js';
import type { MergedSlide, ShapeStep } from './plan-merge.js';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SLIDE_REL = `${REL}/slide`;
const LAYOUT_REL = `${REL}/slideLayout`;
const NOTES_REL = `${REL}/notesSlide`;
const NOTES_MASTER_REL = `${REL}/notesMaster`;
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface MergeSources {
  ours: { parts: Parts; slides: readonly DeckSlide[] };
  theirs: { parts: Parts; slides: readonly DeckSlide[] };
}

/** The merged deck's bytes. */
export function writeMerged(sources: MergeSources, plan: readonly MergedSlide[]): Uint8Array {
  const { ours, theirs } = sources;
  const out = new Map(theirs.parts);
  for (const slide of theirs.slides) {
    for (const part of [slide.part, ...notesOf(theirs.parts, slide.part)]) {
      out.delete(part);
      out.delete(relsPartOf(part));
    }
  }
  const copier = partCopier(ours.parts, out);
  const theirsIds = slideIds(theirs.parts);
  const placed: { part: string; theirsId?: string }[] = [];
  let previousLayout: string | undefined;

  plan.forEach((entry, k) => {
    const part = `ppt/slides/slide${k + 1}.xml`;
    const fromTheirs = entry.from === 'ours' ? undefined : (theirs.slides[entry.theirs] as DeckSlide);
    const counterpart = entry.theirs !== undefined ? (theirs.slides[entry.theirs] as DeckSlide) : undefined;
    let doc: XmlDocument;
    let rels: Relationship[];
    let sourceParts: Parts;
    let sourcePart: string;
    let notesDone = false;
    if (entry.from === 'theirs' && fromTheirs) {
      doc = fromTheirs.doc;
      rels = readRelationships(theirs.parts, fromTheirs.part);
      sourceParts = theirs.parts;
      sourcePart = fromTheirs.part;
    } else if (entry.from === 'both' && fromTheirs) {
      const mine = ours.slides[entry.ours] as DeckSlide;
      doc = structuredClone(fromTheirs.doc);
      rels = readRelationships(theirs.parts, fromTheirs.part);
      applySteps(doc, mine, entry.steps, (id) => {
        const r = readRelationships(ours.parts, mine.part).find((x) => x.id === id);
        if (!r) return undefined;
        const fresh = `rIdYours${rels.length + 1}`;
        rels.push({ id: fresh, type: r.type, target: r.external ? r.target : relativeTarget(part, copier(resolveTarget(mine.part, r.target))), external: r.external });
        return fresh;
      });
      sourceParts = theirs.parts;
      sourcePart = fromTheirs.part;
      if (entry.steps.some((s) => s.action === 'notes')) {
        // The person's notes instead of the new build's (or none, when they removed them).
        rels = rels.filter((r) => r.type !== NOTES_REL);
        const target = mine.notes ? notesCopy(ours.parts, mine.notes.part, k + 1, part, out, theirs.parts, copier) : '';
        if (target) rels.push({ id: 'rIdYourNotes', type: NOTES_REL, target, external: false });
        notesDone = true;
      }
    } else {
      const mine = ours.slides[(entry as Extract<MergedSlide, { from: 'ours' }>).ours] as DeckSlide;
      doc = structuredClone(mine.doc);
      takeFallbacks(doc.root);
      sourceParts = ours.parts;
      sourcePart = mine.part;
      const layout = counterpart ? layoutOf(theirs.parts, counterpart.part) : (sameKindLayout(ours.parts, mine.part, theirs.parts) ?? previousLayout);
      rels = readRelationships(ours.parts, mine.part).flatMap((r): Relationship[] => {
        if (r.type === LAYOUT_REL) return layout ? [{ ...r, target: relativeTarget(part, layout) }] : [];
        if (r.type === NOTES_REL || r.external) return [r];
        return [{ ...r, target: relativeTarget(part, copier(resolveTarget(mine.part, r.target))) }];
      });
    }
    if (!notesDone)
      rels = rels
        .map((r) => (r.type === NOTES_REL && !r.external ? { ...r, target: notesCopy(sourceParts, resolveTarget(sourcePart, r.target), k + 1, part, out, theirs.parts, copier) } : r))
        .filter((r) => r.target !== '');
    out.set(part, encodePart(serializeXml(doc)));
    out.set(relsPartOf(part), relsXml(rels));
    previousLayout = rels.find((r) => r.type === LAYOUT_REL) ? resolveTarget(part, rels.find((r) => r.type === LAYOUT_REL)?.target ?? '') : previousLayout;
    placed.push({ part, ...(fromTheirs ? { theirsId: theirsIds.get(fromTheirs.part) } : counterpart ? { theirsId: theirsIds.get(counterpart.part) } : {}) });
  });

  rewritePresentation(out, placed);
  const reachable = new Set(referenceOrder(out));
  for (const name of [...out.keys()]) {
    if (name === CONTENT_TYPES_PART || name.endsWith('.rels') || reachable.has(name)) continue;
    out.delete(name);
  }
  // The document properties list the merged deck's slides and their titles, as finish lists a build's.
  const clean = repairContentTypes(withAppProperties(removeDanglingRelationships(out)));
  return writeZip(applyXmlEdits(clean, [dedupeShapeIdsEdit]));
}

/** The person's shapes and texts put into the new build's slide. */
function applySteps(doc: XmlDocument, mine: DeckSlide, steps: readonly ShapeStep[], relink: (id: string) => string | undefined): void {
  const tree = firstChild(firstChild(doc.root, 'p:cSld') ?? doc.root, 'p:spTree');
  if (!tree) return;
  const theirs = new Map(slideShapes(doc).map((s) => [s.key, s.element]));
  const ours = new Map(mine.shapes.map((s) => [s.key, s.element]));
  for (const step of steps) {
    const target = theirs.get(step.key);
    const source = ours.get(step.key);
    if (step.action === 'remove' && target) tree.children = tree.children.filter((c) => c !== target);
    if (!source) continue;
    if (step.action === 'add') {
      const copy = structuredClone(source);
      for (const el of descendants(copy)) {
        for (const a of el.attributes) {
          if (!/^r:(embed|id|link|pict)$/.test(a.name)) continue;
          const fresh = relink(a.value);
          if (fresh) a.value = fresh;
        }
      }
      takeFallbacks(copy);
      tree.children.push(copy);
    }
    if (step.action === 'text' && target) {
      const body = descendants(source, 'p:txBody')[0];
      const into = descendants(target, 'p:txBody')[0];
      if (body && into) Object.assign(into, structuredClone(body));
    }
    if (step.action === 'box' && target) {
      const xfrm = descendants(source, 'a:xfrm')[0];
      const spPr = firstChild(target, 'p:spPr');
      if (!xfrm || !spPr) continue;
      const own = firstChild(spPr, 'a:xfrm');
      if (own) Object.assign(own, structuredClone(xfrm));
      else spPr.children.unshift(structuredClone(xfrm));
    }
  }
}

/**
 * Markup-compatibility blocks (LibreOffice wraps a slide's transition in one) replaced by their
 * fallback: the strict schemas the deck is validated against do not know `mc:AlternateContent`.
 */
function takeFallbacks(el: XmlElement): void {
  el.children = el.children.flatMap((c) => {
    if (c.kind !== 'element') return [c];
    if (c.name !== 'mc:AlternateContent') {
      takeFallbacks(c);
      return [c];
    }
    const fallback = firstChild(c, 'mc:Fallback');
    return fallback ? fallback.children : [];
  });
}

/** A notes slide copied for the merged slide `n`, pointing at the new build's notes master; '' when there is none to point at. */
function notesCopy(from: Parts, notes: string, n: number, slidePart: string, out: Map<string, Uint8Array>, theirs: Parts, copier: (part: string) => string): string {
  const bytes = from.get(notes);
  const master = [...theirs.keys()].find((p) => /^ppt\/notesMasters\/notesMaster\d+\.xml$/.test(p));
  if (!bytes || !master) return '';
  const part = `ppt/notesSlides/notesSlide${n}.xml`;
  out.set(part, bytes);
  const rels = readRelationships(from, notes).flatMap((r): Relationship[] => {
    if (r.type === SLIDE_REL) return [{ ...r, target: relativeTarget(part, slidePart) }];
    if (r.type === NOTES_MASTER_REL) return [{ ...r, target: relativeTarget(part, master) }];
    if (r.external) return [r];
    return from === theirs ? [r] : [{ ...r, target: relativeTarget(part, copier(resolveTarget(notes, r.target))) }];
  });
  out.set(relsPartOf(part), relsXml(rels));
  return relativeTarget(slidePart, part);
}

/** Copies a part of the person's file (and what it refers to) into `out` under a name not taken; returns the name. */
function partCopier(from: Parts, out: Map<string, Uint8Array>): (part: string) => string {
  const copied = new Map<string, string>();
  const copy = (part: string): string => {
    const done = copied.get(part);
    if (done) return done;
    const bytes = from.get(part);
    if (!bytes) return part;
    const m = /^(.*?)(\d*)(\.[^./]+)?$/.exec(part);
    const stem = m?.[1] ?? part;
    const ext = m?.[3] ?? '';
    let n = 1;
    while (out.has(`${stem}${n}${ext}`)) n++;
    const name = `${stem}${n}${ext}`;
    copied.set(part, name);
    out.set(name, bytes);
    const rels = readRelationships(from, part);
    if (rels.length) {
      out.set(
        relsPartOf(name),
        relsXml(rels.map((r) => (r.external || /slideLayout|slideMaster|notesMaster|\/slide$/.test(r.type) ? r : { ...r, target: relativeTarget(name, copy(resolveTarget(part, r.target))) }))),
      );
    }
    return name;
  };
  return copy;
}

function notesOf(parts: Parts, slide: string): string[] {
  return readRelationships(parts, slide)
    .filter((r) => r.type === NOTES_REL && !r.external)
    .map((r) => resolveTarget(slide, r.target));
}

function layoutOf(parts: Parts, slide: string): string | undefined {
  const r = readRelationships(parts, slide).find((x) => x.type === LAYOUT_REL);
  return r && resolveTarget(slide, r.target);
}

/**
 * The new build's layout for a slide the person added: the one of the same name (PowerPoint keeps
 * briefdeck's layouts, "Chart", "Quote", …), else of the same kind (`type="obj"`, `"title"`: what
 * LibreOffice's own layouts say), else none (the caller takes the slide before's).
 */
function sameKindLayout(ours: Parts, slide: string, theirs: Parts): string | undefined {
  const own = layoutOf(ours, slide);
  const doc = own ? readXmlPart(ours, own) : undefined;
  if (!doc) return undefined;
  const name = (root: XmlElement) => getAttribute(firstChild(root, 'p:cSld') ?? root, 'name');
  const layouts = [...theirs.keys()]
    .filter((p) => /^ppt\/slideLayouts\/[^/]+\.xml$/.test(p))
    .flatMap((p) => {
      const root = readXmlPart(theirs, p)?.root;
      return root ? [{ part: p, root }] : [];
    });
  const byName = name(doc.root) !== undefined ? layouts.find((l) => name(l.root) === name(doc.root)) : undefined;
  const type = getAttribute(doc.root, 'type');
  return byName?.part ?? (type ? layouts.find((l) => getAttribute(l.root, 'type') === type)?.part : undefined);
}

function slideIds(parts: Parts): Map<string, string> {
  const doc = readXmlPart(parts, PRESENTATION_PART);
  const list = doc && firstChild(doc.root, 'p:sldIdLst');
  const rels = new Map(readRelationships(parts, PRESENTATION_PART).map((r) => [r.id, resolveTarget(PRESENTATION_PART, r.target)]));
  return new Map((list ? childElements(list, 'p:sldId') : []).map((el) => [rels.get(getAttribute(el, 'r:id') ?? '') ?? '', getAttribute(el, 'id') ?? '']));
}

/** The slide list, its relationships and the sections, for the merged slides. */
function rewritePresentation(out: Map<string, Uint8Array>, placed: readonly { part: string; theirsId?: string | undefined }[]): void {
  const doc = readXmlPart(out, PRESENTATION_PART);
  if (!doc) return;
  const rels = readRelationships(out, PRESENTATION_PART).filter((r) => r.type !== SLIDE_REL);
  const ids = placed.map((_, k) => String(256 + k));
  const list = firstChild(doc.root, 'p:sldIdLst');
  if (list) {
    list.children = placed.map((p, k) => {
      const rId = `rIdSlide${k + 1}`;
      rels.push({ id: rId, type: SLIDE_REL, target: relativeTarget(PRESENTATION_PART, p.part), external: false });
      return createElement('p:sldId', { id: ids[k] as string, 'r:id': rId });
    });
  }
  // Each slide goes in the section its new-build counterpart is in; one of the person's, in the section of the slide before it.
  const sections = readSections(doc.root);
  const sectionOf = new Map(sections.flatMap((s, i) => s.slideIds.map((id) => [id, i] as const)));
  const members: string[][] = sections.map(() => []);
  let current = 0;
  placed.forEach((p, k) => {
    current = (p.theirsId !== undefined ? sectionOf.get(p.theirsId) : undefined) ?? current;
    members[current]?.push(ids[k] as string);
  });
  descendants(doc.root, 'p14:section').forEach((el, i) => {
    const slideList = firstChild(el, 'p14:sldIdLst');
    if (slideList) slideList.children = (members[i] ?? []).map((id) => createElement('p14:sldId', { id }));
  });
  out.set(PRESENTATION_PART, encodePart(serializeXml(doc)));
  out.set(relsPartOf(PRESENTATION_PART), relsXml(rels));
}

function relsXml(rels: readonly Relationship[]): Uint8Array {
  const root = createElement(
    'Relationships',
    { xmlns: RELS_NS },
    rels.map((r) => {
      const el = createElement('Relationship', { Id: r.id, Type: r.type, Target: r.target });
      if (r.external) setAttribute(el, 'TargetMode', 'External');
      return el;
    }),
  );
  return encodePart(serializeXml({ prolog: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n', root, epilog: '' }));
}
