import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { typesetWarnings } from '../../src/layout/typeset/typeset-warnings.js';
import { layOut } from './lay-out.js';

const FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'typeset', 'warnings.yaml');
const TEXT = readFileSync(FILE, 'utf8');
const slideStart = (n: number) => {
  let at = -1;
  for (let i = 0; i <= n; i++) at = TEXT.indexOf('- layout:', at + 1);
  return at + 2;
};

describe('what layout could not set well', async () => {
  const { diagnostics } = await layOut(FILE);
  const ours = diagnostics.filter((d) => ['LAYOUT_TITLE_LINES', 'LAYOUT_ORPHAN', 'LAYOUT_NEAR_EDGE'].includes(d.code));

  it('warns of a title over two lines and an orphan no break avoids, each at its slide', () => {
    expect(ours.map((d) => [d.code, d.severity, d.source?.file, d.source?.range?.[0]])).toEqual([
      ['LAYOUT_TITLE_LINES', 'warning', FILE, slideStart(0)],
      ['LAYOUT_ORPHAN', 'warning', FILE, slideStart(1)],
    ]);
    expect(ours[1]?.message).toContain('"a"');
  });

  it('measures the edge by the text, not the box: top-aligned text high in a tall box is fine, text at the bottom is not', () => {
    const slide = { index: 0, layout: 'bullets', origin: { file: FILE } };
    const base = { name: 'source', box: { x: 0.6, y: 6.8, w: 8, h: 0.69 }, paragraphs: [{ text: '資料來源', sizePt: 11, breaks: [] }] };
    expect(typesetWarnings({ ...base, valign: 'top' }, slide, { w: 13.333, h: 7.5 })).toEqual([]);
    expect(typesetWarnings({ ...base, valign: 'bottom' }, slide, { w: 13.333, h: 7.5 }).map((d) => d.code)).toEqual(['LAYOUT_NEAR_EDGE']);
    expect(typesetWarnings({ ...base, box: { ...base.box, x: 0.1 }, valign: 'top' }, slide, { w: 13.333, h: 7.5 }).map((d) => d.code)).toEqual(['LAYOUT_NEAR_EDGE']);
  });
});
