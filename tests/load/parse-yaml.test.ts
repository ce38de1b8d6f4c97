import { describe, expect, it } from 'vitest';
import { lineColumn } from '../../src/diagnostics/report.js';
import { parseYaml } from '../../src/load/parse-yaml.js';
import { describePath } from '../../src/load/schema-issues.js';

/** The diagnostics of a YAML text as code, line:column and the text at the place. */
function problems(text: string) {
  return parseYaml(text, 'x.yaml', 'OUTLINE').diagnostics.map((d) => {
    const start = d.source?.range?.[0] ?? 0;
    const { line, column } = lineColumn(text, start);
    return { code: d.code, at: `${line}:${column}`, text: text.slice(start, start + 8) };
  });
}

describe('YAML syntax errors, at the character to fix', () => {
  it('an unclosed quote, at its opening quote', () => {
    expect(problems('a: 1\nb: "abc\nc: 2\n')).toEqual([{ code: 'OUTLINE_YAML_SYNTAX', at: '2:4', text: '"abc\nc: ' }]);
    expect(problems("a: 'it''s\nb: 2\n")).toMatchObject([{ at: '1:4' }]);
  });

  it('an unclosed flow mapping or list, at its opening bracket', () => {
    expect(problems('a: { x: 1, y: 2\nb: 3\n')).toMatchObject([{ at: '1:4', text: '{ x: 1, ' }]);
    expect(problems('a: [1, 2\nb: 3\n')).toMatchObject([{ at: '1:4', text: '[1, 2\nb:' }]);
  });

  it('a line indented too deep or too shallow, at that line', () => {
    expect(problems('deck:\n  title: x\n   date: "2025"\n')).toMatchObject([{ at: '3:4', text: 'date: "2' }]);
    expect(problems('deck:\n  title: x\n date: "2025"\nslides: []\n')).toMatchObject([{ at: '3:2', text: 'date: "2' }]);
  });

  it('a value with ": " in it, a second document, a tab', () => {
    expect(problems('title: 標題: 副標\n')).toMatchObject([{ at: '1:8' }]);
    expect(problems('a: 1\n---\nb: 2\n')).toMatchObject([{ at: '2:1', text: '---\nb: 2' }]);
    expect(problems('deck:\n\ttitle: x\n  date: y\n')).toEqual([{ code: 'OUTLINE_YAML_SYNTAX', at: '2:1', text: '\ttitle: ' }]);
  });

  it('says where a repeated key first was', () => {
    const [d] = parseYaml('a: 1\nb: 2\na: 3\n', 'x.yaml', 'DATA').diagnostics;
    expect(d).toMatchObject({ code: 'DATA_YAML_SYNTAX', message: "'a' is given twice in the same mapping (first on line 1)", source: { range: [10, 11] } });
  });

  it('refuses an alias bomb quickly', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 12; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const t0 = performance.now();
    const parsed = parseYaml(`${levels.join('\n')}\n`, 'x.yaml', 'OUTLINE');
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(parsed.value).toBeUndefined();
    expect(parsed.diagnostics).toMatchObject([{ code: 'OUTLINE_YAML_ALIAS_LIMIT' }]);
  });
});

describe('describePath', () => {
  it('counts list items from 1 and names them', () => {
    expect(describePath(['slides', 1, 'chart', 'kind'])).toBe('slide 2, chart.kind');
    expect(describePath(['web', 'editions', 0, 'entries', 2, 'rank'])).toBe('web, edition 1, entry 3, rank');
    expect(describePath(['deck', 'date'])).toBe('deck.date');
    expect(describePath([])).toBe('');
  });
});

describe('YAML nested deeper than briefdeck reads', () => {
  it.each([
    ['flow lists, unclosed', (n: number) => `a: ${'['.repeat(n)}\n`],
    ['flow mappings', (n: number) => `a: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`],
    ['block lists on one line', (n: number) => `a:\n  ${'- '.repeat(n)}1\n`],
  ])('%s, 5,000 levels: a located OUTLINE_YAML_TOO_DEEP, not a stack overflow', (_name, make) => {
    const text = make(5000);
    const { diagnostics, value } = parseYaml(text, 'x.yaml', 'OUTLINE');
    expect(value).toBeUndefined();
    expect(diagnostics).toMatchObject([{ code: 'OUTLINE_YAML_TOO_DEEP', severity: 'error', source: { file: 'x.yaml' } }]);
    const start = diagnostics[0]!.source!.range![0];
    expect(start).toBeGreaterThan(0);
    expect(start).toBeLessThan(text.length);
  });

  it('reads nesting up to the limit, and names the data stage in a data file', () => {
    expect(parseYaml(`a: ${'['.repeat(90)}${']'.repeat(90)}\n`, 'x.yaml', 'DATA').diagnostics).toEqual([]);
    expect(parseYaml(`a: ${'['.repeat(150)}${']'.repeat(150)}\n`, 'x.yaml', 'DATA').diagnostics).toMatchObject([{ code: 'DATA_YAML_TOO_DEEP' }]);
  });
});

describe('ranges at the end of a file', () => {
  it('stay inside the text when yaml reports one past the last character', () => {
    const text = 'deck: -224764056\ndata:\n  a16z: data/a16z.yaml\nJref:豆包\n  - - - - leaf\n';
    const { diagnostics } = parseYaml(text, 'o.yaml', 'OUTLINE');
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) {
      const [start, end] = d.source?.range ?? [0, 0];
      expect(start).toBeLessThanOrEqual(end);
      expect(end).toBeLessThanOrEqual(text.length);
    }
  });
});
