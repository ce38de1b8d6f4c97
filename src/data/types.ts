import type { SourceRef } from '../diagnostics/diagnostic.js';

/**
 * Where a value of a data file was written, and where each of its fields was (a rank, a group),
 * so that a problem with one field is reported at that field rather than at the whole entry.
 */
export interface DataOrigin extends SourceRef {
  fields?: Readonly<Record<string, SourceRef>>;
}

/** Where a field of `value` was written; the value's own place when the loader did not record it. */
export function fieldAt(value: { origin: DataOrigin }, field: string): SourceRef {
  const { file, range } = value.origin;
  return value.origin.fields?.[field] ?? (range ? { file, range } : { file });
}

/** Where a dataset's numbers come from; cited on every slide that uses them. */
export interface Citation {
  /** Who published the numbers ("a16z", "量子位"). */
  publisher: string;
  /** The published title of the publication or report; absent when the source names none. */
  title?: string;
  /** What the source is when it has no published title ("數據": "工信部數據"). */
  what?: string;
  /** The source gives no date: the citation shows none. */
  undated?: true;
  /** How the numbers reached this deck, e.g. "據聽筒Tech〈…〉引述". */
  via?: string;
  url?: string;
}

/** A date as the data gives it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export type PartialDate = string;

/** How exact a published figure is: "超過8000萬" is `>`; "約900億" is `~`. */
export type Qualifier = '=' | '>' | '<' | '~';

export interface RankingEntry {
  name: string;
  /** The published rank (1 = first). Absent when the source only says "in the top N". */
  rank?: number;
  /** "Somewhere in the top N", when the exact rank is not published. */
  within?: number;
  /** A highlight group key, e.g. `china`; see `RankingDataset.groups`. */
  group?: string;
  /** A score behind the rank (monthly visits, users), when the source gives one. */
  score?: number;
  /** Who makes it ("字節跳動"). */
  maker?: string;
  /** The source's own words for this entry's place. */
  evidence?: string;
  origin: DataOrigin;
}

/** One publication of a ranking, e.g. a16z's list of March 2025. */
export interface RankingEdition {
  asOf: PartialDate;
  /** Only the entries the source states; a partial ranking stays partial. */
  entries: RankingEntry[];
  /** What the source says about this edition beyond its entries. */
  note?: string;
  /** The source's own words for this edition. */
  evidence?: string;
  origin: DataOrigin;
}

export interface GroupInfo {
  label: string;
}

export interface RankingDataset {
  type: 'ranking';
  /** `namespace.key`, as the outline refers to it (`a16z.web`). */
  id: string;
  title: string;
  /** How many places the full list has (50 for a16z's top 50), when known. */
  size?: number;
  /** What the rank is based on ("Similarweb 月獨立訪問量"). */
  basis?: string;
  scoreUnit?: string;
  groups: Record<string, GroupInfo>;
  source: Citation;
  /** Newest first. */
  editions: RankingEdition[];
  origin: DataOrigin;
}

export interface FigureItem {
  key: string;
  label: string;
  value: number;
  /** The unit after the number: "元", "次", "人", "%" … */
  unit: string;
  qualifier: Qualifier;
  /** The period the value covers ("2025年", "未來3年"). */
  period?: string;
  /** The key of the item this one is a part of (a breakdown). */
  parent?: string;
  note?: string;
  /** The source's own words for this figure. */
  evidence?: string;
  origin: DataOrigin;
}

/** Named figures: key numbers, spending, survey shares. */
export interface FiguresDataset {
  type: 'figures';
  id: string;
  title: string;
  asOf: PartialDate;
  source: Citation;
  items: FigureItem[];
  origin: DataOrigin;
}

export type Dataset = RankingDataset | FiguresDataset;

/** Every dataset the outline names, by id (`a16z.web`). */
export type DataStore = ReadonlyMap<string, Dataset>;

export function datasetAsOf(d: Dataset): PartialDate {
  return d.type === 'ranking' ? (d.editions[0]?.asOf ?? '') : d.asOf;
}
