import path from 'node:path';
import { loadInputs } from './build.js';
import { resolveChart } from './charts/resolve.js';
import { hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { layoutDeck } from './layout/layout-deck.js';
import { bindOutline } from './bind/bind.js';
import { loadPartials } from './load/load-partials.js';
import { templateDirs } from './load/theme/load-theme.js';

export interface CheckResult {
  diagnostics: Diagnostic[];
  texts: Map<string, string>;
}

/**
 * Everything `build` checks, without drawing or writing anything: the outline, its data and
 * templates, every chart's data, and whether text fits. Loads no chart or pptx library.
 */
export async function checkOutline(options: { outline: string; cwd?: string }): Promise<CheckResult> {
  const outlineFile = path.resolve(options.cwd ?? process.cwd(), options.outline);
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string>();
  const inputs = await loadInputs(outlineFile, diagnostics, texts);
  if (!inputs || hasErrors(diagnostics)) return { diagnostics, texts };

  const bound = bindOutline(inputs.outline, inputs.data, await loadPartials(templateDirs(inputs.outline.dir)));
  diagnostics.push(...bound.diagnostics);
  if (!bound.deck) return { diagnostics, texts };

  const { plan, diagnostics: layout } = layoutDeck(bound.deck, inputs.data, inputs.theme);
  diagnostics.push(...layout);
  for (const job of plan.charts) diagnostics.push(...resolveChart(job.request, inputs.data).diagnostics);
  return { diagnostics, texts };
}
