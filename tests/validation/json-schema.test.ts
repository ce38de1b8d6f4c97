/** The JSON Schemas shipped for editors are the zod schemas that validate, and the outline names its schema. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SLIDES } from '../../src/load/outline/schema.js';
import { jsonSchemas } from '../../src/schema/json-schema.js';

const ROOT = path.resolve(__dirname, '../..');
const read = (rel: string) => readFileSync(path.join(ROOT, rel), 'utf8');

describe('JSON Schemas', () => {
  const generated = jsonSchemas();

  it.each(['outline', 'data'] as const)('schema/%s.schema.json is what `npm run schema` generates now', (which) => {
    // On a difference: run `npm run schema` and commit the result.
    expect(read(`schema/${which}.schema.json`)).toBe(generated[which]);
  });

  it('describes the fields an editor user reads on hover', () => {
    const outline = JSON.parse(generated.outline);
    expect(outline.properties.deck.properties.maxDataAge.description).toMatch(/months/i);
    expect(outline.properties.slides.maxItems).toBe(MAX_SLIDES);
    const data = JSON.parse(generated.data);
    const ranking = data.additionalProperties.oneOf?.[0] ?? data.additionalProperties.anyOf?.[0];
    const entries = ranking.properties.editions.items.properties.entries;
    expect(entries.description).toMatch(/CSV/);
    expect(JSON.stringify(entries)).toContain('\\\\.csv$');
  });

  it('is named on the first line of the default outline, for the YAML language server', () => {
    expect(read('outline/briefing.yaml').split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/outline.schema.json');
  });
});
