/**
 * Schema validation of package parts, in-process with libxml2-wasm, against the schemas vendored
 * in tests/ooxml-xsd: packaging schemas for `[Content_Types].xml` and `.rels`, `all.xsd` (every
 * ISO/IEC 29500-4 transitional schema) for the other XML parts, and nothing for
 * `docProps/core.xml` (the Dublin Core schemas are not vendored).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XmlBufferInputProvider, XmlDocument, XmlLibError, xmlRegisterInputProvider, XmlValidateError, XsdValidator, type ErrorDetail } from 'libxml2-wasm';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const XSD_DIR = path.join(repoRoot, 'tests/ooxml-xsd');

/**
 * The schemas are served under this made-up scheme, from memory: an import or include resolves
 * only to a file in tests/ooxml-xsd, never to the file system or the network.
 */
const BASE = 'ooxml-xsd:/';

export interface InvalidPart {
  part: string;
  errors: string[];
}

let validators: Map<string, XsdValidator> | undefined;

function validatorFor(schema: string): XsdValidator {
  validators ??= new Map();
  const known = validators.get(schema);
  if (known) return known;
  if (validators.size === 0) registerSchemas();
  const xsd = XmlDocument.fromBuffer(readFileSync(path.join(XSD_DIR, schema)), { url: BASE + schema });
  try {
    const validator = XsdValidator.fromDoc(xsd);
    validators.set(schema, validator);
    return validator;
  } catch (e) {
    throw new Error(`the schema ${schema} did not compile: ${e instanceof XmlLibError ? detailText(e.details) : String(e)}`);
  } finally {
    xsd.dispose();
  }
}

function registerSchemas(): void {
  const files: Record<string, Uint8Array> = {};
  for (const rel of readdirSync(XSD_DIR, { recursive: true, encoding: 'utf8' })) {
    if (rel.endsWith('.xsd')) files[BASE + rel.split(path.sep).join('/')] = readFileSync(path.join(XSD_DIR, rel));
  }
  xmlRegisterInputProvider(new XmlBufferInputProvider(files));
}

const detailText = (details: readonly ErrorDetail[]): string => details.map((d) => `${d.line}: ${d.message.trim()}`).join('; ');

export function validateParts(parts: ReadonlyMap<string, Uint8Array>): { checked: number; invalid: InvalidPart[] } {
  const invalid: InvalidPart[] = [];
  let checked = 0;
  for (const [name, bytes] of parts) {
    const schema = schemaFor(name);
    if (!schema) continue;
    checked += 1;
    const errors = problems(validatorFor(schema), bytes);
    if (errors.length > 0) invalid.push({ part: name, errors: errors.slice(0, 3).map((d) => `${name}:${d.line}: ${d.message.trim()}`) });
  }
  return { checked, invalid };
}

/** What libxml2 finds wrong with a part: not well-formed, or not valid against the schema. */
function problems(validator: XsdValidator, bytes: Uint8Array): readonly ErrorDetail[] {
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromBuffer(bytes);
  } catch (e) {
    if (e instanceof XmlLibError) return e.details;
    throw e;
  }
  try {
    validator.validate(doc);
    return [];
  } catch (e) {
    if (e instanceof XmlValidateError) return e.details;
    throw e;
  } finally {
    doc.dispose();
  }
}

function schemaFor(part: string): string | undefined {
  if (part === '[Content_Types].xml') return 'opc/opc-contentTypes.xsd';
  if (part.endsWith('.rels')) return 'opc/opc-relationships.xsd';
  if (part === 'docProps/core.xml') return undefined;
  if (part.endsWith('.xml')) return 'all.xsd';
  return undefined;
}
