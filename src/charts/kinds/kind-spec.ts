import type { EChartsOption } from 'echarts';
import type { DiagnosticCode } from '../../diagnostics/codes.js';
import type { Diagnostic, SourceRef } from '../../diagnostics/diagnostic.js';
import type { Dataset } from '../../data/types.js';
import type { Theme } from '../../load/theme/theme.js';
import type { Locale } from '../../locale/locale.js';
import type { ChartContext } from '../style/context.js';
import type { NativeSpec } from '../style/native.js';
import type { ChartRequest } from '../types.js';

/** An option and what the builder found hard (crowded labels, too small a box). */
export interface BuiltOption {
  option: EChartsOption;
  problems: string[];
}

/** Why a kind has no native form for this chart: an error at the request's `render`. */
export interface NativeRefusal {
  code: DiagnosticCode;
  refused: string;
  hint: string;
}

/** A request checked against the data: the chart to draw, or why not. */
export interface Resolution<C> {
  chart?: C;
  diagnostics: Diagnostic[];
}

/** A request that does not fit its data: its diagnostics, and no chart. */
export interface Failure {
  diagnostics: Diagnostic[];
}

/** Makes the error of a request that does not fit its data; `at` defaults to the request's origin. */
export type Fail = (code: DiagnosticCode, message: string, hint?: string, at?: SourceRef) => Failure;

/**
 * Everything briefdeck knows about one chart kind: an entry of `CHART_KINDS`. `C` is the
 * resolved chart the kind draws (plain data, with `kind` its name in the registry), `T` the type
 * of dataset it draws. The core calls these and never names a kind.
 */
export interface ChartKindSpec<C extends { kind: string }, T extends Dataset['type'] = Dataset['type']> {
  /** What it draws, in a few words, for the outline schema ("slope between two editions"). */
  summary: string;
  /** The type of dataset the kind draws; another type is CHART_WRONG_DATASET_TYPE at `data`. */
  wants: T;
  /** Checks the request against its dataset: the chart, or diagnostics (made with `fail`) at the field that does not fit. */
  resolve(request: ChartRequest, dataset: Extract<Dataset, { type: T }>, fail: Fail): Resolution<C>;
  /** The ECharts option of the chart in a box (`ctx`): a pure function. */
  option(chart: C, ctx: ChartContext): BuiltOption;
  /** The chart as a native PowerPoint chart (its words and number formats in `locale`), or why it has none. */
  native(chart: C, theme: Theme, locale: Locale): NativeSpec | NativeRefusal;
  /** The chart's data in words of the deck's locale, for the alt text. */
  altText(chart: C, locale: Locale): string;
}
