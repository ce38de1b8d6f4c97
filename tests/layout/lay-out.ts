import { loadInputs } from '../../src/build.js';
import { bindOutline } from '../../src/bind/bind.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { layoutDeck } from '../../src/layout/layout-deck.js';
import type { Box, DeckPlan } from '../../src/layout/types.js';
import { loadPartials } from '../../src/load/load-partials.js';
import { templateDirs } from '../../src/load/theme/load-theme.js';

/** An outline through load, bind and layout, as `build` runs them; no chart is drawn. */
export async function layOut(outlineFile: string): Promise<{ plan: DeckPlan; diagnostics: Diagnostic[]; texts: Map<string, string> }> {
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string>();
  const inputs = await loadInputs(outlineFile, diagnostics, texts);
  if (!inputs) throw new Error(`${outlineFile} does not load: ${diagnostics.map((d) => d.code).join(', ')}`);
  const bound = bindOutline(inputs.outline, inputs.data, await loadPartials(templateDirs(inputs.outline.dir)));
  if (!bound.deck) throw new Error(`${outlineFile} does not bind: ${bound.diagnostics.map((d) => d.code).join(', ')}`);
  const laid = layoutDeck(bound.deck, inputs.data, inputs.theme);
  return { plan: laid.plan, diagnostics: [...diagnostics, ...bound.diagnostics, ...laid.diagnostics], texts };
}

/** The area two boxes share, in square inches (0 when they only touch). */
export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}
