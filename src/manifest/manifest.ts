import { createHash } from 'node:crypto';
import path from 'node:path';
import { packageRoot } from '../paths.js';
import type { BoundDeck } from '../bind/bind.js';
import { usedValues } from '../data/uses.js';

/** What a build records beside its deck, to compare the next build against. */
export interface Manifest {
  briefdeck: 1;
  /**
   * Input files and their sha256: relative to the outline's folder, or `briefdeck:<path>` for
   * briefdeck's own templates and themes (so the manifest does not depend on where it is installed).
   */
  inputs: Record<string, string>;
  slides: ManifestSlide[];
}

export interface ManifestSlide {
  number: number;
  layout: string;
  title: string;
  /** Hash of the slide's XML and the parts it refers to. */
  hash: string;
  /** The data values the slide shows ("a16z.web: DeepSeek" → "2"), in the deck's locale ("480億", "48 billion"). */
  values: Record<string, string>;
}

/** A slide of the deck as layout planned it: the outline slide it lays out, and which part of it (0, or 1 … for "(cont.)"). */
export interface PlannedSlide {
  from: number;
  part: number;
}

/** `planSlides`: the deck's slides, where they are not the outline's one to one (a slide continued on follow-on slides). */
export function makeManifest(deck: BoundDeck, hashes: readonly string[], texts: ReadonlyMap<string, string>, baseDir: string, planSlides?: readonly PlannedSlide[]): Manifest {
  // By name, not by absolute path: the order must not depend on where the project or briefdeck is.
  const named = [...texts].map(([file, text]) => [inputName(file, baseDir), createHash('sha256').update(text).digest('hex')] as const);
  const inputs: Record<string, string> = Object.fromEntries(named.sort(([a], [b]) => byCodeUnits(a, b)));
  return {
    briefdeck: 1,
    inputs,
    slides: (planSlides ?? deck.slides.map((_, from) => ({ from, part: 0 }))).map(({ from, part }, i) => {
      const s = deck.slides[from] as BoundDeck['slides'][number];
      const title = s.title ?? '';
      return {
        number: i + 1,
        layout: s.layout,
        title: part > 0 ? deck.locale.word('title.continued', { title }) : title,
        hash: hashes[i] ?? '',
        values: Object.fromEntries([...usedValues(s.uses, deck.locale)].sort(([a], [b]) => byCodeUnits(a, b))),
      };
    }),
  };
}

/**
 * Order by UTF-16 code units, as `Array.prototype.sort` does: `localeCompare` follows the
 * process's locale (LANG), and the manifest must have the same bytes everywhere.
 */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `data/a16z.yaml` for a project file; `briefdeck:templates/themes/default.yaml` for one of ours. */
export function inputName(file: string, baseDir: string): string {
  const posix = (p: string) => p.split(path.sep).join('/');
  const fromProject = path.relative(baseDir, file);
  const fromPackage = path.relative(packageRoot, file);
  const inside = (rel: string) => rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  return !inside(fromProject) && inside(fromPackage) ? `briefdeck:${posix(fromPackage)}` : posix(fromProject);
}

/** `dist/briefing.pptx` → `dist/briefing.manifest.json` */
export function manifestPath(deckFile: string): string {
  return `${deckFile.replace(/\.pptx$/i, '')}.manifest.json`;
}

/** A previous manifest, or undefined when there is none or it is not one of ours. */
export function parseManifest(text: string | undefined): Manifest | undefined {
  if (text === undefined) return undefined;
  try {
    const m = JSON.parse(text) as Partial<Manifest>;
    return m.briefdeck === 1 && Array.isArray(m.slides) && m.inputs ? (m as Manifest) : undefined;
  } catch {
    return undefined;
  }
}
