import { unzipSync } from 'fflate';
import { error, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Box } from '../../layout/types.js';
import { PRESENTATION_PART } from '../../pptx/opc/part-names.js';
import { decodePart, type Parts } from '../../pptx/opc/parts.js';
import { readRelationships, resolveTarget, type Relationship } from '../../pptx/opc/relationships.js';
import { childElements, getAttribute, parseXml, prefixOf, type XmlElement } from '../../pptx/xml/xml.js';
import { readZip, ZipReadError } from '../../pptx/zip/zip-read.js';
import type { Template, TemplateLayout, TemplateMaster, TemplatePlaceholder, TemplateTheme } from './template.js';

const EMU_PER_INCH = 914400;
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const OFFICE_DOCUMENT = `${REL}officeDocument`;
/** Strict Open XML (ISO 29500 Strict) names its relationships in another namespace. */
const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';
/** The first bytes of an OLE compound file: a password-protected Office file, or a 97–2003 one. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/**
 * What a template may unpack to. Its file is at most 100 MB, but deflate packs a run of zeros a
 * thousand to one: a zip bomb would take the memory before any part is looked at.
 */
export const MAX_TEMPLATE_UNPACKED_BYTES = 1024 * 1024 * 1024;

/** ECMA-376's default when `p:sldSz` is absent: 10 × 7.5 inches. */
const DEFAULT_SLIDE = { w: 10, h: 7.5 };

/** The Office theme's scheme, for a slot a template's theme leaves out. */
const DEFAULT_COLORS: TemplateTheme['colors'] = {
  dk1: '000000',
  lt1: 'FFFFFF',
  dk2: '44546A',
  lt2: 'E7E6E6',
  accent1: '4472C4',
  accent2: 'ED7D31',
  accent3: 'A5A5A5',
  accent4: 'FFC000',
  accent5: '5B9BD5',
  accent6: '70AD47',
  hlink: '0563C1',
  folHlink: '954F72',
};
const COLOR_SLOTS = Object.keys(DEFAULT_COLORS) as (keyof TemplateTheme['colors'])[];
const SYSTEM_COLORS: Readonly<Record<string, string>> = { windowText: '000000', window: 'FFFFFF' };

/**
 * A layout placeholder without a box of its own takes the box of the master's placeholder of
 * the same kind: a centred title the master's title, a subtitle or any content placeholder the
 * master's body (ECMA-376 Part 1, §19.3.1.36; python-pptx resolves it the same way).
 */
const MASTER_TYPE_OF: Readonly<Record<string, string>> = {
  ctrTitle: 'title',
  subTitle: 'body',
  obj: 'body',
  chart: 'body',
  tbl: 'body',
  clipArt: 'body',
  dgm: 'body',
  media: 'body',
  pic: 'body',
  sldImg: 'body',
};

export interface ReadTemplate {
  value?: Template;
  diagnostics: Diagnostic[];
}

class TemplateProblem extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

/**
 * Reads a PowerPoint template or presentation (.potx, .pptx) into a `Template`: its slide size,
 * its masters in `p:sldMasterIdLst` order with their layouts in `p:sldLayoutIdLst` order (each
 * placeholder's box resolved, inherited from the master where the layout gives none) and the
 * first master's theme. Relationships are followed as the package states them, not guessed from
 * part names. Bad bytes give located diagnostics (the file; the part in the message), never a throw.
 */
export function readTemplate(bytes: Uint8Array, file: string): ReadTemplate {
  try {
    return { value: read(bytes, file), diagnostics: [] };
  } catch (e) {
    if (e instanceof TemplateProblem) return { diagnostics: [e.diagnostic] };
    throw e;
  }
}

function read(bytes: Uint8Array, file: string): Template {
  const fail = (code: Parameters<typeof error>[0], message: string, hint?: string): never => {
    throw new TemplateProblem(error(code, message, { file }, hint));
  };
  const name = file.split(/[\\/]/).pop() ?? file;
  if (OLE_SIGNATURE.every((b, k) => bytes[k] === b)) {
    if (holdsUtf16(bytes, 'EncryptedPackage')) {
      fail(
        'TEMPLATE_ENCRYPTED',
        `${name} is protected with a password (an encrypted Office file)`,
        'save a copy without the password (PowerPoint: File → Info → Protect Presentation → Encrypt with Password, clear it) and use that',
      );
    }
    fail('TEMPLATE_NOT_PRESENTATION', `${name} is a PowerPoint 97–2003 file (.pot/.ppt), not a .potx or .pptx`, 'open it in PowerPoint or LibreOffice and save it as a PowerPoint template (.potx)');
  }
  let parts: Parts;
  try {
    const unpacked = unpackedSize(bytes);
    if (unpacked > MAX_TEMPLATE_UNPACKED_BYTES) {
      fail(
        'TEMPLATE_TOO_LARGE',
        `${name} unpacks to ${(unpacked / 2 ** 20).toFixed(0)} MB; briefdeck reads templates of up to ${MAX_TEMPLATE_UNPACKED_BYTES / 2 ** 20} MB unpacked`,
        'is this the right file? a template is its masters, layouts and their pictures',
      );
    }
    parts = readZip(bytes);
  } catch (e) {
    if (!(e instanceof ZipReadError)) throw e;
    return fail(
      'TEMPLATE_NOT_ZIP',
      `${name} is not a .potx or .pptx: it is not a zip package (${e.message})`,
      'a PowerPoint template is a .potx (or .pptx) file saved by PowerPoint or LibreOffice; is this the right file, and is it complete?',
    );
  }
  const main = officeDocument(parts);
  if (main !== PRESENTATION_PART && !(main && /^[^/]+\/presentation\.xml$/.test(main))) {
    const what = main ? `its main part is ${main}` : 'it has no main part';
    return fail(
      'TEMPLATE_NOT_PRESENTATION',
      `${name} is a zip package, but not a PowerPoint presentation or template (${what})`,
      /^word\//.test(main ?? '') ? 'it is a Word document; name a .potx or .pptx' : 'name a .potx or .pptx file',
    );
  }
  const ctx: Context = { name, parts, fail };
  const presentation = element(ctx, main, 'presentation');
  const slide = slideSize(presentation);
  const rels = readRelationships(parts, main);
  const masterList = childByLocal(presentation, 'sldMasterIdLst');
  const masters: TemplateMaster[] = [];
  for (const id of masterList ? childElements(masterList).filter((e) => local(e) === 'sldMasterId') : []) {
    masters.push(readMaster(ctx, target(ctx, main, rels, relId(id), 'slide master')));
  }
  if (!masters.some((m) => m.layouts.length > 0)) {
    const why = masters.length === 0 ? 'it has no slide master' : `its slide master${masters.length > 1 ? 's list' : ' lists'} no layouts`;
    fail('TEMPLATE_NO_LAYOUTS', `${name} has no slide layouts: ${why}`, 'save the template from PowerPoint (View → Slide Master) or LibreOffice with its master slides and layouts');
  }
  const first = masters[0] as TemplateMaster;
  return { file, parts, slide, masters, theme: readTheme(ctx, first.themePart), examples: exampleLayouts(ctx, main, presentation, rels) };
}

/**
 * The layout each of the template's own example slides is on, in order: how its designer uses
 * its masters (LibreOffice's templates put the title slide on a busy master and content on a
 * calm one). A slide that cannot be followed to its layout is left out: examples are not kept.
 */
function exampleLayouts(ctx: Context, main: string, presentation: XmlElement, rels: readonly Relationship[]): string[] {
  const list = childByLocal(presentation, 'sldIdLst');
  const out: string[] = [];
  for (const id of list ? childElements(list).filter((e) => local(e) === 'sldId') : []) {
    const rel = rels.find((r) => r.id === relId(id) && !r.external);
    if (!rel) continue;
    const slide = resolveTarget(main, rel.target);
    const layout = readRelationships(ctx.parts, slide).find((r) => isType(r, 'slideLayout') && !r.external);
    if (layout) out.push(resolveTarget(slide, layout.target));
  }
  return out;
}

interface Context {
  /** The file's name, for messages. */
  name: string;
  parts: Parts;
  fail: (code: Parameters<typeof error>[0], message: string, hint?: string) => never;
}

function readMaster(ctx: Context, part: string): TemplateMaster {
  const root = element(ctx, part, 'sldMaster');
  const rels = readRelationships(ctx.parts, part);
  const theme = rels.find((r) => isType(r, 'theme') && !r.external);
  if (!theme) return ctx.fail('TEMPLATE_BAD_PART', `${ctx.name}: ${part} names no theme`, 'every slide master has a theme; save the template again from PowerPoint or LibreOffice');
  const themePart = resolveTarget(part, theme.target);
  const placeholders = placeholdersOf(root);
  const list = childByLocal(root, 'sldLayoutIdLst');
  const layouts = (list ? childElements(list).filter((e) => local(e) === 'sldLayoutId') : []).map((id) => readLayout(ctx, target(ctx, part, rels, relId(id), 'slide layout'), placeholders));
  return { part, themePart, placeholders, layouts };
}

function readLayout(ctx: Context, part: string, master: readonly TemplatePlaceholder[]): TemplateLayout {
  const root = element(ctx, part, 'sldLayout');
  const name = attr(childByLocal(root, 'cSld'), 'name') ?? '';
  const type = getAttribute(root, 'type');
  const placeholders = placeholdersOf(root).map((ph) => (ph.box ? ph : withBox(ph, inherited(ph, master))));
  return { part, name, ...(type ? { type } : {}), placeholders };
}

function withBox(ph: TemplatePlaceholder, box: Box | undefined): TemplatePlaceholder {
  return box ? { ...ph, box } : ph;
}

/** The master placeholder's box a layout placeholder inherits: the same type, else the same idx. */
function inherited(ph: TemplatePlaceholder, master: readonly TemplatePlaceholder[]): Box | undefined {
  const type = MASTER_TYPE_OF[ph.type] ?? ph.type;
  const byType = master.find((m) => m.type === type && m.box);
  if (byType) return byType.box;
  return ph.idx > 0 ? master.find((m) => m.idx === ph.idx && m.box)?.box : undefined;
}

/** The placeholders of a master's or layout's shape tree, in document order (shapes inside groups too). */
function placeholdersOf(root: XmlElement): TemplatePlaceholder[] {
  const tree = childByLocal(childByLocal(root, 'cSld'), 'spTree');
  if (!tree) return [];
  const out: TemplatePlaceholder[] = [];
  const walk = (group: XmlElement) => {
    for (const shape of childElements(group)) {
      const kind = local(shape);
      if (kind === 'grpSp') walk(shape);
      else if (kind === 'sp' || kind === 'pic' || kind === 'graphicFrame' || kind === 'cxnSp') {
        const ph = placeholder(shape);
        if (ph) out.push(ph);
      }
    }
  };
  walk(tree);
  return out;
}

function placeholder(shape: XmlElement): TemplatePlaceholder | undefined {
  const nv = childElements(shape).find((e) => local(e).startsWith('nv') && local(e).endsWith('Pr'));
  const ph = childByLocal(childByLocal(nv, 'nvPr'), 'ph');
  if (!ph) return undefined;
  const idx = Number(getAttribute(ph, 'idx') ?? '0');
  const box = boxOf(shape);
  return {
    type: getAttribute(ph, 'type') ?? 'obj',
    idx: Number.isSafeInteger(idx) && idx >= 0 ? idx : 0,
    name: attr(childByLocal(nv, 'cNvPr'), 'name') ?? '',
    ...(box ? { box } : {}),
  };
}

/** A shape's own box: `p:spPr/a:xfrm`, or a graphic frame's `p:xfrm`; undefined when it has none. */
function boxOf(shape: XmlElement): Box | undefined {
  const xfrm = childByLocal(childByLocal(shape, 'spPr'), 'xfrm') ?? childByLocal(shape, 'xfrm');
  const off = childByLocal(xfrm, 'off');
  const ext = childByLocal(xfrm, 'ext');
  if (!off || !ext) return undefined;
  const [x, y, w, h] = [attr(off, 'x'), attr(off, 'y'), attr(ext, 'cx'), attr(ext, 'cy')].map((v) => Number(v ?? 'NaN') / EMU_PER_INCH);
  if (![x, y, w, h].every((v) => Number.isFinite(v))) return undefined;
  return { x: x as number, y: y as number, w: w as number, h: h as number };
}

function slideSize(presentation: XmlElement): { w: number; h: number } {
  const size = childByLocal(presentation, 'sldSz');
  const w = Number(attr(size, 'cx') ?? 'NaN') / EMU_PER_INCH;
  const h = Number(attr(size, 'cy') ?? 'NaN') / EMU_PER_INCH;
  return w > 0 && h > 0 && Number.isFinite(w) && Number.isFinite(h) ? { w, h } : DEFAULT_SLIDE;
}

function readTheme(ctx: Context, part: string): TemplateTheme {
  const root = element(ctx, part, 'theme');
  const elements = childByLocal(root, 'themeElements');
  const scheme = childByLocal(elements, 'clrScheme');
  const colors = { ...DEFAULT_COLORS };
  for (const slot of COLOR_SLOTS) {
    const value = schemeColor(childByLocal(scheme, slot));
    if (value) colors[slot] = value;
  }
  const fontScheme = childByLocal(elements, 'fontScheme');
  const fonts = (tag: string) => {
    const f = childByLocal(fontScheme, tag);
    return { latin: attr(childByLocal(f, 'latin'), 'typeface') ?? '', eastAsian: attr(childByLocal(f, 'ea'), 'typeface') ?? '' };
  };
  return { colors, fonts: { major: fonts('majorFont'), minor: fonts('minorFont') } };
}

/** A scheme slot's colour: `a:srgbClr/@val`, or a system colour's last computed value. */
function schemeColor(slot: XmlElement | undefined): string | undefined {
  const color = slot && childElements(slot)[0];
  if (!color) return undefined;
  const value = local(color) === 'srgbClr' ? getAttribute(color, 'val') : local(color) === 'sysClr' ? (getAttribute(color, 'lastClr') ?? SYSTEM_COLORS[getAttribute(color, 'val') ?? '']) : undefined;
  return value && /^[0-9A-Fa-f]{6}$/.test(value) ? value.toUpperCase() : undefined;
}

/** The package's main part, from `_rels/.rels`. */
function officeDocument(parts: Parts): string | undefined {
  const rel = readRelationships(parts, '').find((r) => (r.type === OFFICE_DOCUMENT || r.type === `${STRICT_REL}officeDocument`) && !r.external);
  return rel ? resolveTarget('', rel.target) : undefined;
}

/** The part an `r:id` of `source` names; a located error when it names nothing the package has. */
function target(ctx: Context, source: string, rels: readonly Relationship[], id: string | undefined, what: string): string {
  const rel = rels.find((r) => r.id === id && !r.external);
  if (!rel)
    return ctx.fail(
      'TEMPLATE_BAD_PART',
      `${ctx.name}: ${source} lists a ${what} by relationship '${id ?? ''}', which its relationships do not have`,
      'the file is damaged; save it again from PowerPoint or LibreOffice',
    );
  const part = resolveTarget(source, rel.target);
  if (!ctx.parts.has(part))
    return ctx.fail(
      'TEMPLATE_BAD_PART',
      `${ctx.name}: ${source} lists the ${what} ${part}, which is not in the file`,
      'the file is damaged or incomplete; save it again from PowerPoint or LibreOffice',
    );
  return part;
}

/** A part's root element, which must be `expected`; a located error when the part does not parse. */
function element(ctx: Context, part: string, expected: string): XmlElement {
  const bytes = ctx.parts.get(part);
  if (!bytes) return ctx.fail('TEMPLATE_BAD_PART', `${ctx.name} has no ${part}`, 'the file is damaged or incomplete; save it again from PowerPoint or LibreOffice');
  const text = decodePart(bytes);
  if (text === undefined) return ctx.fail('TEMPLATE_BAD_PART', `${ctx.name}: ${part} is not UTF-8 text`, 'the file is damaged; save it again from PowerPoint or LibreOffice');
  const parsed = parseXml(text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    return ctx.fail(
      'TEMPLATE_BAD_PART',
      `${ctx.name}: ${part} does not parse: ${message} (line ${line}, column ${column} of the part)`,
      'the file is damaged; open it in PowerPoint or LibreOffice and save it again',
    );
  }
  const root = parsed.document.root;
  if (local(root) !== expected)
    return ctx.fail('TEMPLATE_BAD_PART', `${ctx.name}: ${part} is not a ${expected} part: its root element is <${root.name}>`, 'the file is damaged; save it again from PowerPoint or LibreOffice');
  return root;
}

function isType(r: Relationship, type: string): boolean {
  return r.type === `${REL}${type}` || r.type === `${STRICT_REL}${type}`;
}

/** `r:id`, whatever the relationships namespace's prefix. */
function relId(el: XmlElement): string | undefined {
  return el.attributes.find((a) => a.name.endsWith(':id') && a.name !== 'xml:id')?.value;
}

function attr(el: XmlElement | undefined, name: string): string | undefined {
  return el ? getAttribute(el, name) : undefined;
}

function local(el: XmlElement): string {
  const prefix = prefixOf(el.name);
  return prefix ? el.name.slice(prefix.length + 1) : el.name;
}

function childByLocal(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el ? childElements(el).find((c) => local(c) === name) : undefined;
}

/** The sizes the zip's entries declare unpacked, read from its directory without unpacking any (fflate unpacks no more than that). */
function unpackedSize(bytes: Uint8Array): number {
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        total += entry.originalSize;
        return false;
      },
    });
  } catch {
    // Not a zip: readZip says so.
  }
  return total;
}

function holdsUtf16(bytes: Uint8Array, word: string): boolean {
  const needle = Buffer.from(word, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}
