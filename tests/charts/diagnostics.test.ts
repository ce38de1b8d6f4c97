import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveChart } from '../../src/charts/resolve.js';
import type { ChartRequest } from '../../src/charts/types.js';
import { renderCharts } from '../../src/charts/draw-pictures.js';
import type { DataStore, FiguresDataset } from '../../src/data/types.js';
import { capex, data, HALF, origin, request, theme } from './fixtures.js';

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
  it('rejects a box larger than any slide and a repeated id', async () => {
    const req = request('share', 'threem.survey');
    const { outputs, diagnostics } = await renderCharts(
      [
        { id: 'a', request: req, box: { width: 60, height: 3 } },
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

describe('units', () => {
  const at = (n: number) => ({ file: 'outline/briefing.yaml', range: [n, n + 5] as const });
  // ai.capex with ByteDance's IDC spending given in US dollars: a total in 元, its parts in 元 and 美元.
  const mixed: FiguresDataset = { ...capex, id: 'ai.mixed', items: capex.items.map((i) => (i.key === 'idc' ? { ...i, unit: '美元' } : i)) };
  const store: DataStore = new Map([...data, [mixed.id, mixed]]);

  it("a breakdown whose parts use two units is CHART_MIXED_UNITS, at the chart's items", () => {
    const req = request('breakdown', 'ai.mixed', { items: ['bytedance', 'compute', 'idc'], fieldOrigins: { items: at(50), kind: at(80) }, itemOrigins: [at(51), at(52), at(53)] });
    const { chart, diagnostics } = resolveChart(req, store);
    expect(chart).toBeUndefined();
    expect(diagnostics).toMatchObject([{ code: 'CHART_MIXED_UNITS', severity: 'error', source: at(50) }]);
    expect(diagnostics[0]?.message).toBe("a breakdown needs one unit; 'bytedance' and its parts use '元', '美元'");
  });

  it('so is the default breakdown (the first total and all its parts), at the chart without `items`', () => {
    const { diagnostics } = resolveChart(request('breakdown', 'ai.mixed'), store);
    expect(diagnostics).toMatchObject([{ code: 'CHART_MIXED_UNITS', source: origin }]);
  });

  it("parts named in the total's unit are drawn", () => {
    const { chart, diagnostics } = resolveChart(request('breakdown', 'ai.mixed', { items: ['bytedance', 'compute'] }), store);
    expect(diagnostics).toEqual([]);
    expect(chart).toMatchObject({ kind: 'breakdown', parent: { key: 'bytedance' }, parts: [{ key: 'compute' }] });
  });

  it('a comparison of two units is CHART_MIXED_UNITS too, with a hint', () => {
    const { diagnostics } = resolveChart(request('comparison', 'ai.mixed', { items: ['alibaba', 'idc'], fieldOrigins: { items: at(50) } }), store);
    expect(diagnostics).toMatchObject([{ code: 'CHART_MIXED_UNITS', source: at(50), hint: 'draw items with different units in separate charts' }]);
  });

  it('from the command line: file, line and column of `items`, exit 1, no stack, no deck', (ctx) => {
    const root = path.resolve(__dirname, '../..');
    const cli = path.join(root, 'lib', 'cli.js');
    if (!existsSync(cli)) return ctx.skip();
    const project = path.join(__dirname, 'projects', 'mixed-units');
    const check = spawnSync(process.execPath, [cli, 'check', 'outline.yaml', '--format', 'json'], { cwd: project, encoding: 'utf8', timeout: 60_000 });
    expect(check.status, check.stderr).toBe(1);
    // outline.yaml line 14: `      items: [bytedance, compute, idc]`, the list starting at column 14.
    expect(JSON.parse(check.stdout)).toMatchObject([{ code: 'CHART_MIXED_UNITS', severity: 'error', line: 14, column: 14 }]);

    const out = mkdtempSync(path.join(tmpdir(), 'briefdeck-mixed-units-'));
    try {
      const build = spawnSync(process.execPath, [cli, 'build', 'outline.yaml', '-o', path.join(out, 'deck.pptx')], { cwd: project, encoding: 'utf8', timeout: 120_000 });
      expect(build.status).toBe(1);
      expect(build.stderr + build.stdout).toContain('outline.yaml:14:14');
      expect(build.stderr + build.stdout).not.toMatch(/\n\s+at /);
      expect(existsSync(path.join(out, 'deck.pptx'))).toBe(false);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 180_000);
});
