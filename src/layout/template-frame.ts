import type { Layout } from '../load/outline/schema.js';
import type { LayoutMapping, Template, TemplateLayout, TemplatePlaceholder } from '../load/template/template.js';
import { DEFAULT_FRAMES, SLIDE, type Frame, type Frames } from './frame.js';
import type { Box, PlaceholderSlot } from './types.js';

const TITLE_TYPES = new Set(['title', 'ctrTitle']);
const BODY_TYPES = new Set(['obj', 'body']);
/** Room kept between the content area and the footer row for the source line, in inches. */
const SOURCE_ROW = 0.4;

/**
 * The placeholder of a template layout a slide's text slot fills: the title in its title (or
 * centred title), a subtitle in its subtitle (on the title and section slides, else its first
 * text body), the text body in its first content or text body, the date, footer and slide number
 * in theirs. Layout (for the box) and finish (for the `p:ph`) both ask this, so text sits in
 * exactly the placeholder it is written into. Only placeholders with a box count.
 */
export function slotPlaceholder(layout: TemplateLayout, kind: Layout, slot: PlaceholderSlot): TemplatePlaceholder | undefined {
  const boxed = layout.placeholders.filter((p) => p.box);
  const first = (types: ReadonlySet<string>) => boxed.find((p) => types.has(p.type));
  switch (slot) {
    case 'title':
      return first(TITLE_TYPES);
    case 'subtitle':
      return first(new Set(['subTitle'])) ?? (kind === 'title' || kind === 'section' ? first(BODY_TYPES) : undefined);
    case 'body':
      return first(BODY_TYPES);
    case 'date':
      return first(new Set(['dt']));
    case 'footer':
      return first(new Set(['ftr']));
    case 'slide number':
      return first(new Set(['sldNum']));
    default: {
      // The comparison's columns: a layout with two headings over two contents (PowerPoint's Comparison) has them; others none.
      const sides = columnPlaceholders(boxed);
      const side = slot.startsWith('left') ? 0 : 1;
      return sides && (slot.endsWith('heading') ? sides.headings[side] : sides.bodies[side]);
    }
  }
}

/** Two text bodies (the headings) and two contents, each pair left to right; undefined unless the layout has exactly those. */
function columnPlaceholders(boxed: readonly TemplatePlaceholder[]): { headings: TemplatePlaceholder[]; bodies: TemplatePlaceholder[] } | undefined {
  const byX = (type: string) => boxed.filter((p) => p.type === type).sort((a, b) => (a.box?.x ?? 0) - (b.box?.x ?? 0));
  const headings = byX('body');
  const bodies = byX('obj');
  return headings.length === 2 && bodies.length === 2 ? { headings, bodies } : undefined;
}

/** The frames of a template: for each kind, the boxes of the template layout mapped to it. */
export function templateFrames(template: Template, mapping: readonly LayoutMapping[]): Frames {
  const frame = (kind: Layout): Frame => {
    const layout = mapping.find((m) => m.kind === kind)?.layout;
    return layout ? layoutFrame(template.slide, layout, kind) : scaledFrame(template.slide, kind);
  };
  return {
    title: frame('title'),
    agenda: frame('agenda'),
    section: frame('section'),
    bullets: frame('bullets'),
    figures: frame('figures'),
    quote: frame('quote'),
    chart: frame('chart'),
    timeline: frame('timeline'),
    comparison: frame('comparison'),
    takeaways: frame('takeaways'),
    sources: frame('sources'),
    changes: frame('changes'),
  };
}

function layoutFrame(slide: { w: number; h: number }, layout: TemplateLayout, kind: Layout): Frame {
  const fallback = scaledFrame(slide, kind);
  const box = (slot: PlaceholderSlot): Box | undefined => clip(slotPlaceholder(layout, kind, slot)?.box, slide);
  const title = box('title') ?? fallback.title;
  const footer = box('footer') ?? fallback.footer;
  const slideNumber = box('slide number') ?? fallback.slideNumber;
  // The footer row starts at the highest of the layout's footer placeholders in the slide's lower part.
  const row = [box('date'), footer, slideNumber].filter((b): b is Box => b !== undefined && b.y > slide.h / 2);
  const footerTop = Math.min(slide.h - 0.5 * (slide.h / SLIDE.h), ...row.map((b) => b.y));
  const below = title.y + title.h + 0.15;
  // All its content placeholders together (a two-content layout's two halves), or the area below the title.
  const bodies = layout.placeholders.filter((p) => p.box && BODY_TYPES.has(p.type)).map((p) => clip(p.box, slide) as Box);
  const area = bodies.length > 0 ? union(bodies) : { x: title.x, y: below, w: title.w, h: footerTop - 0.1 - below };
  // The source line goes between the content and the footer row: a box reaching down to it is shortened.
  const aboveSource = (b: Box): Box => ({ ...b, h: Math.max(1, Math.min(b.h, footerTop - SOURCE_ROW - b.y)) });
  const content = aboveSource(area);
  const body = aboveSource(box('body') ?? area);
  const column = (side: 'left' | 'right') => {
    const heading = box(`${side} heading`);
    const text = box(`${side} body`);
    return heading && text ? { heading, body: aboveSource(text) } : undefined;
  };
  const [left, right] = kind === 'comparison' ? [column('left'), column('right')] : [];
  const subtitle = box('subtitle') ?? { x: title.x, y: title.y + title.h + 0.1, w: title.w, h: Math.max(0.5, Math.min(1.1, slide.h - 0.6 - (title.y + title.h + 0.1))) };
  return {
    slide,
    title,
    subtitle,
    date: box('date') ?? fallback.date,
    content,
    body,
    footer,
    slideNumber,
    source: (withFooter) => sourceBox(content, footerTop, withFooter ? [footer, slideNumber] : [slideNumber]),
    dark: false,
    marks: false,
    textScale: textScale(slide),
    ...(left && right ? { columns: [left, right] as const } : {}),
  };
}

/** Where a box cut to the slide ends short of its edge, in inches (as far as briefdeck's own text stays from it). */
const CUT_MARGIN = 0.4;

/**
 * A placeholder's box cut to the slide: a template may have one reaching past its edge (made for
 * another slide size); the cut side then keeps a margin from the edge, the others stay.
 */
function clip(box: Box | undefined, slide: { w: number; h: number }): Box | undefined {
  if (!box) return undefined;
  const x = box.x < 0 ? CUT_MARGIN : Math.min(box.x, slide.w - 1);
  const y = box.y < 0 ? CUT_MARGIN : Math.min(box.y, slide.h - 0.5);
  const right = box.x + box.w > slide.w ? slide.w - CUT_MARGIN : box.x + box.w;
  const bottom = box.y + box.h > slide.h ? slide.h - CUT_MARGIN : box.y + box.h;
  return { x, y, w: Math.max(1, right - x), h: Math.max(0.3, bottom - y) };
}

function union(boxes: readonly Box[]): Box {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { x, y, w: Math.max(...boxes.map((b) => b.x + b.w)) - x, h: Math.max(...boxes.map((b) => b.y + b.h)) - y };
}

/** Text on a template's slide is as large, relative to the slide, as on briefdeck's own. */
function textScale(slide: { w: number; h: number }): number {
  return Math.min(1, slide.w / SLIDE.w, slide.h / SLIDE.h);
}

/** The source line: under the content, up to the first footer placeholder on its row. */
function sourceBox(content: Box, footerTop: number, row: readonly Box[]): Box {
  const y = content.y + content.h + 0.05;
  const h = Math.max(0.3, Math.min(0.5, footerTop - y));
  const right = Math.min(content.x + content.w, ...row.filter((b) => b.y < y + h && b.y + b.h > y && b.x > content.x).map((b) => b.x - 0.2));
  return { x: content.x, y, w: right - content.x, h };
}

/** briefdeck's own frame of a kind, scaled to the template's slide: for a kind the template has no layout for. */
function scaledFrame(slide: { w: number; h: number }, kind: Layout): Frame {
  const own = DEFAULT_FRAMES[kind];
  const sx = slide.w / SLIDE.w;
  const sy = slide.h / SLIDE.h;
  const scale = (b: Box): Box => ({ x: b.x * sx, y: b.y * sy, w: b.w * sx, h: b.h * sy });
  return {
    slide,
    title: scale(own.title),
    subtitle: scale(own.subtitle),
    date: scale(own.date),
    content: scale(own.content),
    body: scale(own.body),
    footer: scale(own.footer),
    slideNumber: scale(own.slideNumber),
    source: (withFooter) => scale(own.source(withFooter)),
    dark: false,
    marks: false,
    textScale: textScale(slide),
  };
}
