import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startChartDrawer, threadsFor } from '../../src/charts/drawer/chart-drawer.js';
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

  it('gives every picture of a batch back as not drawn when the font cannot be subset', async () => {
    // A temp "folder" that is a file: the subset cannot be written.
    const blocked = path.join(tmpdir(), `briefdeck-not-a-folder-${process.pid}`);
    writeFileSync(blocked, '');
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = blocked;
    try {
      // A title of characters no earlier subset of this process has, so a new one is needed.
      const plan = planCharts([{ id: 'web', request: request('ranking', 'a16z.web', { title: '鬱鬱蔥蔥' }), box: HALF }], data, theme, undefined, { svg: false });
      const drawn = await startChartDrawer().draw(plan.pending, { theme, fonts: plan.fonts!, scale: 2, svg: false });
      expect(Array.isArray(drawn) && drawn.map((d) => [d.ok, !d.ok && d.message])).toEqual([[false, expect.stringMatching(/^the chart font could not be subset: /)]]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });
});
