import type { DiagnosticCode } from '../../diagnostics/codes.js';
import { error, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { extensionOf } from '../finish/content-types.js';
import { decodePart, isXmlPart, naturalCompare } from './parts.js';
import { CONTENT_TYPES_PART, ROOT_RELS_PART, SHAPE_TREE_PART, SLIDE_FOLDER_PART } from './part-names.js';
import { RELATIONSHIP_TYPE, isRelsPart, relationshipElements, relsPartOf, resolveTarget, sourceOfRels, toRelationship, type Relationship } from './relationships.js';
import { childElements, descendants, FORBIDDEN_XML_CHARACTERS, getAttribute, parseXml, prefixOf, type XmlDocument } from '../xml/xml.js';
import { readZip, ZipReadError } from '../zip/zip-read.js';

const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * Opens a .pptx and reports what would make PowerPoint offer a repair or a viewer drop content:
 * parts that are not well-formed XML, characters XML 1.0 forbids, content types that do not
 * match the parts, relationships to missing parts or unknown relationship ids, shape ids used
 * twice on a slide, and a slide list that does not match the slide parts. Every diagnostic
 * points at `file` and names the part in its message.
 */
export function checkPackage(bytes: Uint8Array, file: string): Diagnostic[] {
  const source = { file };
  let parts: Map<string, Uint8Array>;
  try {
    parts = readZip(bytes);
  } catch (e) {
    if (!(e instanceof ZipReadError)) throw e;
    return [error('PPTX_NOT_ZIP', `${file} is not a zip package (${e.message})`, source, 'rebuild the deck')];
  }
  const diagnostics: Diagnostic[] = [];
  const report = (code: DiagnosticCode, message: string, hint?: string): void => {
    diagnostics.push(error(code, message, source, hint));
  };
  const docs = parseParts(parts, report);
  checkContentTypes(parts, docs, report);
  const relationships = checkRelationships(parts, docs, report);
  checkRelationshipIds(docs, relationships, report);
  checkShapeIds(docs, report);
  checkSlideList(parts, docs, relationships, report);
  return diagnostics;
}

type Report = (code: DiagnosticCode, message: string, hint?: string) => void;

/** Parses every XML part; reports forbidden characters and well-formedness errors. */
function parseParts(parts: ReadonlyMap<string, Uint8Array>, report: Report): Map<string, XmlDocument> {
  const docs = new Map<string, XmlDocument>();
  for (const name of [...parts.keys()].sort(naturalCompare)) {
    if (!isXmlPart(name)) continue;
    const text = decodePart(parts.get(name) ?? new Uint8Array());
    if (text === undefined) {
      report('PPTX_MALFORMED_XML', `${name} is not valid UTF-8`);
      continue;
    }
    const forbidden = forbiddenCharacters(text);
    if (forbidden.count > 0) {
      const first = parseXml(text); // locates the first one
      const at = first.ok ? '' : ` at ${first.error.line}:${first.error.column}`;
      report(
        'PPTX_FORBIDDEN_CHARACTER',
        `${name} contains ${forbidden.count} character${forbidden.count === 1 ? '' : 's'} XML 1.0 forbids (first U+${forbidden.first}${at})`,
        'strip control characters from text before it reaches pptxgenjs',
      );
    }
    // Blank out forbidden characters (same length, so positions hold) to find any other error.
    const parsed = parseXml(forbidden.count > 0 ? text.replace(FORBIDDEN_XML_CHARACTERS, ' ') : text);
    if (parsed.ok) {
      docs.set(name, parsed.document);
      continue;
    }
    const { line, column, message, forbiddenCharacter } = parsed.error;
    report(forbiddenCharacter ? 'PPTX_FORBIDDEN_CHARACTER' : 'PPTX_MALFORMED_XML', `${name}:${line}:${column}: ${message}`);
  }
  return docs;
}

function forbiddenCharacters(text: string): { count: number; first: string } {
  const all = text.match(FORBIDDEN_XML_CHARACTERS) ?? [];
  const code = all[0]?.codePointAt(0) ?? 0;
  return { count: all.length, first: code.toString(16).toUpperCase().padStart(4, '0') };
}

function checkContentTypes(parts: ReadonlyMap<string, Uint8Array>, docs: ReadonlyMap<string, XmlDocument>, report: Report): void {
  if (!parts.has(CONTENT_TYPES_PART)) {
    report('PPTX_MISSING_PART', `${CONTENT_TYPES_PART} is missing`);
    return;
  }
  const doc = docs.get(CONTENT_TYPES_PART);
  if (!doc) return; // already reported as malformed
  const existing = new Set([...parts.keys()].map((p) => p.toLowerCase()));
  const defaults = new Set<string>();
  const overrides = new Set<string>();
  for (const el of childElements(doc.root)) {
    if (el.name === 'Default') defaults.add((getAttribute(el, 'Extension') ?? '').toLowerCase());
    if (el.name !== 'Override') continue;
    const partName = getAttribute(el, 'PartName') ?? '';
    const part = partName.replace(/^\//, '').toLowerCase();
    overrides.add(part);
    if (!existing.has(part)) {
      report('PPTX_CONTENT_TYPE_WITHOUT_PART', `${CONTENT_TYPES_PART} declares ${partName}, which is not in the package`);
    }
  }
  for (const part of [...parts.keys()].sort(naturalCompare)) {
    if (part === CONTENT_TYPES_PART || overrides.has(part.toLowerCase()) || defaults.has(extensionOf(part))) continue;
    report('PPTX_MISSING_CONTENT_TYPE', `${part} has no content type (no Override, no Default for .${extensionOf(part)})`);
  }
}

/** Reports dangling and duplicate relationships; returns each source part's relationships by id. */
function checkRelationships(parts: ReadonlyMap<string, Uint8Array>, docs: ReadonlyMap<string, XmlDocument>, report: Report): Map<string, Map<string, Relationship>> {
  if (!parts.has(ROOT_RELS_PART)) report('PPTX_MISSING_PART', `${ROOT_RELS_PART} is missing`);
  const bySource = new Map<string, Map<string, Relationship>>();
  for (const [relsPart, doc] of docs) {
    if (!isRelsPart(relsPart)) continue;
    const source = sourceOfRels(relsPart) ?? '';
    const byId = new Map<string, Relationship>();
    for (const r of relationshipElements(doc).map(toRelationship)) {
      if (byId.has(r.id)) report('PPTX_DUPLICATE_RELATIONSHIP_ID', `${relsPart}: relationship id ${r.id} is used twice`);
      byId.set(r.id, r);
      if (r.external) continue;
      const target = resolveTarget(source, r.target);
      if (!parts.has(target)) {
        report('PPTX_DANGLING_RELATIONSHIP', `${relsPart}: ${r.id} points at ${target}, which is not in the package`);
      }
    }
    bySource.set(source, byId);
  }
  return bySource;
}

/** `r:id`, `r:embed`, `r:link`… in a part must name one of its relationships. */
function checkRelationshipIds(docs: ReadonlyMap<string, XmlDocument>, relationships: ReadonlyMap<string, ReadonlyMap<string, Relationship>>, report: Report): void {
  for (const [part, doc] of docs) {
    if (isRelsPart(part) || part === CONTENT_TYPES_PART) continue;
    const elements = descendants(doc.root);
    const prefixes = new Set(elements.flatMap((el) => el.attributes.filter((a) => a.name.startsWith('xmlns:') && a.value === RELATIONSHIPS_NS).map((a) => a.name.slice(6))));
    if (prefixes.size === 0) continue;
    const known = relationships.get(part);
    for (const el of elements) {
      for (const a of el.attributes) {
        if (!prefixes.has(prefixOf(a.name)) || a.value === '' || known?.has(a.value)) continue;
        report('PPTX_UNKNOWN_RELATIONSHIP_ID', `${part}: <${el.name} ${a.name}="${a.value}"> names no relationship of ${relsPartOf(part)}`);
      }
    }
  }
}

function checkShapeIds(docs: ReadonlyMap<string, XmlDocument>, report: Report): void {
  for (const [part, doc] of docs) {
    if (!SHAPE_TREE_PART.test(part)) continue;
    const names = new Map<string, string>();
    for (const el of descendants(doc.root, 'p:cNvPr')) {
      const id = getAttribute(el, 'id') ?? '';
      const name = getAttribute(el, 'name') ?? '';
      const first = names.get(id);
      if (first === undefined) {
        names.set(id, name);
        continue;
      }
      report('PPTX_DUPLICATE_SHAPE_ID', `${part}: shape id ${id} is used by '${first}' and '${name}'`, 'finishPackage renumbers duplicates');
    }
  }
}

/** presentation.xml's `p:sldIdLst` and its relationships against the slide parts. */
function checkSlideList(parts: ReadonlyMap<string, Uint8Array>, docs: ReadonlyMap<string, XmlDocument>, relationships: ReadonlyMap<string, ReadonlyMap<string, Relationship>>, report: Report): void {
  const main = [...(relationships.get('')?.values() ?? [])].find((r) => r.type === RELATIONSHIP_TYPE.officeDocument);
  if (!main) {
    report('PPTX_MISSING_PART', `${ROOT_RELS_PART} has no officeDocument relationship to presentation.xml`);
    return;
  }
  const presentation = resolveTarget('', main.target);
  const doc = docs.get(presentation);
  if (!doc) {
    if (!parts.has(presentation)) report('PPTX_MISSING_PART', `${presentation} is missing`);
    return;
  }
  const rels = relationships.get(presentation) ?? new Map<string, Relationship>();
  const listed = new Set<string>();
  const ids = new Set<string>();
  for (const sldId of descendants(doc.root, 'p:sldId')) {
    const id = getAttribute(sldId, 'id') ?? '';
    const rId = getAttribute(sldId, 'r:id') ?? '';
    if (ids.has(id)) report('PPTX_SLIDE_LIST_MISMATCH', `${presentation}: slide id ${id} is listed twice`);
    ids.add(id);
    if (!/^\d+$/.test(id) || Number(id) < 256 || Number(id) > 2147483647) {
      report('PPTX_SLIDE_LIST_MISMATCH', `${presentation}: slide id ${id} is outside 256–2147483647`);
    }
    const r = rels.get(rId);
    if (!r || r.type !== RELATIONSHIP_TYPE.slide) {
      report('PPTX_SLIDE_LIST_MISMATCH', `${presentation}: slide ${id} refers to ${rId}, which is not a slide relationship`);
      continue;
    }
    listed.add(resolveTarget(presentation, r.target));
  }
  const unlisted = new Set<string>();
  for (const r of rels.values()) {
    const target = resolveTarget(presentation, r.target);
    if (r.type === RELATIONSHIP_TYPE.slide && !listed.has(target)) {
      unlisted.add(target);
      report('PPTX_SLIDE_LIST_MISMATCH', `${presentation}: ${target} is related (${r.id}) but not in the slide list`);
    }
  }
  for (const part of [...parts.keys()].sort(naturalCompare)) {
    if (SLIDE_FOLDER_PART.test(part) && !listed.has(part) && !unlisted.has(part)) {
      report('PPTX_SLIDE_LIST_MISMATCH', `${part} is not in the slide list of ${presentation}`);
    }
  }
}
