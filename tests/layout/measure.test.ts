import { describe, expect, it } from 'vitest';
import { breakUnits, fitSize, textWidth, wrapLines } from '../../src/layout/measure.js';

describe('text measurement', () => {
  it('gives CJK one em and Latin its Arial widths', () => {
    expect(textWidth('中文', 20)).toBe(40);
    expect(textWidth('AI', 10)).toBeCloseTo(6.67 + 2.78, 1);
  });

  it('keeps closing punctuation with the character before and Latin words whole', () => {
    expect(breakUnits('你好，世界')).toEqual(['你', '好，', '世', '界']);
    expect(breakUnits('DeepSeek的「開源」')).toEqual(['DeepSeek', '的', '「開', '源」']);
  });

  it('wraps at the box width', () => {
    expect(wrapLines('一二三四五六七八九十', 10, 50)).toEqual(['一二三四五', '六七八九十']);
    expect(wrapLines('一二三四五六七八九十', 10, 100)).toEqual(['一二三四五六七八九十']);
  });

  it('picks the largest size that fits, and says when none does', () => {
    const p = [{ text: '一二三四五六七八九十' }];
    expect(fitSize(p, { widthPt: 200, heightPt: 25 }, 30, 10)).toEqual({ size: 20, fits: true });
    expect(fitSize(p, { widthPt: 20, heightPt: 10 }, 30, 10)).toEqual({ size: 10, fits: false });
  });
});
