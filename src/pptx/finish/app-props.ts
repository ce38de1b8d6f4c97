import { APP_PROPERTIES_PART, NOTES_SLIDE_PART, PRESENTATION_PART, SLIDE_PART } from '../opc/part-names.js';
import { encodePart, naturalCompare, readXmlPart, type Parts, type XmlEdit } from '../opc/parts.js';
import { childElements, descendants, escapeText, firstChild, getAttribute, textContent, type XmlElement } from '../xml/xml.js';

/**
 * `docProps/app.xml` as PowerPoint keeps it: the fonts and theme the deck uses and every slide's
 * title (File › Info, the outline of a search index, a document manager's listing). pptxgenjs
 * writes "Arial", "Calibri", "Office Theme", "Slide 1" … and a company of its caller's; the
 * deck's own are in its theme part and its title placeholders.
 *
 * Two halves: `collect` reads each slide's title while the finish stage's one pass over the trees
 * has them parsed (no second parse), and `write` makes the part from what it read.
 */
export function appProperties(): { collect: XmlEdit; write: (parts: Parts) => Map<string, Uint8Array> } {
  const titles = new Map<string, string>();
  return {
    collect: {
      select: (name) => SLIDE_PART.test(name),
      edit: (doc, name) => {
        titles.set(name, slideTitle(doc.root));
      },
    },
    write: (parts) => withAppProperties(parts, (slide) => titles.get(slide) ?? ''),
  };
}

/**
 * `parts` with `docProps/app.xml` written from them: `titleOf` gives a slide part's title (by
 * default read from its XML, for a deck assembled from parts, as a merge is).
 */
export function withAppProperties(parts: Parts, titleOf: (slide: string) => string = (slide) => slideTitleOf(parts, slide)): Map<string, Uint8Array> {
  const out = new Map(parts);
  const slides = [...parts.keys()].filter((n) => SLIDE_PART.test(n)).sort(naturalCompare);
  const notes = [...parts.keys()].filter((n) => NOTES_SLIDE_PART.test(n)).length;
  out.set(APP_PROPERTIES_PART, encodePart(appXml(themeOf(parts), presentationFormat(parts), slides.map(titleOf), notes)));
  return out;
}

function slideTitleOf(parts: Parts, slide: string): string {
  const doc = readXmlPart(parts, slide);
  return doc ? slideTitle(doc.root) : '';
}

interface ThemeFacts {
  name: string;
  fonts: string[];
}

/** The theme's name and its typefaces (major and minor, Latin and East Asian), each once. */
function themeOf(parts: Parts): ThemeFacts {
  const doc = readXmlPart(parts, 'ppt/theme/theme1.xml');
  if (!doc) return { name: '', fonts: [] };
  const fonts = new Set<string>();
  for (const scheme of descendants(doc.root, 'a:fontScheme')) {
    for (const group of [...childElements(scheme, 'a:majorFont'), ...childElements(scheme, 'a:minorFont')]) {
      for (const slot of ['a:latin', 'a:ea']) {
        const face = firstChild(group, slot);
        const typeface = face && getAttribute(face, 'typeface');
        if (typeface) fonts.add(typeface);
      }
    }
  }
  return { name: getAttribute(doc.root, 'name') ?? '', fonts: [...fonts] };
}

/** The text of the slide's title placeholder, its lines joined by a space; "" when it has none. */
export function slideTitle(root: XmlElement): string {
  for (const sp of descendants(root, 'p:sp')) {
    const ph = descendants(sp, 'p:ph')[0];
    const type = ph && getAttribute(ph, 'type');
    if (type !== 'title' && type !== 'ctrTitle') continue;
    return descendants(sp, 'a:p')
      .map((p) => descendants(p, 'a:t').map(textContent).join(''))
      .join(' ')
      .trim();
  }
  return '';
}

/** "On-screen Show (16:9)" for the deck's slide size, as PowerPoint names it; "Custom" for another shape. */
function presentationFormat(parts: Parts): string {
  const doc = readXmlPart(parts, PRESENTATION_PART);
  const size = doc && descendants(doc.root, 'p:sldSz')[0];
  const ratio = size ? Number(getAttribute(size, 'cx')) / Number(getAttribute(size, 'cy')) : 16 / 9;
  const named = [
    ['16:9', 16 / 9],
    ['16:10', 16 / 10],
    ['4:3', 4 / 3],
  ] as const;
  const match = named.find(([, r]) => Math.abs(r - ratio) < 0.01);
  return match ? `On-screen Show (${match[0]})` : 'Custom';
}

function appXml(theme: ThemeFacts, format: string, titles: readonly string[], notes: number): string {
  const heading = (name: string, count: number) => `<vt:variant><vt:lpstr>${name}</vt:lpstr></vt:variant><vt:variant><vt:i4>${count}</vt:i4></vt:variant>`;
  const groups: [string, string[]][] = [
    ['Fonts Used', theme.fonts],
    ['Theme', theme.name ? [theme.name] : []],
    ['Slide Titles', [...titles]],
  ];
  const present = groups.filter(([, items]) => items.length > 0);
  const items = present.flatMap(([, list]) => list);
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">',
    '<TotalTime>0</TotalTime><Words>0</Words><Application>briefdeck</Application>',
    `<PresentationFormat>${format}</PresentationFormat>`,
    `<Paragraphs>0</Paragraphs><Slides>${titles.length}</Slides><Notes>${notes}</Notes><HiddenSlides>0</HiddenSlides><MMClips>0</MMClips><ScaleCrop>false</ScaleCrop>`,
    `<HeadingPairs><vt:vector size="${present.length * 2}" baseType="variant">${present.map(([name, list]) => heading(name, list.length)).join('')}</vt:vector></HeadingPairs>`,
    `<TitlesOfParts><vt:vector size="${items.length}" baseType="lpstr">${items.map((t) => `<vt:lpstr>${escapeText(t)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts>`,
    '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0000</AppVersion>',
    '</Properties>',
  ].join('');
}
