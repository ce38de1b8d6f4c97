import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of the briefdeck package itself (its templates/, assets/, schema/). */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The default outline, relative to the working directory. */
export const DEFAULT_OUTLINE = 'outline/briefing.yaml';

/** Where a deck built from `outlineFile` goes by default: `dist/<outline name>.pptx`. */
export function defaultDeckPath(outlineFile: string, cwd: string): string {
  return path.resolve(cwd, 'dist', `${path.basename(outlineFile).replace(/\.ya?ml$/i, '')}.pptx`);
}
