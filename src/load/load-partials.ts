import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { readSource } from './read-source.js';

/** The partials a deck's templates may include, read and not yet checked (binding checks them). */
export interface Partials {
  /** Partial name → template text. */
  templates: Map<string, string>;
  /** Partial name → the file it was read from, to locate problems inside it. */
  files?: Map<string, string>;
  /** Partials that could not be read (outside their folder, not a file, too large, not text). */
  diagnostics?: Diagnostic[];
  /** Every partial file read, with its text, for line, column and a frame. */
  texts?: Map<string, string>;
}

/** Partials are a line or a paragraph of template; a larger file is not one. */
const MAX_PARTIAL_BYTES = 256 * 1024;

/**
 * Partials from every `templates/partials/*.hbs` in the template folders; a folder earlier in
 * the list overrides a later one, so a project can restyle briefdeck's own partials. Each is
 * read through the guarded reader, and must stay inside its template folder (a link in
 * `partials/` to a file elsewhere is refused).
 */
export async function loadPartials(templateDirs: readonly string[]): Promise<Partials> {
  const templates = new Map<string, string>();
  const files = new Map<string, string>();
  const texts = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const dir of [...templateDirs].reverse()) {
    const partialDir = path.join(dir, 'partials');
    const names = await readdir(partialDir).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith('.hbs')).sort()) {
      const file = path.join(partialDir, name);
      const read = await readSource(
        file,
        'TEMPLATE',
        { file },
        { ref: `partials/${name}`, maxBytes: MAX_PARTIAL_BYTES, format: 'Handlebars', within: [dir], withinName: `the templates folder ${dir}` },
      );
      const partial = name.slice(0, -4);
      if (!read.ok) {
        diagnostics.push(read.diagnostic);
        templates.delete(partial);
        continue;
      }
      texts.set(file, read.text);
      templates.set(partial, read.text.replace(/\r?\n$/, ''));
      files.set(partial, file);
    }
  }
  return { templates, files, diagnostics, texts };
}
