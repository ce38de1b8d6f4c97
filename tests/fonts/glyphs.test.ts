import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { checkOutline } from '../../src/check.js';
import { chartOffset, chartProject } from './project.js';

const glyphErrors = (ds: readonly Diagnostic[]) => ds.filter((d) => d.code === 'CHART_GLYPH_MISSING');

describe('chart glyphs follow deck.lang', () => {
  it.each([
    ['zh-CN', ['系统语言', '仓颉']],
    ['ja-JP', ['国内', 'ひらがな']],
  ])('a %s chart of %j is drawn with a font that has every glyph', async (lang, names) => {
    const result = await buildDeck({ outline: chartProject(lang, names), write: false });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.pptx?.length).toBeGreaterThan(0);
  });

  it('the zh-TW chart font lacks Simplified forms: a zh-TW deck of them is CHART_GLYPH_MISSING, not a blank', async () => {
    const result = await buildDeck({ outline: chartProject('zh-TW', ['系统语言']), write: false });
    const [d] = glyphErrors(result.diagnostics);
    expect(d?.message).toContain('Noto Sans TC');
    expect(result.pptx).toBeUndefined();
  });
});

describe('a character no chart font has', () => {
  for (const [name, ch] of [
    ['runic ᚠ (U+16A0)', 'ᚠ'],
    ['an emoji', '😀'],
  ] as const) {
    it(`${name} is CHART_GLYPH_MISSING at the chart, from a build and from check`, async () => {
      const outline = chartProject('ja-JP', ['国内', `x${ch}`]);
      const at = chartOffset(readFileSync(outline, 'utf8'));
      const built = await buildDeck({ outline, write: false });
      const checked = await checkOutline({ outline });
      for (const ds of [built.diagnostics, checked.diagnostics]) {
        const found = glyphErrors(ds);
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ severity: 'error', source: { file: outline, range: [at, expect.any(Number)] } });
        expect(found[0]?.message).toContain(ch);
        expect(found[0]?.message).toContain('Noto Sans JP');
        expect(found[0]?.message).not.toContain('国');
      }
      expect(built.pptx).toBeUndefined();
    });
  }
});
