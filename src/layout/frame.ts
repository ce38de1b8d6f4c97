import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DataStore } from '../data/types.js';
import type { BoundDeck, BoundSlide } from '../bind/bind.js';
import type { Theme } from '../load/theme/theme.js';
import { fitSize, type MeasureParagraph } from './measure.js';
import { sourceLineParagraph } from './source-links.js';
import type { Box, Element, Paragraph, TextElement } from './types.js';

/** The 16:9 slide and its grid, in inches. */
export const SLIDE = { w: 13.333, h: 7.5 };
export const MARGIN = 0.6;
export const CONTENT_W = SLIDE.w - 2 * MARGIN;
/** The body area of a content slide: below the title, above the footer. */
export const BODY: Box = { x: MARGIN, y: 1.55, w: CONTENT_W, h: 5.0 };
/** Where emit puts the slide number of a content slide, right of the source line. */
export const SLIDE_NUMBER_BOX: Box = { x: SLIDE.w - 1.35, y: 6.78, w: 0.75, h: 0.4 };

/** What every layout function gets: the slide, the deck, the theme, and where to report. */
export interface LayoutContext {
  slide: BoundSlide;
  deck: BoundDeck;
  data: DataStore;
  theme: Theme;
  diagnostics: Diagnostic[];
}

export interface TextSpec {
  box: Box;
  paragraphs: Paragraph[];
  /** Largest and smallest base size in points; the largest that fits is chosen. */
  max: number;
  min: number;
  color: string;
  align?: TextElement['align'];
  valign?: TextElement['valign'];
  fill?: string;
  /** Inner padding in inches, when the box has a fill. */
  pad?: number;
  /** Keep each paragraph on one line (a big number never breaks from its unit). */
  noWrap?: boolean;
  name: string;
}

/** Bullet indent per level, in points; emit uses the same. */
export const BULLET_INDENT_PT = 22;

/**
 * A text box whose size is chosen so its text fits; when even the smallest size overflows,
 * a LAYOUT_OVERFLOW warning names the slide and the box, so the author hears it before the
 * audience sees it.
 */
export function fitText(spec: TextSpec, ctx: LayoutContext): TextElement {
  return fitAll([spec], ctx)[0] as TextElement;
}

/**
 * Text boxes that should read as a set (the labels of a timeline, the cards of a figures
 * slide) get one size: the largest at which every one of them fits.
 */
export function fitAll(specs: readonly TextSpec[], ctx: LayoutContext): TextElement[] {
  const fitted = specs.map((spec) => measureFit(spec, ctx));
  const size = Math.min(...fitted.map((f) => f.size));
  return specs.map((spec) => toElement(spec, size));
}

function measureFit(spec: TextSpec, ctx: LayoutContext): { size: number } {
  const pad = spec.pad ?? 0;
  const widthPt = (spec.box.w - 2 * pad) * 72;
  const heightPt = (spec.box.h - 2 * pad) * 72;
  const measured: MeasureParagraph[] = spec.paragraphs.map((p) => ({
    text: p.text,
    scale: p.scale ?? 1,
    bold: p.bold ?? false,
    indentPt: p.bullet ? BULLET_INDENT_PT * ((p.level ?? 0) + 1) : 0,
    spaceBefore: p.spaceBefore ?? 0,
  }));
  // 4% slack for rounding in the viewer's line breaking.
  const { size, fits } = fitSize(measured, { widthPt: widthPt * 0.96, heightPt }, spec.max, spec.min, { noWrap: spec.noWrap ?? false });
  if (!fits) {
    ctx.diagnostics.push(
      warning(
        'LAYOUT_OVERFLOW',
        `slide ${ctx.slide.index + 1} (${ctx.slide.layout}): the ${spec.name} does not fit its box even at ${spec.min} pt`,
        ctx.slide.origin,
        'shorten the text or split the slide',
      ),
    );
  }
  return { size };
}

function toElement(spec: TextSpec, size: number): TextElement {
  const el: TextElement = {
    type: 'text',
    box: spec.box,
    paragraphs: spec.paragraphs,
    size,
    color: spec.color,
    align: spec.align ?? 'left',
    valign: spec.valign ?? 'top',
    name: spec.name,
  };
  if (spec.fill) el.fill = spec.fill;
  if (spec.pad) el.inset = spec.pad;
  return el;
}

/** Title, accent rule and source line of a content slide. */
export function contentFrame(ctx: LayoutContext, title: string): Element[] {
  const { theme, slide } = ctx;
  const els: Element[] = [
    fitText(
      { box: { x: MARGIN, y: 0.35, w: CONTENT_W, h: 0.85 }, paragraphs: [{ text: title, bold: true }], max: theme.sizes.heading, min: 20, color: theme.colors.text, valign: 'bottom', name: 'title' },
      ctx,
    ),
    { type: 'shape', shape: 'rect', box: { x: MARGIN, y: 1.27, w: 0.9, h: 0.06 }, fill: theme.colors.accent, name: 'title rule' },
  ];
  if (slide.sourceLine) {
    els.push(
      fitText(
        {
          box: { x: MARGIN, y: 6.78, w: CONTENT_W - 1.0, h: 0.5 },
          paragraphs: [sourceLineParagraph(slide.sourceLine, slide.datasets, ctx.data, ctx.deck.locale)],
          max: theme.sizes.footer + 1,
          min: 8,
          color: theme.colors.muted,
          valign: 'top',
          name: 'source',
        },
        ctx,
      ),
    );
  }
  return els;
}
