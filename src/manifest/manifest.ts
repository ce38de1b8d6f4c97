import { createHash } from 'node:crypto';
import path from 'node:path';
import type { BoundDeck } from '../template/bind.js';

/** What a build records beside its deck, to compare the next build against. */
export interface Manifest {
  briefdeck: 1;
  /** Input files (relative to the outline's folder) and their sha256. */
  inputs: Record<string, string>;
  slides: ManifestSlide[];
}

export interface ManifestSlide {
  number: number;
  layout: string;
  title: string;
  /** Hash of the slide's XML and the parts it refers to. */
  hash: string;
  /** The data values the slide shows ("a16z.web: DeepSeek" → "2"). */
  values: Record<string, string>;
}

export function makeManifest(deck: BoundDeck, hashes: readonly string[], texts: ReadonlyMap<string, string>, baseDir: string): Manifest {
  const inputs: Record<string, string> = {};
  for (const [file, text] of [...texts].sort(([a], [b]) => a.localeCompare(b))) {
    inputs[path.relative(baseDir, file).split(path.sep).join('/')] = createHash('sha256').update(text).digest('hex');
  }
  return {
    briefdeck: 1,
    inputs,
    slides: deck.slides.map((s, i) => ({
      number: i + 1,
      layout: s.layout,
      title: s.title ?? '',
      hash: hashes[i] ?? '',
      values: Object.fromEntries([...s.uses].sort(([a], [b]) => a.localeCompare(b))),
    })),
  };
}

/** `dist/briefing.pptx` → `dist/briefing.manifest.json` */
export function manifestPath(deckFile: string): string {
  return deckFile.replace(/\.pptx$/i, '') + '.manifest.json';
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
