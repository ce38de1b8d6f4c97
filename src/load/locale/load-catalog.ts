import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { error, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { MESSAGE_KEYS } from '../../locale/messages.js';
import { packageRoot } from '../../paths.js';
import { didYouMean } from '../../text/suggest.js';
import { loadYamlFile } from '../load-yaml-file.js';
import { positionAt, positionsOf } from '../positions.js';

/** One catalog file: the words it gives, and where it is. */
export interface CatalogFile {
  tag: string;
  file: string;
  words: Readonly<Record<string, string>>;
}

/**
 * The catalogs found, by tag (lower case): for each, the files that give its words, the one
 * that wins first (a project's own before briefdeck's).
 */
export interface Catalogs {
  byTag: ReadonlyMap<string, { tag: string; layers: readonly CatalogFile[] }>;
  diagnostics: readonly Diagnostic[];
  texts: ReadonlyMap<string, string>;
}

/** A catalog is a page of short words; a larger file is not one. */
const MAX_CATALOG_BYTES = 256 * 1024;

const catalogSchema = z.record(z.string(), z.union([z.string(), z.number()]));

const KNOWN: readonly string[] = MESSAGE_KEYS;

/**
 * Every `templates/locales/<lang>.yaml` of the template folders (as `templateDirs` lists them,
 * the project's first), read through the guarded reader. A project's catalog overrides the keys
 * it gives, and falls back to briefdeck's catalog of the same tag for the rest.
 */
export async function loadCatalogs(templateDirs: readonly string[]): Promise<Catalogs> {
  const byTag = new Map<string, { tag: string; layers: CatalogFile[] }>();
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string>();
  // Read all at once (a few small files), then taken in folder order: the project's first.
  const found = await Promise.all(
    templateDirs.map(async (dir) => {
      const names = await readdir(path.join(dir, 'locales')).catch(() => [] as string[]);
      const read = async (name: string) => {
        const file = path.join(dir, 'locales', name);
        const options = { ref: `locales/${name}`, maxBytes: MAX_CATALOG_BYTES, within: [dir], withinName: `the templates folder ${dir}` };
        return { name, file, loaded: await loadYamlFile(file, 'TEMPLATE', catalogSchema, { options }) };
      };
      return Promise.all(
        names
          .filter((n) => n.endsWith('.yaml'))
          .sort()
          .map(read),
      );
    }),
  );
  for (const files of found) {
    for (const { name, file, loaded } of files) {
      const tag = name.slice(0, -5);
      for (const d of loaded.diagnostics) diagnostics.push(d);
      for (const [f, t] of loaded.texts) texts.set(f, t);
      if (!loaded.value || !loaded.doc) continue;
      const positions = positionsOf(loaded.doc, file);
      const words: Record<string, string> = {};
      for (const [key, value] of Object.entries(loaded.value)) {
        if (!KNOWN.includes(key)) diagnostics.push(error('TEMPLATE_UNKNOWN_KEY', `locales/${name} has a key '${key}' that no deck uses`, positionAt(positions, [key]), didYouMean(key, KNOWN)));
        else words[key] = String(value);
      }
      const entry = byTag.get(tag.toLowerCase()) ?? { tag, layers: [] };
      entry.layers.push({ tag, file, words });
      byTag.set(tag.toLowerCase(), entry);
    }
  }
  return { byTag, diagnostics, texts };
}

/** briefdeck's own catalogs (templates/locales), read once when this module loads. */
export const BUILT_IN_CATALOGS: Catalogs = await loadCatalogs([path.join(packageRoot, 'templates')]);
