import type { XmlEdit } from '../opc/parts.js';
import { SHAPE_TREE_PART } from '../opc/part-names.js';
import { descendants, getAttribute, setAttribute } from '../xml/xml.js';

const IMAGE_FILE = /\.(png|jpe?g|gif|svg|bmp|tiff?|webp|emf|wmf)$/i;

/** Does an image description look like a file path (`/home/me/logo.png`, `C:\x\y.png`, `file:…`)? */
export function looksLikePath(description: string): boolean {
  const d = description.trim();
  if (/^(file:|[A-Za-z]:[\\/]|\\\\|~[\\/]|\.{1,2}[\\/]|\/)/.test(d)) return true;
  return !/\s/.test(d) && /[\\/]/.test(d) && IMAGE_FILE.test(d);
}

/** `/home/me/assets/logo.png` → `logo.png`. */
export function fileNameOf(path: string): string {
  const trimmed = path.trim().replace(/[\\/]+$/, '');
  return trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
}

/**
 * An image added without `altText` gets its path as description (pptxgenjs writes
 * `descr="${altText || path}"`), which leaks the author's folders into the deck. Keeps only the
 * file name, a hint for whoever writes the real description in PowerPoint.
 */
export const removeLocalPathsEdit: XmlEdit = {
  select: (name) => SHAPE_TREE_PART.test(name),
  edit: (doc) => {
    for (const el of descendants(doc.root, 'p:cNvPr')) {
      const description = getAttribute(el, 'descr');
      if (description !== undefined && looksLikePath(description)) setAttribute(el, 'descr', fileNameOf(description));
    }
  },
};
