import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { readFontFile } from '../../src/layout/typeset/font-file.js';
import { measuredFaces, standInFiles } from '../../src/layout/typeset/stand-ins.js';
import { typesetterFor } from '../../src/layout/typeset/typesetter.js';

const require = createRequire(import.meta.url);
const ARIMO = require.resolve('@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf');
const ARIMO_BOLD = require.resolve('@expo-google-fonts/arimo/700Bold/Arimo_700Bold.ttf');
const TC = require.resolve('@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf');
const zhTW = typesetterFor({ latin: 'Arial', eastAsian: 'Microsoft JhengHei', chartRegular: TC, chartBold: TC }, 'zh-TW');
const en = typesetterFor({ latin: 'Arial', eastAsian: 'Arial', chartRegular: TC, chartBold: TC }, 'en');

/** Helvetica's advance widths (thousandths of an em): what layout measured with before. */
const HELVETICA: Record<string, number> = { H: 722, e: 556, l: 222, o: 556, ' ': 278, W: 944, r: 333, d: 556 };

describe('font metrics', () => {
  it('reads the same advances and kerning as fontkit lays out', () => {
    for (const file of [ARIMO, ARIMO_BOLD]) {
      const ours = readFontFile(file);
      const theirs = fontkit.openSync(file) as fontkit.Font;
      for (const s of ['AV', 'Hello World', 'Tvavy, LT Yo. WAVE', 'DeepSeek $48 billion', 'AWAY ToTo Pa. P,']) {
        const glyphs = [...s].map((ch) => ours.glyph(ch.codePointAt(0) ?? 0));
        const em = glyphs.reduce((sum, g, i) => sum + ours.advance(g) + (i > 0 ? ours.kern(glyphs[i - 1] as number, g) : 0), 0);
        expect(em * theirs.unitsPerEm).toBeCloseTo(theirs.layout(s).advanceWidth, 6);
      }
    }
  });

  it('measures Latin with Arimo, whose widths are Arial’s (Helvetica’s within kerning)', () => {
    const helvetica = [...'Hello World'].reduce((s, ch) => s + (HELVETICA[ch] as number) / 1000, 0);
    const arimo = en.widthEm('Hello World');
    expect(arimo).not.toBe(helvetica);
    expect(Math.abs(arimo - helvetica) / helvetica).toBeLessThan(0.01);
  });

  it('kerns: AV is narrower than A and V apart', () => {
    expect(en.widthEm('AV')).toBeLessThan(en.widthEm('A') + en.widthEm('V') - 0.05);
  });

  it('measures bold with the bold file: wider', () => {
    expect(en.widthEm('DeepSeek', true)).toBeGreaterThan(en.widthEm('DeepSeek') * 1.02);
    expect(zhTW.widthEm('中文', true)).toBe(2);
  });

  it('sets ideographs and full-width punctuation one em wide in the East Asian font, Latin in the Latin one', () => {
    expect(zhTW.widthEm('國產生成式')).toBe(5);
    expect(zhTW.widthEm('，。「」')).toBe(4);
    // Latin inside Chinese is Arimo's width plus the quarter em LibreOffice puts on each side.
    expect(zhTW.widthEm('中AI文')).toBeCloseTo(2 + en.widthEm('AI') + 0.5, 6);
  });

  it('maps theme font names to stand-ins, and unknown East Asian names to the chart font', () => {
    expect(standInFiles('Microsoft JhengHei')?.regular).toMatch(/noto-sans-tc/);
    expect(standInFiles('PMingLiU')?.regular).toMatch(/noto-sans-tc/);
    expect(standInFiles('Microsoft YaHei')?.regular).toMatch(/noto-sans-sc/);
    expect(standInFiles('SimSun')?.regular).toMatch(/noto-sans-sc/);
    expect(standInFiles('Yu Gothic')?.regular).toMatch(/noto-sans-jp/);
    expect(standInFiles('MS Gothic')?.bold).toMatch(/noto-sans-jp.*Bold/);
    expect(standInFiles('Liberation Sans')?.regular).toBe(ARIMO);
    expect(standInFiles('Comic Sans')).toBeUndefined();
    const faces = measuredFaces({ latin: 'Gill Sans', eastAsian: 'Some Ming', chartRegular: '/x/r.ttf', chartBold: '/x/b.ttf' });
    expect(faces.latin.files).toEqual({ regular: ARIMO, bold: ARIMO_BOLD });
    expect(faces.eastAsian.files).toEqual({ regular: '/x/r.ttf', bold: '/x/b.ttf' });
  });

  it('estimates what no font draws (emoji 1 em), and a font file it cannot read does not stop layout', () => {
    expect(zhTW.widthEm('😀')).toBe(1);
    const broken = typesetterFor({ latin: 'Arial', eastAsian: 'Nonesuch', chartRegular: '/nonexistent/r.ttf', chartBold: '/nonexistent/b.ttf' }, 'zh-TW');
    expect(broken.widthEm('中文')).toBe(2);
  });
});
