import { InternalError } from '../diagnostics/diagnostic.js';
import { dedupeMedia } from './finish-media.js';
import { removeLocalPaths } from './finish-alt-text.js';
import { repairContentTypes } from './finish-content-types.js';
import { setCoreDates } from './finish-core-props.js';
import { setChartFonts, setNotesLanguage, setRunFonts, setThemeFonts } from './finish-fonts.js';
import { replaceRandomGuids } from './finish-guids.js';
import { repairParagraphs, splitNotesLines } from './finish-paragraphs.js';
import type { Parts } from './finish-parts.js';
import { removeDanglingRelationships } from './finish-relationships.js';
import { renumberCharts } from './finish-renumber.js';
import { sanitizeXmlText } from './finish-sanitize.js';
import { repairChartSchema, repairPresentationOrder } from './finish-schema-order.js';
import { dedupeShapeIds } from './finish-shape-ids.js';
import { normalizeEmbeddedWorkbooks } from './finish-workbooks.js';
import { readZip, ZipReadError } from './zip-read.js';
import { writeZip } from './zip-write.js';

export interface FinishOptions {
  /** Document date for docProps/core.xml created/modified (from the outline, or SOURCE_DATE_EPOCH). */
  date: Date;
  /** East Asian and Latin typefaces: go into the theme's font slots and native chart text. */
  eastAsianFont: string;
  latinFont: string;
  /** BCP 47 language of the deck's text, e.g. 'zh-TW'. */
  lang: string;
}

type Step = (parts: Parts) => Parts;

/** The repairs, in order: text before trees, renames before the fixes that read names, content types last. */
function steps(opts: FinishOptions): Step[] {
  return [
    sanitizeXmlText,
    dedupeMedia,
    renumberCharts,
    removeDanglingRelationships,
    repairPresentationOrder,
    repairChartSchema,
    repairParagraphs,
    splitNotesLines,
    dedupeShapeIds,
    removeLocalPaths,
    (parts) => setThemeFonts(parts, opts),
    (parts) => setChartFonts(parts, opts),
    (parts) => setNotesLanguage(parts, opts.lang),
    (parts) => setRunFonts(parts, opts),
    (parts) => setCoreDates(parts, opts.date),
    (parts) => normalizeEmbeddedWorkbooks(parts, opts.date),
    replaceRandomGuids,
    repairContentTypes,
  ];
}

/**
 * Turns the bytes pptxgenjs wrote into a repaired, deterministic, deflated .pptx: the same deck
 * and options give the same bytes in any process, time zone or order of builds.
 */
export async function finishPackage(raw: Uint8Array, opts: FinishOptions): Promise<Uint8Array> {
  if (Number.isNaN(opts.date.getTime())) throw new InternalError('finishPackage: options.date is not a valid date');
  let parts: Parts;
  try {
    parts = readZip(raw);
  } catch (e) {
    if (e instanceof ZipReadError) throw new InternalError(`finishPackage: pptxgenjs output is not a zip (${e.message})`);
    throw e;
  }
  for (const step of steps(opts)) parts = step(parts);
  return writeZip(parts);
}
