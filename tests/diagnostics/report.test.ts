import { describe, expect, it } from 'vitest';
import { error, warning } from '../../src/diagnostics/diagnostic.js';
import { formatJson, formatText, lineColumn } from '../../src/diagnostics/report.js';

const file = '/p/outline/deck.yaml';
const text = 'deck:\n  title: 簡報\nslides:\n  - layout: ranknig\n';

describe('reporting', () => {
  it('computes 1-based lines and columns', () => {
    expect(lineColumn(text, text.indexOf('ranknig'))).toEqual({ line: 4, column: 13 });
  });

  it('prints file:line:col, the code, a frame with a caret and the hint', () => {
    const start = text.indexOf('ranknig');
    const d = error('OUTLINE_UNKNOWN_LAYOUT', "unknown layout 'ranknig'", { file, range: [start, start + 7] }, "did you mean 'ranking'?");
    const out = formatText([d, warning('LAYOUT_OVERFLOW', 'too long', { file })], { texts: new Map([[file, text]]), cwd: '/p', color: false });
    expect(out).toContain("outline/deck.yaml:4:13  error  unknown layout 'ranknig'  OUTLINE_UNKNOWN_LAYOUT");
    expect(out).toContain('4 |   - layout: ranknig\n');
    expect(out).toMatch(/\n {2}\s+\^{7}\n/);
    expect(out).toContain("hint: did you mean 'ranking'?");
    expect(out).toContain('1 error, 1 warning');
    expect(out).not.toContain('\u001b[');
  });

  it('puts carets under wide characters at their terminal width', () => {
    const start = text.indexOf('簡報');
    const out = formatText([error('OUTLINE_INVALID_VALUE', 'm', { file, range: [start, start + 2] })], { texts: new Map([[file, text]]), cwd: '/p', color: false });
    const lines = out.split('\n');
    const frame = lines.findIndex((l) => l.includes('|   title: 簡報'));
    expect(lines[frame + 1]).toBe(`${' '.repeat(2 + 4 + 9)}^^^^`);
  });

  it('prints JSON with positions', () => {
    const start = text.indexOf('ranknig');
    const json = JSON.parse(formatJson([error('OUTLINE_INVALID_VALUE', 'm', { file, range: [start, start + 7] })], new Map([[file, text]])));
    expect(json).toEqual([{ code: 'OUTLINE_INVALID_VALUE', severity: 'error', message: 'm', file, line: 4, column: 13, endLine: 4, endColumn: 20 }]);
  });
});
