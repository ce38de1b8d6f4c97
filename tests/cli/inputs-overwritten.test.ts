/** `-o` onto one of the deck's own inputs is refused, and the input stays byte-for-byte. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasCompiledCli, ROOT, spawnCli } from './spawn-cli.js';

let project: string;
beforeAll(() => {
  project = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-inputs-'));
  cpSync(path.join(ROOT, 'tests/fixtures/mini'), project, { recursive: true });
  // A CSV edition and a project theme, so that every kind of input is there to be hit.
  writeFileSync(path.join(project, 'data/mobile.csv'), 'rank,name,group\n1,ChatGPT,\n3,豆包,china\n');
  const a16z = readFileSync(path.join(project, 'data/a16z.yaml'), 'utf8');
  writeFileSync(
    path.join(project, 'data/a16z.yaml'),
    `${a16z}mobile:\n  type: ranking\n  title: 移動榜\n  size: 50\n  groups: { china: { label: 中國 } }\n  source: { publisher: a16z, title: 消費級應用排行榜 }\n  editions:\n    - asOf: "2025-03"\n      entries: mobile.csv\n`,
  );
  const deck = readFileSync(path.join(project, 'deck.yaml'), 'utf8');
  writeFileSync(path.join(project, 'deck.yaml'), `${deck.replace('  date: "2025-03-10"\n', '  date: "2025-03-10"\n  theme: default\n')}    sources: [a16z.mobile]\n`);
  mkdirSync(path.join(project, 'templates/themes'), { recursive: true });
  cpSync(path.join(ROOT, 'templates/themes/default.yaml'), path.join(project, 'templates/themes/default.yaml'));
  symlinkSync(path.join(project, 'deck.yaml'), path.join(project, 'linked.pptx'));
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('briefdeck build -o onto an input', () => {
  it('builds the project as it is (so the refusals below are about -o alone)', (ctx) => {
    if (!hasCompiledCli()) return ctx.skip();
    const run = spawnCli(['build', 'deck.yaml', '-o', 'dist/deck.pptx'], { cwd: project });
    expect(run.status, run.stderr).toBe(0);
  }, 90_000);

  for (const [name, out, input] of [
    ['the outline', 'deck.yaml', 'deck.yaml'],
    ['a data file', 'data/a16z.yaml', 'data/a16z.yaml'],
    ['a CSV file', 'data/mobile.csv', 'data/mobile.csv'],
    ['the theme', 'templates/themes/default.yaml', 'templates/themes/default.yaml'],
    ['the outline through a symbolic link', 'linked.pptx', 'deck.yaml'],
    ['the outline, by way of the manifest (deck.pptx → deck.manifest.json)', 'deck.pptx', 'deck.manifest.json'],
  ] as const) {
    it(`refuses ${name}`, (ctx) => {
      if (!hasCompiledCli()) return ctx.skip();
      let outline = 'deck.yaml';
      if (input === 'deck.manifest.json') {
        cpSync(path.join(project, 'deck.yaml'), path.join(project, 'deck.manifest.json'));
        outline = 'deck.manifest.json';
      }
      const before = readFileSync(path.join(project, input));
      const run = spawnCli(['build', outline, '-o', out], { cwd: project });
      expect(run.signal).toBeNull();
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr).toContain('WRITE_OVERWRITES_INPUT');
      expect(run.stderr).toMatch(new RegExp(`refusing to write the deck('s manifest)? over ${input.replace(/\./g, '\\.')}: it is one of the deck's inputs`));
      expect(readFileSync(path.join(project, input)).equals(before)).toBe(true);
    }, 90_000);
  }
});
