/**
 * Every diagnostic code briefdeck reports, with a line saying what it means. The union of these
 * keys is `DiagnosticCode`, so a code that is not listed here does not compile, and the reference
 * page (`docs/diagnostics.md`, made by `npm run docs`) is generated from this table. A code is
 * never renamed: tools and editors match on it.
 */

/** The prefixes of the input files: the outline, a data file, a template (theme or partial). */
export type FilePrefix = 'OUTLINE' | 'DATA' | 'TEMPLATE';

/** What can be wrong with any input file, whichever kind it is. */
const FILE_CODES = {
  FILE_NOT_FOUND: 'a file named in the outline (or the outline itself) does not exist',
  NOT_A_FILE: 'the path names a folder or a device, not a regular file',
  TOO_LARGE: 'the file is larger than briefdeck reads for its kind',
  UNREADABLE: 'the file exists but cannot be read (permissions, or another error from the system)',
  NOT_TEXT: 'the file is not UTF-8 text',
  PATH_OUTSIDE_PROJECT: "the path (or the file a symbolic link points to) is outside the outline's project folder",
  EMPTY: 'the file is empty',
  YAML_SYNTAX: 'the YAML does not parse',
  YAML_WARNING: 'the YAML parses, but the parser warns about something in it',
  YAML_ALIAS_LIMIT: 'YAML aliases expand to too much data',
  YAML_TOO_DEEP: 'the YAML nests deeper than briefdeck reads',
  UNKNOWN_KEY: 'a field that this place does not have (often a typo)',
  MISSING_FIELD: 'a required field is missing',
  INVALID_VALUE: 'a value is not one of those allowed here',
  INVALID_KEY: 'a key that cannot be used here',
  WRONG_TYPE: 'a value of the wrong type (text where a list is expected, …)',
  TOO_FEW: 'a list with fewer items than it needs',
  TOO_MANY: 'a list with more items than allowed',
} as const;

type Prefixed<P extends string, T> = { readonly [K in keyof T & string as `${P}_${K}`]: string };

function prefixed<P extends FilePrefix>(prefix: P): Prefixed<P, typeof FILE_CODES> {
  return Object.fromEntries(Object.entries(FILE_CODES).map(([k, v]) => [`${prefix}_${k}`, v])) as Prefixed<P, typeof FILE_CODES>;
}

/** The code of a problem any input file can have, without its prefix. */
export type FileCode = keyof typeof FILE_CODES;

const STAGE_CODES = {
  OUTLINE_BAD_URL: 'a url in the outline (deck.source.url) is not an absolute http or https address',
  OUTLINE_LANG_FALLBACK: "deck.lang has no catalog of its own; the words come from its language's catalog",
  OUTLINE_UNKNOWN_DATASET: 'a slide or chart names a dataset the outline does not declare under data:',
  OUTLINE_UNKNOWN_LAYOUT: 'a slide layout that does not exist',

  DATA_BAD_URL: "a dataset's source.url is not an absolute http or https address",
  DATA_UNKNOWN_TYPE: 'a dataset type that does not exist (ranking or figures)',

  DATA_CSV_DUPLICATE_COLUMN: 'a CSV header names the same column twice',
  DATA_CSV_EMPTY: 'a CSV file has no header row',
  DATA_CSV_MISSING_COLUMN: 'a CSV file lacks a column its kind of dataset needs',
  DATA_CSV_NOT_A_NUMBER: 'a CSV cell that must be a plain number is not one',
  DATA_CSV_RAGGED_ROW: 'a CSV row has more or fewer cells than the header',
  DATA_CSV_SYNTAX: 'a CSV file does not parse (an unclosed quote, …)',
  DATA_CSV_UNKNOWN_COLUMN: 'a CSV header names a column this kind of dataset does not have',
  DATA_CSV_TOO_MANY_ROWS: 'a CSV file has more rows than briefdeck reads',
  DATA_DUPLICATE_ENTRY: 'a ranking edition lists the same name twice',
  DATA_EVIDENCE_NOT_FOUND: 'an evidence phrase or a quotation does not occur in the source text given to check --source',
  DATA_DUPLICATE_KEY: 'two figures items have the same key',
  DATA_DUPLICATE_RANK: 'two entries of an edition have the same rank',
  DATA_EDITION_ORDER: 'editions are not listed newest first',
  DATA_PARTS_EXCEED_TOTAL: 'the parts of an item add up to more than the item',
  DATA_RANK_OUT_OF_RANGE: 'a rank beyond the size of the list',
  DATA_STALE: "a dataset is older than the outline's deck.maxDataAge allows",
  DATA_UNKNOWN_GROUP: 'an entry names a group its dataset does not declare',
  DATA_UNKNOWN_PARENT: "an item's parent is not an item of the dataset",

  TEMPLATE_BAD_PART: 'a part of the company template (.potx/.pptx) is missing, not XML, or not what its relationship says',
  TEMPLATE_ENCRYPTED: 'the company template is protected with a password (an encrypted Office file)',
  TEMPLATE_LAYOUT_FALLBACK: 'the company template has no layout that fits a layout kind the outline uses; the nearest one is used',
  TEMPLATE_NO_EAST_ASIAN_FONT: "the company template's theme names no East Asian font that sets the deck's Chinese, Japanese or Korean; the briefdeck theme's is used",
  TEMPLATE_NO_LAYOUTS: 'the company template has no slide layouts',
  TEMPLATE_NOT_PRESENTATION: 'the company template is a zip (or an old Office file), but not a .potx or .pptx',
  TEMPLATE_NOT_ZIP: 'the company template is not a zip package, so not a .potx or .pptx',
  TEMPLATE_UNKNOWN_LAYOUT: 'templateLayouts names a layout the company template does not have',
  TEMPLATE_TEXT_DOES_NOT_FIT: "text that fits briefdeck's own layouts no longer fits the company template's smaller placeholders",
  TEMPLATE_BAD_FONT_NAME: "a theme's font name holds a character pptxgenjs would write unescaped into the deck's XML (\" < > &)",
  TEMPLATE_FONT_NOT_FOUND: 'a font file named by the theme does not exist',
  TEMPLATE_HELPER_ARGUMENT: 'a helper was called with the wrong arguments',
  TEMPLATE_MISSING_MESSAGE: 'a locale catalog (templates/locales/<lang>.yaml) lacks a word the deck needs',
  TEMPLATE_NOT_TEXT: 'a template prints a dataset (or another value that is not text)',
  TEMPLATE_RENDER: 'a template failed while it was rendered',
  TEMPLATE_SYNTAX: 'a Handlebars template does not parse',
  TEMPLATE_TOO_DEEP: 'Handlebars blocks or partials nest deeper than briefdeck renders',
  TEMPLATE_UNKNOWN_EDITION: 'a helper names an edition its dataset does not have',
  TEMPLATE_UNKNOWN_ENTRY: 'a helper names an entry its ranking does not have',
  TEMPLATE_UNKNOWN_HELPER: 'a template calls a helper that does not exist',
  TEMPLATE_UNKNOWN_ITEM: 'a helper names an item its figures dataset does not have',
  TEMPLATE_UNKNOWN_PARTIAL: 'a template includes a partial that does not exist',
  TEMPLATE_UNKNOWN_THEME: 'the outline names a theme that does not exist',
  TEMPLATE_UNKNOWN_VARIABLE: 'a template uses a name the data does not have',

  TEXT_CONTROL_CHARACTER: 'text holds a control character, which cannot be written into a deck',

  LAYOUT_LOW_CONTRAST: 'text is below WCAG AA contrast on its background (4.5:1, or 3:1 for large text)',
  LAYOUT_NO_ALT_TEXT: 'a picture or chart has no alternative text for screen readers',
  LAYOUT_NEAR_EDGE: "a text box comes closer to the slide's edge than a projector's or viewer's crop allows",
  LAYOUT_NO_TITLE: 'a slide has no title, which screen readers and Outline view name it by',
  LAYOUT_NOTHING_TO_COMPARE: 'a changes slide has no ranking with two editions to compare (it says so on the slide)',
  LAYOUT_ORPHAN: 'a wrapped paragraph ends in a line of one character or one short word that no other break avoids',
  LAYOUT_OVERFLOW: 'text does not fit its box even at the smallest size allowed',
  LAYOUT_TEXT_TOO_SMALL: "text would fit its box only below the theme's minimum size (sizes.min), so it is set at that size and overflows",
  LAYOUT_TITLE_LINES: 'a title takes more than two lines at the size it fits',

  CHART_BAD_BOX: 'a chart box that does not fit the slide',
  CHART_CROWDED: 'a chart has more labels than its box can show legibly',
  CHART_DUPLICATE_ID: 'two charts with the same id',
  CHART_EMPTY: 'a chart with nothing to draw',
  CHART_EMPTY_EDITION: 'a rank-change chart compares with an edition that lists no entries',
  CHART_FONT_NOT_FOUND: "the theme's chart font cannot be found",
  CHART_GLYPH_MISSING: 'a chart would draw characters its font has no glyph for',
  CHART_MIXED_UNITS: 'a breakdown or comparison whose items use different units',
  CHART_NATIVE_NEEDS_SCORES: 'a native ranking chart needs scores to draw bars',
  CHART_NATIVE_UNSUPPORTED: 'this chart kind has no native PowerPoint form',
  CHART_NOT_A_PART: 'a breakdown lists an item that is not a part of its total',
  CHART_NOT_PERCENT: 'a share chart of items that are not percentages',
  CHART_NO_PARTS: 'a breakdown of a dataset with no item that has parts',
  CHART_NO_PREVIOUS_EDITION: 'a change is asked for, but the dataset has only one edition',
  CHART_RENDER_FAILED: 'a chart picture could not be drawn',
  CHART_SAME_EDITION: 'an edition compared with itself',
  CHART_UNKNOWN_DATASET: 'a chart names a dataset that does not exist',
  CHART_UNKNOWN_EDITION: 'a chart names an edition its dataset does not have',
  CHART_UNKNOWN_GROUP: 'a chart highlights a group its dataset does not declare',
  CHART_UNKNOWN_ITEM: 'a chart names an item its dataset does not have',
  CHART_WRONG_DATASET_TYPE: 'a chart kind drawn from the wrong type of dataset (a ranking where figures are needed, …)',

  PPTX_CONTENT_TYPE_WITHOUT_PART: '[Content_Types].xml names a part the package does not have',
  PPTX_DANGLING_RELATIONSHIP: 'a relationship points at a part that does not exist',
  PPTX_DUPLICATE_RELATIONSHIP_ID: 'two relationships of a part share an id',
  PPTX_DUPLICATE_SHAPE_ID: 'two shapes of a slide share an id',
  PPTX_FORBIDDEN_CHARACTER: 'a part holds a character XML does not allow',
  PPTX_MALFORMED_XML: 'a part is not well-formed XML',
  PPTX_MISSING_CONTENT_TYPE: 'a part has no content type',
  PPTX_MISSING_PART: 'a part the package needs is missing',
  PPTX_NO_ALT_TEXT: 'a picture or graphic frame (chart) of a slide has no alternative text (descr)',
  PPTX_NO_TITLE: 'a slide has no title placeholder with text (PowerPoint\'s Accessibility Checker: "Missing slide title")',
  PPTX_NOT_ZIP: 'the file is not a zip package',
  PPTX_SLIDE_LIST_MISMATCH: "the presentation's slide list does not match its slides",
  PPTX_UNKNOWN_RELATIONSHIP_ID: 'a part refers to a relationship id it does not have',
  PPTX_UNREADABLE: 'the .pptx file cannot be read',
  PPTX_NOT_A_FILE: 'the .pptx to check is a folder, a device or a pipe, not a regular file',
  PPTX_TOO_LARGE: 'the .pptx to check is larger than briefdeck reads',

  WRITE_NO_SPACE: 'the deck cannot be written: no space left on the device (or the quota is used up)',
  WRITE_READ_ONLY: 'the deck cannot be written: the file system is mounted read-only',
  WRITE_PERMISSION_DENIED: 'the deck cannot be written: no permission to write the output file or its folder',
  WRITE_IS_A_FOLDER: 'the output path is a folder, not a file',
  WRITE_PARENT_NOT_A_FOLDER: 'a folder on the output path is a file',
  WRITE_FAILED: 'the deck cannot be written for another reason the system gave',
  WRITE_MANIFEST_FAILED: 'the deck was written, but its manifest (what the next build compares with) was not',
  WRITE_OVERWRITES_INPUT: 'the output path (or its manifest) is one of the files the deck is built from',

  MERGE_UNREADABLE_DECK: 'the deck at the output path was changed since the last build, but is not a .pptx briefdeck can read to keep the changes (use --overwrite to replace it)',
  MERGE_NO_RECORD:
    'the deck at the output path was changed since the last build, but there is no copy of that build (dist/.briefdeck/) to merge against: it was replaced, and kept as <name>.before.pptx',
  MERGE_BASE_NOT_WRITTEN: 'the deck was written, but not the copy of it (dist/.briefdeck/<name>.base.pptx) that the next build merges edits against',
  MERGE_UNRELATED_DECK: 'the deck at the output path shows none of the slides the last build wrote (another deck was saved there): it was replaced, and kept as <name>.before.pptx',
  MERGE_CONFLICT: 'a shape the person edited in the deck was also changed by the new build: one of the two texts was kept (`--on-conflict`)',

  WATCH_BUILD_FAILED: 'a rebuild in `briefdeck watch` failed for a reason outside the input (the last good deck stays)',
} as const;

/** Every code, with its description. */
export const DIAGNOSTIC_CODES = {
  ...prefixed('OUTLINE'),
  ...prefixed('DATA'),
  ...prefixed('TEMPLATE'),
  ...STAGE_CODES,
} as const;

/** A stable diagnostic code. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** The code of a file-level problem in a file of kind `prefix`. */
export function fileCode(prefix: FilePrefix, code: FileCode): DiagnosticCode {
  return `${prefix}_${code}`;
}

/** The reference page of all codes, in Markdown, grouped by stage. */
export function diagnosticCodesMarkdown(): string {
  const rows = Object.entries(DIAGNOSTIC_CODES).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = [
    '# Diagnostic codes',
    '',
    'Every problem briefdeck reports has one of these codes (`briefdeck check --format json` gives it as',
    '`code`). The prefix names the stage that finds it. Generated from `src/diagnostics/codes.ts` by',
    '`npm run docs`; a test keeps this page in step.',
    '',
    '| code | meaning |',
    '| --- | --- |',
    ...rows.map(([code, text]) => `| \`${code}\` | ${text} |`),
    '',
  ];
  return lines.join('\n');
}
