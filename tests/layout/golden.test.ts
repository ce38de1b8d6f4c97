/**
 * Golden files (issue 15): each layout kind's slide XML, as the whole flow makes it from
 * tests/layout/fixture/deck.yaml, pretty-printed by prettyXml and compared with
 * tests/layout/golden/<kind>.xml. Any change of position, size, colour or text fails here, and
 * the diff of the golden file is the review. After an intended layout change, rewrite them with
 *
 *     UPDATE_GOLDEN=1 npx vitest run tests/layout
 *
 * and commit the golden files with the change.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type BuildResult } from '../../src/build.js';
import { LAYOUT_KINDS } from '../../src/layout/registry.js';
import { readZip } from '../../src/pptx/zip/zip-read.js';
import { prettyXml } from './pretty-xml.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FIXTURE = path.join(HERE, 'fixture', 'deck.yaml');
const GOLDEN = path.join(HERE, 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const KINDS = Object.keys(LAYOUT_KINDS);

let built: BuildResult;
let parts: Map<string, Uint8Array>;

beforeAll(async () => {
  built = await buildDeck({ outline: FIXTURE, write: false });
  expect(built.diagnostics).toEqual([]);
  parts = readZip(built.pptx!);
});

function slideXml(kind: string): string {
  const index = built.plan!.slides.findIndex((s) => s.layout === kind);
  const part = parts.get(`ppt/slides/slide${index + 1}.xml`);
  if (!part) throw new Error(`no slide of layout ${kind} in the fixture deck`);
  return prettyXml(new TextDecoder().decode(part));
}

describe('golden slide XML, one file per layout kind', () => {
  it('the fixture deck has one slide of every kind', () => {
    expect(built.plan!.slides.map((s) => s.layout).sort()).toEqual([...KINDS].sort());
  });

  it.each(KINDS)('%s', (kind) => {
    const file = path.join(GOLDEN, `${kind}.xml`);
    const actual = slideXml(kind);
    if (UPDATE) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(file, actual);
    }
    expect(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/layout`).toBe(true);
    expect(actual).toBe(readFileSync(file, 'utf8'));
  });

  it('keeps in its normal form every position, size, colour and text of the slide', () => {
    const xml = new TextDecoder().decode(parts.get('ppt/slides/slide4.xml')!);
    const changes: [RegExp, string][] = [
      [/<a:off x="(\d+)"/, '<a:off x="$11"'],
      [/<a:ext cx="(\d+)"/, '<a:ext cx="$11"'],
      // Theme colours are scheme references (issue 16): a changed one must show as much as a changed hex.
      [/<a:(srgbClr|schemeClr) val="[^"]+"/, '<a:$1 val="accent9"'],
      [/<a:t>([^<])/, '<a:t>X$1'],
      [/ sz="(\d+)"/, ' sz="$11"'],
    ];
    for (const [from, to] of changes) {
      const changed = xml.replace(from, to);
      expect(changed).not.toBe(xml);
      expect(prettyXml(changed)).not.toBe(prettyXml(xml));
    }
  });

  it('has no golden file for a kind that no longer exists', () => {
    expect(readdirSync(GOLDEN).sort()).toEqual(KINDS.map((k) => `${k}.xml`).sort());
  });
});
