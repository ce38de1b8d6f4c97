import { describe, expect, it } from 'vitest';
import { inUnit, scaledUnit } from '../../src/charts/style/native.js';

describe('native chart number formats show raw values in the compact unit', () => {
  it.each([
    [380_000_000_000, '億', '0\\.00,,"億元"'],
    [45_000_000, '萬', '0\\.0,"萬元"'],
    [14_400_000_000_000, '兆', '0.0,,,,"兆元"'],
    [5000, '', 'General"元"'],
  ])('%d is in %s: %s', (max, unit, code) => {
    const scale = scaledUnit(max);
    expect(scale.unit).toBe(unit);
    expect(scale.format('元')).toBe(code);
  });

  it('the format scales by as much as the unit is large (commas × 1000, a literal point)', () => {
    for (const max of [380_000_000_000, 45_000_000, 14_400_000_000_000]) {
      const { size, format } = scaledUnit(max);
      const code = format();
      const commas = /,+/.exec(code)?.[0].length ?? 0;
      const shifted = /\\\.(0+)/.exec(code)?.[1]?.length ?? 0;
      expect(1000 ** commas * 10 ** shifted).toBe(size);
    }
  });

  it('no format without a unit, and a quote in a data unit cannot break the format', () => {
    expect(scaledUnit(12).format()).toBe('General');
    expect(scaledUnit(12).format('a"b')).toBe('General"ab"');
    expect(inUnit(380_000_000_000, scaledUnit(380_000_000_000).size)).toBe(3800);
  });
});
