import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatPercent, formatValue, roundToSum } from '../../src/data/format.js';

describe('formatNumber', () => {
  it.each([
    [380_000_000_000, '3800億'],
    [160_000_000_000, '1600億'],
    [80_000_000, '8000萬'],
    [45_000_000, '4500萬'],
    [100_000, '10萬'],
    [14.4e12, '14.4兆'],
    [5000, '5000'],
    [0, '0'],
  ])('%d → %s', (n, expected) => expect(formatNumber(n)).toBe(expected));

  it('uses thousands separators without units', () => {
    expect(formatNumber(380_000_000_000, { units: false })).toBe('380,000,000,000');
    expect(formatNumber(1234.5, { units: false })).toBe('1,234.5');
  });
});

describe('formatValue and formatPercent', () => {
  it('keeps percentages as percentages', () => {
    expect(formatPercent(93)).toBe('93%');
    expect(formatValue(77, '%')).toBe('77%');
    expect(formatValue(380_000_000_000, '元')).toBe('3800億元');
  });
});

describe('formatDate', () => {
  it.each([
    ['2025-03-07', '2025年3月7日'],
    ['2024-08', '2024年8月'],
    ['2023', '2023年'],
  ])('%s → %s', (d, expected) => expect(formatDate(d)).toBe(expected));
});

describe('roundToSum', () => {
  it('keeps the parts summing to the rounded total', () => {
    expect(roundToSum([33.33, 33.33, 33.34])).toEqual([33, 33, 34]);
    const parts = roundToSum([56.25, 43.75]);
    expect(parts.reduce((a, b) => a + b)).toBe(100);
  });
});
