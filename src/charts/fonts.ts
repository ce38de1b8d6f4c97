import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * A theme's chart font file as a path: absolute, relative to `root` (the working directory by
 * default) or to briefdeck's own folder, or a package path (`@expo-google-fonts/…/x.ttf`, with or
 * without a leading `node_modules/`). `undefined` when none exists.
 */
export function resolveFontFile(ref: string, root = process.cwd()): string | undefined {
  if (path.isAbsolute(ref)) return existsSync(ref) ? ref : undefined;
  const direct = [path.resolve(root, ref), path.resolve(packageRoot, ref)].find((f) => existsSync(f));
  if (direct) return direct;
  try {
    return createRequire(import.meta.url).resolve(ref.replace(/^node_modules\//, ''));
  } catch {
    return undefined;
  }
}

/**
 * A copy of a font with only `chars`, as a TTF file in the system temp folder (resvg takes only
 * file paths). A 7 MB Noto Sans TC weight becomes ~10–40 kB, and every `new Resvg()` re-reads
 * its fonts, so this is what makes each chart fast. Files are named by a hash of the font and
 * the characters, so a second build with the same text reuses them.
 */
export async function subsetFontFile(file: string, chars: string): Promise<string> {
  const st = statSync(file);
  const key = createHash('sha256').update(`${file}\0${st.size}\0${st.mtimeMs}\0${chars}`).digest('hex').slice(0, 32);
  const dir = path.join(os.tmpdir(), 'briefdeck-fonts');
  const out = path.join(dir, `${key}.ttf`);
  if (existsSync(out)) return out;
  const { default: subsetFont } = await import('subset-font');
  const buf = await subsetFont(await readFile(file), chars, { targetFormat: 'truetype' });
  await mkdir(dir, { recursive: true });
  // Written beside and renamed, so a concurrent build never reads half a file.
  const tmp = `${out}.${process.pid}.tmp`;
  await writeFile(tmp, buf);
  await rename(tmp, out);
  return out;
}
