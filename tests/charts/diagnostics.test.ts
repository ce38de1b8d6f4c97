import { describe, expect, it } from 'vitest';
import { resolveChart } from '../../src/charts/resolve.js';
import type { ChartRequest } from '../../src/charts/types.js';
import { renderCharts } from '../../src/charts/draw-pictures.js';
import { data, HALF, origin, request, theme } from './fixtures.js';

const cases: [string, ChartRequest, string, string][] = [
  ['an unknown dataset', request('ranking', 'a16z.webb'), 'CHART_UNKNOWN_DATASET', "did you mean 'a16z.web'?"],
  ['a figures dataset for a ranking', request('ranking', 'ai.capex'), 'CHART_WRONG_DATASET_TYPE', 'ranking datasets: a16z.web, a16z.mobile, demo.scored'],
  ['a ranking dataset for a comparison', request('comparison', 'a16z.web'), 'CHART_WRONG_DATASET_TYPE', 'figures datasets: ai.capex, threem.survey'],
  ['an unknown edition', request('ranking', 'a16z.web', { edition: '2025-09' }), 'CHART_UNKNOWN_EDITION', 'editions: 2025-03, 2024-08'],
  ['an unknown edition to compare with', request('rank-change', 'a16z.web', { compare: '2023-01' }), 'CHART_UNKNOWN_EDITION', 'editions: 2025-03, 2024-08'],
  ['an edition compared with itself', request('rank-change', 'a16z.web', { compare: '2025-03' }), 'CHART_SAME_EDITION', 'editions: 2025-03, 2024-08'],
  ['a rank change without an earlier edition', request('rank-change', 'demo.scored'), 'CHART_NO_PREVIOUS_EDITION', 'editions: 2025-03'],
  ['rank marks without an earlier edition', request('ranking', 'demo.scored', { changes: true }), 'CHART_NO_PREVIOUS_EDITION', 'drop `changes: true`'],
  ['a rank change against an edition without entries', request('rank-change', 'a16z.mobile'), 'CHART_EMPTY_EDITION', 'editions with entries: 2025-03'],
  ['rank marks against an edition without entries', request('ranking', 'a16z.mobile', { changes: true }), 'CHART_EMPTY_EDITION', 'drop `changes: true`'],
  ['an unknown group', request('ranking', 'a16z.web', { highlight: 'chinese' }), 'CHART_UNKNOWN_GROUP', 'groups: china'],
  ['an unknown ranking entry', request('ranking', 'a16z.web', { items: ['DeepSeek', 'Kimi'] }), 'CHART_UNKNOWN_ITEM', 'entries: DeepSeek, 豆包, 月之暗面, 海螺視頻, 可靈'],
  ['an unknown figure item', request('comparison', 'ai.capex', { items: ['alibaba', 'tencent'] }), 'CHART_UNKNOWN_ITEM', 'items: alibaba, bytedance, compute, idc'],
  ['an unknown highlighted item', request('share', 'threem.survey', { highlight: 'usa' }), 'CHART_UNKNOWN_ITEM', 'items: china, global'],
  ['a breakdown of an item without parts', request('breakdown', 'ai.capex', { items: ['alibaba'] }), 'CHART_NO_PARTS', 'items with parts: bytedance'],
  ['a breakdown with a stranger as part', request('breakdown', 'ai.capex', { items: ['bytedance', 'alibaba'] }), 'CHART_NOT_A_PART', "parts of 'bytedance': compute, idc"],
  ['a share of amounts', request('share', 'ai.capex'), 'CHART_NOT_PERCENT', 'comparison'],
  ['a comparison of amounts and percentages', request('comparison', 'ai.capex', { items: ['alibaba'] }), '', ''],
];

describe.each(cases)('%s', (_name, req, code, hint) => {
  it(code ? `is ${code}, at the request, with what exists` : 'is fine', () => {
    const { chart, diagnostics } = resolveChart(req, data);
    if (!code) {
      expect(diagnostics).toEqual([]);
      expect(chart).toBeDefined();
      return;
    }
    expect(chart).toBeUndefined();
    expect(diagnostics).toMatchObject([{ code, severity: 'error', source: origin }]);
    expect(diagnostics[0]?.hint).toContain(hint);
  });
});

describe('native charts', () => {
  it('refuses a ranking without scores, pointing to echarts', async () => {
    const req = request('ranking', 'a16z.web', { render: 'native' });
    const { outputs, diagnostics } = await renderCharts([{ id: 'web', request: req, box: HALF }], data, theme);
    expect(outputs.size).toBe(0);
    expect(diagnostics).toMatchObject([{ code: 'CHART_NATIVE_NEEDS_SCORES', severity: 'error', source: origin }]);
    expect(diagnostics[0]?.hint).toContain('render: echarts');
  });
});

describe('boxes and ids', () => {
  it('rejects a box larger than the slide and a repeated id', async () => {
    const req = request('share', 'threem.survey');
    const { outputs, diagnostics } = await renderCharts(
      [
        { id: 'a', request: req, box: { width: 20, height: 3 } },
        { id: 'b', request: req, box: { width: 6, height: 3 } },
        { id: 'b', request: req, box: { width: 6, height: 3 } },
      ],
      data,
      theme,
    );
    expect(diagnostics.map((d) => d.code)).toEqual(['CHART_BAD_BOX', 'CHART_DUPLICATE_ID']);
    expect([...outputs.keys()]).toEqual(['b']);
  });
});

describe('field positions', () => {
  const at = (n: number) => ({ file: 'outline/briefing.yaml', range: [n, n + 5] as const });
  const fieldOrigins = { data: at(10), edition: at(20), compare: at(30), highlight: at(40), items: at(50), changes: at(60), render: at(70), kind: at(80) };

  it.each([
    ['data', request('ranking', 'a16z.nope', { fieldOrigins }), at(10)],
    ['edition', request('ranking', 'a16z.web', { edition: '1999', fieldOrigins }), at(20)],
    ['compare', request('rank-change', 'a16z.web', { compare: '1999', fieldOrigins }), at(30)],
    ['highlight', request('ranking', 'a16z.web', { highlight: 'usa', fieldOrigins }), at(40)],
    ['changes', request('ranking', 'a16z.mobile', { changes: true, fieldOrigins }), at(60)],
    ['the item itself', request('comparison', 'ai.capex', { items: ['alibaba', 'tencent'], fieldOrigins, itemOrigins: [at(51), at(52)] }), at(52)],
    ['items, without item positions', request('comparison', 'ai.capex', { items: ['tencent'], fieldOrigins }), at(50)],
  ] as const)('a problem with %s points at it', (_what, req, where) => {
    expect(resolveChart(req, data).diagnostics[0]?.source).toEqual(where);
  });

  it('a native refusal points at `render`', async () => {
    const req = request('ranking', 'a16z.web', { render: 'native', fieldOrigins });
    const { diagnostics } = await renderCharts([{ id: 'w', request: req, box: HALF }], data, theme);
    expect(diagnostics[0]?.source).toEqual(at(70));
  });
});
