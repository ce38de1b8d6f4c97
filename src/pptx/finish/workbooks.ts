import { setCoreDatesEdit } from './core-props.js';
import { EMBEDDED_WORKBOOK_PART } from '../opc/part-names.js';
import { applyXmlEdits, type Parts } from '../opc/parts.js';
import { readZip, ZipReadError } from '../zip/zip-read.js';
import { writeZip, type DeflateCache } from '../zip/zip-write.js';

/**
 * Makes the workbooks embedded behind native charts deterministic: their own `docProps/core.xml`
 * carries the clock's time to the millisecond, and JSZip stamps every entry with the local time.
 * Each is re-zipped the way the deck is (sorted, fixed entry dates, deflated).
 */
export function normalizeEmbeddedWorkbooks(parts: Parts, date: Date, deflated?: DeflateCache): Map<string, Uint8Array> {
  const out = new Map(parts);
  for (const [name, bytes] of parts) {
    if (!EMBEDDED_WORKBOOK_PART.test(name)) continue;
    let entries: Map<string, Uint8Array>;
    try {
      entries = readZip(bytes);
    } catch (e) {
      if (e instanceof ZipReadError) continue; // not ours to judge; leave it as it is
      throw e;
    }
    out.set(name, writeZip(applyXmlEdits(entries, [setCoreDatesEdit(date)]), deflated));
  }
  return out;
}
