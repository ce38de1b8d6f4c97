import { unzipSync, strFromU8 } from 'fflate';
import PptxModule from 'pptxgenjs';
import { describe, expect, it } from 'vitest';
import { renderCharts } from '../../src/charts/draw-pictures.js';
import type { ChartOutput, NativeChart } from '../../src/charts/types.js';
import { data, HALF, request, theme } from './fixtures.js';

async function native(kind: Parameters<typeof request>[0], id: string, extra: Parameters<typeof request>[2] = {}): Promise<NativeChart> {
  const { outputs, diagnostics } = await renderCharts([{ id: 'c', request: request(kind, id, { ...extra, render: 'native' }), box: HALF }], data, theme);
  expect(diagnostics).toEqual([]);
  const out: ChartOutput | undefined = outputs.get('c');
  if (out?.type !== 'native') throw new Error('expected a native chart');
  return out;
}

/** Builds a one-slide deck with the chart and returns its chart XML. */
async function chartXml(chart: NativeChart): Promise<string> {
  // pptxgenjs' types are CommonJS-shaped: under NodeNext its class is the module's `default`.
  const Pptx = PptxModule as unknown as typeof PptxModule.default;
  const pptx = new Pptx();
  pptx.layout = 'LAYOUT_WIDE';
  const slide = pptx.addSlide();
  slide.addChart(chart.chartType as PptxModule.default.CHART_NAME, chart.data, { x: 0.5, y: 0.5, w: 6, h: 4, ...chart.options } as PptxModule.default.IChartOpts);
  const zip = unzipSync(new Uint8Array((await pptx.write({ outputType: 'nodebuffer' })) as Buffer));
  // pptxgenjs numbers charts process-wide (chart1, chart2 …): take the one there is.
  const name = Object.keys(zip).find((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
  if (!name) throw new Error('no chart in the deck');
  return strFromU8(zip[name] as Uint8Array);
}

const categories = (xml: string) => [...(/<c:cat>([\s\S]*?)<\/c:cat>/.exec(xml)?.[1] ?? '').matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]);

describe('native charts', () => {
  it('draws a scored ranking as bars, #1 on top, accent for the group, in a real deck', async () => {
    const chart = await native('ranking', 'demo.scored', { highlight: 'china' });
    expect(chart.chartType).toBe('bar');
    expect(chart.data[0]?.labels).toEqual(['#1 ChatGPT', '#2 DeepSeek', '#3 Character.ai', '#10 豆包']);
    // The scores as the data gives them; the number format shows them in 億.
    expect(chart.data[0]?.values).toEqual([5_200_000_000, 520_000_000, 180_000_000, 45_000_000]);
    expect(chart.options).toMatchObject({ barDir: 'bar', catAxisOrientation: 'maxMin', chartColors: ['9AA5B4', 'C8102E', '9AA5B4', 'C8102E'] });
    expect(chart.altText).toContain('ChatGPT 第1（52億次）');

    const xml = await chartXml(chart);
    expect(categories(xml)).toEqual(['#1 ChatGPT', '#2 DeepSeek', '#3 Character.ai', '#10 豆包']);
    expect(xml).toContain('<c:orientation val="maxMin"/>');
    expect(xml).toContain('<c:barDir val="bar"/>');
    expect(xml).toContain('formatCode="0\\.00,,&quot;億次&quot;"');
  });

  it('draws a comparison of raw values shown in one Chinese unit, the qualifier kept in the category', async () => {
    const chart = await native('comparison', 'ai.capex');
    expect(chart.data[0]?.labels).toEqual(['阿里巴巴（未來3年）〔超過此數〕', '字節跳動（2025年）']);
    expect(chart.data[0]?.values).toEqual([380_000_000_000, 160_000_000_000]);
    expect(chart.options.dataLabelFormatCode).toBe('0\\.00,,"億元"');
    expect(categories(await chartXml(chart))).toEqual(['阿里巴巴（未來3年）〔超過此數〕', '字節跳動（2025年）']);
  });

  it('draws shares on a fixed 0–100 axis', async () => {
    const chart = await native('share', 'threem.survey', { highlight: 'china' });
    expect(chart.data[0]?.values).toEqual([90, 77]);
    expect(chart.options).toMatchObject({ valAxisMinVal: 0, valAxisMaxVal: 100, chartColors: ['C8102E', '9AA5B4'] });
    await chartXml(chart);
  });

  it('draws a breakdown as one stacked bar of parts that add up to the total', async () => {
    const chart = await native('breakdown', 'ai.capex');
    expect(chart.data.map((s) => [s.name, s.values])).toEqual([
      ['AI算力採購（約）', [90_000_000_000]],
      ['IDC基建及網絡設備', [70_000_000_000]],
    ]);
    expect(chart.data[0]?.labels).toEqual(['字節跳動（2025年）：1600億元']);
    expect(chart.options).toMatchObject({ barGrouping: 'stacked', dataLabelFormatCode: '0\\.00,,"億元"' });
    expect(await chartXml(chart)).toContain('<c:grouping val="stacked"/>');
  });

  it('refuses a rank-change chart', async () => {
    const { diagnostics } = await renderCharts([{ id: 'c', request: request('rank-change', 'a16z.web', { render: 'native' }), box: HALF }], data, theme);
    expect(diagnostics.map((d) => d.code)).toEqual(['CHART_NATIVE_UNSUPPORTED']);
  });
});
