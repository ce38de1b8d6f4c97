import { mkdtemp, readFile, writeFile, cp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../src/build.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { lineColumn } from '../../src/diagnostics/report.js';
import { bindOutline } from '../../src/bind/bind.js';
import { loadPartials } from '../../src/load/load-partials.js';
import { templateDirs } from '../../src/load/theme/load-theme.js';

const MINI = path.resolve(__dirname, '../fixtures/mini');

/** Copies the mini project, applies `edit` to its outline text, and binds it. */
async function bindWith(edit: (outline: string) => string) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-bind-'));
  await cp(MINI, dir, { recursive: true });
  const file = path.join(dir, 'deck.yaml');
  const text = edit(await readFile(file, 'utf8'));
  await writeFile(file, text);
  const diagnostics: Diagnostic[] = [];
  const inputs = await loadInputs(file, diagnostics, new Map());
  if (!inputs) return { diagnostics, text };
  const bound = bindOutline(inputs.outline, inputs.data, await loadPartials(templateDirs(inputs.outline.dir)));
  return { deck: bound.deck, diagnostics: [...diagnostics, ...bound.diagnostics], text };
}

/** The text at a diagnostic's range start, and its line:column. */
function at(d: Diagnostic, text: string) {
  const start = d.source?.range?.[0] ?? -1;
  return { ...lineColumn(text, start), snippet: text.slice(start, start + 12) };
}

describe('bindOutline', () => {
  it('renders helpers from the data', async () => {
    const { deck, diagnostics } = await bindWith((t) => t);
    expect(diagnostics).toEqual([]);
    const slide = deck!.slides[1]!;
    expect(slide.layout === 'bullets' && slide.bullets).toEqual(['DeepSeek 第2，夸克前10', '阿里超過3800億元，字節1600億']);
    expect(slide.notes).toBe('a16z《消費級應用排行榜》，2025年3月；2款');
    expect(deck!.slides[0]!.title).toBe('測試簡報');
  });

  it('locates an unknown variable inside the YAML string', async () => {
    const { diagnostics, text } = await bindWith((t) => t.replace('"{{deck.title}}"', '"Hi {{deck.titel}}"'));
    expect(diagnostics).toMatchObject([{ code: 'TEMPLATE_UNKNOWN_VARIABLE', severity: 'error' }]);
    expect(at(diagnostics[0]!, text)).toMatchObject({ line: 9, column: 18, snippet: 'deck.titel}}' });
  });

  it('names an unknown helper with a suggestion', async () => {
    const { diagnostics, text } = await bindWith((t) => t.replace('{{rank a16z.web "DeepSeek"}}', '{{ranks a16z.web "DeepSeek"}}'));
    expect(diagnostics).toMatchObject([{ code: 'TEMPLATE_UNKNOWN_HELPER', hint: "did you mean 'rank'?" }]);
    expect(at(diagnostics[0]!, text).snippet).toBe('{{ranks a16z');
  });

  it('reports a helper misused, an unknown entry and an unknown item at the call', async () => {
    const { diagnostics } = await bindWith((t) => t.replace('{{rank a16z.web "DeepSeek"}}', '{{rank a16z.web "DeepSeak"}}').replace('{{value capex.spending "bytedance"}}', '{{value a16z.web "x"}}'));
    expect(diagnostics).toMatchObject([{ code: 'TEMPLATE_UNKNOWN_ENTRY', hint: "did you mean 'DeepSeek'?" }, { code: 'TEMPLATE_HELPER_ARGUMENT' }]);
  });

  it('reports template syntax errors and unknown partials', async () => {
    const broken = await bindWith((t) => t.replace('"{{deck.title}}"', '"{{deck.title"'));
    expect(broken.diagnostics).toMatchObject([{ code: 'TEMPLATE_SYNTAX' }]);
    const partial = await bindWith((t) => t.replace('"{{deck.title}}"', '"{{> nope}}"'));
    expect(partial.diagnostics).toMatchObject([{ code: 'TEMPLATE_UNKNOWN_PARTIAL' }]);
  });

  it('refuses to print a dataset as text', async () => {
    const { diagnostics } = await bindWith((t) => t.replace('"{{deck.title}}"', '"{{a16z.web}}"'));
    expect(diagnostics).toMatchObject([{ code: 'TEMPLATE_NOT_TEXT' }]);
  });

  it('removes control characters and warns where they were', async () => {
    const { deck, diagnostics } = await bindWith((t) => t.replace('title: 排名', 'title: "排\\u0001名\\u000B"'));
    expect(diagnostics).toMatchObject([{ code: 'TEXT_CONTROL_CHARACTER', severity: 'warning' }]);
    expect(deck!.slides[1]!.title).toBe('排名');
  });

  it('renders a template holding NUL (which Handlebars cannot lex) with the NUL removed', async () => {
    const { deck, diagnostics } = await bindWith((t) => t.replace('"{{deck.title}}"', '"前\\0{{deck.title}}"'));
    expect(diagnostics).toMatchObject([{ code: 'TEXT_CONTROL_CHARACTER', severity: 'warning' }]);
    expect(deck!.slides[0]!.title).toBe('前測試簡報');
  });
});
