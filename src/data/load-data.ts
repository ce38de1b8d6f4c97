import type { Document } from 'yaml';
import { error, warning, type Diagnostic, type SourceRef } from '../diagnostics/diagnostic.js';
import type { Loaded, Outline } from '../outline/load-outline.js';
import { nodeAt, parseYaml, rangeOf } from '../outline/parse-yaml.js';
import { readSource, resolveInside } from '../outline/read-source.js';
import { dataFileSchema, type DataFileDoc } from './schema.js';
import type { Dataset, DataStore, FigureItem, RankingDataset, RankingEdition } from './types.js';
import { schemaDiagnostics } from '../outline/schema-issues.js';

/** Reads every data file the outline names and checks what a schema cannot (unique ranks …). */
export async function loadData(outline: Outline): Promise<Loaded<DataStore>> {
  const texts = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const store = new Map<string, Dataset>();

  const files = await Promise.all(
    Object.entries(outline.doc.data).map(async ([namespace, ref]) => ({ namespace, ref, loaded: await loadDataFile(outline, namespace, ref) })),
  );
  for (const { loaded } of files) {
    diagnostics.push(...loaded.diagnostics);
    for (const [f, t] of loaded.texts) texts.set(f, t);
    for (const d of loaded.value ?? []) store.set(d.id, d);
  }
  return { value: store, diagnostics, texts };
}

async function loadDataFile(outline: Outline, namespace: string, ref: string): Promise<Loaded<Dataset[]>> {
  const texts = new Map<string, string>();
  const from: SourceRef = { file: outline.file, range: rangeOf(nodeAt(outline.yaml, ['data', namespace]).node) };
  const file = resolveInside(outline.dir, outline.dir, ref);
  if (!file) {
    return {
      diagnostics: [error('DATA_PATH_OUTSIDE_PROJECT', `data file '${ref}' is outside the outline's folder`, from, `keep data files under ${outline.dir}`)],
      texts,
    };
  }
  const source = await readSource(file, 'DATA', from);
  if (!source.ok) return { diagnostics: [source.diagnostic], texts };
  texts.set(file, source.text);

  const parsed = parseYaml(source.text, file, 'DATA');
  if (parsed.value === undefined) return { diagnostics: parsed.diagnostics, texts };
  const result = dataFileSchema.safeParse(parsed.value);
  if (!result.success) {
    const ctx = { doc: parsed.doc, file, prefix: 'DATA', schema: dataFileSchema, value: parsed.value };
    return { diagnostics: [...parsed.diagnostics, ...schemaDiagnostics(result.error.issues, ctx)], texts };
  }
  const datasets = toDatasets(result.data, namespace, parsed.doc, file);
  return { value: datasets, diagnostics: [...parsed.diagnostics, ...datasets.flatMap(checkDataset)], texts };
}

function toDatasets(doc: DataFileDoc, namespace: string, yaml: Document, file: string): Dataset[] {
  const at = (...p: (string | number)[]): SourceRef => ({ file, range: rangeOf(nodeAt(yaml, p).node) });
  return Object.entries(doc).map(([key, d]): Dataset => {
    const id = `${namespace}.${key}`;
    if (d.type === 'ranking') {
      return {
        ...d,
        id,
        editions: d.editions.map((e, i) => ({
          ...e,
          entries: e.entries.map((entry, j) => ({ ...entry, origin: at(key, 'editions', i, 'entries', j) })),
          origin: at(key, 'editions', i),
        })),
        origin: at(key),
      };
    }
    return {
      ...d,
      id,
      items: Object.entries(d.items).map(([itemKey, item]) => ({ ...item, key: itemKey, origin: at(key, 'items', itemKey) })),
      origin: at(key),
    };
  });
}

/** Checks across values: what each value is allowed to be alone, the schema already checked. */
export function checkDataset(d: Dataset): Diagnostic[] {
  return d.type === 'ranking' ? checkRanking(d) : checkFigures(d.items, d.id);
}

function checkRanking(d: RankingDataset): Diagnostic[] {
  const out: Diagnostic[] = [];
  d.editions.forEach((edition, i) => {
    out.push(...checkEdition(d, edition));
    const next = d.editions[i + 1];
    if (next && next.asOf >= edition.asOf) {
      out.push(error('DATA_EDITION_ORDER', `${d.id}: editions must be newest first, but ${next.asOf} follows ${edition.asOf}`, next.origin, 'list the newest edition first'));
    }
  });
  return out;
}

function checkEdition(d: RankingDataset, edition: RankingEdition): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ranks = new Map<number, string>();
  const names = new Set<string>();
  for (const e of edition.entries) {
    if (e.rank !== undefined) {
      const other = ranks.get(e.rank);
      if (other !== undefined) {
        out.push(error('DATA_DUPLICATE_RANK', `${d.id} ${edition.asOf}: rank ${e.rank} is given to both '${other}' and '${e.name}'`, e.origin, 'each rank appears once in an edition'));
      }
      ranks.set(e.rank, e.name);
    }
    const place = e.rank ?? e.within ?? 0;
    if (d.size !== undefined && place > d.size) {
      out.push(error('DATA_RANK_OUT_OF_RANGE', `${d.id} ${edition.asOf}: '${e.name}' is placed ${place}, but the list has ${d.size} places`, e.origin));
    }
    if (names.has(e.name)) out.push(error('DATA_DUPLICATE_ENTRY', `${d.id} ${edition.asOf}: '${e.name}' is listed twice`, e.origin));
    names.add(e.name);
    if (e.group !== undefined && !(e.group in d.groups)) {
      const known = Object.keys(d.groups);
      out.push(error('DATA_UNKNOWN_GROUP', `${d.id}: unknown group '${e.group}' for '${e.name}'`, e.origin, known.length ? `groups: ${known.join(', ')}` : 'declare it under `groups:`'));
    }
  }
  return out;
}

function checkFigures(items: readonly FigureItem[], id: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byKey = new Map(items.map((i) => [i.key, i]));
  for (const item of items) {
    if (item.parent === undefined) continue;
    const parent = byKey.get(item.parent);
    if (!parent) {
      out.push(error('DATA_UNKNOWN_PARENT', `${id}: '${item.key}' names parent '${item.parent}', which is not an item`, item.origin, `items: ${[...byKey.keys()].join(', ')}`));
    }
  }
  for (const parent of items) {
    const parts = items.filter((i) => i.parent === parent.key);
    const sum = parts.reduce((a, p) => a + p.value, 0);
    if (parts.length && sum > parent.value * 1.0001) {
      out.push(warning('DATA_PARTS_EXCEED_TOTAL', `${id}: the parts of '${parent.key}' add up to ${sum}, more than its ${parent.value}`, parent.origin));
    }
  }
  return out;
}

/** The data file's namespace and key for a dataset id (`a16z.web` → `['a16z', 'web']`). */
export function splitDatasetId(id: string): [string, string] {
  const dot = id.indexOf('.');
  return [id.slice(0, dot), id.slice(dot + 1)];
}

