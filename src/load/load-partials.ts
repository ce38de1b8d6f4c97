import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Partials } from '../bind/bind.js';

/**
 * Partials from every `templates/partials/*.hbs` in the template folders; a folder earlier in
 * the list overrides a later one, so a project can restyle briefdeck's own partials.
 */
export async function loadPartials(templateDirs: readonly string[]): Promise<Partials> {
  const templates = new Map<string, string>();
  for (const dir of [...templateDirs].reverse()) {
    const partialDir = path.join(dir, 'partials');
    const names = await readdir(partialDir).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith('.hbs')).sort()) {
      const text = await readFile(path.join(partialDir, name), 'utf8');
      templates.set(name.slice(0, -4), text.replace(/\r?\n$/, ''));
    }
  }
  return { templates };
}
