import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot } from '../../paths.js';

/** A font file found for a theme's path, and the folders its real path must stay inside. */
export interface FontLocation {
  file: string;
  /** The project and briefdeck's package; for a package font, the node_modules it was found in. */
  roots: string[];
}

/** A folder font paths are relative to, and the folder (project or package) that holds it. */
export interface FontBase {
  dir: string;
  root: string;
}

/** briefdeck's own folder, as a base for font paths written relative to it. */
export const PACKAGE_BASE: FontBase = { dir: packageRoot, root: packageRoot };

/**
 * The one resolver of font paths, for the theme loader and the chart stage: `npm:pkg/file.ttf`
 * is a file of an installed package, wherever npm put it (hoisted or not); otherwise the path
 * is taken as it is when absolute, else relative to each of `bases` in turn (the theme's folder,
 * then briefdeck's own), and last as a package path (`pkg/file.ttf`, `node_modules/pkg/file.ttf`). `undefined` when no such
 * file exists. Existence only: whether it may be read is the guarded reader's to say.
 */
export function locateFontFile(ref: string, bases: readonly FontBase[]): FontLocation | undefined {
  const roots = [...new Set(bases.map((b) => b.root))];
  if (!ref.startsWith('npm:')) {
    const candidates = path.isAbsolute(ref) ? [ref] : bases.map((b) => path.resolve(b.dir, ref));
    const file = candidates.find((f) => existsSync(f));
    if (file) return { file, roots };
    if (path.isAbsolute(ref)) return undefined;
  }
  return packageFile(ref.replace(/^(npm:|node_modules\/)/, ''));
}

function packageFile(spec: string): FontLocation | undefined {
  try {
    const file = createRequire(import.meta.url).resolve(spec);
    const marker = `${path.sep}node_modules${path.sep}`;
    const at = file.lastIndexOf(marker);
    return { file, roots: [at >= 0 ? file.slice(0, at + marker.length - 1) : path.dirname(file)] };
  } catch {
    return undefined;
  }
}
