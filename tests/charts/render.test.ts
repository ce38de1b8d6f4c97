import { describe, expect, it } from 'vitest';
import { stableIds, svgText } from '../../src/charts/render/echarts-ssr.js';
import { subsetFontFile } from '../../src/charts/render/fonts.js';
import { palettePng } from '../../src/charts/render/png.js';
import { rasterize } from '../../src/charts/render/rasterize.js';
import { createChartCache, renderCharts, type ChartCache, type ChartJob } from '../../src/charts/draw-pictures.js';
import type { ChartImage, ChartOutput } from '../../src/charts/types.js';
import type { DataStore, RankingDataset } from '../../src/data/types.js';
import { data, HALF, request, theme, web } from './fixtures.js';
import { decodePng, draw, fontFiles, inkPixels } from './helpers.js';

const jobs: ChartJob[] = [
  { id: 'web', request: request('ranking', 'a16z.web', { highlight: 'china' }), box: HALF },
  { id: 'mobile', request: request('ranking', 'a16z.mobile', { highlight: 'china' }), box: HALF },
  { id: 'capex', request: request('comparison', 'ai.capex'), box: { width: 6, height: 3.5 } },
];

function image(out: ChartOutput | undefined): ChartImage {
  if (out?.type !== 'image') throw new Error('expected an image');
  return out;
}

describe('renderCharts', () => {
  it('draws PNGs at 2× the box (96 px an inch), not blank, with outlined SVGs and alt text', async () => {
    const { outputs, diagnostics } = await renderCharts(jobs, data, theme);
    expect(diagnostics).toEqual([]);
    const web = image(outputs.get('web'));
    expect([web.widthPx, web.heightPx]).toEqual([6 * 96 * 2, Math.round(4.6 * 96) * 2]);
    const png = decodePng(web.png);
    expect([png.width, png.height]).toEqual([web.widthPx, web.heightPx]);
    // Dots, axis and text: a few percent of the pixels, not none and not all.
    const ink = inkPixels(png.rgba) / (png.width * png.height);
    expect(ink).toBeGreaterThan(0.01);
    expect(ink).toBeLessThan(0.5);
    expect(web.svg).toMatch(/^<svg/);
    expect(web.svg).not.toMatch(/<text/); // text is outlined: no font needed to view it
    expect(web.altText).toContain('DeepSeek 第2');
    expect(web.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("outlines the SVG's text: drawn with no font at all, it looks like the PNG", async () => {
    const { outputs } = await renderCharts(jobs.slice(1, 2), data, theme);
    const out = image(outputs.get('mobile'));
    const png = decodePng(out.png);
    const fontless = decodePng((await rasterize(out.svg ?? '', { files: [], family: 'none' }, 2, '#FFFFFF', false)).png);
    expect([fontless.width, fontless.height]).toEqual([png.width, png.height]);
    let differ = 0;
    for (let i = 0; i < png.rgba.length; i += 4) {
      if (Math.abs((png.rgba[i] ?? 0) - (fontless.rgba[i] ?? 0)) > 48) differ++;
    }
    expect(differ / (png.width * png.height)).toBeLessThan(0.005);
    expect(inkPixels(fontless.rgba)).toBeGreaterThan(inkPixels(png.rgba) * 0.9);
  });

  it('draws the same bytes twice (stable ids, no process-wide counters)', async () => {
    const a = image((await renderCharts(jobs.slice(0, 1), data, theme)).outputs.get('web'));
    const b = image((await renderCharts(jobs.slice(0, 1), data, theme)).outputs.get('web'));
    expect(Buffer.from(b.png).equals(Buffer.from(a.png))).toBe(true);
    expect(b.svg).toBe(a.svg);
    const { svg } = await draw(request('ranking', 'a16z.mobile'), HALF);
    expect(svg).not.toMatch(/zr\d+-/);
  });

  it('takes unchanged charts from the cache and redraws only what changed', async () => {
    const cache = createChartCache();
    const first = await renderCharts(jobs, data, theme, cache);
    expect(first.stats).toMatchObject({ rendered: 3, cached: 0 });
    const second = await renderCharts(jobs, data, theme, cache);
    expect(second.stats).toMatchObject({ rendered: 0, cached: 3 });
    expect(second.outputs.get('web')).toBe(first.outputs.get('web'));

    // The next a16z edition moves one entry: only the web chart is drawn again.
    const [latest, ...older] = web.editions;
    const moved: RankingDataset = { ...web, editions: [{ ...latest!, entries: latest!.entries.map((e) => (e.name === '可靈' ? { ...e, rank: 18 } : e)) }, ...older] };
    const changed: DataStore = new Map([...data, [web.id, moved]]);
    const third = await renderCharts(jobs, changed, theme, cache);
    expect(third.stats).toMatchObject({ rendered: 1, cached: 2 });
    expect(third.stats.renderMs).toHaveProperty('web');
    expect(image(third.outputs.get('web')).altText).toContain('可靈 第18');
  });

  it('keys the cache on content, not on where the data came from', async () => {
    const calls: string[] = [];
    const inner = createChartCache();
    const cache: ChartCache = {
      get: (h) => {
        calls.push(h);
        return inner.get(h);
      },
      set: (h, o) => inner.set(h, o),
    };
    await renderCharts(jobs.slice(0, 1), data, theme, cache);
    const shifted: DataStore = new Map([...data, [web.id, { ...web, origin: { file: 'elsewhere.yaml', range: [9, 99] } }]]);
    const again = await renderCharts(jobs.slice(0, 1), shifted, theme, cache);
    expect(again.stats.cached).toBe(1);
    expect(new Set(calls).size).toBe(1);
  });

  it('keeps outputs in job order and goes on past a bad request', async () => {
    const bad: ChartJob = { id: 'bad', request: request('ranking', 'a16z.nope'), box: HALF };
    const { outputs, diagnostics } = await renderCharts([jobs[2]!, bad, jobs[0]!], data, theme);
    expect([...outputs.keys()]).toEqual(['capex', 'web']);
    expect(diagnostics.map((d) => d.code)).toEqual(['CHART_UNKNOWN_DATASET']);
  });

  it('reports a chart font that is not there, once', async () => {
    const broken = { ...theme, fonts: { ...theme.fonts, chartRegular: '/nonexistent/font.ttf' } };
    const { outputs, diagnostics } = await renderCharts(jobs, data, broken);
    expect(outputs.size).toBe(0);
    expect(diagnostics.map((d) => d.code)).toEqual(['CHART_FONT_NOT_FOUND']);
  });

  it('warns when a box is too small for its labels', async () => {
    const tiny: ChartJob = { id: 'tiny', request: request('ranking', 'a16z.mobile'), box: { width: 2, height: 1 } };
    const { diagnostics, outputs } = await renderCharts([tiny], data, theme);
    expect(diagnostics.map((d) => [d.code, d.severity])).toContainEqual(['CHART_CROWDED', 'warning']);
    expect(diagnostics[0]?.source).toEqual(tiny.request.origin);
    expect(outputs.has('tiny')).toBe(true);
  });

  it('warns again when the crowded chart comes from the cache', async () => {
    const tiny: ChartJob = { id: 'tiny', request: request('ranking', 'a16z.mobile'), box: { width: 2, height: 1 } };
    const cache = createChartCache();
    const cold = await renderCharts([tiny], data, theme, cache);
    const warm = await renderCharts([tiny], data, theme, cache);
    expect(warm.stats).toMatchObject({ rendered: 0, cached: 1 });
    const crowded = (ds: typeof cold.diagnostics) => ds.filter((d) => d.code === 'CHART_CROWDED').map((d) => d.message);
    expect(crowded(cold.diagnostics).length).toBeGreaterThan(0);
    expect(crowded(warm.diagnostics)).toEqual(crowded(cold.diagnostics));
  });
});

describe('fonts', () => {
  it('draws Chinese glyphs from the shipped font, not from the system', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><text x="10" y="40" style="font-size:30px;font-family:Noto Sans TC">豆包夸克</text></svg>';
    const subset = await subsetFontFile(fontFiles.regular, svgText(svg));
    const withFont = decodePng((await rasterize(svg, { files: [subset], family: 'Noto Sans TC' }, 1, '#FFFFFF')).png);
    const without = decodePng((await rasterize(svg, { files: [], family: 'Noto Sans TC' }, 1, '#FFFFFF')).png);
    expect(inkPixels(withFont.rgba)).toBeGreaterThan(200);
    // resvg never looks at the system's fonts (this machine may have CJK fonts): nothing is drawn without ours.
    expect(inkPixels(without.rgba)).toBe(0);
  });

  it('subsets to the characters used, a file per font and text', async () => {
    const a = await subsetFontFile(fontFiles.regular, '#2 DeepSeek豆包');
    const b = await subsetFontFile(fontFiles.regular, '#2 DeepSeek豆包');
    const c = await subsetFontFile(fontFiles.bold, '#2 DeepSeek豆包');
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    const { statSync } = await import('node:fs');
    expect(statSync(a).size).toBeLessThan(100_000);
  });

  it('finds every character an SVG draws, entities decoded', () => {
    expect(svgText('<text>A&amp;B</text><text x="1">豆包 &#x25B2;</text>')).toBe(' &AB▲包豆');
  });

  it('renumbers ECharts ids in order of appearance', () => {
    const svg = '<path class="zr7-cls-3"/><clipPath id="zr7-c0"/><path class="zr7-cls-1" clip-path="url(#zr7-c0)"/><path class="zr7-cls-3"/>';
    expect(stableIds(svg)).toBe('<path class="bd-cls-0"/><clipPath id="bd-c0"/><path class="bd-cls-1" clip-path="url(#bd-c0)"/><path class="bd-cls-0"/>');
  });
});

describe('palettePng', () => {
  it('stores the pixels resvg drew, losslessly, in a third of the bytes', async () => {
    const { Resvg } = await import('@resvg/resvg-js');
    const { outputs } = await renderCharts(jobs.slice(1, 2), data, theme);
    const out = image(outputs.get('mobile'));
    const ours = decodePng(out.png);
    // The same SVG through resvg's own PNG encoder (RGBA): the reference.
    const svg = (await draw(jobs[1]!.request, HALF)).svg;
    const files = [await subsetFontFile(fontFiles.regular, svgText(svg)), await subsetFontFile(fontFiles.bold, svgText(svg))];
    const resvg = new Resvg(svg, {
      font: { loadSystemFonts: false, fontFiles: files, defaultFontFamily: 'Noto Sans TC' },
      fitTo: { mode: 'zoom', value: 2 },
      background: '#FFFFFF',
      shapeRendering: 2,
      textRendering: 1,
    });
    const rendered = resvg.render();
    expect(Buffer.from(ours.rgba).equals(Buffer.from(rendered.pixels))).toBe(true);
    expect(out.png.length).toBeLessThan(rendered.asPng().length / 2);
  });

  it('gives up on translucent pixels or more than 256 colours', () => {
    const translucent = new Uint8Array([255, 0, 0, 128]);
    expect(palettePng(translucent, 1, 1)).toBeUndefined();
    const many = new Uint8Array(300 * 4).map((_, i) => (i % 4 === 3 ? 255 : i % 4 === 0 ? Math.floor(i / 4) % 256 : Math.floor(i / 1024)));
    expect(palettePng(many, 300, 1)).toBeUndefined();
  });
});
