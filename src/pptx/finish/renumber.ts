import { naturalCompare, type Parts } from '../opc/parts.js';
import { referenceOrder, renameParts } from '../opc/relationships.js';

/** Folders whose parts pptxgenjs numbers with a process-wide counter. */
const RENUMBERED_FOLDERS = ['ppt/charts', 'ppt/embeddings'];

/**
 * pptxgenjs numbers charts and their workbooks with a counter that lives as long as the process,
 * so the second deck built in one process gets `chart4.xml`, `Microsoft_Excel_Worksheet4.xlsx`.
 * Renumbers each family (`chartN.xml`, `Microsoft_Excel_WorksheetN.xlsx`, …) from 1 in the order
 * the parts are first referenced, walking the relationships from the package root.
 */
export function renumberCharts(parts: Parts): Map<string, Uint8Array> {
  const rank = new Map(referenceOrder(parts).map((name, k) => [name, k]));
  const families = new Map<string, { name: string; stem: string; extension: string }[]>();
  for (const name of parts.keys()) {
    const m = /^(.+)\/([^/]*?)(\d+)\.([^./]+)$/.exec(name);
    if (!m || !RENUMBERED_FOLDERS.includes(m[1] ?? '')) continue;
    const stem = `${m[1] ?? ''}/${m[2] ?? ''}`;
    const extension = m[4] ?? '';
    const key = `${stem}\u0000${extension}`;
    const family = families.get(key) ?? [];
    family.push({ name, stem, extension });
    families.set(key, family);
  }
  const mapping = new Map<string, string>();
  for (const family of families.values()) {
    family.sort((a, b) => (rank.get(a.name) ?? Number.MAX_SAFE_INTEGER) - (rank.get(b.name) ?? Number.MAX_SAFE_INTEGER) || naturalCompare(a.name, b.name));
    family.forEach(({ name, stem, extension }, k) => {
      const renamed = `${stem}${k + 1}.${extension}`;
      if (renamed !== name) mapping.set(name, renamed);
    });
  }
  return renameParts(parts, mapping);
}
