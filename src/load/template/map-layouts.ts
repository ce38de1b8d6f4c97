import { error, warning, type Diagnostic, type SourceRef } from '../../diagnostics/diagnostic.js';
import { didYouMean } from '../../text/suggest.js';
import type { Layout } from '../outline/schema.js';
import type { LayoutMapping, Template, TemplateLayout, TemplateMaster, TemplatePlaceholder } from './template.js';

/** What a layout kind puts in placeholders, and so which template layouts serve it. */
type Need = 'title' | 'section' | 'list' | 'two' | 'canvas';

const NEED: Readonly<Record<Layout, Need>> = {
  title: 'title',
  section: 'section',
  agenda: 'list',
  bullets: 'list',
  sources: 'list',
  comparison: 'two',
  chart: 'canvas',
  figures: 'canvas',
  timeline: 'canvas',
  takeaways: 'canvas',
  quote: 'canvas',
  changes: 'list',
};

/** Every layout kind, in the order the outline schema lists them. */
export const LAYOUT_KIND_ORDER = Object.keys(NEED) as Layout[];

/**
 * The common names of the layouts that serve a need, best first: PowerPoint's English names,
 * then LibreOffice's (what its .potx export calls its layouts), compared without case and spacing.
 */
const NAMES: Readonly<Record<Need, readonly string[]>> = {
  title: ['Title Slide', 'Title'],
  section: ['Section Header', 'Section Title', 'Section', 'Section Divider'],
  list: ['Title and Content', 'Title, Content', 'Title and Text', 'Title, Text', 'Content'],
  two: ['Comparison', 'Two Content', 'Title, 2 Content', 'Two Columns', 'Title and 2 Content'],
  canvas: ['Title Only', 'Title, Only'],
};

/** `p:sldLayout/@type` values (ST_SlideLayoutType) that serve a need, best first. */
const TYPES: Readonly<Record<Need, readonly string[]>> = {
  title: ['title'],
  section: ['secHead'],
  list: ['obj', 'tx'],
  two: ['twoTxTwoObj', 'twoObj', 'twoColTx'],
  canvas: ['titleOnly'],
};

/** What a layout's placeholders offer. */
interface Offer {
  title: boolean;
  centredTitle: boolean;
  subtitles: number;
  /** `body` placeholders: text. */
  bodies: number;
  /** Content placeholders (obj, and the specific kinds: chart, table, picture, …). */
  contents: number;
}

const CONTENT_TYPES = new Set(['obj', 'chart', 'tbl', 'dgm', 'media', 'clipArt', 'pic']);

function offer(layout: TemplateLayout): Offer {
  const count = (test: (p: TemplatePlaceholder) => boolean) => layout.placeholders.filter(test).length;
  return {
    title: count((p) => p.type === 'title' || p.type === 'ctrTitle') > 0,
    centredTitle: count((p) => p.type === 'ctrTitle') > 0,
    subtitles: count((p) => p.type === 'subTitle'),
    bodies: count((p) => p.type === 'body'),
    contents: count((p) => CONTENT_TYPES.has(p.type)),
  };
}

/**
 * The placeholder shapes that serve each need, best first: a layout is chosen by the first
 * shape some layout has (in the template's order). A name or type match must still have the
 * first of its need's shapes that it can (a "Title Slide" without a title does not serve).
 */
const SHAPES: Readonly<Record<Need, readonly ((o: Offer) => boolean)[]>> = {
  title: [(o) => o.centredTitle && o.subtitles > 0, (o) => o.title && o.subtitles > 0 && o.contents === 0],
  section: [(o) => o.title && o.bodies === 1 && o.contents === 0 && o.subtitles === 0],
  list: [(o) => o.title && o.contents === 1 && o.bodies === 0, (o) => o.title && o.bodies === 1 && o.contents === 0],
  two: [(o) => o.title && o.bodies === 2 && o.contents === 2, (o) => o.title && o.contents + o.bodies === 2],
  canvas: [(o) => o.title && o.contents + o.bodies + o.subtitles === 0, (o) => o.title && o.contents + o.bodies === 1],
};

/** When nothing serves a need: the nearest shapes, best first (then any layout with a title, then the first). */
const FALLBACKS: Readonly<Record<Need, readonly ((o: Offer) => boolean)[]>> = {
  title: [(o) => o.title && o.contents + o.bodies <= 1],
  section: [(o) => o.title && o.subtitles > 0, (o) => o.title && o.contents + o.bodies === 0, (o) => o.title && o.contents + o.bodies === 1],
  list: [(o) => o.title && o.contents + o.bodies >= 1],
  two: [(o) => o.title && o.contents + o.bodies > 2, (o) => o.title && o.contents + o.bodies === 1],
  canvas: [(o) => o.title && o.contents + o.bodies <= 2],
};

/** What a need asks for, in words, for the fallback warning. */
const WANTED: Readonly<Record<Need, string>> = {
  title: 'a title and a subtitle ("Title Slide")',
  section: 'a title and one text placeholder ("Section Header")',
  list: 'a title and one content placeholder ("Title and Content")',
  two: 'a title and two content placeholders ("Two Content" or "Comparison")',
  canvas: 'a title only ("Title Only") or a title and one content placeholder',
};

/** What layout kind `kind` asks of a template layout, in words. */
export function wantedBy(kind: Layout): string {
  return WANTED[NEED[kind]];
}

export interface MappedLayouts {
  mappings: LayoutMapping[];
  diagnostics: Diagnostic[];
}

export interface MapPlaces {
  /** Where `templateLayouts.<kind>` is written, for an unknown name. */
  override?: (kind: Layout) => SourceRef | undefined;
  /** Where the template is named (the outline's `template:` line), for fallbacks. */
  template?: SourceRef;
}

/**
 * Chooses the template layout for each layout kind in `kinds`: the one `overrides` names (by
 * name, first in the first master's layouts, then in the other masters'), else a layout of the
 * kind's master (`masterFor`) with a common name or layout type for it that has the placeholders
 * it needs, else one whose placeholder types fit, else the nearest (a TEMPLATE_LAYOUT_FALLBACK
 * warning saying which). An override naming no layout is TEMPLATE_UNKNOWN_LAYOUT, listing the names.
 */
export function mapLayouts(template: Template, kinds: Iterable<Layout>, overrides: Partial<Record<Layout, string>> = {}, places: MapPlaces = {}): MappedLayouts {
  const diagnostics: Diagnostic[] = [];
  const mappings: LayoutMapping[] = [];
  const masters = template.masters.filter((m) => m.layouts.length > 0);
  for (const kind of new Set(kinds)) {
    const named = overrides[kind];
    if (named !== undefined) {
      const layout = byName(masters, named);
      if (layout) {
        mappings.push({ kind, layout, how: 'outline' });
        continue;
      }
      const names = [...new Set(masters.flatMap((m) => m.layouts.map((l) => l.name)).filter((n) => n !== ''))];
      const near = didYouMean(named, names);
      diagnostics.push(
        error(
          'TEMPLATE_UNKNOWN_LAYOUT',
          `templateLayouts.${kind} names '${named}', which is not a layout of ${baseName(template.file)}`,
          places.override?.(kind) ?? places.template ?? { file: template.file },
          near.startsWith('did you mean') ? near : `its layouts are: ${names.map((n) => `'${n}'`).join(', ')}`,
        ),
      );
      continue;
    }
    const chosen = chooseIn(masterFor(kind, masters, template.examples), masters, NEED[kind]);
    mappings.push({ kind, layout: chosen.layout, how: chosen.how });
    if (chosen.how === 'fallback') {
      diagnostics.push(
        warning(
          'TEMPLATE_LAYOUT_FALLBACK',
          `${baseName(template.file)} has no layout for ${kind} slides (${WANTED[NEED[kind]]}); they use its layout '${chosen.layout.name || chosen.layout.part}'`,
          places.template ?? { file: template.file },
          `add such a layout to the template, or choose one with templateLayouts: { ${kind}: "<layout name>" }`,
        ),
      );
    }
  }
  return { mappings, diagnostics };
}

/**
 * The master a kind's slides go on: the one the template's own example slides use for it — its
 * first slide's for the title and section slides, its last slide's for content (LibreOffice's
 * templates open on a busy master and show content on a calm one) — or the first master when the
 * template has no example slides, as most PowerPoint templates have none and one master.
 */
function masterFor(kind: Layout, masters: readonly TemplateMaster[], examples: readonly string[]): TemplateMaster {
  const example = NEED[kind] === 'title' || NEED[kind] === 'section' ? examples[0] : examples[examples.length - 1];
  return masters.find((m) => m.layouts.some((l) => l.part === example)) ?? (masters[0] as TemplateMaster);
}

/** The layout for `need` on `master`, else on another master where that one only has a fallback. */
function chooseIn(master: TemplateMaster, masters: readonly TemplateMaster[], need: Need): { layout: TemplateLayout; how: LayoutMapping['how'] } {
  const chosen = choose(master.layouts, need);
  if (chosen.how !== 'fallback') return chosen;
  for (const other of masters) {
    const found = other === master ? undefined : choose(other.layouts, need);
    if (found && found.how !== 'fallback') return found;
  }
  return chosen;
}

/** The layout of `layouts` for `need`, and how it was found. */
export function choose(layouts: readonly TemplateLayout[], need: Need): { layout: TemplateLayout; how: LayoutMapping['how'] } {
  const offers = layouts.map((layout) => ({ layout, offer: offer(layout) }));
  const serves = (o: Offer) => SHAPES[need].some((shape) => shape(o));
  for (const name of NAMES[need]) {
    const hit = offers.find((c) => normalize(c.layout.name) === normalize(name) && serves(c.offer));
    if (hit) return { layout: hit.layout, how: 'name' };
  }
  for (const type of TYPES[need]) {
    const hit = offers.find((c) => c.layout.type === type && serves(c.offer));
    if (hit) return { layout: hit.layout, how: 'placeholders' };
  }
  for (const shape of SHAPES[need]) {
    const hit = offers.find((c) => shape(c.offer));
    if (hit) return { layout: hit.layout, how: 'placeholders' };
  }
  for (const shape of [...FALLBACKS[need], (o: Offer) => o.title]) {
    const hit = offers.find((c) => shape(c.offer));
    if (hit) return { layout: hit.layout, how: 'fallback' };
  }
  return { layout: layouts[0] as TemplateLayout, how: 'fallback' };
}

function byName(masters: readonly TemplateMaster[], name: string): TemplateLayout | undefined {
  for (const exact of [true, false]) {
    for (const m of masters) {
      const hit = m.layouts.find((l) => (exact ? l.name === name : normalize(l.name) === normalize(name)));
      if (hit) return hit;
    }
  }
  return undefined;
}

function normalize(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
