import type { EChartsOption } from 'echarts';
import { createRequire } from 'node:module';
import type { Measure } from './font-metrics.js';

type ECharts = typeof import('echarts');
// Module-level on purpose: it memoises loading a module (as `import()` would), holds no data of
// any build, and cannot change what is drawn.
let loading: Promise<ECharts> | undefined;

/**
 * ECharts, loaded once per process and only when a chart is drawn. Its CommonJS bundle
 * (`dist/echarts.js`, one file) loads in ~80–120 ms; `import('echarts')` reads the ES module
 * tree of several hundred files and took ~550–700 ms cold on a 2-core machine. Same version,
 * same code: the SVG is the same.
 */
export function loadECharts(): Promise<ECharts> {
  return (loading ??= Promise.resolve().then(() => createRequire(import.meta.url)('echarts') as ECharts));
}

/**
 * Draws an option to an SVG string with ECharts' server-side renderer (no DOM), measuring text
 * with the chart font's real metrics, then makes its class names and ids stable.
 */
export async function renderSvg(option: EChartsOption, width: number, height: number, measure: Measure): Promise<string> {
  const echarts = await loadECharts();
  // Process-wide, but rendering is synchronous from here to dispose: no other chart interleaves.
  echarts.setPlatformAPI({ measureText: (text: string, font?: string) => ({ width: measureCssFont(measure, text, font) }) });
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return stableIds(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/** Width of `text` in a CSS font shorthand as zrender writes it ("bold 18px Noto Sans TC"). */
export function measureCssFont(measure: Measure, text: string, font = '12px sans-serif'): number {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 12);
  const bold = /\b(bold|bolder|[6-9]00)\b/.test(font);
  return measure(text, size, bold);
}

/**
 * ECharts names classes and clip paths from process-wide counters (`zr0-cls-3`, `zr7-c0`), so
 * the same chart drawn second comes out different. Renumbers them in order of appearance.
 */
export function stableIds(svg: string): string {
  const seen = new Map<string, string>();
  const counters = new Map<string, number>();
  return svg.replace(/\bzr\d+-([a-z]+-?)(\d+)\b/g, (token, kind: string) => {
    let name = seen.get(token);
    if (!name) {
      const n = counters.get(kind) ?? 0;
      counters.set(kind, n + 1);
      name = `bd-${kind}${n}`;
      seen.set(token, name);
    }
    return name;
  });
}

/** Every character the SVG draws as text (decoded), for subsetting the font. */
export function svgText(svg: string): string {
  const chars = new Set<string>();
  for (const m of svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>|<tspan\b[^>]*>([^<]*)<\/tspan>/g)) {
    for (const ch of decodeEntities(m[1] ?? m[2] ?? '')) chars.add(ch);
  }
  return [...chars].sort().join('');
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (e[0] !== '#') return named[e.toLowerCase()] ?? '';
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}
