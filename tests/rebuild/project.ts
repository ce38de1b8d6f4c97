/** A copy of the default project in a temporary folder, and ways to look into the decks it builds. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import YAML from 'yaml';

const OUTLINE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../outline');

export interface Project {
  /** The temporary folder: `outline/` is the copy, `dist/` where decks go. */
  dir: string;
  outline: string;
  deck: string;
  manifest: string;
  file(rel: string): string;
  read(rel: string): string;
  write(rel: string, text: string): void;
  /** Replaces exactly one occurrence of `from` in `outline/<rel>`; fails when there is not exactly one. */
  edit(rel: string, from: string, to: string): void;
  remove(): void;
}

export function copyProject(prefix = 'briefdeck-rebuild-'): Project {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  cpSync(OUTLINE_DIR, path.join(dir, 'outline'), { recursive: true });
  const file = (rel: string) => path.join(dir, 'outline', rel);
  const read = (rel: string) => readFileSync(file(rel), 'utf8');
  const write = (rel: string, text: string) => writeFileSync(file(rel), text);
  return {
    dir,
    outline: 'outline/briefing.yaml',
    deck: path.join(dir, 'dist', 'briefing.pptx'),
    manifest: path.join(dir, 'dist', 'briefing.manifest.json'),
    file,
    read,
    write,
    edit(rel, from, to) {
      const text = read(rel);
      const count = text.split(from).length - 1;
      if (count !== 1) throw new Error(`expected one '${from}' in ${rel}, found ${count}`);
      write(rel, text.replace(from, to));
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The edit the tests make: DeepSeek's rank on a16z's web list, 2 → 4. */
export const DEEPSEEK_2 = '{ name: DeepSeek, rank: 2, group: china';
export const DEEPSEEK_4 = '{ name: DeepSeek, rank: 4, group: china';

/** A slide of the default outline as written, numbered from 1, with every string it holds. */
export interface OutlineSlide {
  number: number;
  layout: string;
  title?: string;
  chartData?: string;
  /** The one-line takeaway of a chart slide. */
  takeaway?: string;
  strings: string[];
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

/** The default outline's slides, so that tests follow the outline (its titles, its order) when it changes. */
export function outlineSlides(): OutlineSlide[] {
  const doc = YAML.parse(readFileSync(path.join(OUTLINE_DIR, 'briefing.yaml'), 'utf8')) as { slides: Record<string, unknown>[] };
  return doc.slides.map((s, i) => ({
    number: i + 1,
    layout: String(s.layout),
    ...(typeof s.title === 'string' ? { title: s.title } : {}),
    ...(s.chart && typeof s.chart === 'object' ? { chartData: String((s.chart as { data?: unknown }).data) } : {}),
    ...(typeof s.takeaway === 'string' ? { takeaway: s.takeaway } : {}),
    strings: stringsOf(s),
  }));
}

/** The number of the chart slide that draws `data`. */
export function chartSlide(data: string): number {
  const found = outlineSlides().find((s) => s.chartData === data);
  if (!found) throw new Error(`the default outline has no chart of ${data}`);
  return found.number;
}

/** The slides that show DeepSeek's rank on the web list: its chart, and every slide whose text asks for the rank. */
export function deepseekWebSlides(): number[] {
  return outlineSlides()
    .filter((s) => s.chartData === 'a16z.web' || s.strings.some((t) => t.includes('rank a16z.web "DeepSeek"')))
    .map((s) => s.number);
}

export type Parts = Record<string, Uint8Array>;

export function unzip(deck: Uint8Array): Parts {
  return unzipSync(deck);
}

export function slideCount(parts: Parts): number {
  let n = 0;
  while (parts[`ppt/slides/slide${n + 1}.xml`]) n++;
  return n;
}

/** The targets of a part's relationships, resolved to part names ("ppt/media/image-6-1.png"). */
export function relatedTargets(parts: Parts, part: string, type?: RegExp): string[] {
  const rels = parts[path.posix.join(path.posix.dirname(part), '_rels', `${path.posix.basename(part)}.rels`)];
  if (!rels) return [];
  return [...strFromU8(rels).matchAll(/<Relationship\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((r) => !/TargetMode="External"/.test(r) && (!type || type.test(/Type="([^"]+)"/.exec(r)?.[1] ?? '')))
    .map((r) => path.posix.normalize(path.posix.join(path.posix.dirname(part), /Target="([^"]+)"/.exec(r)?.[1] ?? '')));
}

/**
 * The parts that make up slide `n`: its XML and relationships, its notes and their relationships,
 * and its pictures and charts. What "the slide is byte-identical" compares.
 */
export function slideParts(parts: Parts, n: number): string[] {
  const slide = `ppt/slides/slide${n}.xml`;
  const rels = (p: string) => path.posix.join(path.posix.dirname(p), '_rels', `${path.posix.basename(p)}.rels`);
  const content = relatedTargets(parts, slide).filter((t) => !/slideLayout|slideMaster|notesMaster/.test(t));
  return [slide, rels(slide), ...content, ...content.filter((t) => parts[rels(t)]).map(rels)].filter((p) => parts[p]);
}

export function text(parts: Parts, part: string): string {
  const bytes = parts[part];
  if (!bytes) throw new Error(`no part ${part}`);
  return strFromU8(bytes);
}

/** The notes part of slide `n`. */
export function notesOf(parts: Parts, n: number): string | undefined {
  return relatedTargets(parts, `ppt/slides/slide${n}.xml`, /notesSlide$/)[0];
}

/** The picture parts of slide `n` (a chart drawn with ECharts is one). */
export function picturesOf(parts: Parts, n: number): string[] {
  return relatedTargets(parts, `ppt/slides/slide${n}.xml`, /\/image$/);
}

export function same(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  return a !== undefined && b !== undefined && Buffer.from(a).equals(Buffer.from(b));
}
