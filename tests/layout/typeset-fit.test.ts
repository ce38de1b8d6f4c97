import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import type { FitReport } from '../../src/layout/typeset/fit-report.js';
import { isOrphan } from '../../src/layout/typeset/typesetter.js';
import type { TextElement } from '../../src/layout/types.js';
import { layOut } from './lay-out.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'typeset');
const LANGS = ['zh-TW', 'zh-CN', 'ja', 'en'] as const;

/** The lines of a paragraph as layout broke it. */
function linesOf(p: { text: string; breaks?: number[] }): string[] {
  const cuts = [0, ...(p.breaks ?? []), p.text.length];
  return cuts.slice(1).map((end, i) => p.text.slice(cuts[i], end).trim());
}

describe.each(LANGS)('the stress deck in %s', async (lang) => {
  const file = path.join(FIXTURES, `${lang}.yaml`);
  const { plan } = await layOut(file);
  const texts = plan.slides.flatMap((s) => s.elements.filter((e): e is TextElement => e.type === 'text').map((el) => ({ slide: s.index + 1, el })));

  it('wraps long text: several paragraphs break into lines', () => {
    expect(texts.filter(({ el }) => el.paragraphs.some((p) => p.breaks?.length)).length).toBeGreaterThan(3);
  });

  it('leaves no wrapped paragraph ending in an orphan, and breaks no number from its unit', () => {
    for (const { slide, el } of texts) {
      for (const p of el.paragraphs) {
        const lines = linesOf(p);
        if (lines.length < 2) continue;
        expect(isOrphan(lines.at(-1) as string), `slide ${slide} ${el.name}: ${JSON.stringify(lines)}`).toBe(false);
        for (const [i, line] of lines.entries()) {
          const next = lines[i + 1];
          if (!next) continue;
          const seam = `${line.slice(-1)}${next.slice(0, 1)}`;
          expect(/\d[\p{Script=Han}%]|[第前$]\d|\d\d/u.test(seam), `slide ${slide} ${el.name} splits ${seam}: ${JSON.stringify(lines)}`).toBe(false);
          expect(/^billion/.test(next) && /\d$/.test(line), `slide ${slide}: ${JSON.stringify(lines)}`).toBe(false);
        }
      }
    }
  });

  it('sets a title in at most two lines, balanced where it takes two', () => {
    for (const { slide, el } of texts.filter(({ el }) => el.name === 'title')) {
      const lines = linesOf(el.paragraphs[0] as { text: string; breaks?: number[] });
      expect(lines.length, `slide ${slide}: ${JSON.stringify(lines)}`).toBeLessThanOrEqual(2);
      if (lines.length === 2) {
        const [a, b] = lines.map((l) => [...l].length) as [number, number];
        expect(Math.min(a, b) / Math.max(a, b), `slide ${slide}: ${JSON.stringify(lines)}`).toBeGreaterThan(0.5);
      }
    }
  });

  it('prints the fit of every box with check --format json --layout', async () => {
    let out = '';
    const code = await run(['check', file, '--format', 'json', '--layout'], { stdout: (t) => (out += t), stderr: () => {}, cwd: process.cwd(), env: {}, isTTY: false });
    expect(code).toBe(0);
    const { diagnostics, layout } = JSON.parse(out) as { diagnostics: { code: string }[]; layout: FitReport };
    expect(Array.isArray(diagnostics)).toBe(true);
    expect(layout.measuredWith.latin.regular).toMatch(/Arimo_400Regular\.ttf$/);
    expect(layout.measuredWith.eastAsian.regular).toMatch(lang === 'zh-CN' ? /NotoSansSC/ : lang === 'ja' ? /NotoSansJP/ : /NotoSansTC/);
    expect(layout.boxes).toHaveLength(texts.length);
    for (const [i, box] of layout.boxes.entries()) {
      const { slide, el } = texts[i] as (typeof texts)[number];
      expect(box).toMatchObject({ slide, name: el.name, box: el.box, sizePt: el.size });
      expect(box.lines).toBe(box.paragraphs.reduce((n, p) => n + p.breaks.length + 1, 0));
      for (const p of box.paragraphs) for (const at of p.breaks) expect(at > 0 && at < p.text.length).toBe(true);
    }
  });
});
