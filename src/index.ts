/** briefdeck: turns a YAML outline and its data into a PowerPoint briefing deck. */
export { buildDeck, documentDate, type BuildOptions, type BuildResult, type Stage } from './build.js';
export { startChartDrawer, type ChartDrawer } from './charts/drawer/chart-drawer.js';
export { countingCache, type CountingCache } from './charts/counting-cache.js';
export { createChartCache, type ChartCache } from './charts/plan-charts.js';
export { createDeflateCache, type DeflateCache } from './pptx/zip/zip-write.js';
export { checkOutline, type CheckResult } from './check.js';
export { run } from './cli/run.js';
export type { CliIo } from './cli/io.js';
export type { Diagnostic, Severity, SourceRef } from './diagnostics/diagnostic.js';
export { formatJson, formatText, locate, type LocatedDiagnostic } from './diagnostics/report.js';
export { jsonSchemas } from './schema/json-schema.js';
export type { OutlineDoc, SlideDoc } from './load/outline/schema.js';
export type { Dataset, DataStore } from './data/types.js';
