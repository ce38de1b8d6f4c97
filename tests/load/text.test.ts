/** src/text: the one forbidden-character definition and the one edit distance (used by load and bind). */
import { describe, expect, it } from 'vitest';
import { cleanText, FORBIDDEN_XML_CHARACTER } from '../../src/text/clean-text.js';
import { closest, editDistance } from '../../src/text/suggest.js';

describe('cleanText', () => {
  it('removes exactly what XML 1.0 forbids: C0 controls but tab, LF, CR; U+FFFE/U+FFFF; unpaired surrogates', () => {
    expect(cleanText('a\u0000b\u0008c\u000Bd\u001Fe\tf\ng\rh')).toEqual({ text: 'abcde\tf\ng\rh', removed: 4 });
    expect(cleanText('x\uFFFEy\uFFFFz')).toEqual({ text: 'xyz', removed: 2 });
    expect(cleanText('😀\uD800x\uDC00')).toEqual({ text: '😀x', removed: 2 });
    expect(cleanText('\u007F\u0085\uFFFD中文')).toEqual({ text: '\u007F\u0085\uFFFD中文', removed: 0 });
    expect(FORBIDDEN_XML_CHARACTER.test('\u0001')).toBe(true);
    expect(FORBIDDEN_XML_CHARACTER.test('ok')).toBe(false);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and neighbour swaps as one edit each', () => {
    expect(editDistance('ranking', 'ranking')).toBe(0);
    expect(editDistance('ranknig', 'ranking')).toBe(1);
    expect(editDistance('bulets', 'bullets')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
  });

  it('handles a long word without building a matrix of it', () => {
    const long = 'x'.repeat(200_000);
    expect(editDistance(long, 'xy')).toBe(long.length - 1);
    expect(closest('nmae', ['name', 'rank'])).toBe('name');
  });
});
