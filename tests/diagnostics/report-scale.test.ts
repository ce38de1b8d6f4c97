import { describe, expect, it } from 'vitest';
import { error } from '../../src/diagnostics/diagnostic.js';
import { LineIndex, lineColumn } from '../../src/diagnostics/line-column.js';
import { formatJson, formatText } from '../../src/diagnostics/report.js';

const file = '/p/deck.yaml';

/** The naive count, to check the index against. */
function scan(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

describe('positions at scale', () => {
  it('finds every offset where a scan of the text does', () => {
    const text = 'a\n\nbc\r\n簡報\n😀x\n\n';
    const index = new LineIndex(text);
    for (let i = 0; i <= text.length; i++) expect(index.locate(i)).toEqual(scan(text, i));
    expect(index.locate(text.length + 10)).toEqual(scan(text, text.length));
    expect(lineColumn(text, 4)).toEqual({ line: 3, column: 2 });
  });

  it('frames an error on a line of a million characters around its column', () => {
    const long = `${'x'.repeat(500_000)}BAD${'y'.repeat(500_000)}`;
    const text = `deck:\n  title: ${long}\n`;
    const at = text.indexOf('BAD');
    const started = performance.now();
    const out = formatText([error('OUTLINE_INVALID_VALUE', 'bad', { file, range: [at, at + 3] })], { texts: new Map([[file, text]]), cwd: '/p', color: false });
    // Linear work takes milliseconds; the old frame took seconds for 40,000 characters.
    expect(performance.now() - started).toBeLessThan(2000);
    const lines = out.split('\n');
    expect(lines[0]).toBe(`deck.yaml:2:${at - text.indexOf('  title') + 1}  error  bad  OUTLINE_INVALID_VALUE`);
    const frame = lines[1] ?? '';
    expect(frame.length).toBeLessThan(90);
    expect(frame).toMatch(/^ {2}2 \| …x+BADy+…$/);
    const caret = lines[2] ?? '';
    expect(caret.indexOf('^')).toBe(frame.indexOf('BAD'));
    expect(caret.trim()).toBe('^^^');
  });

  it('keeps surrogate pairs whole where the frame cuts a long line', () => {
    const text = `${'😀'.repeat(2000)}BAD${'😀'.repeat(2000)}`;
    const at = text.indexOf('BAD');
    const out = formatText([error('OUTLINE_INVALID_VALUE', 'bad', { file, range: [at, at + 3] })], { texts: new Map([[file, text]]), cwd: '/p', color: false });
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(out).toContain('BAD');
  });

  it('locates thousands of diagnostics in one file with one index', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `  - item${i}: value`).join('\n');
    const diagnostics = Array.from({ length: 2000 }, (_, i) => {
      const at = text.indexOf(`item${i * 10}:`);
      return error('DATA_UNKNOWN_KEY', 'unknown', { file, range: [at, at + 4] });
    });
    const started = performance.now();
    const json = JSON.parse(formatJson(diagnostics, new Map([[file, text]]))) as { line: number }[];
    const txt = formatText(diagnostics, { texts: new Map([[file, text]]), cwd: '/p', color: false });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(json.map((d) => d.line)).toEqual(diagnostics.map((_, i) => i * 10 + 1));
    expect(txt).toContain('2000 errors, 0 warnings');
  });
});
