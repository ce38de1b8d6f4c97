import { BULLET_INDENT_PT } from '../../layout/frame.js';
import type { DeckPlan, PlaceholderSlot } from '../../layout/types.js';
import type { Layout } from '../../load/outline/schema.js';
import type { Theme } from '../../load/theme/theme.js';
import { encodePart, readXmlPart, type Parts } from '../opc/parts.js';
import { relsPartOf } from '../opc/relationships.js';
import { escapeText, getAttribute, serializeXml, setAttribute, descendants } from '../xml/xml.js';
import { derivedGuid } from './guids.js';
import type { DeckTemplate } from './template-parts.js';
import { LAYOUT_OF_KIND, layoutTable, masterPlaceholders, type LayoutSpec, type PlaceholderSpec, type PlaceholderText } from './layouts.js';

/**
 * What the finish stage needs to know of the deck to give it a master, layouts, placeholders and
 * sections: each slide's kind and which of its shapes (by name) fill which placeholder, the theme
 * the master's styles come from, and the sections.
 */
export interface DeckStructure {
  theme: Theme;
  slides: readonly { layout: Layout; placeholders: readonly { shape: string; slot: PlaceholderSlot }[] }[];
  /** A section from slide index `start` (0-based) to the next section's start. */
  sections: readonly { name: string; start: number }[];
  /** The company template the deck is built into: its masters and layouts replace briefdeck's (issue 17). */
  template?: DeckTemplate;
}

/** The shape emit writes for a content slide's number (a text box finish turns into the field). */
export const SLIDE_NUMBER_SHAPE = 'slide number';

/**
 * The structure of a laid-out deck: a section starts at each section slide, named by its title;
 * the slides before the first one form a section named `openingName`.
 */
export function deckStructure(plan: DeckPlan, theme: Theme, openingName: string, template?: DeckTemplate): DeckStructure {
  const slides = plan.slides.map((s) => ({
    layout: s.layout as Layout,
    placeholders: [
      ...s.elements.flatMap((el) => (el.type === 'text' && el.placeholder ? [{ shape: el.name, slot: el.placeholder }] : [])),
      ...(s.numbered ? [{ shape: SLIDE_NUMBER_SHAPE, slot: 'slide number' as const }] : []),
    ],
  }));
  const sections: { name: string; start: number }[] = [];
  plan.slides.forEach((s, i) => {
    if (s.layout !== 'section') return;
    const title = s.elements.find((el) => el.type === 'text' && el.placeholder === 'title');
    const name = title?.type === 'text' ? title.paragraphs.map((p) => p.text).join(' ') : '';
    if (i > 0 && sections.length === 0) sections.push({ name: openingName, start: 0 });
    sections.push({ name, start: i });
  });
  return { theme, slides, sections, ...(template ? { template } : {}) };
}

const NS =
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const MASTER_PART = 'ppt/slideMasters/slideMaster1.xml';
const LAYOUT_PART = /^ppt\/slideLayouts\/(_rels\/)?slideLayout\d+\.xml(\.rels)?$/;

export function layoutPartName(n: number): string {
  return `ppt/slideLayouts/slideLayout${n}.xml`;
}

/**
 * Writes the slide master and one layout per entry of `layoutTable`, replacing pptxgenjs' master
 * and its one "DEFAULT" layout (its `defineSlideMaster` writes placeholders as plain text boxes,
 * pptxgenjs #1453, and a slide number with idx 4294967295), and points every slide at the layout
 * of its kind. All master and layout XML is made here, from the table, so a company template can
 * take its place in one step.
 */
export function writeMasterAndLayouts(parts: Parts, structure: DeckStructure, deckLang: string): Map<string, Uint8Array> {
  // The language goes into attributes of the XML written here, so it is escaped like any other text.
  const lang = attributeValue(deckLang);
  const out = new Map([...parts].filter(([name]) => !LAYOUT_PART.test(name)));
  const layouts = layoutTable(structure.theme);
  const themeTarget = readRelationshipTarget(parts, MASTER_PART, `${REL}/theme`) ?? '../theme/theme1.xml';
  layouts.forEach((layout, i) => {
    out.set(layoutPartName(i + 1), encodePart(layoutXml(layout, structure.theme, lang)));
    out.set(relsPartOf(layoutPartName(i + 1)), encodePart(relsXml([[`${REL}/slideMaster`, '../slideMasters/slideMaster1.xml']])));
  });
  out.set(MASTER_PART, encodePart(masterXml(layouts.length, structure.theme, lang)));
  out.set(relsPartOf(MASTER_PART), encodePart(relsXml([...layouts.map((_, i): [string, string] => [`${REL}/slideLayout`, `../slideLayouts/slideLayout${i + 1}.xml`]), [`${REL}/theme`, themeTarget]])));
  structure.slides.forEach((slide, i) => {
    const rels = relsPartOf(`ppt/slides/slide${i + 1}.xml`);
    const doc = readXmlPart(out, rels);
    if (!doc) return;
    const n = layouts.findIndex((l) => l.name === LAYOUT_OF_KIND[slide.layout]) + 1;
    for (const r of descendants(doc.root, 'Relationship')) {
      if (getAttribute(r, 'Type') === `${REL}/slideLayout`) setAttribute(r, 'Target', `../slideLayouts/slideLayout${n}.xml`);
    }
    out.set(rels, encodePart(serializeXml(doc)));
  });
  return out;
}

function readRelationshipTarget(parts: Parts, source: string, type: string): string | undefined {
  const doc = readXmlPart(parts, relsPartOf(source));
  const rel = doc && descendants(doc.root, 'Relationship').find((r) => getAttribute(r, 'Type') === type);
  return rel && getAttribute(rel, 'Target');
}

function relsXml(rels: readonly (readonly [string, string])[]): string {
  const items = rels.map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
}

const emu = (inches: number): number => Math.round(inches * 914400);
/** An attribute's value: escaped, without the characters XML forbids. */
const attributeValue = (value: string): string => escapeText(value).replace(/"/g, '&quot;');
const EMU_PER_PT = 12700;

function solid(color: string): string {
  return `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>`;
}

function background(color: string): string {
  return `<p:bg><p:bgPr>${solid(color)}<a:effectLst/></p:bgPr></p:bg>`;
}

const GROUP =
  '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>';

/** Text in the body placeholders is bulleted (the master's body style); all other text is not. */
const BULLETED: ReadonlySet<PlaceholderSlot> = new Set(['body', 'left body', 'right body']);

const PLACEHOLDER_NAMES: Record<PlaceholderSpec['type'], string> = {
  ctrTitle: 'Title',
  title: 'Title',
  subTitle: 'Subtitle',
  body: 'Text Placeholder',
  obj: 'Content Placeholder',
  dt: 'Date Placeholder',
  ftr: 'Footer Placeholder',
  sldNum: 'Slide Number Placeholder',
};

function placeholderShape(ph: PlaceholderSpec, id: number, lang: string, bulleted: boolean): string {
  const attrs = [ph.type === 'obj' ? '' : ` type="${ph.type}"`, ph.sz ? ` sz="${ph.sz}"` : '', ph.idx ? ` idx="${ph.idx}"` : ''].join('');
  const { x, y, w, h } = ph.box;
  const inset = emu(ph.text.inset ?? 0);
  const body = `<a:bodyPr vert="horz" wrap="square" lIns="${inset}" tIns="${inset}" rIns="${inset}" bIns="${inset}" rtlCol="0" anchor="${ph.text.anchor ?? 't'}"><a:noAutofit/></a:bodyPr>`;
  const prompt =
    ph.type === 'sldNum'
      ? `<a:fld id="${derivedGuid('briefdeck slide number field')}" type="slidenum"><a:rPr lang="${lang}"/><a:t>${escapeText(ph.prompt)}</a:t></a:fld>`
      : `<a:r><a:rPr lang="${lang}"/><a:t>${escapeText(ph.prompt)}</a:t></a:r>`;
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${PLACEHOLDER_NAMES[ph.type]} ${id - 1}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph${attrs}/></p:nvPr></p:nvSpPr>` +
    `<p:spPr><a:xfrm><a:off x="${emu(x)}" y="${emu(y)}"/><a:ext cx="${emu(w)}" cy="${emu(h)}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>${ph.fill ? solid(ph.fill) : ''}</p:spPr>` +
    `<p:txBody>${body}<a:lstStyle>${levelOne(ph.text, bulleted)}</a:lstStyle><a:p>${prompt}<a:endParaRPr lang="${lang}"/></a:p></p:txBody></p:sp>`
  );
}

/** The first level of a placeholder's list style: only what differs from the master's style. */
function levelOne(text: PlaceholderText, bulleted: boolean): string {
  const pPr = [text.align ? ` algn="${text.align}"` : '', bulleted ? '' : ' marL="0" indent="0"'].join('');
  const rPr = [text.size ? ` sz="${Math.round(text.size * 100)}"` : '', text.bold === undefined ? '' : ` b="${text.bold ? 1 : 0}"`].join('');
  return `<a:lvl1pPr${pPr}>${bulleted ? '' : '<a:buNone/>'}<a:defRPr${rPr}>${text.color ? solid(text.color) : ''}</a:defRPr></a:lvl1pPr>`;
}

function layoutXml(layout: LayoutSpec, theme: Theme, lang: string): string {
  const shapes = layout.placeholders.map((ph, i) => placeholderShape(ph, i + 2, lang, BULLETED.has(ph.slot))).join('');
  const type = layout.type ? ` type="${layout.type}"` : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:sldLayout ${NS}${type} preserve="1"><p:cSld name="${attributeValue(layout.name)}">` +
    `${layout.dark ? background(theme.colors.darkBackground) : ''}<p:spTree>${GROUP}${shapes}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>`
  );
}

const CLR_MAP =
  '<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>';
const PARAGRAPH_DEFAULTS = 'defTabSz="914400" rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1"';

function runDefaults(sizePt: number, color: string, font: 'mj' | 'mn', bold = false): string {
  return `<a:defRPr sz="${Math.round(sizePt * 100)}"${bold ? ' b="1"' : ''} kern="1200">${solid(color)}<a:latin typeface="+${font}-lt"/><a:ea typeface="+${font}-ea"/><a:cs typeface="+${font}-cs"/></a:defRPr>`;
}

/**
 * The master: a light background, the five placeholders layouts inherit from, and text styles
 * whose fonts are the theme's (headings `+mj`, body `+mn`) and whose bullet levels indent by
 * BULLET_INDENT_PT, as the slides' bullets do.
 */
function masterXml(layoutCount: number, theme: Theme, lang: string): string {
  const { colors, sizes } = theme;
  const shapes = masterPlaceholders(theme)
    .map((ph, i) => placeholderShape(ph, i + 2, lang, ph.slot === 'body'))
    .join('');
  const ids = Array.from({ length: layoutCount }, (_, i) => `<p:sldLayoutId id="${2147483649 + i}" r:id="rId${i + 1}"/>`).join('');
  const indent = BULLET_INDENT_PT * EMU_PER_PT;
  const levels = (f: (n: number) => string): string => Array.from({ length: 9 }, (_, i) => f(i + 1)).join('');
  const title = `<p:titleStyle><a:lvl1pPr algn="l" ${PARAGRAPH_DEFAULTS}><a:lnSpc><a:spcPct val="100000"/></a:lnSpc><a:spcBef><a:spcPct val="0"/></a:spcBef><a:buNone/>${runDefaults(sizes.heading, colors.text, 'mj', true)}</a:lvl1pPr></p:titleStyle>`;
  const body = `<p:bodyStyle>${levels(
    (n) =>
      `<a:lvl${n}pPr marL="${indent * n}" indent="${-indent}" algn="l" ${PARAGRAPH_DEFAULTS}><a:spcBef><a:spcPts val="${n === 1 ? 1000 : 400}"/></a:spcBef><a:buFont typeface="Arial"/><a:buChar char="•"/>${runDefaults(n === 1 ? sizes.body : Math.round(sizes.body * 0.85), colors.text, 'mn')}</a:lvl${n}pPr>`,
  )}</p:bodyStyle>`;
  const other = `<p:otherStyle><a:defPPr><a:defRPr lang="${lang}"/></a:defPPr>${levels((n) => `<a:lvl${n}pPr marL="${457200 * (n - 1)}" algn="l" ${PARAGRAPH_DEFAULTS}>${runDefaults(18, colors.text, 'mn')}</a:lvl${n}pPr>`)}</p:otherStyle>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:sldMaster ${NS}><p:cSld>${background(colors.background)}<p:spTree>${GROUP}${shapes}</p:spTree></p:cSld>` +
    `${CLR_MAP}<p:sldLayoutIdLst>${ids}</p:sldLayoutIdLst><p:txStyles>${title}${body}${other}</p:txStyles></p:sldMaster>`
  );
}
