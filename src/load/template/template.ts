import type { Parts } from '../../pptx/opc/parts.js';
import type { Box } from '../../layout/types.js';
import type { Layout } from '../outline/schema.js';

/**
 * A company template (.potx or .pptx) as the build uses it: read and checked by the load stage
 * (`readTemplate`), its layouts mapped to briefdeck's layout kinds (`mapLayouts`), laid out on
 * by layout (its slide size and placeholder boxes) and written into the deck by finish (its
 * masters, layouts, theme and media replace briefdeck's own). Boxes are in inches from the
 * slide's top-left corner, as everywhere in src/layout.
 */
export interface Template {
  /** The template file (absolute), for messages. */
  file: string;
  /** Every part of the template package, by part name ("ppt/slideLayouts/slideLayout2.xml"). */
  parts: Parts;
  /** The slide size in inches (from ppt/presentation.xml `p:sldSz`). */
  slide: { w: number; h: number };
  masters: TemplateMaster[];
  /** The template's theme (of its first master): colours and fonts, as the deck will use them. */
  theme: TemplateTheme;
  /** The layout part of each of the template's example slides, in order (the slides themselves are not kept). */
  examples: string[];
}

export interface TemplateMaster {
  /** Part name of the master. */
  part: string;
  /** The master's theme part name. */
  themePart: string;
  /** The master's own placeholders (what layouts inherit boxes from). */
  placeholders: TemplatePlaceholder[];
  layouts: TemplateLayout[];
}

export interface TemplateLayout {
  /** Part name ("ppt/slideLayouts/slideLayout2.xml"). */
  part: string;
  /** The name PowerPoint shows (`p:cSld/@name`), "" when it has none. */
  name: string;
  /** `p:sldLayout/@type` (ST_SlideLayoutType: title, obj, secHead, twoObj, titleOnly, blank, …), when given. */
  type?: string;
  /** Placeholders, each with its box resolved (its own xfrm, else the master's of the same type/idx). */
  placeholders: TemplatePlaceholder[];
}

export interface TemplatePlaceholder {
  /** `p:ph/@type`; absent in the XML means "obj" (content), and is given here as 'obj'. */
  type: string;
  /** `p:ph/@idx`, 0 when absent. */
  idx: number;
  /** `p:cNvPr/@name`. */
  name: string;
  /** Its box, when it (or the master placeholder it inherits from) has one. */
  box?: Box;
}

export interface TemplateTheme {
  /** The 12 colour-scheme slots, uppercase RRGGBB (dk1, lt1, dk2, lt2, accent1..6, hlink, folHlink). */
  colors: Record<'dk1' | 'lt1' | 'dk2' | 'lt2' | 'accent1' | 'accent2' | 'accent3' | 'accent4' | 'accent5' | 'accent6' | 'hlink' | 'folHlink', string>;
  /** Major (headings) and minor (body) fonts: latin and East Asian typefaces ("" when the theme leaves one empty). */
  fonts: { major: { latin: string; eastAsian: string }; minor: { latin: string; eastAsian: string } };
}

/** Which template layout serves each briefdeck layout kind, and how it was chosen. */
export interface LayoutMapping {
  kind: Layout;
  layout: TemplateLayout;
  /** 'outline': named in `templateLayouts`; 'name': a common name matched; 'placeholders': chosen by its placeholder types; 'fallback': nothing fitted, the nearest was taken. */
  how: 'outline' | 'name' | 'placeholders' | 'fallback';
}
