import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DataStore } from '../data/types.js';
import type { BoundDeck, BoundSlide } from '../bind/bind.js';
import type { Theme } from '../load/theme/theme.js';
import type { Layout } from '../load/outline/schema.js';
import { fitSize, lineStarts, type MeasureParagraph } from './measure.js';
import { typesetterFor, type Typesetter } from './typeset/typesetter.js';
import { typesetWarnings } from './typeset/typeset-warnings.js';
import { sourceLineParagraph } from './source-links.js';
import type { Box, Element, Paragraph, PlaceholderSlot, TextElement } from './types.js';

/** The 16:9 slide and its grid, in inches. */
export const SLIDE = { w: 13.333, h: 7.5 };
export const MARGIN = 0.6;
export const CONTENT_W = SLIDE.w - 2 * MARGIN;
/** The body area of a content slide: below the title, above the footer. */
export const BODY: Box = { x: MARGIN, y: 1.55, w: CONTENT_W, h: 5.0 };
/** Where emit puts the slide number of a content slide, right of the source line. */
export const SLIDE_NUMBER_BOX: Box = { x: SLIDE.w - 1.35, y: 6.78, w: 0.75, h: 0.4 };

/*
 * The boxes of the layouts' placeholders: a slide's text sits in its layout's box, so PowerPoint's
 * Reset and a restyled layout move nothing (src/pptx/finish/layouts.ts makes the layouts from these).
 */
/** The title of a content slide. */
export const TITLE_BOX: Box = { x: MARGIN, y: 0.35, w: CONTENT_W, h: 0.85 };
/** The text body of a content slide (bullets, the sources list). */
export const BODY_TEXT_BOX: Box = { x: BODY.x, y: BODY.y + 0.15, w: BODY.w, h: BODY.h - 0.15 };
/** The deck's footer, right-aligned left of the slide number; the source line ends left of it. */
export const FOOTER_BOX: Box = { x: SLIDE_NUMBER_BOX.x - 0.2 - 3.4, y: 6.78, w: 3.4, h: 0.4 };
/** The title slide's title, subtitle and date line. */
export const TITLE_SLIDE_BOXES = {
  title: { x: MARGIN, y: 2.3, w: 11.6, h: 2.0 },
  subtitle: { x: MARGIN, y: 4.4, w: 11.6, h: 1.1 },
  date: { x: MARGIN, y: 6.2, w: 11.6, h: 0.6 },
} as const satisfies Record<string, Box>;
/** A section slide's title and subtitle. */
export const SECTION_BOXES = {
  title: { x: MARGIN, y: 3.55, w: 11.6, h: 1.6 },
  subtitle: { x: MARGIN, y: 5.25, w: 11.6, h: 1.0 },
} as const satisfies Record<string, Box>;
const COLUMN_GAP = 0.5;
/** The two columns of a comparison in a content area: a heading over a body each, left (0) and right (1). */
export function comparisonColumn(i: 0 | 1, content: Box = BODY): Column {
  const w = (content.w - COLUMN_GAP) / 2;
  const x = content.x + i * (w + COLUMN_GAP);
  return { heading: { x, y: content.y + 0.15, w, h: 0.8 }, body: { x, y: content.y + 1.0, w, h: content.h - 1.0 } };
}

/**
 * Where a slide of one layout kind puts its parts, in inches: the slide's size, the boxes of its
 * layout's text placeholders, and the content area what has no placeholder (charts, cards,
 * timelines) is drawn in. briefdeck's own layouts have `DEFAULT_FRAMES`; a company template's
 * come from its layouts' placeholders (`templateFrames`).
 */
export interface Frame {
  slide: { w: number; h: number };
  /** The slide's title: a content slide's, or the title or section slide's own. */
  title: Box;
  /** The subtitle of the title and section slides. */
  subtitle: Box;
  /** The title slide's date line. */
  date: Box;
  /** Below the title and above the footer row: where a content slide's content goes. */
  content: Box;
  /** The text body (bullets, the sources list). */
  body: Box;
  footer: Box;
  slideNumber: Box;
  /** The source line, left of the footer (when the deck has one) and the slide number. */
  source(withFooter: boolean): Box;
  /** Light text on a dark background (briefdeck's title and section slides); a template's slides keep its own background. */
  dark: boolean;
  /** briefdeck's own marks (the accent rules under titles): not on a template, which has its own look. */
  marks: boolean;
  /** Text sizes relative to briefdeck's own slide: a smaller slide (a template's) has proportionally smaller text. */
  textScale: number;
  /** A template's comparison layout's heading and content placeholders, left and right: the columns go into them, in its style. */
  columns?: readonly [Column, Column];
}

/** A column of a comparison: its heading over its body. */
export interface Column {
  heading: Box;
  body: Box;
}

/** The frame of briefdeck's own layout of a kind (src/pptx/finish/layouts.ts makes the layouts from the same boxes). */
function defaultFrame(kind: Layout): Frame {
  const cover = kind === 'title' ? TITLE_SLIDE_BOXES : kind === 'section' ? SECTION_BOXES : undefined;
  return {
    slide: SLIDE,
    title: cover?.title ?? TITLE_BOX,
    subtitle: cover?.subtitle ?? TITLE_SLIDE_BOXES.subtitle,
    date: TITLE_SLIDE_BOXES.date,
    content: BODY,
    body: BODY_TEXT_BOX,
    footer: FOOTER_BOX,
    slideNumber: SLIDE_NUMBER_BOX,
    source: (withFooter) => ({ x: MARGIN, y: 6.78, w: (withFooter ? FOOTER_BOX.x - 0.2 : SLIDE_NUMBER_BOX.x - 0.25) - MARGIN, h: 0.5 }),
    dark: cover !== undefined,
    marks: true,
    textScale: 1,
  };
}

/** The frames of briefdeck's own layouts, one a kind. */
export const DEFAULT_FRAMES: Frames = {
  title: defaultFrame('title'),
  agenda: defaultFrame('agenda'),
  section: defaultFrame('section'),
  bullets: defaultFrame('bullets'),
  figures: defaultFrame('figures'),
  quote: defaultFrame('quote'),
  chart: defaultFrame('chart'),
  timeline: defaultFrame('timeline'),
  comparison: defaultFrame('comparison'),
  takeaways: defaultFrame('takeaways'),
  sources: defaultFrame('sources'),
  changes: defaultFrame('changes'),
};

/** A frame for each layout kind. */
export type Frames = { readonly [L in Layout]: Frame };

/** What every layout function gets: the slide, its frame, the deck, the theme, and where to report. */
export interface LayoutContext {
  slide: BoundSlide;
  /** The slide's number in the deck (its first part's, when it goes on on "(cont.)" slides), for messages. */
  number: number;
  frame: Frame;
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
  placeholder?: PlaceholderSlot;
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
  const ts = typesetterOf(ctx);
  const fitted = specs.map((spec) => measureFit(spec, ctx, ts));
  const size = Math.min(...fitted.map((f) => f.size));
  return specs.map((spec, i) => {
    const breaks = decidedBreaks(fitted[i] as Fitted, size, ts);
    const set = {
      name: spec.name,
      box: spec.box,
      valign: spec.valign ?? 'top',
      paragraphs: spec.paragraphs.map((p, k) => ({ text: p.text, sizePt: size * (p.scale ?? 1), breaks: spec.noWrap ? [] : (breaks[k] ?? []) })),
    };
    const warnings = typesetWarnings(set, { index: ctx.number - 1, layout: ctx.slide.layout, origin: ctx.slide.origin }, ctx.frame.slide);
    // A template's placeholder near the slide's edge is where the template puts it: nothing the author can change.
    const templatePlaceholder = !ctx.frame.marks && spec.placeholder !== undefined;
    ctx.diagnostics.push(...(templatePlaceholder ? warnings.filter((d) => d.code !== 'LAYOUT_NEAR_EDGE') : warnings));
    return toElement(spec, size, breaks);
  });
}

/** The deck's typesetter: the theme's fonts (their stand-ins) and the deck's language. */
export function typesetterOf(ctx: LayoutContext): Typesetter {
  return typesetterFor(ctx.theme.fonts, ctx.deck.meta.lang);
}

interface Fitted {
  size: number;
  measured: MeasureParagraph[];
  /** The measure lines are broken at: the box's inner width less 4% slack. */
  widthPt: number;
  /** Whether the text fits at that size (at the floor, when it does not, it overflows). */
  fits: boolean;
}

/** Whether a text box's text fits it at some size it may take (no smaller than the theme's minimum); nothing is reported. */
export function fitsItsBox(spec: TextSpec, ctx: LayoutContext): boolean {
  return measureFit(spec, ctx, typesetterOf(ctx), false).fits;
}

/**
 * Where each paragraph's lines start at the fitted size, so emit writes those breaks and every
 * viewer shows the lines layout decided (the 4% slack keeps a slightly wider font from adding one).
 */
function decidedBreaks(fitted: Fitted, size: number, ts: Typesetter): number[][] {
  return fitted.measured.map((p) => lineStarts(p.text, size * (p.scale ?? 1), fitted.widthPt - (p.indentPt ?? 0), { bold: p.bold ?? false, balance: p.balance ?? false }, ts).starts);
}

function measureFit(spec: TextSpec, ctx: LayoutContext, ts: Typesetter, report = true): Fitted {
  const pad = spec.pad ?? 0;
  const widthPt = (spec.box.w - 2 * pad) * 72;
  const heightPt = (spec.box.h - 2 * pad) * 72;
  const measured: MeasureParagraph[] = spec.paragraphs.map((p) => ({
    text: p.text,
    scale: p.scale ?? 1,
    bold: p.bold ?? false,
    indentPt: p.bullet ? BULLET_INDENT_PT * ((p.level ?? 0) + 1) : 0,
    spaceBefore: p.spaceBefore ?? 0,
    balance: spec.name === 'title',
  }));
  // 4% slack for rounding in the viewer's line breaking.
  const box = { widthPt: widthPt * 0.96, heightPt };
  // A template's smaller slide scales every size, the theme's minimum with them.
  const scale = ctx.frame.textScale;
  const [max, min] = scale === 1 ? [spec.max, spec.min] : [Math.round(spec.max * scale), Math.round(spec.min * scale)];
  const opts = { noWrap: spec.noWrap ?? false, typesetter: ts };
  // The theme's sizes.min is a floor under every box's own, for its smallest paragraph (a sub-bullet at 0.85).
  const smallest = Math.min(1, ...measured.map((p) => p.scale ?? 1));
  const floor = Math.max(min, Math.ceil((ctx.theme.sizes.min * scale) / smallest));
  const { size, fits } = fitSize(measured, box, Math.max(max, floor), floor, opts);
  if (report && !fits) {
    const below = floor > min ? fitSize(measured, box, floor - 1, min, opts) : undefined;
    ctx.diagnostics.push(
      below?.fits
        ? warning(
            'LAYOUT_TEXT_TOO_SMALL',
            `slide ${ctx.number} (${ctx.slide.layout}): the ${spec.name} would fit only at ${below.size} pt, below the theme's minimum of ${ctx.theme.sizes.min} pt for its smallest text; it is set at ${floor} pt and overflows its box`,
            ctx.slide.origin,
            "shorten the text or split the slide (or lower the theme's sizes.min)",
          )
        : warning('LAYOUT_OVERFLOW', `slide ${ctx.number} (${ctx.slide.layout}): the ${spec.name} does not fit its box even at ${floor} pt`, ctx.slide.origin, 'shorten the text or split the slide'),
    );
  }
  return { size, measured, widthPt: widthPt * 0.96, fits };
}

function toElement(spec: TextSpec, size: number, breaks: number[][]): TextElement {
  const el: TextElement = {
    type: 'text',
    box: spec.box,
    paragraphs: spec.paragraphs.map((p, i) => (breaks[i]?.length && !spec.noWrap ? { ...p, breaks: breaks[i] as number[] } : p)),
    size,
    color: spec.color,
    align: spec.align ?? 'left',
    valign: spec.valign ?? 'top',
    name: spec.name,
  };
  if (spec.fill) el.fill = spec.fill;
  if (spec.pad) el.inset = spec.pad;
  if (spec.placeholder) el.placeholder = spec.placeholder;
  return el;
}

/** Title, accent rule, source line and the deck's footer of a content slide. */
export function contentFrame(ctx: LayoutContext, title: string): Element[] {
  const { theme, slide, frame } = ctx;
  const els: Element[] = [
    fitText({ box: frame.title, paragraphs: [{ text: title, bold: true }], max: theme.sizes.heading, min: 20, color: theme.colors.text, valign: 'bottom', name: 'title', placeholder: 'title' }, ctx),
  ];
  if (frame.marks) els.push({ type: 'shape', shape: 'rect', box: { x: frame.title.x, y: frame.title.y + frame.title.h + 0.07, w: 0.9, h: 0.06 }, fill: theme.colors.accent, name: 'title rule' });
  if (slide.sourceLine) {
    els.push(
      fitText(
        {
          box: frame.source(Boolean(ctx.deck.meta.footer)),
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
  return [...els, ...deckFooter(ctx)];
}

/** The deck's footer (`deck.footer`) in the footer row of a content slide; none when the deck has none. */
export function deckFooter(ctx: LayoutContext): Element[] {
  const footer = ctx.deck.meta.footer;
  if (!footer) return [];
  const { theme } = ctx;
  return [
    fitText(
      {
        box: ctx.frame.footer,
        paragraphs: [{ text: footer }],
        max: theme.sizes.footer + 1,
        min: 8,
        color: theme.colors.muted,
        align: 'right',
        valign: 'top',
        noWrap: true,
        name: 'footer',
        placeholder: 'footer',
      },
      ctx,
    ),
  ];
}
