import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingCache } from '../../src/charts/counting-cache.js';
import { buildDeck } from '../../src/build.js';
import { createChartCache, renderCharts } from '../../src/charts/draw-pictures.js';

const ROOT = path.resolve(__dirname, '../..');

/**
 * The watch path (`briefdeck watch`, and the bench's rebuild budget) relies on a rebuild drawing
 * only the charts whose inputs changed, and on a rebuilt deck being the deck a cold build makes.
 */
let project: string;
let outline: string;
let survey: string;
beforeAll(() => {
  project = mkdtempSync(path.join(tmpdir(), 'briefdeck-perf-cache-'));
  cpSync(path.join(ROOT, 'outline'), path.join(project, 'outline'), { recursive: true });
  outline = path.join(project, 'outline', 'briefing.yaml');
  survey = path.join(project, 'outline', 'data', 'survey.yaml');
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

/** survey.sos "china": one share chart and a few texts use it. */
function setChinaShare(value: number): void {
  const text = readFileSync(survey, 'utf8');
  const next = text.replace(/(\n {4}china:\n {6}label: [^\n]*\n {6}value: )\d+/, `$1${value}`);
  expect(next).not.toBe(text);
  writeFileSync(survey, next);
}

describe('a rebuild takes unchanged charts from the cache', () => {
  it('draws every chart once, none again, then only the one whose data changed; the rebuilt deck is the cold build', async () => {
    const counted = countingCache(createChartCache());
    const build = async () => {
      counted.reset();
      const result = await buildDeck({ outline, cwd: project, write: false, chartCache: counted });
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      return { pptx: Buffer.from(result.pptx ?? []), charts: result.stats.charts, drawn: counted.counts.drawn, cached: counted.counts.cached };
    };

    const first = await build();
    expect(first.charts).toBeGreaterThanOrEqual(4);
    expect(first).toMatchObject({ drawn: first.charts, cached: 0 });

    const again = await build();
    expect(again).toMatchObject({ drawn: 0, cached: first.charts });
    expect(again.pptx.equals(first.pptx)).toBe(true);

    setChinaShare(88);
    const changed = await build();
    expect(changed).toMatchObject({ drawn: 1, cached: first.charts - 1 });
    expect(changed.pptx.equals(first.pptx)).toBe(false);

    // A cold build of the changed data, with a cache of its own: the same bytes.
    const cold = await buildDeck({ outline, cwd: project, write: false, chartCache: createChartCache() });
    expect(Buffer.from(cold.pptx ?? []).equals(changed.pptx)).toBe(true);
  }, 120_000);

  it('renderCharts reports cached charts, and draws none of them', async () => {
    const { loadInputs } = await import('../../src/build.js');
    const { bindOutline } = await import('../../src/bind/bind.js');
    const { loadPartials } = await import('../../src/load/load-partials.js');
    const { templateDirs } = await import('../../src/load/theme/load-theme.js');
    const { layoutDeck } = await import('../../src/layout/layout-deck.js');
    const inputs = await loadInputs(outline, [], new Map());
    if (!inputs) throw new Error('the default deck does not load');
    const bound = bindOutline(inputs.outline, inputs.data, await loadPartials(templateDirs(inputs.outline.dir)));
    const { plan } = layoutDeck(bound.deck!, inputs.data, inputs.theme);
    const cache = createChartCache();
    const cold = await renderCharts(plan.charts, inputs.data, inputs.theme, cache);
    const warm = await renderCharts(plan.charts, inputs.data, inputs.theme, cache);
    expect(cold.stats).toMatchObject({ rendered: plan.charts.length, cached: 0 });
    expect(warm.stats).toMatchObject({ rendered: 0, cached: plan.charts.length, renderMs: {} });
    for (const [id, out] of cold.outputs) expect(warm.outputs.get(id)).toBe(out);
  }, 120_000);
});
