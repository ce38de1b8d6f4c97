import type { SourceRef } from '../diagnostics/diagnostic.js';
import type { ChartKind } from './kinds/registry.js';

export type { ChartKind } from './kinds/registry.js';
export type ChartRenderer = 'echarts' | 'native';

/** What a slide asks for: which data, drawn how. Strings are already bound (no templates left). */
export interface ChartRequest {
  kind: ChartKind;
  /** Dataset id, `namespace.key` (`a16z.web`). */
  data: string;
  /** The edition to draw (`asOf` of a ranking edition); default the newest. */
  edition?: string;
  /** For rank marks and rank-change charts: the edition to compare with; default the one before. */
  compare?: string;
  /** A ranking group to highlight in the accent colour (`china`). */
  highlight?: string;
  /** For figures datasets: which items, in this order; default all (or, for a breakdown, the parent and its parts). */
  items?: string[];
  /** For a ranking: show rank-change marks against `compare`. */
  changes?: boolean;
  render: ChartRenderer;
  /** A title drawn in the chart; default none (the slide title says it). */
  title?: string;
  origin: SourceRef;
  /**
   * Where each field was written, when known: a diagnostic about a field (an unknown `highlight`)
   * points at it rather than at `origin`.
   */
  fieldOrigins?: Partial<Record<ChartRequestField, SourceRef>>;
  /** Where each of `items` was written, in order, when known. */
  itemOrigins?: SourceRef[];
}

export type ChartRequestField = 'kind' | 'data' | 'edition' | 'compare' | 'highlight' | 'items' | 'changes' | 'render' | 'title';

/** A chart drawn as a picture (ECharts server-side rendering). */
export interface ChartImage {
  type: 'image';
  /** PNG bytes, drawn at `scale` × the chart's size in CSS pixels. */
  png: Uint8Array;
  widthPx: number;
  heightPx: number;
  /** The ECharts SVG with text as paths (looks the same without the font), when produced. */
  svg?: string;
  altText: string;
  /** Content hash of everything the drawing depends on; the cache key. */
  hash: string;
  /** What the chart's layout could not do (it was drawn anyway): CHART_CROWDED on every build that shows it. */
  problems: string[];
}

/** A chart as a native, editable PowerPoint chart (pptxgenjs `addChart`). */
export interface NativeChart {
  type: 'native';
  /** pptxgenjs chart type name ('bar', 'line', 'doughnut' …). */
  chartType: string;
  /** pptxgenjs chart data: `[{ name, labels, values }]`. */
  data: { name: string; labels: string[]; values: number[] }[];
  /** pptxgenjs chart options (colours, axes, label formats), without position. */
  options: Record<string, unknown>;
  altText: string;
  hash: string;
}

export type ChartOutput = ChartImage | NativeChart;

/**
 * What a slide shows for a chart while the deck is written: a native chart, or a picture named
 * by its hash (drawn, or still being drawn) with the size and alt text it will have.
 */
export type ChartSlot = NativeChart | ChartImage | Pick<ChartImage, 'type' | 'hash' | 'widthPx' | 'heightPx' | 'altText'>;

/** A slot whose picture is drawn already (it came from the cache). */
export function isDrawnPicture(slot: ChartSlot): slot is ChartImage {
  return slot.type === 'image' && 'png' in slot;
}
