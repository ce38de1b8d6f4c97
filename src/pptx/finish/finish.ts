import { InternalError } from '../../diagnostics/diagnostic.js';
import { removeLocalPathsEdit } from './alt-text.js';
import { repairContentTypes } from './content-types.js';
import { setCoreDatesEdit } from './core-props.js';
import { setChartFontsEdit, setNotesLanguageEdit, setRunFontsEdit, setThemeFontsEdit } from './fonts.js';
import { replaceRandomGuidsEdit } from './guids.js';
import { markDecorativeEdit } from './decorative.js';
import { appProperties } from './app-props.js';
import { dedupeMedia } from './media.js';
import { writeMasterAndLayouts, type DeckStructure } from './master.js';
import { placeholdersEdit } from './placeholders.js';
import { sectionsEdit } from './sections.js';
import { fillPictures } from './pictures.js';
import { repairParagraphsEdit, splitNotesLinesEdit } from './paragraphs.js';
import { applyXmlEdits, naturalCompare, type Parts, type XmlEdit } from '../opc/parts.js';
import { removeDanglingRelationships } from '../opc/relationships.js';
import { renumberCharts } from './renumber.js';
import { sanitizeXmlText } from './sanitize.js';
import { repairChartSchemaEdit, repairPresentationOrderEdit } from './schema-order.js';
import { dedupeShapeIdsEdit } from './shape-ids.js';
import { templateEastAsianFontsEdit, templatePlaceholdersEdit, templateSchemeColors, writeTemplateParts, type DeckTemplate } from './template-parts.js';
import { CHART_PART, RUN_PART } from '../opc/part-names.js';
import { schemeColorRefsEdit, setThemeColorsEdit, type SchemeTheme } from './theme-colors.js';
import { normalizeEmbeddedWorkbooks } from './workbooks.js';
import { readZip, ZipReadError } from '../zip/zip-read.js';
import { createDeflateCache, deflateAhead, writeZip, type DeflateCache } from '../zip/zip-write.js';

export interface FinishOptions {
  /** Document date for docProps/core.xml created/modified (from the outline, or SOURCE_DATE_EPOCH). */
  date: Date;
  /** East Asian and Latin typefaces: go into the theme's font slots and native chart text. */
  eastAsianFont: string;
  latinFont: string;
  /** BCP 47 language of the deck's text, e.g. 'zh-TW'. */
  lang: string;
  /** Each slide's kind and placeholders, and the sections: the deck gets a master, layouts and sections from them (issue 16). */
  structure?: DeckStructure;
  /** The deck's theme: its colours become the theme part's colour scheme, and shapes refer to them. */
  theme?: SchemeTheme;
}

type Step = (parts: Parts) => Parts;

/**
 * The repairs that need no picture, in order: text before trees, renames before the fixes that
 * read names. The edits of single parts' trees (schema order … GUIDs) run in one pass, each part
 * parsed and serialized once (see `applyXmlEdits`): for a 1,000-slide deck, parsing every part
 * again in each of a dozen steps was most of the stage's time.
 */
function steps(opts: FinishOptions, deflated: DeflateCache): Step[] {
  const app = appProperties();
  return [
    sanitizeXmlText,
    renumberCharts,
    removeDanglingRelationships,
    ...(opts.structure ? [(parts: Parts) => writeLook(parts, opts.structure as DeckStructure, opts.lang)] : []),
    // The slides' titles are read in the same pass, after every edit of the slide.
    (parts) => applyXmlEdits(naturalOrder(parts), [...treeEdits(opts), app.collect]),
    app.write,
    (parts) => normalizeEmbeddedWorkbooks(parts, opts.date, deflated),
  ];
}

/** Each edits some parts' trees on its own; in this order, which is the order the steps had. */
export function treeEdits(opts: FinishOptions): XmlEdit[] {
  const template = opts.structure?.template;
  return [
    repairPresentationOrderEdit,
    repairChartSchemaEdit,
    repairParagraphsEdit,
    splitNotesLinesEdit,
    dedupeShapeIdsEdit,
    removeLocalPathsEdit,
    markDecorativeEdit,
    // A template's theme keeps its fonts; only an East Asian font it lacks for a CJK deck goes in.
    ...(template ? (opts.eastAsianFont === template.template.theme.fonts.minor.eastAsian ? [] : [templateEastAsianFontsEdit(opts.eastAsianFont)]) : [setThemeFontsEdit(opts)]),
    setChartFontsEdit(opts),
    setNotesLanguageEdit(opts.lang),
    setRunFontsEdit(opts),
    ...(opts.structure ? [template ? templatePlaceholdersEdit(template, opts.structure.slides) : placeholdersEdit(opts.structure)] : []),
    setCoreDatesEdit(opts.date),
    // After every edit that writes a colour (master, layouts): theme colours become scheme references.
    ...(opts.theme ? (template ? [templateColorRefsEdit(template, opts.theme)] : [setThemeColorsEdit(opts.theme), schemeColorRefsEdit(opts.theme)]) : []),
    // Last, and over parts in natural order: the first occurrence of a GUID names its replacement.
    replaceRandomGuidsEdit(),
    // After the GUIDs: section ids are derived from the sections, not from where they stand.
    ...(opts.structure ? [sectionsEdit(opts.structure)] : []),
  ];
}

/** briefdeck's master and layouts, or the company template's. */
function writeLook(parts: Parts, structure: DeckStructure, lang: string): Map<string, Uint8Array> {
  if (!structure.template) return writeMasterAndLayouts(parts, structure, lang);
  return writeTemplateParts(
    parts,
    structure.template,
    structure.slides.map((s) => s.layout),
  );
}

/** On a template, the template's scheme colours on the slides and charts become references; its own parts stay as they are. */
function templateColorRefsEdit(template: DeckTemplate, theme: SchemeTheme): XmlEdit {
  const edit = schemeColorRefsEdit({ name: theme.name, colors: templateSchemeColors(template.template, theme.colors) });
  return { ...edit, select: (name) => RUN_PART.test(name) || CHART_PART.test(name) };
}

function naturalOrder(parts: Parts): Parts {
  return new Map([...parts].sort(([a], [b]) => naturalCompare(a, b)));
}

/**
 * Turns the bytes pptxgenjs wrote into a repaired, deterministic, deflated .pptx: the same deck
 * and options give the same bytes in any process, time zone or order of builds. `pictures` are
 * the chart pictures by hash, for the placeholders emit wrote.
 */
export async function finishPackage(raw: Uint8Array, opts: FinishOptions, pictures: ReadonlyMap<string, Uint8Array> = new Map()): Promise<Uint8Array> {
  return packageParts(finishParts(raw, opts), pictures).pptx;
}

/** The parts the repairs left, and what of them is deflated already. */
export interface FinishedParts {
  parts: Parts;
  deflated: DeflateCache;
}

/**
 * The repairs of `finishPackage` that need no picture: what a build does while they are drawn.
 * `deflated`: parts deflated by earlier builds (a watch loop keeps one); a new one by default.
 */
export function finishParts(raw: Uint8Array, opts: FinishOptions, deflated: DeflateCache = createDeflateCache()): FinishedParts {
  if (Number.isNaN(opts.date.getTime())) throw new InternalError('finishPackage: options.date is not a valid date');
  let parts: Parts;
  try {
    parts = readZip(raw);
  } catch (e) {
    if (e instanceof ZipReadError) throw new InternalError(`finishPackage: pptxgenjs output is not a zip (${e.message})`);
    throw e;
  }
  for (const step of steps(opts, deflated)) parts = step(parts);
  // Most parts go into the zip as they are now: deflated here, while pictures may still be drawn.
  deflateAhead(parts, deflated);
  return { parts, deflated };
}

/** A finished deck: its bytes, and the parts they unzip to (what the write stage hashes). */
export interface PackagedDeck {
  pptx: Uint8Array;
  parts: Parts;
}

/**
 * The rest: the pictures in place of their placeholders, identical media stored once, content
 * types (which list only the parts left), the zip.
 */
export function packageParts(finished: FinishedParts, pictures: ReadonlyMap<string, Uint8Array>): PackagedDeck {
  const parts = repairContentTypes(dedupeMedia(fillPictures(finished.parts, pictures)));
  return { pptx: writeZip(parts, finished.deflated), parts };
}
