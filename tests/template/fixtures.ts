/**
 * Templates for the template tests, made by another application (LibreOffice's own
 * presentation templates converted to .potx) or by hand (a minimal .potx with just the layouts a
 * test asks for, and damaged variants of it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';

export const LIBREOFFICE_TEMPLATES = '/usr/lib/libreoffice/share/template/common/presnt';

const CACHE = path.join(os.tmpdir(), `briefdeck-template-fixtures-${process.getuid?.() ?? 'user'}`);
const reasons = new Map<string, string>();

/**
 * LibreOffice's presentation template `<name>.otp` converted to a PowerPoint template (.potx) by
 * LibreOffice itself, once (cached in a temporary folder), or undefined, after printing why, when
 * soffice or the template is missing (the caller then skips).
 */
export function libreOfficeTemplate(name: string): string | undefined {
  const cached = path.join(CACHE, `${name}.potx`);
  if (existsSync(cached)) return cached;
  const reason = reasons.get(name) ?? convert(name, cached);
  if (reason === undefined) return cached;
  if (!reasons.has(name)) console.warn(`skipping tests on LibreOffice's ${name} template: ${reason}`);
  reasons.set(name, reason);
  return undefined;
}

function convert(name: string, cached: string): string | undefined {
  const otp = path.join(LIBREOFFICE_TEMPLATES, `${name}.otp`);
  if (!existsSync(otp)) return `${otp} does not exist (Debian: libreoffice-impress)`;
  if (spawnSync('soffice', ['--version']).error) return 'soffice is not installed (Debian: libreoffice-impress; .ci/run installs it)';
  mkdirSync(CACHE, { recursive: true });
  // A private folder and profile: test files convert in parallel, and soffice instances that
  // share a profile wait for each other or fail.
  const dir = mkdtempSync(path.join(CACHE, 'convert-'));
  try {
    const run = spawnSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'potx', '--outdir', dir, otp], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    const out = path.join(dir, `${name}.potx`);
    if (!existsSync(out)) return `soffice did not convert ${otp}: ${run.error?.message ?? run.stderr}`;
    renameSync(out, cached);
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A placeholder of a hand-made layout; `box` in inches [x, y, w, h]; without one it inherits the master's. */
export interface PlaceholderSpec {
  /** `p:ph/@type`; absent means content (obj). */
  type?: string;
  idx?: number;
  name?: string;
  box?: readonly [number, number, number, number];
}

export interface LayoutSpec {
  name: string;
  /** `p:sldLayout/@type`. */
  type?: string;
  placeholders: readonly PlaceholderSpec[];
}

/** PowerPoint's own layouts (Office theme, 16:9), by the names PowerPoint gives them. */
export const POWERPOINT_LAYOUTS = {
  'Title Slide': {
    name: 'Title Slide',
    type: 'title',
    placeholders: [
      { type: 'ctrTitle', name: 'Title 1', box: [1.67, 1.23, 10, 2.61] },
      { type: 'subTitle', idx: 1, name: 'Subtitle 2', box: [1.67, 3.94, 10, 1.81] },
    ],
  },
  'Title and Content': {
    name: 'Title and Content',
    type: 'obj',
    placeholders: [
      { type: 'title', name: 'Title 1' },
      { idx: 1, name: 'Content Placeholder 2' },
    ],
  },
  'Section Header': {
    name: 'Section Header',
    type: 'secHead',
    placeholders: [
      { type: 'title', name: 'Title 1', box: [0.91, 1.71, 11.5, 2.85] },
      { type: 'body', idx: 1, name: 'Text Placeholder 2', box: [0.91, 4.59, 11.5, 1.5] },
    ],
  },
  'Two Content': {
    name: 'Two Content',
    type: 'twoObj',
    placeholders: [
      { type: 'title', name: 'Title 1' },
      { idx: 1, name: 'Content Placeholder 2', box: [0.92, 1.99, 5.67, 4.76] },
      { idx: 2, name: 'Content Placeholder 3', box: [6.75, 1.99, 5.67, 4.76] },
    ],
  },
  Comparison: {
    name: 'Comparison',
    type: 'twoTxTwoObj',
    placeholders: [
      { type: 'title', name: 'Title 1', box: [0.92, 0.4, 11.5, 1.45] },
      { type: 'body', idx: 1, name: 'Text Placeholder 2', box: [0.92, 1.84, 5.64, 0.9] },
      { idx: 2, name: 'Content Placeholder 3', box: [0.92, 2.74, 5.64, 4.02] },
      { type: 'body', idx: 3, name: 'Text Placeholder 4', box: [6.75, 1.84, 5.67, 0.9] },
      { idx: 4, name: 'Content Placeholder 5', box: [6.75, 2.74, 5.67, 4.02] },
    ],
  },
  'Title Only': { name: 'Title Only', type: 'titleOnly', placeholders: [{ type: 'title', name: 'Title 1' }] },
  Blank: { name: 'Blank', type: 'blank', placeholders: [] },
} as const satisfies Record<string, LayoutSpec>;

export type PowerPointLayoutName = keyof typeof POWERPOINT_LAYOUTS;

export interface MinimalTemplateOptions {
  /** The layouts, in order: PowerPoint's by name, or any. Default all of `POWERPOINT_LAYOUTS`. */
  layouts?: readonly (PowerPointLayoutName | LayoutSpec)[];
  /** Slide size in inches; default 13.333 × 7.5 (16:9). */
  slide?: { w: number; h: number };
  /** Theme fonts; an empty East Asian font by default, as PowerPoint's Office theme has. */
  fonts?: { majorLatin?: string; minorLatin?: string; majorEastAsian?: string; minorEastAsian?: string };
  /** Colour scheme slots (RRGGBB) over the Office theme's. */
  colors?: Partial<Record<(typeof COLOR_SLOTS)[number], string>>;
  /** A damaged file instead of a good one. */
  corrupt?: 'not-zip' | 'not-presentation' | 'encrypted' | 'no-layouts' | 'bad-layout' | 'truncated';
}

const COLOR_SLOTS = ['dk1', 'lt1', 'dk2', 'lt2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6', 'hlink', 'folHlink'] as const;
const OFFICE_COLORS: Record<(typeof COLOR_SLOTS)[number], string> = {
  dk1: '000000',
  lt1: 'FFFFFF',
  dk2: '0E2841',
  lt2: 'E8E8E8',
  accent1: '156082',
  accent2: 'E97132',
  accent3: '196B24',
  accent4: '0F9ED5',
  accent5: 'A02B93',
  accent6: '4EA72E',
  hlink: '467886',
  folHlink: '96607D',
};

const NS = {
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  p: 'http://schemas.openxmlformats.org/presentationml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
};
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const EMU = 914400;

/** The master's placeholders: every layout placeholder without a box inherits one of these. */
const MASTER_PLACEHOLDERS: PlaceholderSpec[] = [
  { type: 'title', name: 'Title Placeholder 1', box: [0.92, 0.4, 11.5, 1.45] },
  { type: 'body', idx: 1, name: 'Text Placeholder 2', box: [0.92, 1.99, 11.5, 4.76] },
  { type: 'dt', idx: 2, name: 'Date Placeholder 3', box: [0.92, 6.95, 3, 0.4] },
  { type: 'ftr', idx: 3, name: 'Footer Placeholder 4', box: [4.42, 6.95, 4.5, 0.4] },
  { type: 'sldNum', idx: 4, name: 'Slide Number Placeholder 5', box: [9.42, 6.95, 3, 0.4] },
];

/** The bytes of a hand-made .potx (or of a damaged one, with `corrupt`). */
export function minimalTemplateBytes(opts: MinimalTemplateOptions = {}): Uint8Array {
  if (opts.corrupt === 'not-zip') return strToU8('This is not a PowerPoint template, only text.\n');
  if (opts.corrupt === 'encrypted') return encryptedPackage();
  if (opts.corrupt === 'not-presentation') {
    return zipSync({
      '[Content_Types].xml': strToU8(
        `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
      ),
      '_rels/.rels': strToU8(rels([['rId1', 'officeDocument', 'word/document.xml']])),
      'word/document.xml': strToU8(`${DECL}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>`),
    });
  }
  const specs = opts.corrupt === 'no-layouts' ? [] : (opts.layouts ?? (Object.keys(POWERPOINT_LAYOUTS) as PowerPointLayoutName[])).map((l) => (typeof l === 'string' ? POWERPOINT_LAYOUTS[l] : l));
  const slide = opts.slide ?? { w: 13.333, h: 7.5 };
  const files: Record<string, Uint8Array> = {};
  const layoutOverrides = specs.map((_, i) => override(`/ppt/slideLayouts/slideLayout${i + 1}.xml`, 'presentationml.slideLayout+xml')).join('');
  files['[Content_Types].xml'] = strToU8(
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${override('/ppt/presentation.xml', 'presentationml.template.main+xml')}${override('/ppt/slideMasters/slideMaster1.xml', 'presentationml.slideMaster+xml')}${layoutOverrides}${override('/ppt/theme/theme1.xml', 'theme+xml')}</Types>`,
  );
  files['_rels/.rels'] = strToU8(rels([['rId1', 'officeDocument', 'ppt/presentation.xml']]));
  files['ppt/presentation.xml'] = strToU8(
    `${DECL}<p:presentation xmlns:a="${NS.a}" xmlns:r="${NS.r}" xmlns:p="${NS.p}" saveSubsetFonts="1"><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:sldSz cx="${emu(slide.w)}" cy="${emu(slide.h)}"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>`,
  );
  files['ppt/_rels/presentation.xml.rels'] = strToU8(
    rels([
      ['rId1', 'slideMaster', 'slideMasters/slideMaster1.xml'],
      ['rId2', 'theme', 'theme/theme1.xml'],
    ]),
  );
  const layoutIds = specs.map((_, i) => `<p:sldLayoutId id="${2147483649 + i}" r:id="rId${i + 1}"/>`).join('');
  files['ppt/slideMasters/slideMaster1.xml'] = strToU8(
    `${DECL}<p:sldMaster xmlns:a="${NS.a}" xmlns:r="${NS.r}" xmlns:p="${NS.p}"><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg>${spTree(MASTER_PLACEHOLDERS)}</p:cSld><p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>${layoutIds ? `<p:sldLayoutIdLst>${layoutIds}</p:sldLayoutIdLst>` : ''}</p:sldMaster>`,
  );
  files['ppt/slideMasters/_rels/slideMaster1.xml.rels'] = strToU8(
    rels([...specs.map((_, i): [string, string, string] => [`rId${i + 1}`, 'slideLayout', `../slideLayouts/slideLayout${i + 1}.xml`]), [`rId${specs.length + 1}`, 'theme', '../theme/theme1.xml']]),
  );
  specs.forEach((spec, i) => {
    const n = i + 1;
    files[`ppt/slideLayouts/slideLayout${n}.xml`] = strToU8(
      opts.corrupt === 'bad-layout' && n === 1
        ? `${DECL}<p:sldLayout xmlns:p="${NS.p}"><p:cSld name="${spec.name}"><p:spTree></p:cSld></p:sldLayout>`
        : `${DECL}<p:sldLayout xmlns:a="${NS.a}" xmlns:r="${NS.r}" xmlns:p="${NS.p}"${spec.type ? ` type="${spec.type}"` : ''} preserve="1"><p:cSld name="${escapeXml(spec.name)}">${spTree(spec.placeholders)}</p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>`,
    );
    files[`ppt/slideLayouts/_rels/slideLayout${n}.xml.rels`] = strToU8(rels([['rId1', 'slideMaster', '../slideMasters/slideMaster1.xml']]));
  });
  files['ppt/theme/theme1.xml'] = strToU8(theme({ ...OFFICE_COLORS, ...opts.colors }, opts.fonts ?? {}));
  const zip = zipSync(files, { level: 6, mtime: new Date('2020-01-01T00:00:00Z') });
  return opts.corrupt === 'truncated' ? zip.subarray(0, Math.floor(zip.length / 2)) : zip;
}

/** Writes `minimalTemplateBytes(opts)` to a new temporary file and returns its path. */
export function minimalTemplate(opts: MinimalTemplateOptions = {}, name = 'minimal.potx'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-template-'));
  const file = path.join(dir, name);
  writeFileSync(file, minimalTemplateBytes(opts));
  return file;
}

function emu(inches: number): number {
  return Math.round(inches * EMU);
}

function override(partName: string, type: string): string {
  return `<Override PartName="${partName}" ContentType="application/vnd.openxmlformats-officedocument.${type}"/>`;
}

function rels(list: readonly (readonly [string, string, string])[]): string {
  const items = list.map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`).join('');
  return `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
}

function spTree(placeholders: readonly PlaceholderSpec[]): string {
  const shapes = placeholders.map((ph, i) => {
    const attrs = `${ph.type ? ` type="${ph.type}"` : ''}${ph.idx !== undefined ? ` idx="${ph.idx}"` : ''}`;
    const xfrm = ph.box ? `<a:xfrm><a:off x="${emu(ph.box[0])}" y="${emu(ph.box[1])}"/><a:ext cx="${emu(ph.box[2])}" cy="${emu(ph.box[3])}"/></a:xfrm>` : '';
    const name = escapeXml(ph.name ?? `Placeholder ${i + 1}`);
    return `<p:sp><p:nvSpPr><p:cNvPr id="${i + 2}" name="${name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph${attrs}/></p:nvPr></p:nvSpPr><p:spPr>${xfrm}</p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>`;
  });
  return `<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>${shapes.join('')}</p:spTree>`;
}

function theme(colors: Record<string, string>, fonts: NonNullable<MinimalTemplateOptions['fonts']>): string {
  const scheme = COLOR_SLOTS.map((slot) =>
    slot === 'dk1'
      ? `<a:dk1><a:sysClr val="windowText" lastClr="${colors.dk1}"/></a:dk1>`
      : slot === 'lt1'
        ? `<a:lt1><a:sysClr val="window" lastClr="${colors.lt1}"/></a:lt1>`
        : `<a:${slot}><a:srgbClr val="${colors[slot]}"/></a:${slot}>`,
  ).join('');
  const font = (tag: string, latin: string, ea: string) => `<a:${tag}><a:latin typeface="${escapeXml(latin)}"/><a:ea typeface="${escapeXml(ea)}"/><a:cs typeface=""/></a:${tag}>`;
  const fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>';
  const line = `<a:ln w="6350">${fill}</a:ln>`;
  const effect = '<a:effectStyle><a:effectLst/></a:effectStyle>';
  return `${DECL}<a:theme xmlns:a="${NS.a}" name="Minimal"><a:themeElements><a:clrScheme name="Minimal">${scheme}</a:clrScheme><a:fontScheme name="Minimal">${font('majorFont', fonts.majorLatin ?? 'Aptos Display', fonts.majorEastAsian ?? '')}${font('minorFont', fonts.minorLatin ?? 'Aptos', fonts.minorEastAsian ?? '')}</a:fontScheme><a:fmtScheme name="Minimal"><a:fillStyleLst>${fill}${fill}${fill}</a:fillStyleLst><a:lnStyleLst>${line}${line}${line}</a:lnStyleLst><a:effectStyleLst>${effect}${effect}${effect}</a:effectStyleLst><a:bgFillStyleLst>${fill}${fill}${fill}</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>`;
}

/**
 * The start of what Office writes for a file saved with a password: an OLE compound file
 * (D0 CF 11 E0 A1 B1 1A E1) holding an `EncryptedPackage` stream. Enough for a reader to tell.
 */
function encryptedPackage(): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const name = 'EncryptedPackage';
  for (let k = 0; k < name.length; k++) bytes[1024 + 2 * k] = name.charCodeAt(k);
  return bytes;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}
