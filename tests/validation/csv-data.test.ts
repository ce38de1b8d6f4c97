import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadInputs } from '../../src/build.js';
import { monthsBetween } from '../../src/load/data/load-data.js';
import { parseCsv } from '../../src/load/data/parse-csv.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { lineColumn } from '../../src/diagnostics/report.js';
import { readNumber } from '../../src/text/suggest.js';

const MINI = path.resolve(__dirname, '../fixtures/mini');

describe('parseCsv', () => {
  it('reads cells with their offsets: quotes, doubled quotes, CRLF, a line break inside quotes, blank lines', () => {
    const text = 'rank,name\r\n1,"Deep, ""Seek"""\n\n2,"多\n行"\n3,';
    const { rows, diagnostics } = parseCsv(text, 'x.csv');
    expect(diagnostics).toEqual([]);
    expect(rows.map((r) => r.cells.map((c) => c.value))).toEqual([
      ['rank', 'name'],
      ['1', 'Deep, "Seek"'],
      ['2', '多\n行'],
      ['3', ''],
    ]);
    const cell = rows[1]!.cells[1]!;
    expect(text.slice(...cell.range)).toBe('"Deep, ""Seek"""');
    expect(lineColumn(text, cell.range[0])).toEqual({ line: 2, column: 3 });
    expect(text.slice(...rows[3]!.range)).toBe('3,');
  });

  it('reports an unclosed quote at the quote, and a stray quote where it is', () => {
    const unclosed = parseCsv('a,b\n1,"x\n2,3\n', 'x.csv');
    expect(unclosed.diagnostics).toMatchObject([{ code: 'DATA_CSV_SYNTAX', source: { range: [6, 8] } }]);
    const stray = parseCsv('a,b\n1,x"y\n', 'x.csv');
    expect(stray.diagnostics).toMatchObject([{ code: 'DATA_CSV_SYNTAX', source: { range: [7, 8] } }]);
    expect(stray.rows[1]!.cells[1]!.value).toBe('x"y');
    const after = parseCsv('a,b\n1,"x" y\n', 'x.csv');
    expect(after.diagnostics).toMatchObject([{ code: 'DATA_CSV_SYNTAX', source: { range: [9, 11] } }]);
  });
});

describe('a CSV of a million rows', () => {
  it('is refused at its first row past the limit, quickly and without a stack overflow', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-csv-rows-'));
    try {
      await cp(MINI, dir, { recursive: true });
      const a16z = path.join(dir, 'data/a16z.yaml');
      await writeFile(a16z, (await readFile(a16z, 'utf8')).replace(/entries:\n(\s+- .*\n)+/, 'entries: web.csv\n'));
      const rows = Array.from({ length: 1_000_000 }, (_, i) => `${i + 1},n${i + 1}`);
      const csv = `rank,name\n${rows.join('\n')}\n`;
      expect(csv.length).toBeGreaterThan(14_000_000);
      await writeFile(path.join(dir, 'data/web.csv'), csv);
      const diagnostics: Diagnostic[] = [];
      const t0 = performance.now();
      await loadInputs(path.join(dir, 'deck.yaml'), diagnostics, new Map());
      expect(performance.now() - t0).toBeLessThan(5000);
      expect(diagnostics).toMatchObject([{ code: 'DATA_CSV_TOO_MANY_ROWS', severity: 'error', source: { file: path.join(dir, 'data/web.csv') } }]);
      const start = diagnostics[0]!.source!.range![0];
      expect(lineColumn(csv, start)).toEqual({ line: 10_002, column: 1 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('parseCsv stops at maxRows and says where the rest starts', () => {
    const { rows, more } = parseCsv('a\n1\n2\n3\n', 'x.csv', 3);
    expect(rows.map((r) => r.cells[0]!.value)).toEqual(['a', '1', '2']);
    expect(more).toBe(6);
  });
});

describe('CSV data', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** The mini project with its ranking entries and figures items moved into CSV files. */
  async function miniWithCsv(web: string, spending: string) {
    dir = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-csv-'));
    await cp(MINI, dir, { recursive: true });
    const a16z = path.join(dir, 'data/a16z.yaml');
    const yaml = (await readFile(a16z, 'utf8')).replace(/ {6}entries:\n( {8}- .*\n)+/, '      entries: csv/web.csv\n');
    await writeFile(a16z, yaml);
    const capex = path.join(dir, 'data/capex.yaml');
    await writeFile(capex, (await readFile(capex, 'utf8')).replace(/ {2}items:\n( {4}.*\n)+/, '  items: spending.csv\n'));
    await mkdir(path.join(dir, 'data/csv'));
    await writeFile(path.join(dir, 'data/csv/web.csv'), web);
    await writeFile(path.join(dir, 'data/spending.csv'), spending);
    const diagnostics: Diagnostic[] = [];
    const texts = new Map<string, string>();
    const inputs = await loadInputs(path.join(dir, 'deck.yaml'), diagnostics, texts);
    return { inputs, diagnostics, texts };
  }

  it('loads ranking entries and figures items from CSV as from YAML', async () => {
    const { inputs, diagnostics } = await miniWithCsv(
      '\uFEFFrank,name,group,within\r\n2,DeepSeek,china,\r\n,夸克,china,10\r\n1,ChatGPT,,\r\n',
      'key,label,value,unit,qualifier\nalibaba,阿里,380000000000,元,>\nbytedance,字節,160000000000,元,\n',
    );
    expect(diagnostics).toEqual([]);
    const web = inputs!.data.get('a16z.web');
    expect(web?.type === 'ranking' && web.editions[0]!.entries.map(({ origin: _o, ...e }) => e)).toEqual([
      { rank: 2, name: 'DeepSeek', group: 'china' },
      { within: 10, name: '夸克', group: 'china' },
      { rank: 1, name: 'ChatGPT' },
    ]);
    const spending = inputs!.data.get('capex.spending');
    expect(spending?.type === 'figures' && spending.items.map(({ origin: _o, ...i }) => i)).toEqual([
      { key: 'alibaba', label: '阿里', value: 380000000000, unit: '元', qualifier: '>' },
      { key: 'bytedance', label: '字節', value: 160000000000, unit: '元', qualifier: '=' },
    ]);
  });

  it('locates cross-value problems in a CSV at the cell', async () => {
    const { diagnostics, texts } = await miniWithCsv('rank,name,group\n2,DeepSeek,china\n51,夸克,chna\n', 'key,label,value,parent\nalibaba,阿里,3,\nalibaba,阿里,4,\nbytedance,字節,1,alibab\n');
    const at = (d: Diagnostic) => ({ code: d.code, file: path.basename(d.source!.file), ...lineColumn(texts.get(d.source!.file)!, d.source!.range![0]) });
    expect(diagnostics.map(at)).toEqual([
      { code: 'DATA_RANK_OUT_OF_RANGE', file: 'web.csv', line: 3, column: 1 },
      { code: 'DATA_UNKNOWN_GROUP', file: 'web.csv', line: 3, column: 7 },
      { code: 'DATA_DUPLICATE_KEY', file: 'spending.csv', line: 3, column: 1 },
      { code: 'DATA_UNKNOWN_PARENT', file: 'spending.csv', line: 4, column: 16 },
    ]);
    expect(diagnostics.find((d) => d.code === 'DATA_UNKNOWN_PARENT')?.hint).toBe("did you mean 'alibaba'?");
  });

  it('checks cells against the schema: a rank of 0, a rank and a within, a missing name', async () => {
    const { diagnostics, texts } = await miniWithCsv('rank,name,within\n0,DeepSeek,\n1,夸克,10\n2,,\n', 'key,label,value\nalibaba,阿里,3\n');
    const at = (d: Diagnostic) => ({ code: d.code, ...lineColumn(texts.get(d.source!.file)!, d.source!.range![0]) });
    expect(diagnostics.map(at)).toEqual([
      { code: 'DATA_INVALID_VALUE', line: 2, column: 1 },
      { code: 'DATA_INVALID_VALUE', line: 3, column: 1 },
      { code: 'DATA_MISSING_FIELD', line: 4, column: 1 },
    ]);
  });
});

describe('monthsBetween', () => {
  it('counts whole months; a partial date counts from its last month', () => {
    expect(monthsBetween('2024-06', '2025-03-10')).toBe(9);
    expect(monthsBetween('2025-02-24', '2025-03-10')).toBe(0);
    expect(monthsBetween('2024-09-10', '2025-03-10')).toBe(6);
    expect(monthsBetween('2024-09-11', '2025-03-10')).toBe(5);
    expect(monthsBetween('2024', '2025-03-10')).toBe(3);
    expect(monthsBetween('2026-01', '2025-03-10')).toBe(0);
  });
});

describe('readNumber', () => {
  it('reads numbers written with Chinese units, separators, percent and qualifiers', () => {
    expect(readNumber('1600億')).toEqual({ value: 160000000000 });
    expect(readNumber('3800億元')).toEqual({ value: 380000000000, unit: '元' });
    expect(readNumber('14.4萬億')).toEqual({ value: 14400000000000 });
    expect(readNumber('93%')).toEqual({ value: 93, unit: '%' });
    expect(readNumber('"3,800"'.slice(1, -1))).toEqual({ value: 3800 });
    expect(readNumber('超過8000萬')).toEqual({ value: 80000000, qualifier: '>' });
    expect(readNumber('first')).toBeUndefined();
  });
});
