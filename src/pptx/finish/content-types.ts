import { encodePart, naturalCompare, readXmlPart, type Parts } from '../opc/parts.js';
import { APP_PROPERTIES_PART, CHART_PART, CONTENT_TYPES_PART, CORE_PROPERTIES_PART, NOTES_SLIDE_PART, PRESENTATION_PART, SLIDE_PART, THEME_PART } from '../opc/part-names.js';
import { childElements, createElement, getAttribute, serializeXml } from '../xml/xml.js';

const CONTENT_TYPES_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const PML = 'application/vnd.openxmlformats-officedocument.presentationml';

/** Content types of the parts PowerPoint packages hold, by part name. */
const OVERRIDES: readonly (readonly [RegExp, string])[] = [
  [exactly(PRESENTATION_PART), `${PML}.presentation.main+xml`],
  [SLIDE_PART, `${PML}.slide+xml`],
  [/^ppt\/slideLayouts\/slideLayout\d+\.xml$/, `${PML}.slideLayout+xml`],
  [/^ppt\/slideMasters\/slideMaster\d+\.xml$/, `${PML}.slideMaster+xml`],
  [NOTES_SLIDE_PART, `${PML}.notesSlide+xml`],
  [/^ppt\/notesMasters\/notesMaster\d+\.xml$/, `${PML}.notesMaster+xml`],
  [/^ppt\/handoutMasters\/handoutMaster\d+\.xml$/, `${PML}.handoutMaster+xml`],
  [/^ppt\/presProps\.xml$/, `${PML}.presProps+xml`],
  [/^ppt\/viewProps\.xml$/, `${PML}.viewProps+xml`],
  [/^ppt\/tableStyles\.xml$/, `${PML}.tableStyles+xml`],
  [/^ppt\/commentAuthors\.xml$/, `${PML}.commentAuthors+xml`],
  [/^ppt\/comments\/comment\d+\.xml$/, `${PML}.comments+xml`],
  [THEME_PART, 'application/vnd.openxmlformats-officedocument.theme+xml'],
  [CHART_PART, 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml'],
  [/^ppt\/charts\/style\d+\.xml$/, 'application/vnd.ms-office.chartstyle+xml'],
  [/^ppt\/charts\/colors\d+\.xml$/, 'application/vnd.ms-office.chartcolorstyle+xml'],
  [exactly(CORE_PROPERTIES_PART), 'application/vnd.openxmlformats-package.core-properties+xml'],
  [exactly(APP_PROPERTIES_PART), 'application/vnd.openxmlformats-officedocument.extended-properties+xml'],
  [/^docProps\/custom\.xml$/, 'application/vnd.openxmlformats-officedocument.custom-properties+xml'],
];

function exactly(partName: string): RegExp {
  return new RegExp(`^${partName.replace(/[.[\]]/g, '\\$&')}$`);
}

/** Content types by file extension, for parts without an override. */
const DEFAULTS: Readonly<Record<string, string>> = {
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
  xml: 'application/xml',
  png: 'image/png',
  jpeg: 'image/jpeg',
  // pptxgenjs declares `image/jpg`, which is not a registered media type
  jpg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  bmp: 'image/bmp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  webp: 'image/webp',
  emf: 'image/x-emf',
  wmf: 'image/x-wmf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  bin: 'application/vnd.openxmlformats-officedocument.oleObject',
};
const ALWAYS_DECLARED = ['rels', 'xml'];

export function extensionOf(part: string): string {
  const base = part.slice(part.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot < 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/**
 * Rewrites `[Content_Types].xml` so that it matches the parts: no Override without its part
 * (pptxgenjs declares one `slideMasterN.xml` per slide, pptxgenjs #1444), every part typed by an
 * Override or a Default, and only the Defaults that some part uses.
 */
export function repairContentTypes(parts: Parts): Map<string, Uint8Array> {
  const existing = readXmlPart(parts, CONTENT_TYPES_PART);
  const declaredDefaults = new Map<string, string>();
  const declaredOverrides = new Map<string, string>();
  for (const el of existing ? childElements(existing.root) : []) {
    const type = getAttribute(el, 'ContentType');
    if (!type) continue;
    if (el.name === 'Default') declaredDefaults.set((getAttribute(el, 'Extension') ?? '').toLowerCase(), type);
    if (el.name === 'Override') declaredOverrides.set((getAttribute(el, 'PartName') ?? '').replace(/^\//, '').toLowerCase(), type);
  }

  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const part of parts.keys()) {
    if (part === CONTENT_TYPES_PART) continue;
    const extension = extensionOf(part);
    const override = declaredOverrides.get(part.toLowerCase()) ?? OVERRIDES.find(([pattern]) => pattern.test(part))?.[1];
    if (override !== undefined) {
      overrides.set(part, override);
      continue;
    }
    const declared = declaredDefaults.get(extension);
    defaults.set(extension, extension === 'jpg' || declared === undefined ? (DEFAULTS[extension] ?? 'application/octet-stream') : declared);
  }
  for (const extension of ALWAYS_DECLARED) {
    defaults.set(extension, declaredDefaults.get(extension) ?? DEFAULTS[extension] ?? 'application/xml');
  }

  const types = createElement('Types', { xmlns: CONTENT_TYPES_NS }, [
    ...[...defaults].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([Extension, ContentType]) => createElement('Default', { Extension, ContentType })),
    ...[...overrides].sort(([a], [b]) => naturalCompare(a, b)).map(([part, ContentType]) => createElement('Override', { PartName: `/${part}`, ContentType })),
  ]);
  const xml = serializeXml({ prolog: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n', root: types, epilog: '' });
  return new Map(parts).set(CONTENT_TYPES_PART, encodePart(xml));
}
