import type PptxModule from 'pptxgenjs';
import type { ChartSlot } from '../../charts/types.js';
import { BULLET_INDENT_PT, SLIDE_NUMBER_BOX } from '../../layout/frame.js';
import { LINE_HEIGHT } from '../../layout/measure.js';
import { splitRuns } from '../../layout/typeset/split-runs.js';
import type { DeckPlan, Element, SlidePlan, TextElement } from '../../layout/types.js';
import type { BoundDeck } from '../../bind/bind.js';
import type { Theme } from '../../load/theme/theme.js';
import { picturePlaceholder } from '../finish/pictures.js';
import { SLIDE_NUMBER_SHAPE } from '../finish/master.js';
import { LAYOUT_KINDS } from '../../layout/registry.js';
import type { Layout } from '../../load/outline/schema.js';

export interface EmitOptions {
  /** Building into a company template: its slide size, and no slide backgrounds of briefdeck's own. */
  template?: { slide: { w: number; h: number } };
}

// pptxgenjs' types are CommonJS-shaped: under NodeNext its class is the module's `default`.
type PptxGenJS = InstanceType<typeof PptxModule.default>;
type Slide = ReturnType<PptxGenJS['addSlide']>;
type TextProps = Exclude<Parameters<Slide['addText']>[0], string>[number];
type ChartName = Parameters<Slide['addChart']>[0];
type ChartOpts = Parameters<Slide['addChart']>[2];

/**
 * Turns the laid-out deck into a package with pptxgenjs. Every text run names the East Asian
 * font and the deck's language; the finish stage then repairs what pptxgenjs gets wrong. A chart
 * picture is written as a placeholder naming its hash (`picturePlaceholder`), so the deck can be
 * written while the pictures are drawn; the finish stage puts the pictures in.
 */
export async function emitPptx(plan: DeckPlan, charts: ReadonlyMap<string, ChartSlot>, meta: BoundDeck['meta'], theme: Theme, opts: EmitOptions = {}): Promise<Uint8Array> {
  const Pptx = (await import('pptxgenjs')).default as unknown as typeof PptxModule.default;
  const pptx = new Pptx();
  if (opts.template) {
    pptx.defineLayout({ name: 'TEMPLATE', width: opts.template.slide.w, height: opts.template.slide.h });
    pptx.layout = 'TEMPLATE';
  } else {
    pptx.layout = 'LAYOUT_WIDE';
  }
  pptx.title = meta.title;
  if (meta.subtitle) pptx.subject = meta.subtitle;
  if (meta.author) pptx.author = meta.author;
  pptx.theme = { headFontFace: theme.fonts.latin, bodyFontFace: theme.fonts.latin };
  const style = { fontFace: theme.fonts.eastAsian, lang: meta.lang };

  for (const slidePlan of plan.slides) {
    const slide = pptx.addSlide();
    // A slide's background is its layout's (finish writes the layouts), unless the plan says otherwise.
    const layoutBackground = LAYOUT_KINDS[slidePlan.layout as Layout].dark ? theme.colors.darkBackground : theme.colors.background;
    // On a template every slide has its layout's background: the template's look is the point.
    if (!opts.template && slidePlan.background !== layoutBackground) slide.background = { color: slidePlan.background };
    for (const el of slidePlan.elements) emitElement(slide, el, charts, style);
    // A text box here; finish makes it the layout's slide number placeholder holding the field.
    if (slidePlan.numbered) emitElement(slide, slideNumber(slidePlan, theme), charts, style);
    if (slidePlan.notes) slide.addNotes(slidePlan.notes);
  }
  return (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
}

function emitElement(slide: Slide, el: Element, charts: ReadonlyMap<string, ChartSlot>, style: { fontFace: string; lang: string }): void {
  const { x, y, w, h } = el.box;
  switch (el.type) {
    case 'text':
      slide.addText(runsOf(el, style), {
        x,
        y,
        w,
        h,
        fontFace: style.fontFace,
        lang: style.lang,
        fontSize: el.size,
        color: el.color,
        align: el.align,
        valign: el.valign,
        margin: Array(4).fill((el.inset ?? 0) * 72) as [number, number, number, number],
        // <a:normAutofit/>: text fitted here stays as it is, text a person lengthens later shrinks.
        fit: 'shrink',
        objectName: el.name,
        ...(el.fill ? { fill: { color: el.fill } } : {}),
      });
      return;
    case 'shape':
      slide.addShape(el.shape, {
        x,
        y,
        w,
        h,
        objectName: el.name,
        ...(el.fill ? { fill: { color: el.fill } } : {}),
        line: el.line ? { color: el.line.color, width: el.line.widthPt } : { type: 'none' },
      });
      return;
    case 'chart': {
      const chart = charts.get(el.job);
      if (!chart) return; // its diagnostics already stopped the build, or it is a check run
      if (chart.type === 'image') {
        const data = `image/png;base64,${Buffer.from(picturePlaceholder(chart.hash)).toString('base64')}`;
        const fitted = fitImage(el.box, chart.widthPx / chart.heightPx);
        slide.addImage({ data, ...fitted, altText: chart.altText, objectName: el.name });
      } else {
        slide.addChart(chart.chartType as ChartName, chart.data, { ...chart.options, x, y, w, h, altText: chart.altText } as ChartOpts);
      }
      return;
    }
  }
}

/**
 * Paragraphs as pptxgenjs runs: one run a paragraph (or one a part of `runs`), with its size,
 * bullet and spacing; a run with a link gets a hyperlink. Only a paragraph's first run carries the
 * bullet (pptxgenjs starts a new paragraph at every run with one), only its last breaks the line.
 */
function runsOf(el: TextElement, style: { lang: string }): TextProps[] {
  return el.paragraphs.flatMap((p) => {
    const size = Math.round(el.size * (p.scale ?? 1) * 2) / 2;
    // Cut at the line breaks layout decided, so every viewer shows the lines layout measured.
    const parts = splitRuns(p.runs?.length ? p.runs : [{ text: p.text, ...(p.link ? { link: p.link } : {}) }], p.breaks);
    return parts.map((run, k) => ({
      text: run.text,
      options: {
        fontSize: size,
        bold: p.bold ?? false,
        color: p.color ?? el.color,
        lang: style.lang,
        breakLine: k === parts.length - 1,
        ...(run.softBreakBefore ? { softBreakBefore: true } : {}),
        // Exact spacing, so the measured height is the rendered height in every viewer.
        lineSpacing: Math.round(size * LINE_HEIGHT * 10) / 10,
        ...(p.spaceBefore ? { paraSpaceBefore: Math.round(p.spaceBefore * size) } : {}),
        ...(p.bullet && k === 0 ? { bullet: p.bullet === 'number' ? { type: 'number' as const, indent: BULLET_INDENT_PT } : { indent: BULLET_INDENT_PT }, indentLevel: p.level ?? 0 } : {}),
        ...(run.link ? { hyperlink: { url: run.link } } : {}),
      },
    }));
  });
}

function slideNumber(slide: SlidePlan, theme: Theme): TextElement {
  const text = String(slide.index + 1);
  return {
    type: 'text',
    box: slide.slideNumberBox ?? SLIDE_NUMBER_BOX,
    paragraphs: [{ text }],
    size: theme.sizes.footer + 1,
    color: theme.colors.muted,
    align: 'right',
    valign: 'top',
    name: SLIDE_NUMBER_SHAPE,
    placeholder: 'slide number',
  };
}

/** The largest box of the image's aspect ratio inside `box`, centred. */
function fitImage(box: { x: number; y: number; w: number; h: number }, ratio: number) {
  const w = Math.min(box.w, box.h * ratio);
  const h = w / ratio;
  return { x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h };
}
