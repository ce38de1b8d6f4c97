/** `briefdeck check` reports what PowerPoint's Accessibility Checker would (issue 16), from the outline and from a built deck. */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { checkDeckFile } from '../../src/cli/check-deck-file.js';
import { hasCompiledCli, ROOT, spawnCli } from './spawn-cli.js';

const LOW = path.join(ROOT, 'tests/fixtures/low-contrast/deck.yaml');
const LINKS = path.join(ROOT, 'tests/fixtures/links');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-a11y-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Line and column (from 1) of the mapping of the `- layout: <kind>` item of the outline's first slide of that kind. */
function slideAt(file: string, kind: string): { line: number; column: number } {
  const lines = readFileSync(file, 'utf8').split('\n');
  const line = lines.findIndex((l) => l.trim() === `- layout: ${kind}`);
  return { line: line + 1, column: (lines[line] ?? '').indexOf('layout') + 1 };
}

describe('briefdeck check, a low-contrast theme', () => {
  it('warns at the slide with both colours and the ratio, and exits 0 (warnings only)', (ctx) => {
    if (!hasCompiledCli()) return ctx.skip();
    const run = spawnCli(['check', LOW], { timeoutMs: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    const { line, column } = slideAt(LOW, 'figures');
    expect(run.stderr).toMatch(
      new RegExp(`deck\\.yaml:${line}:${column}  warning  slide \\d+ \\(大廠的AI資本開支\\): the source text #BBBBBB on #FFFFFF has a contrast of 1\\.92:1.*LAYOUT_LOW_CONTRAST`),
    );
    expect(run.stderr).not.toMatch(/internal error|^\s+at /m);
  }, 70_000);

  it('gives the same as JSON, with line and column', (ctx) => {
    if (!hasCompiledCli()) return ctx.skip();
    const run = spawnCli(['check', LOW, '--format', 'json'], { timeoutMs: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    const found = (JSON.parse(run.stdout) as { code: string; severity: string; line: number; column: number; message: string }[]).filter((d) => d.code === 'LAYOUT_LOW_CONTRAST');
    expect(found.length).toBeGreaterThan(0);
    expect(found.find((d) => d.message.includes('the source text'))).toMatchObject({ severity: 'warning', ...slideAt(LOW, 'figures') });
  }, 70_000);
});

describe('briefdeck check --deck, a deck missing a title and alt text', () => {
  let edited: string;
  let chartSlide: number;
  let untitledSlide: number;
  beforeAll(async () => {
    const result = await buildDeck({ outline: path.join(LINKS, 'deck.yaml'), cwd: LINKS, write: false });
    const parts = unzipSync(result.pptx as Uint8Array);
    const slides = Object.keys(parts).filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p));
    const xml = (p: string) => strFromU8(parts[p] as Uint8Array);
    // Every slide gets a title placeholder on its title shape (as a deck made in PowerPoint has), but one loses it.
    for (const p of slides) {
      parts[p] = strToU8(xml(p).replace(/(<p:cNvPr id="\d+" name="title"\/>.*?<p:nvPr)\/>/, '$1><p:ph type="title"/></p:nvPr>'));
    }
    untitledSlide = slides.findIndex((p) => xml(p).includes('name="title"') && xml(p).includes('<p:ph type="title"/>')) + 1;
    const untitled = `ppt/slides/slide${untitledSlide}.xml`;
    parts[untitled] = strToU8(xml(untitled).replace(/<p:ph type="(ctr)?[Tt]itle"[^>]*\/>/g, ''));
    // The chart loses its alt text.
    chartSlide = slides.findIndex((p) => /<p:(pic|graphicFrame)>/.test(xml(p))) + 1;
    const charted = `ppt/slides/slide${chartSlide}.xml`;
    parts[charted] = strToU8(xml(charted).replace(/(<p:(?:pic|graphicFrame)>.*?<p:cNvPr [^>]*?)descr="[^"]*"/, '$1descr=""'));
    edited = path.join(scratch, 'edited.pptx');
    writeFileSync(edited, zipSync(parts));
  }, 120_000);

  it('names the slide without a title placeholder and the picture without alt text, and nothing else', async () => {
    const { diagnostics } = await checkDeckFile(edited);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnostics.filter((d) => d.code === 'PPTX_NO_TITLE').map((d) => d.message)).toEqual([expect.stringContaining(`slide ${untitledSlide} (`)]);
    expect(diagnostics.filter((d) => d.code === 'PPTX_NO_ALT_TEXT').map((d) => d.message)).toEqual([expect.stringContaining(`slide ${chartSlide} (`)]);
    expect(diagnostics.every((d) => d.source?.file === edited)).toBe(true);
  });

  it('prints both as warnings from the command line and exits 0', (ctx) => {
    if (!hasCompiledCli()) return ctx.skip();
    const run = spawnCli(['check', '--deck', edited], { timeoutMs: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('PPTX_NO_TITLE');
    expect(run.stderr).toContain('PPTX_NO_ALT_TEXT');
    expect(run.stderr).not.toMatch(/internal error|^\s+at /m);
  }, 70_000);
});
