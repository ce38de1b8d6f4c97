import type { Bullet } from '../../load/outline/schema.js';
import { citation } from '../../bind/helpers.js';
import { BODY, CARD_FILL, CONTENT_W, contentFrame, fitAll, fitText, MARGIN, type LayoutContext, type TextSpec } from '../frame.js';
import type { Element, Paragraph } from '../types.js';

export function layoutAgenda(ctx: LayoutContext & { slide: { layout: 'agenda' } }): Element[] {
  const { slide, theme, deck } = ctx;
  const sections = deck.slides.filter((s) => s.layout === 'section');
  const items = slide.items ?? sections.map((s) => s.title);
  const numbers = slide.items ? items.map((_, i) => String(i + 1).padStart(2, '0')) : sections.map((s, i) => s.number ?? String(i + 1).padStart(2, '0'));
  const rowH = Math.min(1.25, BODY.h / Math.max(1, items.length));
  // A short agenda sits in the middle of the body rather than hanging from the title.
  const top = BODY.y + Math.max(0.2, (BODY.h - rowH * items.length) / 2 - 0.2);
  const els: Element[] = contentFrame(ctx, slide.title ?? '議程');
  const specs: TextSpec[] = [];
  items.forEach((item, i) => {
    const y = top + i * rowH;
    els.push(fitText({ box: { x: MARGIN, y, w: 1.2, h: rowH * 0.8 }, paragraphs: [{ text: numbers[i] ?? '', bold: true }], max: 36, min: 18, color: theme.colors.accent, valign: 'middle', name: `agenda number ${i + 1}` }, ctx));
    specs.push({ box: { x: MARGIN + 1.4, y, w: CONTENT_W - 1.4, h: rowH * 0.8 }, paragraphs: [{ text: item }], max: 28, min: 16, color: theme.colors.text, valign: 'middle', name: `agenda item ${i + 1}` });
    els.push({ type: 'shape', shape: 'line', box: { x: MARGIN, y: y + rowH * 0.9, w: CONTENT_W, h: 0 }, line: { color: theme.colors.grid, widthPt: 1 }, name: `agenda rule ${i + 1}` });
  });
  return [...els, ...fitAll(specs, ctx)];
}

/** Bullets as paragraphs: first level, then their sub-bullets a little smaller. */
export function bulletParagraphs(bullets: readonly Bullet[], color?: string): Paragraph[] {
  return bullets.flatMap((b, i): Paragraph[] => {
    const text = typeof b === 'string' ? b : b.text;
    const subs = typeof b === 'string' ? [] : (b.sub ?? []);
    const top: Paragraph = { text, bullet: 'bullet', level: 0, spaceBefore: i === 0 ? 0 : 0.7 };
    if (color) top.color = color;
    return [top, ...subs.map((s): Paragraph => ({ text: s, bullet: 'bullet', level: 1, scale: 0.85, spaceBefore: 0.2, ...(color ? { color } : {}) }))];
  });
}

export function layoutBullets(ctx: LayoutContext & { slide: { layout: 'bullets' } }): Element[] {
  const { slide, theme } = ctx;
  return [
    ...contentFrame(ctx, slide.title),
    fitText({ box: { ...BODY, y: BODY.y + 0.15, h: BODY.h - 0.15 }, paragraphs: bulletParagraphs(slide.bullets), max: theme.sizes.body + 8, min: 14, color: theme.colors.text, name: 'bullets' }, ctx),
  ];
}

export function layoutComparison(ctx: LayoutContext & { slide: { layout: 'comparison' } }): Element[] {
  const { slide, theme } = ctx;
  const gap = 0.5;
  const w = (CONTENT_W - gap) / 2;
  const columns = [slide.left, slide.right];
  const heads = columns.map((c, i): TextSpec => ({
    box: { x: MARGIN + i * (w + gap), y: BODY.y + 0.15, w, h: 0.8 }, paragraphs: [{ text: c.heading, bold: true }], max: 24, min: 14,
    color: 'FFFFFF', fill: i === 0 ? theme.colors.accent2 : theme.colors.accent, align: 'center', valign: 'middle', pad: 0.12, name: `${i ? 'right' : 'left'} heading`,
  }));
  const bodies = columns.map((c, i): TextSpec => ({
    box: { x: MARGIN + i * (w + gap), y: BODY.y + 1.0, w, h: BODY.h - 1.0 }, paragraphs: bulletParagraphs(c.bullets), max: theme.sizes.body + 2, min: 12,
    color: theme.colors.text, fill: CARD_FILL, pad: 0.3, name: `${i ? 'right' : 'left'} column`,
  }));
  return [...contentFrame(ctx, slide.title), ...fitAll(heads, ctx), ...fitAll(bodies, ctx)];
}

export function layoutQuote(ctx: LayoutContext & { slide: { layout: 'quote' } }): Element[] {
  const { slide, theme } = ctx;
  const who: Paragraph[] = [{ text: `— ${slide.speaker}`, bold: true }];
  if (slide.role) who.push({ text: slide.role, scale: 0.8, color: theme.colors.muted, spaceBefore: 0.2 });
  return [
    ...(slide.title ? contentFrame(ctx, slide.title) : []),
    { type: 'shape', shape: 'rect', box: { x: MARGIN + 0.2, y: 2.0, w: 0.12, h: 2.9 }, fill: theme.colors.accent, name: 'quote bar' },
    fitText({ box: { x: MARGIN + 0.7, y: 1.85, w: CONTENT_W - 1.2, h: 3.2 }, paragraphs: [{ text: `「${stripQuotes(slide.quote)}」` }], max: theme.sizes.quote + 4, min: 16, color: theme.colors.text, valign: 'middle', name: 'quote' }, ctx),
    fitText({ box: { x: MARGIN + 0.7, y: 5.25, w: CONTENT_W - 1.2, h: 1.2 }, paragraphs: who, max: 22, min: 12, color: theme.colors.text, name: 'speaker' }, ctx),
  ];
}

function stripQuotes(s: string): string {
  return s.replace(/^[「“"]+/, '').replace(/[」”"]+$/, '');
}

export function layoutTakeaways(ctx: LayoutContext & { slide: { layout: 'takeaways' } }): Element[] {
  const { slide, theme } = ctx;
  const n = slide.points.length;
  const grid = n === 4 ? { cols: 2, rows: 2 } : { cols: n, rows: 1 };
  const gap = 0.3;
  const w = (CONTENT_W - gap * (grid.cols - 1)) / grid.cols;
  const h = (BODY.h - 0.1 - gap * (grid.rows - 1)) / grid.rows;
  const cards: Element[] = [];
  const heads: TextSpec[] = [];
  const texts: TextSpec[] = [];
  slide.points.forEach((p, i) => {
    const x = MARGIN + (i % grid.cols) * (w + gap);
    const y = BODY.y + 0.1 + Math.floor(i / grid.cols) * (h + gap);
    cards.push({ type: 'shape', shape: 'rect', box: { x, y, w, h }, fill: 'F3F5F8', name: `card ${i + 1}` });
    cards.push({ type: 'shape', shape: 'rect', box: { x, y, w: 0.08, h }, fill: theme.colors.accent, name: `card ${i + 1} bar` });
    const headH = grid.rows === 2 ? 0.75 : 1.2;
    heads.push({ box: { x: x + 0.35, y: y + 0.2, w: w - 0.6, h: headH }, paragraphs: [{ text: `${i + 1}　${p.heading}`, bold: true }], max: 26, min: 14, color: theme.colors.accent, valign: 'middle', name: `point ${i + 1} heading` });
    texts.push({ box: { x: x + 0.35, y: y + 0.3 + headH, w: w - 0.6, h: h - headH - 0.5 }, paragraphs: [{ text: p.text }], max: theme.sizes.body, min: 12, color: theme.colors.text, name: `point ${i + 1} text` });
  });
  return [...contentFrame(ctx, slide.title), ...cards, ...fitAll(heads, ctx), ...fitAll(texts, ctx)];
}

export function layoutSources(ctx: LayoutContext & { slide: { layout: 'sources' } }): Element[] {
  const { slide, theme, deck, data } = ctx;
  const entries: string[] = [];
  const src = deck.meta.source;
  if (src) entries.push([`${src.publisher}〈${src.title}〉`, src.author, src.date, src.url].filter(Boolean).join('，'));
  const used = [...new Set(deck.slides.flatMap((s) => s.datasets))];
  for (const id of used) {
    const d = data.get(id);
    if (d) entries.push(`${d.title}：${citation(d)}`);
  }
  entries.push(...(slide.items ?? []));
  const paragraphs: Paragraph[] = entries.map((text, i) => ({ text: `${i + 1}. ${text}`, spaceBefore: i ? 0.5 : 0 }));
  return [
    ...contentFrame(ctx, slide.title ?? '資料來源'),
    fitText({ box: { ...BODY, y: BODY.y + 0.15, h: BODY.h }, paragraphs, max: 18, min: 10, color: theme.colors.text, name: 'sources' }, ctx),
  ];
}
