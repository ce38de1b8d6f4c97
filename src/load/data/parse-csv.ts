import { error, type Diagnostic } from '../../diagnostics/diagnostic.js';

/** A cell: its value (quotes removed, `""` made `"`), and where it is in the file. */
export interface CsvCell {
  value: string;
  /** [start, end) offsets of the cell as written, quotes included. */
  range: [number, number];
}

export interface CsvRow {
  cells: CsvCell[];
  /** [start, end) offsets of the row, without its line break. */
  range: [number, number];
}

/**
 * Parses CSV text (RFC 4180: comma-separated, `"` quotes with `""` inside, CRLF, LF or CR
 * line breaks, a quoted cell may span lines) keeping every cell's offsets, so that a problem
 * in a cell is reported at its line and column. Blank lines are skipped. Syntax problems come
 * back as diagnostics; after an unclosed quote nothing more can be read. At most `maxRows` rows
 * (the header included) are read.
 */
export function parseCsv(text: string, file: string, maxRows = Infinity): { rows: CsvRow[]; diagnostics: Diagnostic[]; more?: number } {
  const rows: CsvRow[] = [];
  const diagnostics: Diagnostic[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    // Rows past the limit are not read: `more` says where the first of them starts.
    if (rows.length === maxRows) return { rows, diagnostics, more: i };
    const rowStart = i;
    const cells: CsvCell[] = [];
    let rowDone = false;
    while (!rowDone) {
      const cellStart = i;
      let value = '';
      if (text[i] === '"') {
        i++;
        let closed = false;
        while (i < n) {
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          value += text[i];
          i++;
        }
        if (!closed) {
          diagnostics.push(
            error('DATA_CSV_SYNTAX', 'this quoted cell is never closed', { file, range: [cellStart, lineEndAt(text, cellStart)] }, 'end it with "; write "" for a quote inside a quoted cell'),
          );
          return { rows, diagnostics };
        }
        const after = i;
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') i++;
        if (i > after && text.slice(after, i).trim() !== '') {
          diagnostics.push(error('DATA_CSV_SYNTAX', 'text after the closing quote of a cell', { file, range: [after, i] }, 'put the whole cell in quotes, and write "" for each quote inside it'));
        }
      } else {
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          if (text[i] === '"') {
            diagnostics.push(
              error(
                'DATA_CSV_SYNTAX',
                'a quote inside a cell that does not start with one',
                { file, range: [i, i + 1] },
                'put the whole cell in quotes, and write "" for each quote inside it: "say ""hi"""',
              ),
            );
          }
          value += text[i];
          i++;
        }
      }
      cells.push({ value, range: [cellStart, i] });
      if (text[i] === ',') i++;
      else rowDone = true;
    }
    const rowEnd = i;
    if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else if (i < n) i++;
    const blank = cells.length === 1 && (cells[0]?.value.trim() ?? '') === '' && text[rowStart] !== '"';
    if (!blank) rows.push({ cells, range: [rowStart, rowEnd] });
  }
  return { rows, diagnostics };
}

function lineEndAt(text: string, offset: number): number {
  const m = /[\r\n]/.exec(text.slice(offset));
  return m ? offset + m.index : text.length;
}
