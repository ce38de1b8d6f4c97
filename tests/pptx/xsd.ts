/**
 * Schema validation of package parts with xmllint, picking the schema per part the way
 * `../shared/tools/validate-ooxml` does: packaging schemas for `[Content_Types].xml` and `.rels`,
 * `all.xsd` (every ISO/IEC 29500-4 transitional schema) for the other XML parts, and nothing for
 * `docProps/core.xml` (the Dublin Core schemas are not shipped).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const XSD_DIR = path.resolve(repoRoot, '../shared/ooxml-xsd');

/** Why schema validation cannot run here, or undefined when it can. */
export function schemaValidationUnavailable(): string | undefined {
  if (spawnSync('xmllint', ['--version']).error) return 'xmllint is not installed (Debian: libxml2-utils)';
  if (!existsSync(path.join(XSD_DIR, 'all.xsd'))) return `the OOXML schemas are not at ${XSD_DIR}`;
  return undefined;
}

export interface InvalidPart {
  part: string;
  errors: string[];
}

export function validateParts(parts: ReadonlyMap<string, Uint8Array>): { checked: number; invalid: InvalidPart[] } {
  const work = mkdtempSync(path.join(tmpdir(), 'briefdeck-xsd-'));
  try {
    const groups = new Map<string, string[]>();
    for (const [name, bytes] of parts) {
      const schema = schemaFor(name);
      if (!schema) continue;
      const file = path.join(work, name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, bytes);
      groups.set(schema, [...(groups.get(schema) ?? []), name]);
    }
    const invalid: InvalidPart[] = [];
    let checked = 0;
    for (const [schema, names] of groups) {
      checked += names.length;
      const run = spawnSync('xmllint', ['--noout', '--schema', schema, ...names.map((n) => path.join(work, n))], {
        cwd: XSD_DIR,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      if (/failed to compile/.test(run.stderr)) throw new Error(`the schemas did not compile:\n${run.stderr.slice(0, 2000)}`);
      for (const name of names) {
        const file = path.join(work, name);
        const lines = run.stderr.split('\n').filter((l) => l.startsWith(`${file}:`) || l === `${file} fails to validate`);
        if (lines.length > 0) invalid.push({ part: name, errors: lines.slice(0, 3).map((l) => l.replace(`${work}/`, '')) });
      }
    }
    return { checked, invalid };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function schemaFor(part: string): string | undefined {
  if (part === '[Content_Types].xml') return 'opc/opc-contentTypes.xsd';
  if (part.endsWith('.rels')) return 'opc/opc-relationships.xsd';
  if (part === 'docProps/core.xml') return undefined;
  if (part.endsWith('.xml')) return 'all.xsd';
  return undefined;
}
