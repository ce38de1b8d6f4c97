import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { error, type Diagnostic, type SourceRef } from '../../diagnostics/diagnostic.js';
import type { Loaded, Outline } from '../outline/load-outline.js';
import { positionAt, positionsOf } from '../positions.js';
import { checkSource, type ReadOptions } from '../read-source.js';
import { locateFontFile, PACKAGE_BASE } from './font-file.js';
import { loadYamlFile } from '../load-yaml-file.js';
import { packageRoot } from '../../paths.js';
import { didYouMean } from '../../text/suggest.js';
import { THEME_COLOR_DEFAULTS, type Theme } from './theme.js';

const hex = z.string().regex(/^[0-9A-Fa-f]{6}$/, 'a colour of six hex digits, without #');
const size = z.number().positive().max(400);
/** The default theme's `sizes.min`: what text is never shrunk below, in points. */
export const THEME_MIN_SIZE = 10;
const fontName = z.string().min(1);

// Font names go into XML attributes through pptxgenjs, which does not escape them: the deck
// would not parse. (Control characters it writes are stripped by the finish stage's sanitizer.)
const UNSAFE_IN_FONT_NAME = /["<>&]/;

export const themeSchema = z.strictObject({
  name: z.string().describe("The theme's name; the deck's theme part (its colour scheme) is named after it."),
  colors: z
    .strictObject({
      background: hex.describe('Slide background of content slides (scheme lt1, bg1).'),
      text: hex.describe('Body text and titles (scheme dk1, tx1).'),
      muted: hex.describe('Secondary text: source lines, captions, labels (scheme accent5).'),
      accent: hex.describe('The highlight: the title rule, figures, the highlighted group in charts (scheme accent1).'),
      accent2: hex.describe('The second series colour: previous editions, the "rest" in a comparison, takeaways under charts (scheme accent2, hlink).'),
      subdued: hex.describe('Bars and dots that are not highlighted (scheme accent3).'),
      grid: hex.describe('Rules and grid lines (scheme accent6).'),
      darkBackground: hex.describe('Background of the title and section slides (scheme dk2, tx2).'),
      darkText: hex.describe('Text on the dark background.'),
      up: hex.describe('A rank that went up in a rank-change mark (scheme accent4).'),
      down: hex.describe('A rank that went down in a rank-change mark.'),
      card: hex.default(THEME_COLOR_DEFAULTS.card).describe(`Fill of cards (figures, comparison, takeaways) (scheme lt2, bg2). Default ${THEME_COLOR_DEFAULTS.card}.`),
      onDarkMuted: hex.default(THEME_COLOR_DEFAULTS.onDarkMuted).describe(`Light secondary text on the dark background (subtitle, date line). Default ${THEME_COLOR_DEFAULTS.onDarkMuted}.`),
      onDarkAccent: hex
        .default(THEME_COLOR_DEFAULTS.onDarkAccent)
        .describe(`The section number and accents on the dark background; at least 3:1 against darkBackground. Default ${THEME_COLOR_DEFAULTS.onDarkAccent}.`),
    })
    .describe("Colours as six hex digits without '#'. The deck's theme part carries them as its colour scheme and the slides refer to them, so changing the theme in PowerPoint restyles the deck."),
  fonts: z
    .strictObject({
      latin: fontName.describe('Font of Latin text (the theme fonts: runs refer to them).'),
      eastAsian: fontName.describe("Font of Chinese and Japanese text (the theme's East Asian slot); the viewer's machine supplies it."),
      chartRegular: z.string().min(1).describe('Font file (TTF/OTF) chart pictures are drawn with: a path relative to the theme file, or npm:<package>/<file>.'),
      chartBold: z.string().min(1).describe('The bold weight of chartRegular.'),
      chartFamily: fontName.describe('The family name inside the chart font files.'),
      byLang: z
        .record(
          z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'a BCP 47 language tag: en, ja, zh-CN, zh-Hans'),
          z.strictObject({
            latin: fontName.optional(),
            // null: no East Asian font; the Latin one fills every slot (an English deck).
            eastAsian: fontName.nullable().optional(),
            chartRegular: z.string().min(1).optional(),
            chartBold: z.string().min(1).optional(),
            chartFamily: fontName.optional(),
          }),
        )
        .optional()
        .describe('Fonts for decks in a language (deck.lang; the longest matching tag wins: zh-Hans-CN → zh-Hans → zh), over the ones above.'),
    })
    .describe("Fonts: the deck's text names the theme's fonts (PowerPoint's theme fonts), chart pictures are drawn with the chart font files."),
  sizes: z
    .strictObject({
      title: size.describe("The title slide's title."),
      sectionTitle: size.describe("A section slide's title."),
      heading: size.describe("A content slide's title."),
      body: size.describe('Bullets and body text.'),
      small: size.describe('Source lines, captions, chart labels.'),
      figure: size.describe('The big numbers of a figures slide.'),
      quote: size.describe('A quote.'),
      footer: size.describe('Footer and slide number.'),
      min: size.default(THEME_MIN_SIZE).describe(`The smallest size text is ever set at to make it fit; a box that would need less is LAYOUT_TEXT_TOO_SMALL. Default ${THEME_MIN_SIZE}.`),
    })
    .describe('Font sizes in points (the largest that fits is used, down to a floor).'),
});

/** A folder searched for templates, and the project folder (or briefdeck's own) that holds it. */
export interface TemplateFolder {
  dir: string;
  root: string;
}

/**
 * The folders searched for `templates/`: beside the outline, the outline folder's parent (the
 * project layout keeps `outline/` and `templates/` side by side), then briefdeck's own.
 */
export function templateFolders(outlineDir: string): TemplateFolder[] {
  const folders = [outlineDir, path.dirname(outlineDir), packageRoot].map((root) => ({ dir: path.join(root, 'templates'), root }));
  return folders.filter((f, i) => folders.findIndex((g) => g.dir === f.dir) === i && existsSync(f.dir));
}

export function templateDirs(outlineDir: string): string[] {
  return templateFolders(outlineDir).map((f) => f.dir);
}

/** Font files are a few MB (a CJK weight ~7 MB); a larger "font" is not one. */
const MAX_FONT_BYTES = 64 * 1024 * 1024;

/**
 * Loads the theme the outline names, or `choice` (`--theme`: a theme's name, or the path of a
 * theme file, which is the caller's choice like the outline's); chart font paths are made
 * absolute, and checked.
 */
export async function loadTheme(outline: Outline, choice?: ThemeChoice): Promise<Loaded<Theme>> {
  const found = findTheme(outline, choice);
  if ('diagnostic' in found) return { diagnostics: [found.diagnostic], texts: new Map() };
  const { file, from, root, read } = found;
  const loaded = await loadYamlFile(file, 'TEMPLATE', themeSchema, { ...(from ? { from } : {}), options: read });
  const { texts } = loaded;
  if (!loaded.value || !loaded.doc) return { diagnostics: loaded.diagnostics, texts };
  const positions = positionsOf(loaded.doc, file);
  const badNames = badFontNames(loaded.value.fonts, positions);
  if (badNames.length) return { diagnostics: [...loaded.diagnostics, ...badNames], texts };
  const { theme, fontPaths } = themeForLang(loaded.value, outline.doc.deck.lang);
  const diagnostics: Diagnostic[] = [];
  for (const key of ['chartRegular', 'chartBold'] as const) {
    const ref = theme.fonts[key];
    const at = positionAt(positions, fontPaths[key]);
    const found = locateFontFile(ref, [{ dir: path.dirname(file), root }, PACKAGE_BASE]);
    if (!found) {
      diagnostics.push(error('TEMPLATE_FONT_NOT_FOUND', `font file not found: ${ref}`, at, 'run npm ci, or name a TTF/OTF file'));
      continue;
    }
    const checked = await checkSource(found.file, 'TEMPLATE', at, { ref, maxBytes: MAX_FONT_BYTES, within: found.roots, withinName: 'the project or an installed package' });
    if (!checked.ok) diagnostics.push(checked.diagnostic);
    else theme.fonts[key] = checked.file; // its real path: the drawer reads it through the guarded reader again
  }
  return { value: theme, diagnostics, texts };
}

/** `--theme`: a theme's name, or a theme file's path (relative to `cwd`). */
export interface ThemeChoice {
  theme: string;
  cwd: string;
}

/** Whether `--theme` names a file rather than a theme in templates/themes/. */
export function isThemePath(theme: string): boolean {
  return /[/\\]|\.ya?ml$/i.test(theme);
}

interface FoundTheme {
  file: string;
  from?: SourceRef;
  root: string;
  read: ReadOptions;
}

/** The theme file to read: a path given on the command line, or a name in the template folders (else an unknown-theme error with the names there). */
function findTheme(outline: Outline, choice: ThemeChoice | undefined): FoundTheme | { diagnostic: Diagnostic } {
  if (choice && isThemePath(choice.theme)) {
    const file = path.resolve(choice.cwd, choice.theme);
    return { file, root: path.dirname(file), read: { ref: choice.theme } };
  }
  const name = choice?.theme ?? outline.doc.deck.theme;
  const from = choice ? undefined : positionAt(outline.positions, ['deck', 'theme']);
  const folders = templateFolders(outline.dir);
  const folder = folders.find((f) => existsSync(path.join(f.dir, 'themes', `${name}.yaml`)));
  if (!/^[\w-]+$/.test(name) || !folder) {
    const known = [...new Set(folders.flatMap((f) => themeNames(path.join(f.dir, 'themes'))))].sort();
    const where = choice ? ' (--theme)' : '';
    const suggestion = didYouMean(name, known);
    const listed = suggestion && !suggestion.startsWith('expected') ? `${suggestion} (themes: ${known.join(', ')})` : suggestion;
    const hint = [listed, choice ? "or give a theme file's path" : ''].filter(Boolean).join('; ');
    return { diagnostic: error('TEMPLATE_UNKNOWN_THEME', `no theme '${name}'${where}`, from, hint) };
  }
  const file = path.join(folder.dir, 'themes', `${name}.yaml`);
  return {
    file,
    ...(from ? { from } : {}),
    root: folder.root,
    read: { ref: path.relative(folder.root, file), within: [folder.dir], withinName: `the templates folder ${folder.dir}` },
  };
}

type ThemeFile = z.infer<typeof themeSchema>;

/** TEMPLATE_BAD_FONT_NAME at each font name (base or byLang) holding `" < > &`. */
function badFontNames(fonts: ThemeFile['fonts'], positions: Parameters<typeof positionAt>[0]): Diagnostic[] {
  const named: [(string | number)[], string | null | undefined][] = [
    ...(['latin', 'eastAsian', 'chartFamily'] as const).map((k): [(string | number)[], string] => [['fonts', k], fonts[k]]),
    ...Object.entries(fonts.byLang ?? {}).flatMap(([lang, o]) =>
      (['latin', 'eastAsian', 'chartFamily'] as const).map((k): [(string | number)[], string | null | undefined] => [['fonts', 'byLang', lang, k], o[k]]),
    ),
  ];
  return named.flatMap(([at, name]) =>
    typeof name === 'string' && UNSAFE_IN_FONT_NAME.test(name)
      ? [
          error(
            'TEMPLATE_BAD_FONT_NAME',
            `font name '${name}' holds ${[...new Set(name.match(/["<>&]/g))].join(' ')}, which the deck's XML cannot take as written`,
            positionAt(positions, at),
            "write the font's family name as Office lists it (Arial, Microsoft JhengHei); no font's name holds \" < > or &",
          ),
        ]
      : [],
  );
}

/** The key of `byLang` that fits `lang` best: the tag itself, then shorter prefixes (zh-Hans-CN → zh-Hans → zh). */
export function langKey(keys: readonly string[], lang: string): string | undefined {
  const parts = lang.split('-');
  for (let n = parts.length; n > 0; n--) {
    const tag = parts.slice(0, n).join('-').toLowerCase();
    const key = keys.find((k) => k.toLowerCase() === tag);
    if (key) return key;
  }
  return undefined;
}

/** The theme a deck in `lang` is drawn with: its `byLang` entry over the base fonts, and where each chart font path was written. */
function themeForLang(file: ThemeFile, lang: string): { theme: Theme; fontPaths: Record<'chartRegular' | 'chartBold', (string | number)[]> } {
  const { byLang, ...base } = file.fonts;
  const key = langKey(Object.keys(byLang ?? {}), lang);
  const over = key === undefined ? undefined : byLang?.[key];
  const latin = over?.latin ?? base.latin;
  const fonts: Theme['fonts'] = {
    latin,
    eastAsian: over?.eastAsian === null ? latin : (over?.eastAsian ?? base.eastAsian),
    chartRegular: over?.chartRegular ?? base.chartRegular,
    chartBold: over?.chartBold ?? base.chartBold,
    chartFamily: over?.chartFamily ?? base.chartFamily,
  };
  const at = (k: 'chartRegular' | 'chartBold') => (over?.[k] !== undefined ? ['fonts', 'byLang', key as string, k] : ['fonts', k]);
  return { theme: { ...file, fonts }, fontPaths: { chartRegular: at('chartRegular'), chartBold: at('chartBold') } };
}

function themeNames(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.slice(0, -5));
  } catch {
    return [];
  }
}
