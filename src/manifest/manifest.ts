import { createHash } from 'node:crypto';
import path from 'node:path';
import { packageRoot } from '../paths.js';
import type { BoundDeck } from '../bind/bind.js';
import { noteChartUses, usedValues, type ValueUses } from '../data/uses.js';
import type { Dataset, DataStore } from '../data/types.js';
import type { Locale } from '../locale/locale.js';
import { datasetRecords, type DatasetRecord } from './dataset-records.js';
import { changesSlideTexts } from './edition-changes.js';
import { slideTexts } from './slide-texts.js';

/** What a build records beside its deck, to compare the next build against. */
export interface Manifest {
  briefdeck: 1;
  /**
   * Input files and their sha256: relative to the outline's folder, or `briefdeck:<path>` for
   * briefdeck's own templates and themes (so the manifest does not depend on where it is installed).
   */
  inputs: Record<string, string>;
  slides: ManifestSlide[];
  /** What each dataset the deck uses said, by id (absent in manifests of older builds). */
  datasets?: Record<string, DatasetRecord>;
  /**
   * sha256 of the deck file as written: whether a person changed it since (issue 18). What the
   * merge compares their file with is a copy of the build kept in `dist/.briefdeck/` (see
   * `basePath`), not records here: reading a deck's shapes means parsing every slide, which would
   * cost each build a second or more on a large deck, while keeping a copy costs one file write,
   * and the shapes are read only when a person did change the deck.
   */
  deck?: string;
  /** The deck written was the merge of this build and a person's edits (so it differs from the build, and is merged again next time). */
  merged?: boolean;
}

export interface ManifestSlide {
  number: number;
  layout: string;
  title: string;
  /** Hash of the slide's XML and the parts it refers to. */
  hash: string;
  /** The data values the slide shows ("a16z.web: DeepSeek" → "2"), in the deck's locale ("480億", "48 billion"). */
  values: Record<string, string>;
  /** The texts the slide shows (title first), as bound; what the report quotes when they change. */
  texts?: string[];
  /** The speaker notes, as bound. */
  notes?: string;
  /** A chart slide: hash of the values its chart draws, so the report can say the chart was redrawn. */
  chart?: string;
}

/** A slide of the deck as layout planned it: the outline slide it lays out, and which part of it (0, or 1 … for "(cont.)"). */
export interface PlannedSlide {
  from: number;
  part: number;
}

/** `data`: what the datasets said, recorded for the next report; `planSlides`: the deck's slides, where they are not the outline's one to one (a slide continued on follow-on slides). */
export function makeManifest(deck: BoundDeck, hashes: readonly string[], texts: ReadonlyMap<string, string>, baseDir: string, data?: DataStore, planSlides?: readonly PlannedSlide[]): Manifest {
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
        // A changes slide's list is made at layout, from the data: recorded here from the same data.
        texts: s.layout === 'changes' && data ? [...slideTexts(s), ...changesSlideTexts(deck, data, s.data)] : slideTexts(s),
        ...(s.notes && part === 0 ? { notes: s.notes } : {}),
        ...(s.layout === 'chart' && data?.has(s.chart.data) ? { chart: chartHash(s.chart, data.get(s.chart.data) as Dataset, deck.locale) } : {}),
      };
    }),
    ...(data ? { datasets: datasetRecords(deck, data) } : {}),
  };
}

/** The values a chart draws and how it draws them, hashed: equal when the picture shows the same. */
function chartHash(chart: Extract<BoundDeck['slides'][number], { layout: 'chart' }>['chart'], d: Dataset, locale: Locale): string {
  const uses: ValueUses = new Map();
  noteChartUses(uses, d, chart);
  const values = [...usedValues(uses, locale)].sort(([a], [b]) => byCodeUnits(a, b));
  return createHash('sha256')
    .update(JSON.stringify([chart, values]))
    .digest('hex')
    .slice(0, 16);
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
