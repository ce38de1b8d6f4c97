/**
 * Binding is strict everywhere (partials too; prototype names never resolve) and takes what it
 * needs from the values load hands it: positions from `outline.positions`, the slide's uses
 * through the render's data, the dataset from its view.
 */
import type { HelperOptions } from 'handlebars';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindOutline } from '../../src/bind/bind.js';
import { datasetOf, templateContext } from '../../src/bind/data-context.js';
import { helpers } from '../../src/bind/helpers.js';
import { loadInputs } from '../../src/build.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { ValueUses } from '../../src/data/uses.js';

const MINI = path.resolve(__dirname, '../fixtures/mini');

async function load(edit: (outline: string) => string, partials: Record<string, string> = {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-strict-'));
  await cp(MINI, dir, { recursive: true });
  const file = path.join(dir, 'deck.yaml');
  await writeFile(file, edit(await readFile(file, 'utf8')));
  for (const [name, text] of Object.entries(partials)) {
    await mkdir(path.join(dir, 'templates/partials'), { recursive: true });
    await writeFile(path.join(dir, 'templates/partials', `${name}.hbs`), text);
  }
  const diagnostics: Diagnostic[] = [];
  const inputs = await loadInputs(file, diagnostics, new Map());
  expect(diagnostics).toEqual([]);
  return { inputs: inputs!, dir, file };
}

const title = (template: string) => (t: string) => t.replace('title: "{{deck.title}}"', `title: '${template}'`);

describe('strict binding', () => {
  it.each(['{{deck.__proto__}}', '{{deck.constructor}}', '{{#with deck}}{{toString}}{{/with}}', '{{deck.source.hasOwnProperty}}'])('%s is an unknown name, not an empty string', async (template) => {
    const { inputs } = await load(title(template));
    const bound = bindOutline(inputs.outline, inputs.data, inputs.partials);
    expect(bound.deck).toBeUndefined();
    expect(bound.diagnostics).toMatchObject([{ code: 'TEMPLATE_UNKNOWN_VARIABLE', source: { file: inputs.outline.file } }]);
  });

  it('an unknown name inside a partial is an error at its place in the partial file', async () => {
    const { inputs, dir } = await load(title('{{> intro}}'), { intro: '{{deck.title}}\n  {{nosuchname}}' });
    const bound = bindOutline(inputs.outline, inputs.data, inputs.partials);
    expect(bound.deck).toBeUndefined();
    const file = path.join(dir, 'templates/partials/intro.hbs');
    expect(bound.diagnostics).toMatchObject([{ code: 'TEMPLATE_UNKNOWN_VARIABLE', source: { file } }]);
    const [start] = bound.diagnostics[0]!.source!.range!;
    expect((await readFile(file, 'utf8')).slice(start, start + 10)).toBe('nosuchname');
  });

  it('a partial renders with the names of its context, strictly', async () => {
    const { inputs } = await load(title('{{> intro}}'), { intro: '《{{deck.title}}》' });
    const bound = bindOutline(inputs.outline, inputs.data, inputs.partials);
    expect(bound.diagnostics).toEqual([]);
    expect(bound.deck!.slides[0]).toMatchObject({ title: '《測試簡報》' });
  });

  it('refuses blocks nested deeper than the limit before parsing them, in an outline string', async () => {
    const deep = `${'{{#if deck.title}}'.repeat(40)}x${'{{/if}}'.repeat(40)}`;
    const { inputs } = await load(title(deep));
    const t0 = performance.now();
    const bound = bindOutline(inputs.outline, inputs.data, inputs.partials);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(bound.diagnostics).toMatchObject([{ code: 'TEMPLATE_TOO_DEEP' }]);
    const [start] = bound.diagnostics[0]!.source!.range!;
    expect(start).toBe(inputs.outline.text.indexOf(deep) + 32 * '{{#if deck.title}}'.length);
  });
});

describe('values flow forward', () => {
  it('locates a problem from the positions load made, not from the YAML tree', async () => {
    const { inputs } = await load(title('{{nosuch}}'));
    expect('yaml' in inputs.outline).toBe(false);
    const path0 = ['slides', 0, 'title'].join('\u0000');
    const real = inputs.outline.positions.ranges.get(path0)!;
    expect(inputs.outline.text.slice(real[0], real[1])).toBe("'{{nosuch}}'");
    // Moved by hand: the diagnostic follows the positions it was given.
    const moved = new Map(inputs.outline.positions.ranges).set(path0, [0, 5]);
    const bound = bindOutline({ ...inputs.outline, positions: { ...inputs.outline.positions, ranges: moved } }, inputs.data, inputs.partials);
    expect(bound.diagnostics[0]!.source!.range).toEqual([0, 5]);
  });

  it('records what each slide shows in that slide’s uses, and a helper called without uses records nothing', async () => {
    const { inputs } = await load((t) => t);
    const bound = bindOutline(inputs.outline, inputs.data, inputs.partials);
    expect(Object.fromEntries(bound.deck!.slides[1]!.uses)).toMatchObject({ 'a16z.web: DeepSeek': '2', 'capex.spending: alibaba': expect.any(String) });
    expect(bound.deck!.slides[0]!.uses.size).toBe(0);

    const ctx = templateContext({}, inputs.data) as Record<string, Record<string, unknown>>;
    const uses: ValueUses = new Map();
    expect(helpers.rank(ctx.a16z!.web, 'DeepSeek', { hash: {}, data: { uses } } as unknown as HelperOptions)).toBe('2');
    expect(Object.fromEntries(uses)).toEqual({ 'a16z.web: DeepSeek': '2' });
    expect(helpers.rank(ctx.a16z!.web, 'DeepSeek', { hash: {} } as unknown as HelperOptions)).toBe('2');
  });

  it('a dataset view carries its dataset; a copy of the view is not a dataset', async () => {
    const { inputs } = await load((t) => t);
    const ctx = templateContext({}, inputs.data) as Record<string, Record<string, unknown>>;
    expect(datasetOf(ctx.a16z!.web, 'rank')).toBe(inputs.data.get('a16z.web'));
    expect(() => datasetOf({ ...(ctx.a16z!.web as object) }, 'rank')).toThrow(/needs a dataset/);
  });
});
