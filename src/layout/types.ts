import type { BoundSlide } from '../bind/bind.js';
import type { ChartRequest } from '../charts/types.js';
import type { SourceRef } from '../diagnostics/diagnostic.js';
import type { Layout } from '../load/outline/schema.js';
import type { HexColor } from '../load/theme/theme.js';
import type { LayoutContext } from './frame.js';

/** A rectangle on the slide, in inches from the top-left corner (briefdeck's own 16:9 slide is 13.333 × 7.5; a template's is its own). */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Paragraph {
  text: string;
  /** Size relative to the element's fitted size. */
  scale?: number;
  bold?: boolean;
  color?: HexColor;
  bullet?: 'bullet' | 'number';
  /** 0 for a bullet, 1 for a sub-bullet. */
  level?: number;
  /** Space before the paragraph, in lines of its size. */
  spaceBefore?: number;
  /** A web address (http or https) the whole paragraph links to. */
  link?: string;
  /** The paragraph as runs, some of them links (a source line citing several datasets); their texts joined are `text`. */
  runs?: { text: string; link?: string }[];
  /** Where layout broke the paragraph's lines (offsets into `text` where a line starts); emit writes a line break there. */
  breaks?: number[];
}

export interface TextElement {
  type: 'text';
  box: Box;
  paragraphs: Paragraph[];
  /** The fitted base size in points. */
  size: number;
  color: HexColor;
  align: 'left' | 'center' | 'right';
  valign: 'top' | 'middle' | 'bottom';
  fill?: HexColor;
  /** Inner padding in inches. */
  inset?: number;
  /** Shape name in the deck (what a screen reader and the selection pane show). */
  name: string;
  /** The placeholder of the slide's layout this text fills (its colour and font then come from the layout). */
  placeholder?: PlaceholderSlot;
}

/**
 * The text slots a layout offers (src/pptx/finish/layouts.ts maps them to `p:ph` types and
 * indices per layout): the title, a subtitle, the text body, the two columns of a comparison, the
 * date line, the footer and the slide number.
 */
export type PlaceholderSlot = 'title' | 'subtitle' | 'body' | 'left heading' | 'left body' | 'right heading' | 'right body' | 'date' | 'footer' | 'slide number';

export interface ShapeElement {
  type: 'shape';
  shape: 'rect' | 'ellipse' | 'line';
  box: Box;
  fill?: HexColor;
  line?: { color: HexColor; widthPt: number };
  name: string;
}

export interface ChartElement {
  type: 'chart';
  box: Box;
  /** The chart job this element shows (its id). */
  job: string;
  name: string;
}

export type Element = TextElement | ShapeElement | ChartElement;

/** A slide as boxes: what emit turns into pptxgenjs calls, one to one. */
export interface SlidePlan {
  /** Where the slide is in the deck (0-based); a follow-on slide moves every later one on. */
  index: number;
  /** The outline's slide it lays out (its index in the bound deck). */
  from: number;
  /** 0 for the slide itself; 1, 2 … for its follow-on slides ("(cont.)"). */
  part: number;
  layout: string;
  background: HexColor;
  elements: Element[];
  notes?: string;
  /** Slide number in the footer (not on the title and section slides). */
  numbered: boolean;
  /** Where the slide number goes, where its layout's frame has it elsewhere than briefdeck's own layouts (SLIDE_NUMBER_BOX). */
  slideNumberBox?: Box;
  origin: SourceRef;
}

/** A chart to draw for a slide, in the box layout gave it (inches). */
export interface PlannedChart {
  id: string;
  request: ChartRequest;
  box: { width: number; height: number };
}

export interface DeckPlan {
  slides: SlidePlan[];
  charts: PlannedChart[];
}

/** A bound slide of one layout kind. */
export type SlideOf<L extends Layout> = Extract<BoundSlide, { layout: L }>;

/** What a layout kind makes of one slide: its elements, and the charts to draw for them. */
export interface SlideContent {
  elements: Element[];
  /** One job per chart element, drawn for the box layout gave it. */
  charts?: PlannedChart[];
  /** Follow-on slides, after this one, with what did not fit on it (a long bullet list). */
  continued?: SlideContent[];
}

/** One layout kind: an entry of the registry in `registry.ts`. */
export interface LayoutKind<L extends Layout> {
  /** Dark background and no slide number (the title and section slides). */
  dark: boolean;
  /** Places the slide's content in boxes; problems go to `ctx.diagnostics`. */
  layout(ctx: LayoutContext & { slide: SlideOf<L> }): SlideContent;
}
