import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCharts, type ChartJob } from '../../src/charts/draw-pictures.js';
import { data, DECK, HALF, PORTRAIT, request, theme, WIDE } from './fixtures.js';

/** Every kind drawn once; with BRIEFDECK_CHART_SAMPLES=dir, the PNGs and SVGs are written there to look at. */
const sampleJobs: ChartJob[] = [
  { id: 'web', request: request('ranking', 'a16z.web', { highlight: 'china' }), box: DECK },
  { id: 'mobile', request: request('ranking', 'a16z.mobile', { highlight: 'china' }), box: DECK },
  { id: 'web-half', request: request('ranking', 'a16z.web', { highlight: 'china' }), box: HALF },
  { id: 'mobile-half', request: request('ranking', 'a16z.mobile', { highlight: 'china' }), box: HALF },
  { id: 'web-portrait', request: request('ranking', 'a16z.web', { highlight: 'china' }), box: PORTRAIT },
  { id: 'mobile-portrait', request: request('ranking', 'a16z.mobile', { highlight: 'china' }), box: PORTRAIT },
  { id: 'web-wide', request: request('ranking', 'a16z.web', { highlight: 'china', changes: true }), box: WIDE },
  { id: 'scored', request: request('ranking', 'demo.scored', { highlight: 'china' }), box: HALF },
  { id: 'slope', request: request('rank-change', 'a16z.web', { highlight: 'china' }), box: HALF },
  { id: 'comparison', request: request('comparison', 'ai.capex'), box: HALF },
  { id: 'comparison-deck', request: request('comparison', 'ai.capex'), box: DECK },
  { id: 'breakdown', request: request('breakdown', 'ai.capex'), box: DECK },
  { id: 'share', request: request('share', 'threem.survey', { highlight: 'china' }), box: { width: 6, height: 3 } },
];

describe('samples', () => {
  it('draws every kind', async () => {
    const { outputs, diagnostics, stats } = await renderCharts(sampleJobs, data, theme);
    expect(diagnostics).toEqual([]);
    expect([...outputs.keys()]).toEqual(sampleJobs.map((j) => j.id));
    const dir = process.env.BRIEFDECK_CHART_SAMPLES;
    if (dir) {
      mkdirSync(dir, { recursive: true });
      for (const [id, out] of outputs) {
        if (out.type !== 'image') continue;
        writeFileSync(path.join(dir, `${id}.png`), out.png);
        writeFileSync(path.join(dir, `${id}.svg`), out.svg ?? '');
        writeFileSync(path.join(dir, `${id}.txt`), out.altText);
      }
      writeFileSync(path.join(dir, 'stats.json'), JSON.stringify(stats, null, 2));
    }
  });
});
