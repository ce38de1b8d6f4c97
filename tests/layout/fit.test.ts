import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { locate } from '../../src/diagnostics/report.js';
import type { TextElement } from '../../src/layout/types.js';
import { layOut } from './lay-out.js';

const FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixture', 'overflow.yaml');
const TEXT = readFileSync(FILE, 'utf8');

/** Offset of the n-th slide's `layout:` key (0-based), where the slide's node starts. */
function slideStart(n: number): number {
  let at = -1;
  for (let i = 0; i <= n; i++) at = TEXT.indexOf('- layout:', at + 1);
  return at + 2;
}

function text(slide: { elements: readonly { name: string }[] }, name: string): TextElement {
  const el = slide.elements.find((e) => e.name === name);
  if (!el || !('size' in el)) throw new Error(`no text element ${name}`);
  return el as TextElement;
}

describe('fitting text to its box', async () => {
  const { plan, diagnostics, texts } = await layOut(FILE);
  const overflows = diagnostics.filter((d) => d.code === 'LAYOUT_OVERFLOW');

  it('shrinks text that does not fit at its largest size, and says nothing when it then fits', () => {
    const bullets = text(plan.slides[0]!, 'bullets');
    // bullets: theme.sizes.body + 8 down to 14 pt (the default theme's body is 20)
    expect(bullets.size).toBeLessThan(28);
    expect(bullets.size).toBeGreaterThan(14);
    expect(overflows.filter((d) => d.message.startsWith('slide 1 '))).toEqual([]);
  });

  it('stops at the smallest size and warns LAYOUT_OVERFLOW at the slide, when even that does not fit', () => {
    expect(text(plan.slides[1]!, 'bullets').size).toBe(14);
    const warning = overflows.find((d) => d.message.startsWith('slide 2 '));
    expect(warning).toMatchObject({ code: 'LAYOUT_OVERFLOW', severity: 'warning', source: { file: FILE } });
    expect(warning?.source?.range?.[0]).toBe(slideStart(1));
    expect(warning?.message).toContain('bullets');
  });

  it('gives a set of boxes the size the longest needs, and names the one that overflows', () => {
    const labels = [text(plan.slides[2]!, 'figure 1 label'), text(plan.slides[2]!, 'figure 2 label')];
    expect(labels.map((l) => l.size)).toEqual([12, 12]);
    const onFigures = overflows.filter((d) => d.message.startsWith('slide 3 '));
    expect(onFigures).toHaveLength(1);
    expect(onFigures[0]?.message).toContain('figure 2 label');
    expect(locate(onFigures[0]!, texts)).toMatchObject({ line: TEXT.slice(0, slideStart(2)).split('\n').length, column: 5 });
  });

  it('reports each overflow once, and nothing else', () => {
    expect(diagnostics.map((d) => d.code)).toEqual(['LAYOUT_OVERFLOW', 'LAYOUT_OVERFLOW']);
  });

  it('is a warning on the command line too: located, exit 0, no stack', async () => {
    let out = '';
    let err = '';
    const code = await run(['check', FILE, '--format', 'json'], { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: process.cwd(), env: {}, isTTY: false });
    expect(code).toBe(0);
    const reported = JSON.parse(out) as { code: string; file: string; line: number; column: number }[];
    expect(reported.map(({ code: c, file, line, column }) => ({ code: c, file, line, column }))).toEqual(
      [1, 2].map((n) => ({ code: 'LAYOUT_OVERFLOW', file: FILE, line: TEXT.slice(0, slideStart(n)).split('\n').length, column: 5 })),
    );
    expect(err).not.toMatch(/\n\s+at /);
  });
});
