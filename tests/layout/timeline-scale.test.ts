/** A timeline placed by its dates (issue 14): which dates read, and where the events go. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventMoments, parseEventDate, scaledPositions } from '../../src/layout/kinds/timeline-scale.js';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const span = (from: string, to: string) => ({ start: day(from), end: day(to) });

describe('parseEventDate', () => {
  it.each([
    ['2023', span('2023-01-01', '2024-01-01')],
    ['2023年', span('2023-01-01', '2024-01-01')],
    ['2023年7月', span('2023-07-01', '2023-08-01')],
    ['２０２３年７月', span('2023-07-01', '2023-08-01')],
    ['2023-07', span('2023-07-01', '2023-08-01')],
    ['2023/7', span('2023-07-01', '2023-08-01')],
    ['2025年1月20日', span('2025-01-20', '2025-01-21')],
    ['2025年1月20號', span('2025-01-20', '2025-01-21')],
    ['2025-01-20', span('2025-01-20', '2025-01-21')],
    ['2025年2–3月', span('2025-02-01', '2025-04-01')],
    ['2025年2月至3月', span('2025-02-01', '2025-04-01')],
    ['Jan 2025', span('2025-01-01', '2025-02-01')],
    ['January 2025', span('2025-01-01', '2025-02-01')],
    ['Sept. 2024', span('2024-09-01', '2024-10-01')],
    ['Feb–Mar 2025', span('2025-02-01', '2025-04-01')],
    ['January 20, 2025', span('2025-01-20', '2025-01-21')],
    ['20 Jan 2025', span('2025-01-20', '2025-01-21')],
  ])('reads %s', (text, expected) => {
    expect(parseEventDate(text)).toEqual(expected);
  });

  it.each(['2025年初', '去年', '2023年13月', '2025-02-30', 'Smarch 2025', '2025年3–2月', 'Q1 2025', ''])('does not read %s', (text) => {
    expect(parseEventDate(text)).toBeUndefined();
  });
});

describe('eventMoments', () => {
  it('reads a coarser date after a finer one inside it as later in its span (2023年 after 2023年7月)', () => {
    expect(eventMoments(['2023年7月', '2023年', '2023年10月'])).toEqual([day('2023-07-01'), day('2023-07-01'), day('2023-10-01')]);
  });

  it('is undefined where one date does not read, or the events are out of order', () => {
    expect(eventMoments(['2023年7月', '後來', '2025年'])).toBeUndefined();
    expect(eventMoments(['2025年', '2023年'])).toBeUndefined();
  });
});

describe('scaledPositions', () => {
  it('places events in proportion to their dates where they are far enough apart', () => {
    const at = scaledPositions([0, 10, 100], 1, 11, 0.5);
    expect(at[0]).toBeCloseTo(1, 9);
    expect(at[1]).toBeCloseTo(2, 9);
    expect(at[2]).toBeCloseTo(11, 9);
  });

  it('moves events closer than the gap apart, around where they were, and keeps the ends in the range', () => {
    const at = scaledPositions([0, 1, 2, 3, 100], 0, 10, 1);
    expect(at.map((x) => Number(x.toFixed(9)))).toEqual([0, 1, 2, 3, 10]);
    const mid = scaledPositions([0, 50, 50, 50, 100], 0, 10, 1);
    expect(mid.map((x) => Number(x.toFixed(9)))).toEqual([0, 4, 5, 6, 10]);
  });

  it('spaces evenly when the gap leaves no room or every date is the same', () => {
    expect(scaledPositions([0, 1, 100], 0, 2, 1.5)).toEqual([0, 1, 2]);
    expect(scaledPositions([5, 5, 5], 0, 2, 0.5)).toEqual([0, 1, 2]);
  });

  it('always keeps neighbours the gap apart, in order, inside the range', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 2, maxLength: 8 }), fc.double({ min: 0.1, max: 1.5, noNaN: true }), (raw, gap) => {
        const moments = [...raw].sort((a, b) => a - b);
        const at = scaledPositions(moments, 1, 12, gap);
        const fits = 11 >= (moments.length - 1) * gap;
        for (let i = 1; i < at.length; i++) expect((at[i] as number) - (at[i - 1] as number)).toBeGreaterThanOrEqual((fits ? gap : 11 / (moments.length - 1)) - 1e-9);
        expect(at[0]).toBeGreaterThanOrEqual(1 - 1e-9);
        expect(at.at(-1)).toBeLessThanOrEqual(12 + 1e-9);
      }),
    );
  });
});
