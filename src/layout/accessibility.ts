import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Theme } from '../load/theme/theme.js';
import { contrastRatio, formatRatio, isLargeText, requiredContrast } from './contrast.js';
import { SLIDE_NUMBER_BOX } from './frame.js';
import type { Box, DeckPlan, Element, SlidePlan, TextElement } from './types.js';

/**
 * What PowerPoint's Accessibility Checker would find in the laid-out deck, as warnings at each
 * slide's place in the outline: a slide without a title (LAYOUT_NO_TITLE), a chart without alt text
 * (LAYOUT_NO_ALT_TEXT; `altTexts` by chart job, as the charts stage planned them), and text below
 * WCAG AA contrast on what is behind it (LAYOUT_LOW_CONTRAST).
 */
export function accessibilityDiagnostics(plan: DeckPlan, theme: Theme, altTexts?: ReadonlyMap<string, { altText: string }>): Diagnostic[] {
  return plan.slides.flatMap((slide) => [...missingTitle(slide), ...missingAltText(slide, altTexts), ...lowContrast(slide, theme)]);
}

function titleOf(slide: SlidePlan): string | undefined {
  const title = slide.elements.find((el): el is TextElement => el.type === 'text' && el.name === 'title');
  const text = title?.paragraphs
    .map((p) => p.text)
    .join(' ')
    .trim();
  return text || undefined;
}

/** "slide 5 (一個「全面開花」的時代)", or the layout where the slide has no title. */
function slideName(slide: SlidePlan): string {
  const title = titleOf(slide);
  return `slide ${slide.index + 1} (${title ? (title.length > 40 ? `${title.slice(0, 39)}…` : title) : slide.layout})`;
}

function missingTitle(slide: SlidePlan): Diagnostic[] {
  if (titleOf(slide)) return [];
  return [
    warning(
      'LAYOUT_NO_TITLE',
      `${slideName(slide)} has no title: screen readers, Outline view and PowerPoint's link and Zoom dialogs know it only as "Slide ${slide.index + 1}"`,
      slide.origin,
      `give the slide a title: (the ${slide.layout} layout shows it above the content)`,
    ),
  ];
}

function missingAltText(slide: SlidePlan, altTexts: ReadonlyMap<string, { altText: string }> | undefined): Diagnostic[] {
  if (!altTexts) return [];
  return slide.elements.flatMap((el) => {
    if (el.type !== 'chart') return [];
    const slot = altTexts.get(el.job);
    // No slot: the chart's own problem is reported already.
    if (slot?.altText.trim() !== '') return [];
    return [warning('LAYOUT_NO_ALT_TEXT', `${slideName(slide)}: the ${el.name} has no alternative text for screen readers`, slide.origin, 'the chart kind gives no alt text for this data: report it')];
  });
}

/** A text to check: its words' colour, size and weight, and the box it sits in. */
interface Run {
  element: string;
  color: string;
  sizePt: number;
  bold: boolean;
  box: Box;
  fill?: string;
}

function runsOf(slide: SlidePlan, theme: Theme): { run: Run; index: number }[] {
  const runs: { run: Run; index: number }[] = [];
  slide.elements.forEach((el, index) => {
    if (el.type !== 'text') return;
    for (const p of el.paragraphs) {
      if (!p.text.trim()) continue;
      runs.push({ run: { element: el.name, color: p.color ?? el.color, sizePt: el.size * (p.scale ?? 1), bold: p.bold ?? false, box: el.box, ...(el.fill ? { fill: el.fill } : {}) }, index });
    }
  });
  // Emit adds the slide number to every numbered slide, in the footer's colour and size.
  if (slide.numbered && !slide.elements.some((el) => el.name === 'slide number'))
    runs.push({
      run: { element: 'slide number', color: theme.colors.muted, sizePt: theme.sizes.footer + 1, bold: false, box: slide.slideNumberBox ?? SLIDE_NUMBER_BOX },
      index: slide.elements.length,
    });
  return runs;
}

/** What is behind a text: its own fill, else the topmost filled shape under its centre (a card), else the slide. */
export function backgroundOf(run: Run, below: readonly Element[], slideBackground: string): string {
  if (run.fill) return run.fill;
  const cx = run.box.x + run.box.w / 2;
  const cy = run.box.y + run.box.h / 2;
  for (let k = below.length - 1; k >= 0; k--) {
    const el = below[k] as Element;
    const fill = el.type === 'shape' || el.type === 'text' ? el.fill : undefined;
    if (fill && cx >= el.box.x && cx <= el.box.x + el.box.w && cy >= el.box.y && cy <= el.box.y + el.box.h) return fill;
  }
  return slideBackground;
}

function lowContrast(slide: SlidePlan, theme: Theme): Diagnostic[] {
  const worst = new Map<string, { run: Run; background: string; ratio: number; needed: number }>();
  for (const { run, index } of runsOf(slide, theme)) {
    const background = backgroundOf(run, slide.elements.slice(0, index), slide.background);
    const ratio = contrastRatio(run.color, background);
    const needed = requiredContrast(run.sizePt, run.bold);
    const known = worst.get(run.element);
    if (ratio < needed && (!known || ratio / needed < known.ratio / known.needed)) worst.set(run.element, { run, background, ratio, needed });
  }
  return [...worst.values()].map(({ run, background, ratio, needed }) =>
    warning(
      'LAYOUT_LOW_CONTRAST',
      `${slideName(slide)}: the ${run.element} text #${run.color} on #${background} has a contrast of ${formatRatio(ratio, needed)}, below the ${needed}:1 WCAG AA asks for ${isLargeText(run.sizePt, run.bold) ? 'large' : 'body'} text (${Math.round(run.sizePt * 10) / 10} pt${run.bold ? ' bold' : ''})`,
      slide.origin,
      colorHint(run.color, background, needed, theme),
    ),
  );
}

/** Which theme colours to change: the fields that hold the text's colour and the background's. */
function colorHint(text: string, background: string, needed: number, theme: Theme): string {
  const fields = (hex: string) => Object.entries(theme.colors).flatMap(([k, v]) => (String(v).toUpperCase() === hex.toUpperCase() ? [`colors.${k}`] : []));
  const textFields = fields(text);
  const backgroundFields = fields(background);
  const parts = [
    textFields.length ? `the text's ${textFields.join(' / ')} (${text})` : `the text colour ${text}`,
    backgroundFields.length ? `the background's ${backgroundFields.join(' / ')} (${background})` : `the background ${background}`,
  ];
  return `in the theme '${theme.name}', make ${parts.join(' or ')} lighter or darker, to ${needed}:1 or more`;
}
