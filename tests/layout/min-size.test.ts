/** The theme's smallest size (issue 13): layout never sets text below sizes.min, and check says where a box would need less. */
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import type { TextElement } from '../../src/layout/types.js';
import { layOut } from './lay-out.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DECKS = [
  'outline/briefing.yaml',
  'tests/layout/fixture/deck.yaml',
  'tests/layout/fixture/crowded.yaml',
  'tests/fixtures/typeset/zh-TW.yaml',
  'tests/fixtures/typeset/zh-CN.yaml',
  'tests/fixtures/typeset/ja.yaml',
  'tests/fixtures/typeset/en.yaml',
];

/** The fixture project with the default theme as `large`, its sizes.min set to `min`. */
async function project(min: number): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-min-size-'));
  await mkdir(path.join(dir, 'templates/themes'), { recursive: true });
  const theme = await readFile(path.join(ROOT, 'templates/themes/default.yaml'), 'utf8');
  await writeFile(path.join(dir, 'templates/themes/large.yaml'), theme.replace(/^name: default$/m, 'name: large').replace(/^ {2}min: \d+.*$/m, `  min: ${min}`));
  await copyFile(path.join(ROOT, 'tests/fixtures/min-size/deck.yaml'), path.join(dir, 'deck.yaml'));
  return dir;
}

async function check(cwd: string): Promise<{ code: number; diagnostics: { code: string; message: string; line: number; column: number }[]; boxes: { slide: number; name: string; sizePt: number }[] }> {
  let stdout = '';
  const io: CliIo = { stdout: (s) => void (stdout += s), stderr: () => {}, cwd, env: {}, isTTY: false };
  const code = await run(['check', 'deck.yaml', '--format', 'json', '--layout'], io);
  const json = JSON.parse(stdout) as { diagnostics: never[]; layout: { boxes: never[] } };
  return { code, diagnostics: json.diagnostics, boxes: json.layout.boxes };
}

describe('sizes.min', () => {
  it('is in both built-in themes', async () => {
    for (const name of ['default', 'dark']) {
      const theme = parse(await readFile(path.join(ROOT, `templates/themes/${name}.yaml`), 'utf8')) as { sizes: { min?: number } };
      expect(theme.sizes.min, name).toBe(10);
    }
  });

  it.each(DECKS)('no text of %s is set below it, a sub-bullet’s smaller size included', async (rel) => {
    const { plan } = await layOut(path.join(ROOT, rel));
    const texts = plan.slides.flatMap((s) => s.elements.filter((e): e is TextElement => e.type === 'text').map((el) => ({ s, el })));
    expect(texts.length).toBeGreaterThan(10);
    for (const { s, el } of texts) for (const p of el.paragraphs) expect(el.size * (p.scale ?? 1), `slide ${s.index + 1} ${el.name}`).toBeGreaterThanOrEqual(10);
  });

  it('sets a box that would need less at the minimum and warns at its slide: LAYOUT_TEXT_TOO_SMALL', async () => {
    const { code, diagnostics, boxes } = await check(await project(24));
    expect(code).toBe(0);
    expect(diagnostics).toMatchObject([{ code: 'LAYOUT_TEXT_TOO_SMALL', severity: 'warning', line: 11, column: 5 }]);
    expect(diagnostics[0]?.message).toContain('would fit only at 22 pt');
    expect(boxes.filter((b) => b.name === 'bullets' || b.name === 'quote').map((b) => [b.slide, b.name, b.sizePt])).toEqual([
      [1, 'bullets', 28],
      [2, 'quote', 24],
    ]);
  });

  it('says nothing where the text fits at or above it', async () => {
    const { diagnostics, boxes } = await check(await project(10));
    expect(diagnostics).toEqual([]);
    expect(boxes.filter((b) => b.name === 'bullets' || b.name === 'quote').map((b) => b.sizePt)).toEqual([28, 22]);
  });
});
