import { warning, type Diagnostic, type SourceRef } from '../../diagnostics/diagnostic.js';
import { cleanText } from '../../text/clean-text.js';
import type { Dataset } from '../../data/types.js';

/**
 * Removes control characters from every string of a dataset the loader just built (names become
 * chart labels and alt text, where such a character would break the picture or the XML), and
 * warns at each entry or item that had some. In place: the loader keys field positions by
 * object identity.
 */
export function cleanDataset(d: Dataset): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const walk = (holder: Record<string, unknown> | unknown[], origin: SourceRef): void => {
    const own = Array.isArray(holder) ? origin : ((holder as { origin?: SourceRef }).origin ?? origin);
    for (const [k, v] of Object.entries(holder)) {
      if (k === 'origin') continue;
      if (typeof v === 'string') {
        const { text, removed } = cleanText(v);
        if (!removed) continue;
        (holder as Record<string, unknown>)[k] = text;
        diagnostics.push(warning('TEXT_CONTROL_CHARACTER', `removed ${removed} control character(s) from "${text}"`, own, 'delete them from the data file'));
      } else if (v !== null && typeof v === 'object') walk(v as Record<string, unknown>, own);
    }
  };
  walk(d as unknown as Record<string, unknown>, d.origin);
  return diagnostics;
}
