/**
 * Small decks built with pptxgenjs directly, for the finish-stage tests. Also compiled and run in
 * child processes by determinism.test.ts, so it imports only packages and src/ files.
 */
import { deflateSync } from 'node:zlib';
import PptxModule from 'pptxgenjs';
import type { FinishOptions } from '../../src/pptx/finish/finish.js';

// pptxgenjs's types are CommonJS-shaped (under NodeNext the class is the module's `default`), but
// Node and vitest load its ESM build, whose default export is the class itself.
export const PptxGenJS = PptxModule as unknown as typeof PptxModule.default;
export type Pptx = InstanceType<typeof PptxGenJS>;

export const FINISH_OPTIONS: FinishOptions = {
  date: new Date('2025-06-01T08:30:00Z'),
  eastAsianFont: 'Microsoft JhengHei',
  latinFont: 'Calibri',
  lang: 'zh-TW',
};

export async function writeDeck(pptx: Pptx): Promise<Uint8Array> {
  return (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
}

/**
 * The deck most tests use: Chinese text with `lang: 'zh-TW'`, a section, notes with a line
 * break, an image from a file path (no alt text), native bar/line/doughnut charts and a table
 * on one slide (pptxgenjs gives the table the id of the second chart).
 */
export async function buildSampleDeck(logoPath: string): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_16x9';
  pptx.title = '中國生成式 AI 競賽';
  pptx.theme = { headFontFace: 'Noto Sans TC', bodyFontFace: 'Noto Sans TC' };
  pptx.addSection({ title: '第一部分' });
  const cover = pptx.addSlide({ sectionTitle: '第一部分' });
  cover.addText('中國生成式 AI 競賽', { x: 0.5, y: 0.5, w: 9, h: 1, fontSize: 32, lang: 'zh-TW', fontFace: 'Noto Sans TC' });
  cover.addText(
    [
      { text: '重點：', options: { bold: true, lang: 'zh-TW' } },
      { text: '二〇二三至二〇二五年的模型競賽', options: { lang: 'zh-TW' } },
    ],
    { x: 0.5, y: 1.6, w: 9, h: 0.8, fontSize: 18 },
  );
  cover.addImage({ path: logoPath, x: 8.5, y: 4.5, w: 1, h: 1 });
  cover.addNotes('講者備註：先談背景。\n再談排名。');

  const charts = pptx.addSlide({ sectionTitle: '第一部分' });
  const labels = ['文心一言', '通義千問', 'Kimi'];
  charts.addChart(pptx.ChartType.bar, [{ name: '月訪問量', labels, values: [30, 20, 10] }], {
    x: 0.3,
    y: 0.3,
    w: 4.5,
    h: 2.4,
    barDir: 'bar',
    showTitle: true,
    title: '排名',
    showValue: true,
    catAxisOrientation: 'maxMin' as 'minMax',
    chartColors: ['1F4E79'], // works; the types know only 'minMax'
  });
  charts.addChart(pptx.ChartType.line, [{ name: '用戶數', labels: ['2023', '2024', '2025'], values: [1, 5, 9] }], {
    x: 5,
    y: 0.3,
    w: 4.5,
    h: 2.4,
    showLegend: true,
    chartColors: ['C00000'],
  });
  charts.addChart(pptx.ChartType.doughnut, [{ name: '份額', labels, values: [50, 30, 20] }], {
    x: 0.3,
    y: 2.9,
    w: 4.5,
    h: 2.4,
    showPercent: true,
    chartColors: ['1F4E79', 'C00000', '7F7F7F'],
  });
  charts.addTable(
    [
      [
        { text: '模型', options: { bold: true } },
        { text: '排名', options: { bold: true } },
      ],
      [{ text: '文心一言' }, { text: '1' }],
      [{ text: '通義千問' }, { text: '2' }],
    ],
    { x: 5, y: 3, w: 4.5, colW: [3, 1.5], fontSize: 12, border: { type: 'solid', pt: 1, color: 'BFBFBF' } },
  );
  charts.addNotes('第二頁備註');
  pptx.addSlide().addText('沒有分節的一頁', { x: 0.5, y: 0.5, w: 9, h: 1, lang: 'zh-TW' });
  return writeDeck(pptx);
}

/** A text-heavy deck: `slides` slides of Traditional Chinese bullets and notes. */
export async function buildTextDeck(slides: number): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_16x9';
  const sentence = '中國生成式人工智慧的競賽在二〇二三年至二〇二五年間迅速升溫，各大廠商相繼推出大型語言模型與應用。';
  for (let k = 1; k <= slides; k++) {
    const slide = pptx.addSlide();
    slide.addText(`第 ${k} 頁：市場概況`, { x: 0.5, y: 0.3, w: 9, h: 0.8, fontSize: 28, lang: 'zh-TW' });
    slide.addText(
      [1, 2, 3, 4].map((n) => ({ text: `${n}. ${sentence}`, options: { bullet: true, breakLine: true, lang: 'zh-TW' } })),
      { x: 0.5, y: 1.2, w: 9, h: 3.8, fontSize: 16 },
    );
    slide.addNotes(`${sentence}\n${sentence}`);
  }
  return writeDeck(pptx);
}

/** `slides` slides that each add the same PNG logo (as pptxgenjs users do: one addImage a slide). */
export async function buildLogoDeck(slides: number, logo: Uint8Array): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  const data = `image/png;base64,${Buffer.from(logo).toString('base64')}`;
  for (let k = 1; k <= slides; k++) {
    const slide = pptx.addSlide();
    slide.addText(`第 ${k} 頁`, { x: 0.5, y: 0.5, w: 6, h: 1, lang: 'zh-TW' });
    slide.addImage({ data, x: 9, y: 0.2, w: 0.6, h: 0.6, altText: '標誌' });
  }
  return writeDeck(pptx);
}

/** An RGB PNG with a diagonal gradient: real pixels, so it is a realistic few kilobytes. */
export function makePng(width: number, height: number): Uint8Array {
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      rows[row + 1 + x * 3] = (x * 255) / width;
      rows[row + 2 + x * 3] = (y * 255) / height;
      rows[row + 3 + x * 3] = ((x * y) % 256) ^ 0x5a;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(rows)), pngChunk('IEND', Buffer.alloc(0))]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/**
 * Many kinds of objects with the options a briefing deck uses, to find what pptxgenjs writes
 * against the schema: bar (horizontal, stacked, percent), line, doughnut, pie, area, scatter with
 * custom labels, radar, a combo chart, a master with placeholders, shapes, hyperlinks, a table.
 */
export async function buildGalleryDeck(): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  const logo = `image/png;base64,${Buffer.from(makePng(16, 16)).toString('base64')}`;
  pptx.defineSlideMaster({
    title: 'BRIEF',
    background: { color: 'FFFFFF' },
    objects: [
      { rect: { x: 0, y: 6.9, w: '100%', h: 0.6, fill: { color: '1F4E79' } } },
      { text: { text: '簡報', options: { x: 0.3, y: 6.95, w: 5, h: 0.5, color: 'FFFFFF', fontSize: 12 } } },
      { image: { x: 12.5, y: 6.95, w: 0.5, h: 0.5, data: logo } },
      { placeholder: { options: { name: 'title', type: 'title', x: 0.5, y: 0.3, w: 12, h: 1 }, text: '' } },
      { placeholder: { options: { name: 'body', type: 'body', x: 0.5, y: 1.5, w: 12, h: 5 }, text: '' } },
    ],
    slideNumber: { x: 12.3, y: 7.0, color: 'FFFFFF', fontSize: 10 },
  });
  const labels = ['文心', '通義', 'Kimi', '豆包'];
  const two = [
    { name: '訪問量', labels, values: [4, 3, 2, 1] },
    { name: '用戶', labels, values: [1, 2, 3, 4] },
  ];
  const kinds: [PptxModule.default.CHART_NAME, PptxModule.default.IChartOpts][] = [
    ['bar', { barDir: 'bar', catAxisOrientation: 'maxMin' as 'minMax', chartColors: ['1F4E79', 'C00000'], showValue: true, valAxisHidden: true, valGridLine: { style: 'none' } }],
    [
      'bar',
      {
        barGrouping: 'stacked',
        showLegend: true,
        legendPos: 'b',
        showTitle: true,
        title: '標題',
        showCatAxisTitle: true,
        catAxisTitle: '模型',
        showValAxisTitle: true,
        valAxisTitle: '分數',
        valAxisMaxVal: 10,
        valAxisMinVal: 0,
        valAxisMajorUnit: 2,
        dataLabelFormatCode: '0.0',
      },
    ],
    ['bar', { barGrouping: 'percentStacked' }],
    ['line', { lineDataSymbol: 'none', showValue: true, lineSmooth: true, showLegend: true }],
    ['line', { lineDataSymbolSize: 8, catAxisLabelRotate: 45, valAxisLogScaleBase: 10 }],
    ['area', { showValue: true }],
    ['radar', { radarStyle: 'marker' }],
  ];
  for (const [kind, options] of kinds) {
    const slide = pptx.addSlide({ masterName: 'BRIEF' });
    slide.addText('圖表', { placeholder: 'title' });
    slide.addChart(kind, two, { x: 0.5, y: 1.4, w: 8, h: 5, ...options });
  }
  const pies = pptx.addSlide({ masterName: 'BRIEF' });
  pies.addChart('doughnut', [two[0]!], { x: 0.5, y: 1.4, w: 6, h: 5, showPercent: true, showLegend: true, holeSize: 60 });
  pies.addChart('pie', [two[0]!], { x: 7, y: 1.4, w: 6, h: 5, showPercent: true, showLabel: true, firstSliceAng: 90 });

  const scatter = pptx.addSlide({ masterName: 'BRIEF' });
  scatter.addChart(
    'scatter',
    [
      { name: 'X', values: [1, 2, 3, 4] },
      { name: '分數', values: [4, 3, 2, 1], labels: ['甲', '乙', '丙', '丁'] },
    ],
    { x: 0.5, y: 1.4, w: 6, h: 5, showLabel: true, dataLabelFormatScatter: 'custom', lineSize: 0 },
  );
  scatter.addChart(
    [
      { type: 'bar', data: [{ name: '柱', labels: ['a', 'b'], values: [1, 2] }], options: { barDir: 'col' } },
      { type: 'line', data: [{ name: '線', labels: ['a', 'b'], values: [2, 1] }], options: { secondaryValAxis: true, secondaryCatAxis: true } },
    ],
    // a combo chart takes its options in the data position, which pptxgenjs's types do not say
    {
      x: 7,
      y: 1.4,
      w: 6,
      h: 5,
      valAxes: [
        { showValAxisTitle: true, valAxisTitle: '左' },
        { showValAxisTitle: true, valAxisTitle: '右' },
      ],
      catAxes: [{ catAxisTitle: '類' }, { catAxisHidden: true }],
    } as unknown as unknown[],
  );

  const text = pptx.addSlide({ masterName: 'BRIEF' });
  text.addText('文字與形狀', { placeholder: 'title' });
  text.addText(
    [
      { text: '重點', options: { bullet: true, bold: true } },
      { text: '，同一段落的第二段文字', options: { hyperlink: { slide: 2, tooltip: '第二頁' } } },
      { text: '新的一段', options: { breakLine: true, hyperlink: { url: 'https://example.com/排名' } } },
    ],
    { placeholder: 'body' },
  );
  text.addShape('roundRect', { x: 1, y: 5, w: 3, h: 1, fill: { color: 'EEEEEE' }, line: { color: '999999', width: 1 }, rectRadius: 0.2 });
  text.addShape('line', { x: 1, y: 6.5, w: 5, h: 0, line: { color: 'C00000', width: 2, dashType: 'dash', endArrowType: 'triangle' } });
  text.addText('形狀中的文字', { shape: 'ellipse', x: 6, y: 5, w: 3, h: 1, fill: { color: 'DDEEFF' }, align: 'center', rotate: 10 });
  text.addTable(
    [
      [
        { text: '模型', options: { bold: true, fill: { color: 'EEEEEE' } } },
        { text: '排名', options: { align: 'right' } },
      ],
      [{ text: '文心' }, { text: '1' }],
    ],
    { x: 9.5, y: 1.5, w: 3.5, colW: [2.5, 1], border: { type: 'solid', pt: 1, color: '999999' } },
  );
  text.addImage({ data: logo, x: 9.5, y: 4, w: 1, h: 1, hyperlink: { url: 'https://example.com' }, altText: '標誌' });
  text.addNotes('第一行\n第二行\n\n第四行');
  return writeDeck(pptx);
}
