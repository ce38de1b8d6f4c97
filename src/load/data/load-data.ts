import path from 'node:path';
import { error, warning, type Diagnostic, type SourceRef } from '../../diagnostics/diagnostic.js';
import type { Loaded, Outline } from '../outline/load-outline.js';
import { positionAt, positionsOf, type Positions } from '../positions.js';
import { resolveInside } from '../read-source.js';
import { loadYamlFile } from '../load-yaml-file.js';
import { cleanDataset } from './clean-data.js';
import { closest, didYouMean } from '../../text/suggest.js';
import { badUrl, isWebUrl } from '../../data/web-url.js';
import { csvObjects, readCsvTable, type CsvRecord, type CsvShape } from './load-csv.js';
import { dataFileSchema, figureItem, FIGURES_CSV_COLUMNS, itemKey, RANKING_CSV_COLUMNS, rankingEntry, type DataFileDoc, type FigureItemDoc, type RankingEntryDoc } from './schema.js';
import { datasetAsOf, fieldAt, type Dataset, type DataStore, type FigureItem, type RankingDataset, type RankingEdition, type RankingEntry } from '../../data/types.js';

/** Data files larger than this are refused before they are read. */
const MAX_DATA_BYTES = 16 * 1024 * 1024;

/**
 * Reads every data file the outline names, with the CSV files they name, and checks what a
 * schema cannot: unique ranks, known groups and parents, editions newest first; and, when
 * `deck.maxDataAge` is set, warns about datasets older than that (`DATA_STALE`).
 */
export async function loadData(outline: Outline): Promise<Loaded<DataStore>> {
  const texts = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const store = new Map<string, Dataset>();

  const files = await Promise.all(Object.entries(outline.doc.data).map(([namespace, ref]) => loadDataFile(outline, namespace, ref)));
  for (const loaded of files) {
    append(diagnostics, loaded.diagnostics);
    for (const [f, t] of loaded.texts) texts.set(f, t);
    for (const d of loaded.value ?? []) store.set(d.id, d);
  }
  const maxAge = outline.doc.deck.maxDataAge;
  if (maxAge !== undefined) for (const d of store.values()) diagnostics.push(...checkAge(d, outline.doc.deck.date, maxAge));
  return { value: store, diagnostics, texts };
}

async function loadDataFile(outline: Outline, namespace: string, ref: string): Promise<Loaded<Dataset[]>> {
  const texts = new Map<string, string>();
  const from = positionAt(outline.positions, ['data', namespace]);
  const file = resolveInside(outline.dir, outline.dir, ref);
  if (!file) {
    return {
      diagnostics: [
        error(
          'DATA_PATH_OUTSIDE_PROJECT',
          `data file '${ref}' is outside the outline's folder`,
          from,
          `data files must be inside the outline's folder (${path.basename(outline.dir)}/); name them relative to the outline, e.g. data/${namespace}.yaml`,
        ),
      ],
      texts,
    };
  }
  const loaded = await loadYamlFile(file, 'DATA', dataFileSchema, {
    from,
    options: { ref, maxBytes: MAX_DATA_BYTES, relativeTo: "the outline's folder", within: [outline.dir], withinName: "the outline's folder" },
  });
  for (const [f, t] of loaded.texts) texts.set(f, t);
  if (!loaded.value || !loaded.doc) return { diagnostics: loaded.diagnostics, texts };
  const built = await toDatasets(loaded.value, { namespace, positions: positionsOf(loaded.doc, file), file, rootDir: outline.dir });
  for (const [f, t] of built.texts) texts.set(f, t);
  const diagnostics = [...loaded.diagnostics];
  append(diagnostics, built.diagnostics);
  for (const d of built.datasets) append(diagnostics, cleanDataset(d));
  for (const d of built.datasets) append(diagnostics, checkDataset(d));
  return { value: built.datasets, diagnostics, texts };
}

interface FileContext {
  namespace: string;
  positions: Positions;
  file: string;
  /** CSV files must be inside this folder (the outline's). */
  rootDir: string;
}

const RANKING_CSV: CsvShape = { columns: RANKING_CSV_COLUMNS, required: ['name', ['rank', 'within']], numeric: new Set(['rank', 'within', 'score']) };
const FIGURES_CSV: CsvShape = { columns: FIGURES_CSV_COLUMNS, required: ['key', 'label', 'value'], numeric: new Set(['value']) };

async function toDatasets(doc: DataFileDoc, ctx: FileContext): Promise<{ datasets: Dataset[]; diagnostics: Diagnostic[]; texts: Map<string, string> }> {
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string>();
  const at = (...p: (string | number)[]): SourceRef => positionAt(ctx.positions, p);
  /** The value's place, with the place of each of `keys` under it. */
  const origin = (base: (string | number)[], keys: Iterable<string>) => ({ ...at(...base), fields: Object.fromEntries([...keys].map((k) => [k, at(...base, k)])) });
  const cellsOrigin = (file: string, record: CsvRecord) => ({ file, range: record.row.range, fields: Object.fromEntries([...record.cells].map(([c, cell]) => [c, { file, range: cell.range }])) });
  const csv = async (ref: string, from: SourceRef, shape: CsvShape) => {
    const loaded = await readCsvTable(ref, { rootDir: ctx.rootDir, dataFile: ctx.file, from, shape });
    append(diagnostics, loaded.diagnostics);
    for (const [f, t] of loaded.texts) texts.set(f, t);
    return loaded.table;
  };

  const datasets: Dataset[] = [];
  for (const [key, d] of Object.entries(doc)) {
    const id = `${ctx.namespace}.${key}`;
    if (d.source.url !== undefined && !isWebUrl(d.source.url)) diagnostics.push(badUrl('DATA_BAD_URL', `${id}: source.url`, d.source.url, at(key, 'source', 'url')));
    if (d.type === 'ranking') {
      const editions: RankingEdition[] = [];
      for (const [i, e] of d.editions.entries()) {
        const base = [key, 'editions', i] as const;
        let entries: RankingEntry[] = [];
        if (typeof e.entries === 'string') {
          const table = await csv(e.entries, at(...base, 'entries'), RANKING_CSV);
          if (table) {
            const rows = csvObjects<RankingEntryDoc>(table, RANKING_CSV, rankingEntry);
            append(diagnostics, rows.diagnostics);
            entries = rows.values.map(({ value, record }): RankingEntry => ({ ...value, origin: cellsOrigin(table.file, record) }));
          }
        } else {
          entries = e.entries.map((entry, j): RankingEntry => ({ ...entry, origin: origin([...base, 'entries', j], Object.keys(entry)) }));
        }
        editions.push({ ...e, entries, origin: origin([...base], ['asOf', ...(e.evidence !== undefined ? ['evidence'] : [])]) });
      }
      const dataset: RankingDataset = { ...d, id, editions, origin: { ...at(key), fields: { asOf: at(key, 'editions', 0, 'asOf'), size: at(key, 'size') } } };
      datasets.push(dataset);
    } else {
      let items: FigureItem[] = [];
      if (typeof d.items === 'string') {
        const table = await csv(d.items, at(key, 'items'), FIGURES_CSV);
        if (table) {
          const rows = csvObjects<FigureItemDoc>(table, FIGURES_CSV, figureItem, ['key']);
          append(diagnostics, rows.diagnostics);
          const seen = new Map<string, SourceRef>();
          for (const { value, record } of rows.values) {
            const cell = record.cells.get('key');
            const itemKeyText = cell?.value.trim() ?? '';
            const keyAt: SourceRef = { file: table.file, range: cell?.range ?? record.row.range };
            if (!itemKey.safeParse(itemKeyText).success) {
              diagnostics.push(
                itemKeyText === ''
                  ? error('DATA_MISSING_FIELD', 'this row has no key', { file: table.file, range: record.row.range }, 'every item needs a key, which the outline names it by: {{value dataset "key"}}')
                  : error('DATA_INVALID_KEY', `'${itemKeyText}' cannot be an item key`, keyAt, 'a key must be ASCII letters, digits, _ or -, starting with a letter or _'),
              );
              continue;
            }
            if (seen.has(itemKeyText)) {
              diagnostics.push(error('DATA_DUPLICATE_KEY', `item '${itemKeyText}' is given twice`, keyAt, 'each key appears once in a dataset'));
              continue;
            }
            seen.set(itemKeyText, keyAt);
            items.push({ ...value, key: itemKeyText, origin: cellsOrigin(table.file, record) });
          }
        }
      } else {
        items = Object.entries(d.items).map(([itemKeyText, item]): FigureItem => ({ ...item, key: itemKeyText, origin: origin([key, 'items', itemKeyText], Object.keys(item)) }));
      }
      datasets.push({ ...d, id, items, origin: { ...at(key), fields: { asOf: at(key, 'asOf') } } });
    }
  }
  return { datasets, diagnostics, texts };
}

/** Checks across values: what each value is allowed to be alone, the schema already checked. */
export function checkDataset(d: Dataset): Diagnostic[] {
  return d.type === 'ranking' ? checkRanking(d) : checkFigures(d.items, d.id);
}

function checkRanking(d: RankingDataset): Diagnostic[] {
  const out: Diagnostic[] = [];
  d.editions.forEach((edition, i) => {
    append(out, checkEdition(d, edition));
    const next = d.editions[i + 1];
    if (next && next.asOf >= edition.asOf) {
      out.push(
        error(
          'DATA_EDITION_ORDER',
          `${d.id}: editions go newest first, but ${next.asOf} comes after ${edition.asOf}`,
          fieldAt(next, 'asOf'),
          next.asOf === edition.asOf ? 'two editions have the same asOf; merge them or fix the date' : `move the ${next.asOf} edition above the ${edition.asOf} one`,
        ),
      );
    }
  });
  return out;
}

function checkEdition(d: RankingDataset, edition: RankingEdition): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ranks = new Map<number, string>();
  const names = new Set<string>();
  const where = `${d.id} ${edition.asOf}`;
  for (const e of edition.entries) {
    if (e.rank !== undefined) {
      const other = ranks.get(e.rank);
      if (other !== undefined) {
        out.push(error('DATA_DUPLICATE_RANK', `${where}: rank ${e.rank} is given to both '${other}' and '${e.name}'`, fieldAt(e, 'rank'), 'each rank appears once in an edition; check the source'));
      } else ranks.set(e.rank, e.name);
    }
    const place = e.rank ?? e.within ?? 0;
    if (d.size !== undefined && place > d.size) {
      out.push(
        error(
          'DATA_RANK_OUT_OF_RANGE',
          `${where}: '${e.name}' is placed ${place}, but the list has only ${d.size} places`,
          fieldAt(e, e.rank !== undefined ? 'rank' : 'within'),
          `the dataset's size is ${d.size}; fix the ${e.rank !== undefined ? 'rank' : 'within'} or the size`,
        ),
      );
    }
    if (names.has(e.name)) out.push(error('DATA_DUPLICATE_ENTRY', `${where}: '${e.name}' is listed twice`, fieldAt(e, 'name'), 'each entry appears once in an edition'));
    names.add(e.name);
    if (e.group !== undefined && !(e.group in d.groups)) {
      const known = Object.keys(d.groups);
      out.push(
        error(
          'DATA_UNKNOWN_GROUP',
          `${d.id}: '${e.name}' is in group '${e.group}', which the dataset does not declare`,
          fieldAt(e, 'group'),
          known.length ? didYouMean(e.group, known).replace('expected one of', 'the groups are') : `declare it under the dataset's groups: { ${e.group}: { label: … } }`,
        ),
      );
    }
  }
  return out;
}

function checkFigures(items: readonly FigureItem[], id: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byKey = new Map(items.map((i) => [i.key, i]));
  for (const item of items) {
    if (item.parent === undefined) continue;
    if (item.parent === item.key) {
      out.push(error('DATA_UNKNOWN_PARENT', `${id}: '${item.key}' names itself as its parent`, fieldAt(item, 'parent'), 'parent is the key of the total this item is a part of'));
    } else if (!byKey.has(item.parent)) {
      const near = closest(item.parent, byKey.keys());
      out.push(
        error(
          'DATA_UNKNOWN_PARENT',
          `${id}: '${item.key}' names parent '${item.parent}', which is not an item`,
          fieldAt(item, 'parent'),
          near ? `did you mean '${near}'?` : `the items are: ${[...byKey.keys()].join(', ')}`,
        ),
      );
    }
  }
  for (const parent of items) {
    const parts = items.filter((i) => i.parent === parent.key);
    const sum = parts.reduce((a, p) => a + p.value, 0);
    if (parts.length && sum > parent.value * 1.0001) {
      out.push(
        warning('DATA_PARTS_EXCEED_TOTAL', `${id}: the parts of '${parent.key}' add up to ${sum}, more than its ${parent.value}`, fieldAt(parent, 'value'), 'check the numbers against the source'),
      );
    }
  }
  return out;
}

/**
 * `DATA_STALE` when the dataset's newest asOf is more than `maxMonths` months before the deck
 * date. A partial date counts from its last possible month ("2024" is December 2024), so only a
 * dataset that is surely too old is reported.
 */
function checkAge(d: Dataset, deckDate: string, maxMonths: number): Diagnostic[] {
  const asOf = datasetAsOf(d);
  const age = monthsBetween(asOf, deckDate);
  if (age === undefined || age <= maxMonths) return [];
  return [
    warning(
      'DATA_STALE',
      `${d.id} is ${age} months old at the deck date (asOf ${asOf}, deck ${deckDate}); deck.maxDataAge is ${maxMonths}`,
      fieldAt(d, 'asOf'),
      'update the data from a newer source, or raise deck.maxDataAge',
    ),
  ];
}

/** Whole months from `from` (YYYY, YYYY-MM or YYYY-MM-DD) to `to` (YYYY-MM-DD). */
export function monthsBetween(from: string, to: string): number | undefined {
  const a = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(from);
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(to);
  if (!a || !b) return undefined;
  const [fy, fm, fd] = [Number(a[1]), a[2] ? Number(a[2]) : 12, a[3] ? Number(a[3]) : undefined];
  const [ty, tm, td] = [Number(b[1]), Number(b[2]), Number(b[3])];
  let months = (ty - fy) * 12 + (tm - fm);
  if (fd !== undefined && td < fd) months -= 1;
  return Math.max(0, months);
}

/** The data file's namespace and key for a dataset id (`a16z.web` → `['a16z', 'web']`). */
export function splitDatasetId(id: string): [string, string] {
  const dot = id.indexOf('.');
  return [id.slice(0, dot), id.slice(dot + 1)];
}

/** Appends one by one: `push(...many)` passes every item as an argument, and a million overflow the stack. */
function append<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}
