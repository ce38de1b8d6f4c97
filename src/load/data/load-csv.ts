import path from 'node:path';
import type { z } from 'zod';
import { error, type Diagnostic, type SourceRef } from '../../diagnostics/diagnostic.js';
import { readSource, resolveInside } from '../read-source.js';
import { schemaDiagnostics } from '../schema-issues.js';
import { closest, numberHint } from '../../text/suggest.js';
import { parseCsv, type CsvCell, type CsvRow } from './parse-csv.js';

/** What a CSV file of a dataset may hold. */
export interface CsvShape {
  /** Every column it may have. */
  columns: readonly string[];
  /** Columns every file needs; an inner list means "one of these". */
  required: readonly (string | readonly string[])[];
  /** Columns whose cells are numbers. */
  numeric: ReadonlySet<string>;
}

/** A row that fits its header: the cell under each column, by column name. */
export interface CsvRecord {
  row: CsvRow;
  cells: ReadonlyMap<string, CsvCell>;
}

export interface CsvTable {
  file: string;
  records: CsvRecord[];
}

export interface CsvLoaded {
  table?: CsvTable;
  diagnostics: Diagnostic[];
  texts: Map<string, string>;
}

/** CSV files are data; a larger one is not a briefing's. */
const MAX_CSV_BYTES = 16 * 1024 * 1024;

/**
 * Rows a CSV file may have below its header. A briefing cites a top 10, 50 or 100; an export of
 * a million rows is not one, and each row costs a record, a check and a place in the deck.
 */
export const MAX_CSV_ROWS = 10_000;

/**
 * Reads the CSV file that `ref` names (relative to the data file `dataFile`, and inside
 * `rootDir`) and checks its header against `shape`. `from` is where the data file names it.
 */
export async function readCsvTable(ref: string, opts: { rootDir: string; dataFile: string; from: SourceRef; shape: CsvShape }): Promise<CsvLoaded> {
  const texts = new Map<string, string>();
  const { from, shape } = opts;
  const file = resolveInside(opts.rootDir, path.dirname(opts.dataFile), ref);
  if (!file) {
    return {
      diagnostics: [
        error(
          'DATA_PATH_OUTSIDE_PROJECT',
          `'${ref}' is outside the outline's folder`,
          from,
          `CSV files must be inside the outline's folder; name them relative to the data file, e.g. ${path.basename(ref)} for a file beside it`,
        ),
      ],
      texts,
    };
  }
  const source = await readSource(file, 'DATA', from, {
    ref,
    maxBytes: MAX_CSV_BYTES,
    relativeTo: "the data file's folder",
    format: 'CSV',
    within: [opts.rootDir],
    withinName: "the outline's folder",
  });
  if (!source.ok) return { diagnostics: [source.diagnostic], texts };
  texts.set(file, source.text);

  const { rows, diagnostics, more } = parseCsv(source.text, file, MAX_CSV_ROWS + 1);
  if (more !== undefined) {
    const end = source.text.indexOf('\n', more);
    diagnostics.push(
      error(
        'DATA_CSV_TOO_MANY_ROWS',
        `${ref} has more than ${MAX_CSV_ROWS} rows below its header`,
        at(file, [more, end < 0 ? source.text.length : end]),
        `a dataset holds what a slide can cite; keep the rows the source ranks (a top 10, 50 or 100) in the file`,
      ),
    );
    return { diagnostics, texts };
  }
  const [header, ...body] = rows;
  if (!header) {
    if (!diagnostics.length) diagnostics.push(error('DATA_CSV_EMPTY', `${ref} is empty`, from, `it needs a header row: ${shape.columns.join(',')}`));
    return { diagnostics, texts };
  }

  const columns: (string | undefined)[] = [];
  for (const cell of header.cells) {
    const name = cell.value.trim();
    if (!shape.columns.includes(name)) {
      const near = closest(name, shape.columns);
      diagnostics.push(error('DATA_CSV_UNKNOWN_COLUMN', `unknown column '${name}'`, at(file, cell.range), near ? `did you mean '${near}'?` : `the columns are: ${shape.columns.join(', ')}`));
      columns.push(undefined);
    } else if (columns.includes(name)) {
      diagnostics.push(error('DATA_CSV_DUPLICATE_COLUMN', `column '${name}' is named twice`, at(file, cell.range), 'remove one of them'));
      columns.push(undefined);
    } else columns.push(name);
  }
  const missing = shape.required.filter((r) => (typeof r === 'string' ? !columns.includes(r) : !r.some((c) => columns.includes(c))));
  for (const m of missing) {
    const what = typeof m === 'string' ? `a '${m}' column` : `a ${m.map((c) => `'${c}'`).join(' or ')} column`;
    // A misspelt column is already reported as unknown; saying it is missing too would repeat it.
    const typo = header.cells.some((c) => !shape.columns.includes(c.value.trim()) && [m].flat().includes(closest(c.value.trim(), shape.columns) ?? ''));
    if (!typo)
      diagnostics.push(
        error(
          'DATA_CSV_MISSING_COLUMN',
          `the header has no ${typeof m === 'string' ? `'${m}'` : m.map((c) => `'${c}'`).join(' or ')} column`,
          at(file, header.range),
          `the first row names the columns; it needs ${what}`,
        ),
      );
  }
  if (missing.length) return { diagnostics, texts };

  const records: CsvRecord[] = [];
  for (const row of body) {
    if (row.cells.length !== header.cells.length) {
      diagnostics.push(raggedRow(row, header.cells.length, file));
      continue;
    }
    const cells = new Map<string, CsvCell>();
    row.cells.forEach((cell, i) => {
      const column = columns[i];
      if (column) cells.set(column, cell);
    });
    records.push({ row, cells });
  }
  return { table: { file, records }, diagnostics, texts };
}

function raggedRow(row: CsvRow, width: number, file: string): Diagnostic {
  const n = row.cells.length;
  const message = `this row has ${n} cell${n === 1 ? '' : 's'}, but the header has ${width} column${width === 1 ? '' : 's'}`;
  if (n > width) {
    // Which comma is one too many only the writer knows: the whole row is the place.
    return error('DATA_CSV_RAGGED_ROW', message, at(file, row.range), 'a cell that contains a comma must be in double quotes: "ChatGPT, Inc."');
  }
  return error('DATA_CSV_RAGGED_ROW', message, at(file, [row.range[1], row.range[1]]), 'leave a cell empty (,,) for each column this row has no value for');
}

/**
 * The records of a table as objects validated by `schema`: empty cells are absent, numeric
 * columns are parsed. A problem is reported at its cell (or its row); a row with a problem
 * gives no object.
 */
export function csvObjects<T>(table: CsvTable, shape: CsvShape, schema: z.ZodType<T>, skip: readonly string[] = []): { values: { value: T; record: CsvRecord }[]; diagnostics: Diagnostic[] } {
  const values: { value: T; record: CsvRecord }[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const record of table.records) {
    const raw: Record<string, string | number> = {};
    let bad = false;
    for (const [column, cell] of record.cells) {
      if (skip.includes(column)) continue;
      const text = cell.value.trim();
      if (text === '') continue;
      if (shape.numeric.has(column)) {
        const n = parseNumber(text);
        if (n === undefined) {
          diagnostics.push(error('DATA_CSV_NOT_A_NUMBER', `${column} must be a number, not '${text}'`, at(table.file, cell.range), notANumberHint(column, text, shape)));
          bad = true;
        } else raw[column] = n;
      } else raw[column] = text;
    }
    if (bad) continue;
    const result = schema.safeParse(raw);
    if (!result.success) {
      const locate = (p: readonly PropertyKey[]): SourceRef => at(table.file, record.cells.get(String(p[0]))?.range ?? record.row.range);
      diagnostics.push(...schemaDiagnostics(result.error.issues, { file: table.file, prefix: 'DATA', schema, value: raw, locate }));
      continue;
    }
    values.push({ value: result.data, record });
  }
  return { values, diagnostics };
}

/** A plain decimal number, as CSV exported from a spreadsheet writes it. */
function parseNumber(text: string): number | undefined {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

function notANumberHint(column: string, text: string, shape: CsvShape): string {
  if (column === 'rank' && shape.columns.includes('within') && /前|top|within|[<≤]/i.test(text)) {
    return `for a rank the source gives only as "in the top N", leave rank empty and write N under within`;
  }
  return numberHint(text) ?? 'write the number alone, with digits and a decimal point only';
}

function at(file: string, range: readonly [number, number]): SourceRef {
  return { file, range: [range[0], range[1]] };
}
