/**
 * The suite runs from a fresh clone with nothing beside it: no file under tests/ or src/ reaches
 * for the workspace's shared folder, the OOXML schemas are all vendored, and nothing spawns
 * xmllint. The one check that needs the article runs in CI only (.ci/check-source.mjs).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Spelled in pieces so that this file does not match itself.
const SHARED = [['..', 'shared'].join('/'), ['', 'work', 'shared'].join('/')];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((rel) => path.join(dir, rel))
    .filter((file) => statSync(file).isFile());
}

/** The shared-folder paths a text mentions. */
const sharedMentions = (text: string): string[] => SHARED.filter((s) => text.includes(s));

describe('a suite that runs anywhere', () => {
  it('finds a mention of the shared folder where there is one', () => {
    expect(sharedMentions(`readFileSync('${SHARED[0]}/source/a.txt')`)).toEqual([SHARED[0]]);
    expect(sharedMentions(`const dir = '${SHARED[1]}/ooxml-xsd';`)).toEqual([SHARED[1]]);
    expect(sharedMentions("path.resolve(root, 'tests/ooxml-xsd')")).toEqual([]);
  });

  it('no file under tests/ or src/ mentions the shared folder beside the project', () => {
    const files = [...filesUnder(path.join(root, 'src')), ...filesUnder(path.join(root, 'tests'))];
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) => sharedMentions(readFileSync(file, 'latin1')).map((s) => `${path.relative(root, file)}: ${s}`));
    expect(found).toEqual([]);
  });

  it('vendors every schema the OOXML schemas import or include', () => {
    const dir = path.join(root, 'tests/ooxml-xsd');
    const schemas = filesUnder(dir).filter((f) => f.endsWith('.xsd'));
    expect(schemas.length).toBeGreaterThan(25);
    const missing: string[] = [];
    for (const file of schemas) {
      for (const m of readFileSync(file, 'utf8').matchAll(/schemaLocation="([^"]+)"/g)) {
        const target = path.resolve(path.dirname(file), m[1] ?? '');
        if (!target.startsWith(dir + path.sep) || !existsSync(target)) missing.push(`${path.relative(dir, file)} → ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('no test spawns xmllint', () => {
    const spawning = filesUnder(path.join(root, 'tests'))
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /['"`]xmllint['"`]/.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f));
    expect(spawning).toEqual([]);
  });

  it('CI runs exactly `npm test`, then the article check where the article is', () => {
    const run = readFileSync(path.join(root, '.ci/run'), 'utf8')
      .split('\n')
      .map((l) => l.trim());
    expect(run).toContain('npm test');
    expect(run.some((l) => l.includes('node .ci/check-source.mjs'))).toBe(true);
  });

  it('the CI article check reports what the article does not say, and a missing article, with their own exit codes', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-suite-'));
    try {
      const script = path.join(root, '.ci/check-source.mjs');
      const missing = spawnSync(process.execPath, [script, path.join(dir, 'none.txt')], { encoding: 'utf8' });
      expect(missing.status).toBe(2);
      expect(missing.stderr).toContain('no article at');
      const article = path.join(dir, 'article.txt');
      writeFileSync(article, '一篇不提任何數字的文章。');
      const run = spawnSync(process.execPath, [script, article], { encoding: 'utf8', timeout: 120_000 });
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr).toMatch(/is not in the article/);
      expect(run.stderr).not.toMatch(/\n\s+at /); // problems, not a stack trace
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
