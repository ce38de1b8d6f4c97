import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { locateFontFile, PACKAGE_BASE } from '../../load/theme/font-file.js';
import { readSourceBytes } from '../../load/read-source.js';
import { compileWithLiftoffOnly } from '../../runtime/v8-tricks.js';

/**
 * A theme's chart font file as a path: absolute, relative to `root` (the working directory by
 * default) or to briefdeck's own folder, or a package path (`@expo-google-fonts/…/x.ttf`, with or
 * without a leading `node_modules/` or `npm:`). `undefined` when none exists. The theme loader
 * uses the same resolver (`locateFontFile`) and checks the file through the guarded reader.
 */
export function resolveFontFile(ref: string, root = process.cwd()): string | undefined {
  return locateFontFile(ref, [{ dir: root, root }, PACKAGE_BASE])?.file;
}

/**
 * A copy of a font with only `chars`, as a TTF file in the system temp folder (resvg takes only
 * file paths). A 7 MB Noto Sans TC weight becomes ~10–40 kB, and every `new Resvg()` re-reads
 * its fonts, so this is what makes each chart fast. Files are named by a hash of the font and
 * the characters, so a second build with the same text reuses them.
 */
export async function subsetFontFile(file: string, chars: string, options: { reuse?: boolean } = {}): Promise<string> {
  const st = statSync(file);
  const font = `${file}\0${st.size}\0${st.mtimeMs}`;
  // With `reuse`, a subset made earlier in this process that has every character serves as
  // well: a glyph is drawn the same from any subset that has it (same outlines and advances;
  // checked byte for byte on the charts' PNGs). In a watch loop the first build subsets the
  // characters of all the charts, and a rebuild that redraws one chart needs no new subset
  // (20–80 ms a rebuild); a character not seen before makes one subset of all of them.
  const earlier = options.reuse ? subsets.get(font) : undefined;
  if (earlier && [...chars].every((c) => earlier.chars.has(c)) && existsSync(earlier.out)) return earlier.out;
  const wanted = earlier ? [...new Set([...earlier.chars, ...chars])].sort().join('') : chars;
  const key = createHash('sha256').update(`${font}\0${wanted}`).digest('hex').slice(0, 32);
  const dir = path.join(os.tmpdir(), 'briefdeck-fonts');
  const out = path.join(dir, `${key}.ttf`);
  if (!existsSync(out)) {
    const { default: subsetFont } = await loadSubsetFont();
    const buf = await subsetFont(await fontBytes(file, font), wanted, { targetFormat: 'truetype' });
    await mkdir(dir, { recursive: true });
    // Written beside and renamed, so a concurrent build never reads half a file.
    const tmp = `${out}.${process.pid}.tmp`;
    await writeFile(tmp, buf);
    await rename(tmp, out);
  }
  if (options.reuse) subsets.set(font, { chars: new Set(wanted), out });
  return out;
}

/** The latest subset of each font (file, size, mtime) made for a `reuse` call in this process. */
const subsets = new Map<string, { chars: Set<string>; out: string }>();

/**
 * Starts, without waiting, what making subsets of these fonts takes in a fresh thread: loading
 * subset-font, compiling its HarfBuzz, reading the font files. A chart thread calls it as soon
 * as it knows the theme's fonts, while the main thread still binds and lays out the deck.
 */
export function prepareSubsets(files: readonly string[]): void {
  const keyed = files.map((file) => {
    const st = statSync(file, { throwIfNoEntry: false });
    return st ? { file, font: `${file}\0${st.size}\0${st.mtimeMs}` } : undefined;
  });
  for (const k of keyed) if (k) void fontBytes(k.file, k.font).catch(() => undefined);
  // A first subset runs HarfBuzz's code for the first time (~30 ms); done now, on digits, the
  // deck's subsets then took ~9 ms a font instead of ~30.
  const warm = keyed[0];
  void Promise.all([loadSubsetFont(), warm ? fontBytes(warm.file, warm.font) : undefined])
    .then(([{ default: subsetFont }, bytes]) => bytes && subsetFont(bytes, '0123456789', { targetFormat: 'truetype' }))
    .catch(() => undefined);
}

let subsetFontModule: Promise<typeof import('subset-font')> | undefined;

/** subset-font, loaded once per thread with its HarfBuzz compiled (see `compileWithLiftoffOnly`). */
export function loadSubsetFont(): Promise<typeof import('subset-font')> {
  return (subsetFontModule ??= compileWithLiftoffOnly(async () => {
    const module = await import('subset-font');
    // subset-font compiles HarfBuzz before it reads the font: subsetting no font compiles it.
    await module.default(new Uint8Array(0), ' ', { targetFormat: 'truetype' }).catch(() => undefined);
    return module;
  }));
}

/** Font files are a few MB (a CJK weight ~7 MB); the theme loader refuses larger ones too. */
const MAX_FONT_BYTES = 64 * 1024 * 1024;

/**
 * A font file's bytes through the guarded reader, as the theme loader checked it: a file swapped
 * in since (a FIFO, a device, a larger file, a link to another folder) is refused, not read.
 */
export async function readFontFile(file: string): Promise<Buffer> {
  const read = await readSourceBytes(file, 'TEMPLATE', undefined, { maxBytes: MAX_FONT_BYTES, within: [path.dirname(file)], withinName: `the font's folder ${path.dirname(file)}` });
  if (!read.ok) throw new Error(read.diagnostic.message);
  return read.bytes;
}

/** A font file's bytes, read once per process while it stays the same file (path, size, mtime). */
const fonts = new Map<string, { font: string; bytes: Promise<Buffer> }>();
function fontBytes(file: string, font: string): Promise<Buffer> {
  const known = fonts.get(file);
  if (known?.font === font) return known.bytes;
  const bytes = readFontFile(file);
  fonts.set(file, { font, bytes });
  // A failed read is not remembered: the next call tries again and reports.
  bytes.catch(() => fonts.get(file)?.bytes === bytes && fonts.delete(file));
  return bytes;
}
