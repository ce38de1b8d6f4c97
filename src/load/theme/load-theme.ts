import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';
import { error, type Diagnostic, type SourceRef } from '../../diagnostics/diagnostic.js';
import type { Loaded, Outline } from '../outline/load-outline.js';
import { nodeAt, rangeOf } from '../parse-yaml.js';
import { loadYamlFile } from '../load-yaml-file.js';
import { packageRoot } from '../../paths.js';
import { didYouMean } from '../../text/suggest.js';
import type { Theme } from './theme.js';

const hex = z.string().regex(/^[0-9A-Fa-f]{6}$/, 'a colour of six hex digits, without #');
const size = z.number().positive().max(400);

export const themeSchema = z.strictObject({
  name: z.string(),
  colors: z.strictObject({
    background: hex, text: hex, muted: hex, accent: hex, accent2: hex, subdued: hex,
    grid: hex, darkBackground: hex, darkText: hex, up: hex, down: hex,
  }),
  fonts: z.strictObject({
    latin: z.string().min(1), eastAsian: z.string().min(1),
    chartRegular: z.string().min(1), chartBold: z.string().min(1), chartFamily: z.string().min(1),
  }),
  sizes: z.strictObject({
    title: size, sectionTitle: size, heading: size, body: size, small: size, figure: size, quote: size, footer: size,
  }),
});

/**
 * The folders searched for `templates/`: beside the outline, the outline folder's parent (the
 * project layout keeps `outline/` and `templates/` side by side), then briefdeck's own.
 */
export function templateDirs(outlineDir: string): string[] {
  const dirs = [path.join(outlineDir, 'templates'), path.join(path.dirname(outlineDir), 'templates'), path.join(packageRoot, 'templates')];
  return [...new Set(dirs)].filter((d) => existsSync(d));
}

/** Loads the theme the outline names; chart font paths are made absolute. */
export async function loadTheme(outline: Outline): Promise<Loaded<Theme>> {
  const name = outline.doc.deck.theme;
  const from: SourceRef = { file: outline.file, range: rangeOf(nodeAt(outline.yaml, ['deck', 'theme']).node) };
  const candidates = templateDirs(outline.dir).map((d) => path.join(d, 'themes', `${name}.yaml`));
  const file = candidates.find((f) => existsSync(f));
  if (!/^[\w-]+$/.test(name) || !file) {
    const known = [...new Set(templateDirs(outline.dir).flatMap((d) => themeNames(path.join(d, 'themes'))))].sort();
    return { diagnostics: [error('TEMPLATE_UNKNOWN_THEME', `no theme '${name}'`, from, didYouMean(name, known))], texts: new Map() };
  }
  const loaded = await loadYamlFile(file, 'TEMPLATE', themeSchema, { from });
  const { texts } = loaded;
  if (!loaded.value || !loaded.doc) return { diagnostics: loaded.diagnostics, texts };
  const theme = loaded.value;
  const diagnostics: Diagnostic[] = [];
  for (const key of ['chartRegular', 'chartBold'] as const) {
    const resolved = resolveFontFile(theme.fonts[key], path.dirname(file));
    if (!resolved) {
      const at = { file, range: rangeOf(nodeAt(loaded.doc, ['fonts', key]).node) };
      diagnostics.push(error('TEMPLATE_FONT_NOT_FOUND', `font file not found: ${theme.fonts[key]}`, at, 'run npm ci, or name a TTF/OTF file'));
    } else theme.fonts[key] = resolved;
  }
  return { value: theme, diagnostics, texts };
}

function themeNames(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5));
  } catch {
    return [];
  }
}

/** A font path as written: absolute, relative to the theme, or relative to the package root. */
function resolveFontFile(ref: string, themeDir: string): string | undefined {
  if (ref.startsWith('npm:')) return resolvePackageFile(ref.slice(4));
  const candidates = path.isAbsolute(ref) ? [ref] : [path.resolve(themeDir, ref), path.resolve(packageRoot, ref)];
  return candidates.find((f) => existsSync(f));
}

/** `npm:@scope/pkg/file.ttf`: a file of an installed package, wherever npm put it (hoisted or not). */
function resolvePackageFile(spec: string): string | undefined {
  try {
    return createRequire(import.meta.url).resolve(spec);
  } catch {
    return undefined;
  }
}
