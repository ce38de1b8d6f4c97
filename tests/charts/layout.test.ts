import { describe, expect, it } from 'vitest';
import { breakdownRows } from '../../src/charts/kinds/breakdown.js';
import { contrast, ensureContrast } from '../../src/charts/style/contrast.js';
import { chartStyle, spreadLabels, wrapLabel } from '../../src/charts/style/context.js';
import { contentHash } from '../../src/charts/hash.js';
import { rankAxisMax, rankTicks } from '../../src/charts/style/ranks.js';
import type { BreakdownChart } from '../../src/charts/kinds/breakdown.js';
import { capex, theme, web } from './fixtures.js';
import { measure, resolved, zhTW } from './helpers.js';
import { request } from './fixtures.js';

describe('spreadLabels', () => {
  it('keeps labels that are apart where they are', () => {
    expect(spreadLabels([10, 100, 50], 20, 0, 200)).toEqual({ ys: [10, 100, 50], fits: true });
  });

  it('spreads a cluster around its centre, in order', () => {
    const { ys } = spreadLabels([100, 102, 98], 20, 0, 300);
    expect(ys).toEqual([100, 120, 80]);
  });

  it('keeps a cluster inside the range, and says when it cannot', () => {
    expect(spreadLabels([0, 1, 2], 20, 0, 300).ys).toEqual([0, 20, 40]);
    expect(spreadLabels([0, 1, 2], 20, 0, 30).fits).toBe(false);
  });
});

describe('wrapLabel', () => {
  it('breaks before a full-width bracket first', () => {
    expect(wrapLabel('阿里巴巴（未來3年）', 120, 19, measure)).toEqual(['阿里巴巴', '（未來3年）']);
  });
  it('never ends a line with an opening bracket or starts one with a closing mark', () => {
    expect(wrapLabel('阿里巴巴（未來3年）', 100, 19, measure)).toEqual(['阿里巴巴', '（未來3年）']); // the closing bracket may stick out a little
    expect(wrapLabel('甲乙丙丁，戊己', 76, 19, measure)).toEqual(['甲乙丙丁，', '戊己']);
  });
  it('keeps Latin words whole', () => {
    const lines = wrapLabel('Similarweb 月獨立訪問量排名', 120, 19, measure);
    expect(lines[0]).toBe('Similarweb');
    expect(lines.join('')).toBe('Similarweb月獨立訪問量排名');
  });
});

describe('colours', () => {
  it('meets WCAG AA for the text colours of the default theme', () => {
    const s = chartStyle(theme);
    for (const c of [s.color.text, s.color.muted, s.color.accentText, s.color.up, s.color.down]) {
      expect(contrast(c.slice(1), 'FFFFFF')).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(s.color.subduedMark.slice(1), 'FFFFFF')).toBeGreaterThanOrEqual(3);
  });
  it('darkens a colour just enough', () => {
    const fixed = ensureContrast('9AA5B4', 'FFFFFF', 4.5);
    expect(contrast(fixed, 'FFFFFF')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(fixed, 'FFFFFF')).toBeLessThan(5.5);
  });
});

describe('rank axis', () => {
  it('runs to the list size, or the lowest rank rounded up', () => {
    expect(rankAxisMax({ ...web, size: 50 }, [])).toBe(50);
    expect(rankAxisMax({ ...web, size: undefined as never }, [{ name: 'x', rank: 17, origin: web.origin }])).toBe(20);
    expect(rankTicks(50)).toEqual([1, 10, 20, 30, 40, 50]);
    expect(rankTicks(20)).toEqual([1, 5, 10, 15, 20]);
  });
});

describe('breakdownRows', () => {
  it('rounds parts so they add up to the total', () => {
    const chart = resolved(request('breakdown', 'ai.capex')) as BreakdownChart;
    const odd: BreakdownChart = {
      ...chart,
      parent: { ...chart.parent, value: 100e8 },
      parts: [
        { ...chart.parts[0]!, value: 33.33e8 },
        { ...chart.parts[1]!, value: 33.33e8 },
        { ...chart.parts[1]!, key: 'x', label: '其他支出', value: 33.34e8 },
      ],
    };
    const { rows } = breakdownRows(odd, zhTW);
    expect(rows.map((r) => r.value / 1e8)).toEqual([33, 33, 34, 100]);
  });

  it('adds the unnamed rest, and reports parts that exceed the total', () => {
    const chart = resolved(request('breakdown', 'ai.capex')) as BreakdownChart;
    const short = breakdownRows({ ...chart, parts: chart.parts.slice(0, 1) }, zhTW);
    expect(short.rows.map((r) => [r.role, r.label, r.value / 1e8])).toEqual([
      ['part', 'AI算力採購', 900],
      ['rest', '其他（未列明）', 700],
      ['total', '字節跳動（2025年）', 1600],
    ]);
    const over = breakdownRows({ ...chart, parent: { ...chart.parent, value: 1000e8 } }, zhTW);
    expect(over.problems).toHaveLength(1);
  });
});

describe('contentHash', () => {
  it('ignores origins and key order', () => {
    expect(contentHash({ a: 1, b: { c: 2, origin: { file: 'x' } } })).toBe(contentHash({ b: { c: 2 }, a: 1 }));
    expect(contentHash(capex)).not.toBe(contentHash({ ...capex, asOf: '2025-03' }));
  });
});
