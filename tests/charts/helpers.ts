import { inflateSync } from 'node:zlib';
import { PX_PER_INCH, type ChartContext } from '../../src/charts/style/context.js';
import { renderSvg } from '../../src/charts/render/echarts-ssr.js';
import { createFontMetricsCache, measureWith, type Measure } from '../../src/charts/render/font-metrics.js';
import { resolveFontFile } from '../../src/charts/render/fonts.js';
import { buildOption } from '../../src/charts/build-option.js';
import { resolveChart, type ResolvedChart } from '../../src/charts/resolve.js';
import type { ChartBox } from '../../src/charts/plan-charts.js';
import type { ChartRequest } from '../../src/charts/types.js';
import { BUILT_IN_CATALOGS } from '../../src/load/locale/load-catalog.js';
import type { Locale } from '../../src/locale/locale.js';
import { resolveLocale } from '../../src/locale/resolve-locale.js';
import { data, theme } from './fixtures.js';

export const fontFiles = {
  regular: resolveFontFile(theme.fonts.chartRegular) as string,
  bold: resolveFontFile(theme.fonts.chartBold) as string,
};

const metrics = createFontMetricsCache();
export const measure: Measure = measureWith(metrics.get(fontFiles.regular), metrics.get(fontFiles.bold));

/** A deck's locale from briefdeck's own catalogs. */
export function localeOf(lang: string): Locale {
  const { locale, diagnostics } = resolveLocale(lang, BUILT_IN_CATALOGS, { file: 'deck.yaml' });
  if (!locale) throw new Error(JSON.stringify(diagnostics));
  return locale;
}

/** The default deck's locale. */
export const zhTW = localeOf('zh-TW');

export function context(box: ChartBox, locale: Locale = zhTW): ChartContext {
  return { theme, locale, width: Math.round(box.width * PX_PER_INCH), height: Math.round(box.height * PX_PER_INCH), measure };
}

export function resolved(req: ChartRequest): ResolvedChart {
  const { chart, diagnostics } = resolveChart(req, data);
  if (!chart) throw new Error(JSON.stringify(diagnostics));
  return chart;
}

/** Option, problems and the ECharts SVG (text still as text) of a request. */
export async function draw(req: ChartRequest, box: ChartBox) {
  const ctx = context(box);
  const built = buildOption(resolved(req), ctx);
  const svg = await renderSvg(built.option, ctx.width, ctx.height, measure);
  return { ...built, svg, ctx };
}

export interface TextBox {
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Where each `<text>` of an ECharts SVG lands, measured with the chart font (horizontal text only). */
export function textBoxes(svg: string): TextBox[] {
  const boxes: TextBox[] = [];
  for (const m of svg.matchAll(/<text\b([^>]*)>([^<]*)<\/text>/g)) {
    const attrs = m[1] ?? '';
    const text = (m[2] ?? '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    if (!text.trim()) continue;
    const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];
    const size = Number(/font-size:([\d.]+)px/.exec(attrs)?.[1] ?? 12);
    const bold = /font-weight:(bold|[6-9]00)/.test(attrs);
    const [tx = 0, ty = 0] = (/translate\(([-\d.]+) ([-\d.]+)\)/.exec(attrs)?.slice(1) ?? []).map(Number);
    const x = tx + Number(attr('x') ?? 0);
    const y = ty + Number(attr('y') ?? 0);
    const w = measure(text, size, bold);
    const anchor = attr('text-anchor') ?? 'start';
    const x0 = anchor === 'end' ? x - w : anchor === 'middle' ? x - w / 2 : x;
    boxes.push({ text, x0, x1: x0 + w, y0: y - size / 2, y1: y + size / 2 });
  }
  return boxes;
}

/** Pairs of text boxes that overlap by more than `slack` px both ways. */
export function overlaps(boxes: readonly TextBox[], slack = 1): [string, string][] {
  const found: [string, string][] = [];
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      const dx = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const dy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (dx > slack && dy > slack) found.push([a.text, b.text]);
    }
  }
  return found;
}

/** Text boxes that stick out of the chart. */
export function clipped(boxes: readonly TextBox[], width: number, height: number): string[] {
  return boxes.filter((b) => b.x0 < -0.5 || b.y0 < -0.5 || b.x1 > width + 0.5 || b.y1 > height + 0.5).map((b) => b.text);
}

/** Decodes an 8-bit palette, RGB or RGBA PNG to its size and RGBA pixels. */
export function decodePng(png: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  const buf = Buffer.from(png);
  let pos = 8;
  let width = 0;
  let height = 0;
  let colorType = 6;
  const idat: Buffer[] = [];
  let palette: Buffer | undefined;
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const body = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8) throw new Error('only 8-bit PNGs');
      colorType = body[9] ?? 6;
    } else if (type === 'PLTE') palette = body;
    else if (type === 'IDAT') idat.push(body);
    pos += 12 + len;
  }
  const channels = colorType === 6 ? 4 : colorType === 2 ? 3 : colorType === 4 ? 2 : 1;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    const line = new Uint8Array(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? (line[i - channels] ?? 0) : 0;
      const b = prev[i] ?? 0;
      const c = i >= channels ? (prev[i - channels] ?? 0) : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      const pred = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter] ?? 0;
      line[i] = ((line[i] ?? 0) + pred) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const s = x * channels;
      if (colorType === 3) {
        const p = (line[s] ?? 0) * 3;
        out[o] = palette?.[p] ?? 0;
        out[o + 1] = palette?.[p + 1] ?? 0;
        out[o + 2] = palette?.[p + 2] ?? 0;
        out[o + 3] = 255;
      } else if (channels >= 3) {
        out[o] = line[s] ?? 0;
        out[o + 1] = line[s + 1] ?? 0;
        out[o + 2] = line[s + 2] ?? 0;
        out[o + 3] = channels === 4 ? (line[s + 3] ?? 255) : 255;
      } else {
        out[o] = out[o + 1] = out[o + 2] = line[s] ?? 0;
        out[o + 3] = channels === 2 ? (line[s + 1] ?? 255) : 255;
      }
    }
    prev = line;
  }
  return { width, height, rgba: out };
}

/** How many pixels differ from the top-left pixel (the background). */
export function inkPixels(rgba: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    if (rgba[i] !== rgba[0] || rgba[i + 1] !== rgba[1] || rgba[i + 2] !== rgba[2]) n++;
  }
  return n;
}
