import type { HexColor, Theme } from '../../load/theme/theme.js';
import type { XmlEdit } from '../opc/parts.js';
import { CHART_PART, SHAPE_TREE_PART, THEME_PART } from '../opc/part-names.js';
import { createElement, descendants, getAttribute, setAttribute, type XmlElement } from '../xml/xml.js';

/** What the finish stage needs of the deck's theme to make it the deck's colour scheme. */
export interface SchemeTheme {
  name: string;
  colors: Theme['colors'];
}

/** The 12 slots of a DrawingML colour scheme, in schema order. */
export const SCHEME_SLOTS = ['dk1', 'lt1', 'dk2', 'lt2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6', 'hlink', 'folHlink'] as const;
export type SchemeSlot = (typeof SCHEME_SLOTS)[number];

/** Which theme colour fills each slot (the contract of issue 16). */
const SLOT_FIELDS: Record<SchemeSlot, keyof Theme['colors']> = {
  dk1: 'text',
  lt1: 'background',
  dk2: 'darkBackground',
  lt2: 'card',
  accent1: 'accent',
  accent2: 'accent2',
  accent3: 'subdued',
  accent4: 'up',
  accent5: 'muted',
  accent6: 'grid',
  hlink: 'accent2',
  folHlink: 'muted',
};

/**
 * The names shapes refer to the slots by: the master's colour map (`bg1="lt1" tx1="dk1" …`, as
 * pptxgenjs writes it and PowerPoint does) maps tx1/bg1/tx2/bg2 to dk1/lt1/dk2/lt2, so a user's
 * swap of the map (a dark variant) turns the text light; charts, drawn on a slide, use the same names.
 */
const REFERENCE: Record<SchemeSlot, string> = {
  dk1: 'tx1',
  lt1: 'bg1',
  dk2: 'tx2',
  lt2: 'bg2',
  accent1: 'accent1',
  accent2: 'accent2',
  accent3: 'accent3',
  accent4: 'accent4',
  accent5: 'accent5',
  accent6: 'accent6',
  hlink: 'hlink',
  folHlink: 'folHlink',
};

/**
 * The theme colours a scheme's slots stand for (the inverse of `schemeColors`): a template's
 * scheme read as briefdeck's fields, over `colors` for the fields no slot fills; where two slots
 * fill one field (hlink and accent2), the first in slot order.
 */
export function colorsOfScheme(scheme: Readonly<Record<SchemeSlot, string>>, colors: Theme['colors']): Theme['colors'] {
  const out = { ...colors };
  const filled = new Set<keyof Theme['colors']>();
  for (const slot of SCHEME_SLOTS) {
    const field = SLOT_FIELDS[slot];
    if (filled.has(field)) continue;
    filled.add(field);
    out[field] = scheme[slot] as HexColor;
  }
  return out;
}

/** The scheme's colour of each slot. */
export function schemeColors(colors: Theme['colors']): Record<SchemeSlot, HexColor> {
  return Object.fromEntries(SCHEME_SLOTS.map((slot) => [slot, colors[SLOT_FIELDS[slot]].toUpperCase()])) as Record<SchemeSlot, HexColor>;
}

/** Hex colour → the scheme colour name a shape refers to it by; where two slots hold one colour, the first in slot order. */
export function schemeReferences(colors: Theme['colors']): Map<HexColor, string> {
  const refs = new Map<HexColor, string>();
  for (const [slot, hex] of Object.entries(schemeColors(colors)) as [SchemeSlot, HexColor][]) if (!refs.has(hex)) refs.set(hex, REFERENCE[slot]);
  return refs;
}

/**
 * The theme part's colour scheme becomes the deck theme's (pptxgenjs writes Office's stock
 * palette, accent1 4472C4), named after it, as is the theme itself: then a shape a user adds
 * comes in the deck's colours, and choosing another theme or variant in PowerPoint restyles the deck.
 */
export function setThemeColorsEdit(theme: SchemeTheme): XmlEdit {
  const colors = schemeColors(theme.colors);
  return {
    select: (name) => THEME_PART.test(name),
    edit: (doc) => {
      if (doc.root.name === 'a:theme') setAttribute(doc.root, 'name', theme.name);
      for (const fonts of descendants(doc.root, 'a:fontScheme')) setAttribute(fonts, 'name', theme.name);
      for (const scheme of descendants(doc.root, 'a:clrScheme')) {
        setAttribute(scheme, 'name', theme.name);
        scheme.children = SCHEME_SLOTS.map((slot) => createElement(`a:${slot}`, {}, [createElement('a:srgbClr', { val: colors[slot] })]));
      }
    },
  };
}

/**
 * Every `<a:srgbClr>` of a theme colour in the slides, layouts, masters, notes and native charts
 * becomes a reference to its scheme slot (`<a:schemeClr val="accent1"/>`), keeping its children
 * (lumMod, alpha). Colours that are not in the scheme (light text on the dark slides, chart
 * colours mixed for contrast) stay as they are.
 */
export function schemeColorRefsEdit(theme: SchemeTheme): XmlEdit {
  const refs = schemeReferences(theme.colors);
  return {
    select: (name) => SHAPE_TREE_PART.test(name) || CHART_PART.test(name),
    edit: (doc) => {
      for (const el of descendants(doc.root, 'a:srgbClr')) toSchemeColor(el, refs);
    },
  };
}

function toSchemeColor(el: XmlElement, refs: ReadonlyMap<HexColor, string>): void {
  const ref = refs.get((getAttribute(el, 'val') ?? '').toUpperCase());
  if (ref === undefined) return;
  el.name = 'a:schemeClr';
  el.attributes = [{ name: 'val', value: ref }];
}

/** The slot a `<a:schemeClr>` or theme-part slot holds, for tests and checks: the colour it stands for in `theme`. */
export function resolveSchemeColor(ref: string, colors: Theme['colors']): HexColor | undefined {
  const slot = (Object.entries(REFERENCE) as [SchemeSlot, string][]).find(([s, r]) => r === ref || s === ref)?.[0];
  return slot === undefined ? undefined : schemeColors(colors)[slot];
}
