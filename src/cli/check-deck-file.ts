import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { readRegularFile } from '../write/read-regular-file.js';

/** A .pptx larger than this is not a briefing deck (the 1,000-slide bench deck is ~10 MB). */
export const MAX_DECK_BYTES = 512 * 1024 * 1024;

/**
 * `briefdeck check --deck FILE`: the package's integrity (XML, content types, relationships,
 * ids), then what PowerPoint's Accessibility Checker would list (slide titles, alt text). A folder, a FIFO or a device is refused before anything is read, and so is a file
 * larger than `maxBytes`, each with a message at the file.
 */
export async function checkDeckFile(file: string, maxBytes = MAX_DECK_BYTES): Promise<{ diagnostics: Diagnostic[]; texts: Map<string, string> }> {
  const read = await readRegularFile(file, maxBytes);
  const texts = new Map<string, string>();
  if (!read.ok) {
    const code = read.reason === 'not-a-file' ? 'PPTX_NOT_A_FILE' : read.reason === 'too-large' ? 'PPTX_TOO_LARGE' : 'PPTX_UNREADABLE';
    return { diagnostics: [error(code, `cannot check ${file}: ${read.message}`, { file }, read.reason === 'not-a-file' ? 'name a .pptx file' : undefined)], texts };
  }
  const { checkPackage } = await import('../pptx/opc/check-package.js');
  const integrity = checkPackage(read.bytes, file);
  if (integrity.some((d) => d.code === 'PPTX_NOT_ZIP')) return { diagnostics: integrity, texts };
  const [{ checkAccessibility }, { readZip }] = await Promise.all([import('../pptx/opc/check-accessibility.js'), import('../pptx/zip/zip-read.js')]);
  return { diagnostics: [...integrity, ...checkAccessibility(readZip(read.bytes), file)], texts };
}
