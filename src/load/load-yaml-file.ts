import type { FilePrefix } from '../diagnostics/codes.js';
import type { Document } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic, SourceRef } from '../diagnostics/diagnostic.js';
import { parseYaml } from './parse-yaml.js';
import { readSource } from './read-source.js';
import { schemaDiagnostics } from './schema-issues.js';

/** A YAML input file read, parsed with positions and validated: outlines, data files, themes. */
export interface YamlFile<T> {
  /** The validated value; absent when the file could not be read, parsed or validated. */
  value?: T;
  doc?: Document.Parsed;
  text?: string;
  diagnostics: Diagnostic[];
  texts: Map<string, string>;
}

/** Reads `file`, parses it keeping positions and validates it against `schema`; `prefix` names the stage in codes. */
export async function loadYamlFile<S extends z.ZodType>(
  file: string,
  prefix: FilePrefix,
  schema: S,
  read: { from?: SourceRef; options?: Parameters<typeof readSource>[3] } = {},
): Promise<YamlFile<z.output<S>>> {
  const texts = new Map<string, string>();
  const source = await readSource(file, prefix, read.from, read.options);
  if (!source.ok) return { diagnostics: [source.diagnostic], texts };
  texts.set(file, source.text);

  const parsed = parseYaml(source.text, file, prefix);
  if (parsed.value === undefined) return { diagnostics: parsed.diagnostics, texts };
  const result = schema.safeParse(parsed.value);
  if (!result.success) {
    const ctx = { doc: parsed.doc, file, prefix, schema, value: parsed.value };
    return { diagnostics: [...parsed.diagnostics, ...schemaDiagnostics(result.error.issues, ctx)], texts };
  }
  return { value: result.data, doc: parsed.doc, text: source.text, diagnostics: parsed.diagnostics, texts };
}
