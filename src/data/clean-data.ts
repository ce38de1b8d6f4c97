import { warning, type Diagnostic, type SourceRef } from '../diagnostics/diagnostic.js';
import { cleanText } from '../text/clean-text.js';
import type { Dataset } from './types.js';

/**
 * A dataset with control characters removed from every string (names become chart labels and
 * alt text, where such a character would break the picture or the XML), and a warning at each
 * entry or item that had some.
 */
export function cleanDataset(d: Dataset): { dataset: Dataset; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const walk = (value: unknown, origin: SourceRef): unknown => {
    if (typeof value === 'string') {
      const { text, removed } = cleanText(value);
      if (removed) diagnostics.push(warning('TEXT_CONTROL_CHARACTER', `removed ${removed} control character(s) from "${text}"`, origin, 'delete them from the data file'));
      return text;
    }
    if (Array.isArray(value)) return value.map((v) => walk(v, origin));
    if (value !== null && typeof value === 'object') {
      const own = (value as { origin?: SourceRef }).origin ?? origin;
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'origin' ? v : walk(v, own)]));
    }
    return value;
  };
  return { dataset: walk(d, d.origin) as Dataset, diagnostics };
}
