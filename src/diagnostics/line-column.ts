/** Line and column (1-based; columns in UTF-16 units, as editors count). */
export interface LineColumn {
  line: number;
  column: number;
}

/**
 * The starts of a text's lines, found once, so that each offset → line/column lookup is a binary
 * search (as yaml's LineCounter does): a report of thousands of diagnostics, or one on a line of
 * a megabyte, costs no more than reading the text once.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** The position of `offset` (clamped to the text). */
  locate(offset: number): LineColumn {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - (this.starts[lo] ?? 0) + 1 };
  }

  /** [start, end) offsets of a 1-based line, without its line break. */
  lineSpan(line: number): readonly [number, number] {
    const start = this.starts[line - 1] ?? this.text.length;
    const next = this.starts[line];
    return [start, next === undefined ? this.text.length : next - 1];
  }
}

/** Line and column of one offset; for many lookups in one text, keep a `LineIndex`. */
export function lineColumn(text: string, offset: number): LineColumn {
  return new LineIndex(text).locate(offset);
}
