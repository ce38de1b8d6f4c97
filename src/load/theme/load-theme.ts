import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { error, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Loaded, Outline } from '../outline/load-outline.js';
import { positionAt, positionsOf } from '../positions.js';
import { checkSource } from '../read-source.js';
import { locateFontFile, PACKAGE_BASE } from './font-file.js';
import { loadYamlFile } from '../load-yaml-file.js';
import { packageRoot } from '../../paths.js';
import { didYouMean } from '../../text/suggest.js';
import type { Theme } from './theme.js';

const hex = z.string().regex(/^[0-9A-Fa-f]{6}$/, 'a colour of six hex digits, without #');
const size = z.number().positive().max(400);

export const themeSchema = z.strictObject({
  name: z.string(),
  colors: z.strictObject({
    background: hex,
    text: hex,
    muted: hex,
    accent: hex,
    accent2: hex,
    subdued: hex,
    grid: hex,
    darkBackground: hex,
    darkText: hex,
    up: hex,
    down: hex,
  }),
  fonts: z.strictObject({
    latin: z.string().min(1),
    eastAsian: z.string().min(1),
    chartRegular: z.string().min(1),
    chartBold: z.string().min(1),
    chartFamily: z.string().min(1),
  }),
  sizes: z.strictObject({
    title: size,
    sectionTitle: size,
    heading: size,
    body: size,
    small: size,
    figure: size,
    quote: size,
    footer: size,
  }),
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

/** Loads the theme the outline names; chart font paths are made absolute, and checked. */
export async function loadTheme(outline: Outline): Promise<Loaded<Theme>> {
  const name = outline.doc.deck.theme;
  const from = positionAt(outline.positions, ['deck', 'theme']);
  const folders = templateFolders(outline.dir);
  const folder = folders.find((f) => existsSync(path.join(f.dir, 'themes', `${name}.yaml`)));
  if (!/^[\w-]+$/.test(name) || !folder) {
    const known = [...new Set(folders.flatMap((f) => themeNames(path.join(f.dir, 'themes'))))].sort();
    return { diagnostics: [error('TEMPLATE_UNKNOWN_THEME', `no theme '${name}'`, from, didYouMean(name, known))], texts: new Map() };
  }
  const file = path.join(folder.dir, 'themes', `${name}.yaml`);
  const loaded = await loadYamlFile(file, 'TEMPLATE', themeSchema, {
    from,
    options: { ref: path.relative(folder.root, file), within: [folder.dir], withinName: `the templates folder ${folder.dir}` },
  });
  const { texts } = loaded;
  if (!loaded.value || !loaded.doc) return { diagnostics: loaded.diagnostics, texts };
  const theme = loaded.value;
  const positions = positionsOf(loaded.doc, file);
  const diagnostics: Diagnostic[] = [];
  for (const key of ['chartRegular', 'chartBold'] as const) {
    const ref = theme.fonts[key];
    const at = positionAt(positions, ['fonts', key]);
    const found = locateFontFile(ref, [{ dir: path.dirname(file), root: folder.root }, PACKAGE_BASE]);
    if (!found) {
      diagnostics.push(error('TEMPLATE_FONT_NOT_FOUND', `font file not found: ${ref}`, at, 'run npm ci, or name a TTF/OTF file'));
      continue;
    }
    const checked = await checkSource(found.file, 'TEMPLATE', at, { ref, maxBytes: MAX_FONT_BYTES, within: found.roots, withinName: 'the project or an installed package' });
    if (!checked.ok) diagnostics.push(checked.diagnostic);
    else theme.fonts[key] = found.file;
  }
  return { value: theme, diagnostics, texts };
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
