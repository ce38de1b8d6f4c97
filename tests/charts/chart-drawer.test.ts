import { describe, expect, it } from 'vitest';
import { startChartDrawer, threadsFor } from '../../src/charts/chart-drawer.js';
import { planCharts } from '../../src/charts/plan-charts.js';
import { data, HALF, request, theme } from './fixtures.js';

describe('the chart drawer', () => {
  it('uses a thread more only for enough pictures, within the cores given', () => {
    expect(threadsFor(0, 3)).toBe(1);
    expect(threadsFor(5, 3)).toBe(1);
    expect(threadsFor(16, 3)).toBe(2);
    expect(threadsFor(200, 3)).toBe(3);
    expect(threadsFor(200, 1)).toBe(1);
  });

  it('draws in this thread where a worker cannot load the code (the TypeScript sources)', async () => {
    const drawer = startChartDrawer({ maxThreads: 2 });
    const plan = planCharts([{ id: 'web', request: request('ranking', 'a16z.web'), box: HALF }], data, theme, undefined, { svg: false });
    const drawn = await drawer.draw(plan.pending, { theme, fonts: plan.fonts!, scale: 2, svg: false });
    await drawer.close();
    expect(Array.isArray(drawn) && drawn.map((d) => [d.hash, d.ok])).toEqual([[plan.pending[0]!.hash, true]]);
  });
});
