/** What `check` reports as PowerPoint's Accessibility Checker would (issue 16): contrast, titles, alt text. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutline } from '../../src/check.js';
import { accessibilityDiagnostics, backgroundOf } from '../../src/layout/accessibility.js';
import { contrastRatio, formatRatio, isLargeText, relativeLuminance, requiredContrast } from '../../src/layout/contrast.js';
import type { DeckPlan, Element } from '../../src/layout/types.js';
import { loadInputs } from '../../src/build.js';
import { layOut } from './lay-out.js';

const FIXTURE = path.resolve(__dirname, '../fixtures/low-contrast');

describe('WCAG 2.x contrast', () => {
  it('gives the relative luminance of black, white and a mid grey', () => {
    expect(relativeLuminance('000000')).toBe(0);
    expect(relativeLuminance('FFFFFF')).toBeCloseTo(1, 10);
    // sRGB 0x77 = 119: ((119/255 + 0.055) / 1.055) ^ 2.4
    expect(relativeLuminance('777777')).toBeCloseTo(0.184474, 5);
  });

  it('gives the ratios WCAG and its tools publish', () => {
    expect(contrastRatio('000000', 'FFFFFF')).toBeCloseTo(21, 10);
    expect(contrastRatio('FFFFFF', '000000')).toBeCloseTo(21, 10);
    expect(contrastRatio('1B2333', '1B2333')).toBe(1);
    // #767676 is the lightest grey that passes 4.5:1 on white; #777777 just fails.
    expect(contrastRatio('767676', 'FFFFFF')).toBeGreaterThan(4.5);
    expect(contrastRatio('777777', 'FFFFFF')).toBeLessThan(4.5);
    // The red section numbers on navy.
    expect(formatRatio(contrastRatio('C8102E', '14213D'))).toBe('2.72:1');
  });

  it('counts 18 pt, or 14 pt bold, as large text, which needs 3:1 instead of 4.5:1', () => {
    expect([isLargeText(18, false), isLargeText(17.5, false), isLargeText(14, true), isLargeText(13.5, true)]).toEqual([true, false, true, false]);
    expect([requiredContrast(24, false), requiredContrast(12, true)]).toEqual([3, 4.5]);
  });

  it('never rounds a failing ratio up to the threshold it fails', () => {
    expect(formatRatio(4.497, 4.5)).toBe('4.49:1');
    expect(formatRatio(4.497)).toBe('4.50:1');
  });
});

describe('backgroundOf', () => {
  const card: Element = { type: 'shape', shape: 'rect', box: { x: 1, y: 1, w: 4, h: 4 }, fill: 'F3F5F8', name: 'figure 1 card' };
  const rule: Element = { type: 'shape', shape: 'line', box: { x: 0, y: 6, w: 10, h: 0 }, line: { color: '000000', widthPt: 1 }, name: 'rule' };
  const run = (x: number, fill?: string) => ({ element: 't', color: '000000', sizePt: 12, bold: false, box: { x, y: 2, w: 1, h: 1 }, ...(fill ? { fill } : {}) });
  it("is the text's own fill, else the filled shape under its centre, else the slide", () => {
    expect(backgroundOf(run(2, 'ABCDEF'), [card], 'FFFFFF')).toBe('ABCDEF');
    expect(backgroundOf(run(2), [card, rule], 'FFFFFF')).toBe('F3F5F8');
    expect(backgroundOf(run(7), [card, rule], 'FFFFFF')).toBe('FFFFFF');
  });
});

describe('accessibilityDiagnostics', () => {
  it('reports a slide without a title, and a chart whose alt text is empty, at the slide', async () => {
    const theme = (await loadInputs(path.join(FIXTURE, 'readable.yaml'), [], new Map()))?.theme;
    if (!theme) throw new Error('the readable theme does not load');
    const origin = { file: 'deck.yaml', range: [10, 20] as const };
    const plan: DeckPlan = {
      charts: [],
      slides: [
        {
          index: 0,
          from: 0,
          part: 0,
          layout: 'chart',
          background: theme.colors.background,
          numbered: false,
          origin,
          elements: [{ type: 'chart', box: { x: 1, y: 1, w: 4, h: 3 }, job: 'c1', name: 'chart' }],
        },
      ],
    };
    const found = accessibilityDiagnostics(plan, theme, new Map([['c1', { altText: ' ' }]]));
    expect(found.map((d) => [d.code, d.severity, d.source])).toEqual([
      ['LAYOUT_NO_TITLE', 'warning', origin],
      ['LAYOUT_NO_ALT_TEXT', 'warning', origin],
    ]);
    expect(accessibilityDiagnostics(plan, theme, new Map([['c1', { altText: '排名圖：…' }]])).map((d) => d.code)).toEqual(['LAYOUT_NO_TITLE']);
  });
});

describe('check on a deck in a low-contrast theme', () => {
  it('reports each text below WCAG AA with both colours and the ratio, located at its slide, and nothing in a readable theme', async () => {
    const outline = path.join(FIXTURE, 'deck.yaml');
    const { plan } = await layOut(outline);
    const { diagnostics } = await checkOutline({ outline, cwd: FIXTURE });
    const low = diagnostics.filter((d) => d.code === 'LAYOUT_LOW_CONTRAST');
    expect(low.every((d) => d.severity === 'warning')).toBe(true);
    // The source line: muted BBBBBB on white, 1.92:1.
    const figures = plan.slides.find((s) => s.layout === 'figures');
    expect(figures).toBeDefined();
    const source = low.find((d) => d.message.includes('the source text'));
    expect(source?.message).toContain('#BBBBBB on #FFFFFF has a contrast of 1.92:1, below the 4.5:1');
    expect(source?.source).toEqual(figures?.origin);
    expect(source?.hint).toContain('colors.muted (BBBBBB)');
    // A figure's value sits on its card: the card's fill is its background, and the large-text threshold applies.
    const value = low.find((d) => d.message.includes('figure 1 value'));
    expect(value?.message).toMatch(/#FFD700 on #([0-9A-F]{6}) has a contrast of \d\.\d\d:1, below the 3:1 WCAG AA asks for large text/);
    const card = figures?.elements.find((el) => el.name === 'figure 1 card');
    expect(value?.message).toContain(`on #${card?.type === 'shape' ? card.fill : ''}`);
    // The title slide's white title on navy passes: not every text is reported.
    expect(low.some((d) => d.message.includes('the title text'))).toBe(false);

    const readable = await checkOutline({ outline: path.join(FIXTURE, 'readable.yaml'), cwd: FIXTURE });
    expect(readable.diagnostics.filter((d) => d.code === 'LAYOUT_LOW_CONTRAST')).toEqual([]);
  });
});
