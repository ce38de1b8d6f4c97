import path from 'node:path';
import type { Document } from 'yaml';
import type { Diagnostic, SourceRef } from '../diagnostics/diagnostic.js';
import { nodeAt, parseYaml, rangeOf } from './parse-yaml.js';
import { readSource } from './read-source.js';
import { outlineSchema, type OutlineDoc } from './schema.js';
import { schemaDiagnostics } from './schema-issues.js';

/**
 * An outline is written by hand: a few KB per slide. Larger files are refused before they are
 * parsed, so a generated or wrong file gets a message at once instead of a long wait.
 */
export const MAX_OUTLINE_BYTES = 2 * 1024 * 1024;

/** A validated outline that remembers where each of its parts came from. */
export interface Outline {
  file: string;
  dir: string;
  /** The outline's text, to locate positions inside its strings. */
  text: string;
  doc: OutlineDoc;
  yaml: Document.Parsed;
  /** Where each slide starts, by index. */
  slideOrigins: SourceRef[];
}

export interface Loaded<T> {
  value?: T;
  diagnostics: Diagnostic[];
  /** Every file read, with its text, so that a reporter can show line, column and a frame. */
  texts: Map<string, string>;
}

/** Reads, parses and validates the outline file. */
export async function loadOutline(file: string): Promise<Loaded<Outline>> {
  const texts = new Map<string, string>();
  const source = await readSource(file, 'OUTLINE', undefined, { maxBytes: MAX_OUTLINE_BYTES, relativeTo: 'the current folder' });
  if (!source.ok) return { diagnostics: [source.diagnostic], texts };
  texts.set(file, source.text);

  const parsed = parseYaml(source.text, file, 'OUTLINE');
  if (parsed.value === undefined) return { diagnostics: parsed.diagnostics, texts };

  const result = outlineSchema.safeParse(parsed.value);
  if (!result.success) {
    const ctx = { doc: parsed.doc, file, prefix: 'OUTLINE', schema: outlineSchema, value: parsed.value };
    return { diagnostics: [...parsed.diagnostics, ...schemaDiagnostics(result.error.issues, ctx)], texts };
  }
  const slideOrigins = result.data.slides.map((_, i) => ({ file, range: rangeOf(nodeAt(parsed.doc, ['slides', i]).node) }));
  return {
    value: { file, dir: path.dirname(file), text: source.text, doc: result.data, yaml: parsed.doc, slideOrigins },
    diagnostics: parsed.diagnostics,
    texts,
  };
}
