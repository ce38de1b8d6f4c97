import type { XmlEdit } from '../opc/parts.js';
import { CHART_PART, DRAWING_TEXT_PART, NOTES_SLIDE_PART, RUN_PART, THEME_PART } from '../opc/part-names.js';
import { childElements, createElement, descendants, firstChild, getAttribute, setAttribute, type XmlElement } from '../xml/xml.js';

export interface TypefaceOptions {
  latinFont: string;
  eastAsianFont: string;
  lang: string;
}

/** DrawingML text-property elements, which carry `lang` and hold `a:latin`/`a:ea`/`a:cs`. */
const TEXT_PROPERTIES = new Set(['a:rPr', 'a:defRPr', 'a:endParaRPr']);

/**
 * The theme's per-script font slot that PowerPoint uses for a language when `a:ea` is empty
 * (`zh-TW` → `Hant`). Undefined for languages without an East Asian script slot.
 */
export function scriptOfLanguage(lang: string): string | undefined {
  const tag = lang.toLowerCase();
  if (/^zh-(tw|hk|mo)\b|^zh-hant\b/.test(tag)) return 'Hant';
  if (/^zh\b/.test(tag)) return 'Hans';
  if (/^ja\b/.test(tag)) return 'Jpan';
  if (/^ko\b/.test(tag)) return 'Hang';
  return undefined;
}

/**
 * Puts the deck's typefaces in the theme's major and minor fonts: pptxgenjs sets only the Latin
 * slot, so East Asian text falls back to 新細明體 (or whatever the viewer's Office picks).
 */
export function setThemeFontsEdit(fonts: TypefaceOptions): XmlEdit {
  const script = scriptOfLanguage(fonts.lang);
  return {
    select: (name) => THEME_PART.test(name),
    edit: (doc) => {
      for (const fontCollection of [...descendants(doc.root, 'a:majorFont'), ...descendants(doc.root, 'a:minorFont')]) {
        setSlot(fontCollection, 'a:latin', fonts.latinFont);
        setSlot(fontCollection, 'a:ea', fonts.eastAsianFont);
        // Runs refer to +mn-cs, as they named the Latin font before (pptxgenjs leaves the slot empty).
        setSlot(fontCollection, 'a:cs', fonts.latinFont);
        for (const font of childElements(fontCollection, 'a:font')) {
          if (script !== undefined && getAttribute(font, 'script') === script) setAttribute(font, 'typeface', fonts.eastAsianFont);
        }
      }
    },
  };
}

/** Sets the typeface of a slot (`a:latin`, `a:ea`), creating it in schema order if missing. */
function setSlot(fontCollection: XmlElement, slot: 'a:latin' | 'a:ea' | 'a:cs', typeface: string): void {
  const existing = firstChild(fontCollection, slot);
  if (existing) {
    setAttribute(existing, 'typeface', typeface);
    return;
  }
  const el = createElement(slot, { typeface });
  const before = slot === 'a:cs' ? (firstChild(fontCollection, 'a:ea') ?? firstChild(fontCollection, 'a:latin')) : slot === 'a:ea' ? firstChild(fontCollection, 'a:latin') : undefined;
  const at = before ? fontCollection.children.indexOf(before) + 1 : 0;
  fontCollection.children.splice(at, 0, el);
}

/**
 * Native chart text: pptxgenjs writes only `<a:latin>` (pptxgenjs #1420), so Chinese axis labels,
 * titles and data labels fall back to a default font, and `lang="en-US"`. Adds
 * `<a:ea typeface=…/>` right after each `<a:latin>` that has none (schema order: latin, ea, cs)
 * and sets `lang` on text properties that carry none or pptxgenjs's default.
 */
export function setChartFontsEdit(fonts: TypefaceOptions): XmlEdit {
  return {
    select: (name) => CHART_PART.test(name),
    edit: (doc) => {
      for (const el of descendants(doc.root)) {
        if (!TEXT_PROPERTIES.has(el.name)) continue;
        setLanguage(el, fonts.lang);
        const latin = firstChild(el, 'a:latin');
        if (latin && !firstChild(el, 'a:ea')) {
          el.children.splice(el.children.indexOf(latin) + 1, 0, createElement('a:ea', { typeface: fonts.eastAsianFont }));
        }
      }
    },
  };
}

/**
 * The deck's language on all its text: pptxgenjs writes `lang="en-US"` in the master, the
 * layouts, the notes master and the notes (it offers no option there), and briefdeck's own
 * native charts once said `zh-TW` whatever the deck. Every `lang` in a part with DrawingML text
 * becomes the deck's, and notes' text properties without one get it.
 */
export function setLanguageEdit(lang: string): XmlEdit {
  return {
    select: (name) => DRAWING_TEXT_PART.test(name),
    edit: (doc, name) => {
      const notes = NOTES_SLIDE_PART.test(name);
      for (const el of descendants(doc.root)) {
        if (getAttribute(el, 'lang') !== undefined || (notes && TEXT_PROPERTIES.has(el.name))) setAttribute(el, 'lang', lang);
      }
    },
  };
}

/** The finish stage's name for `setLanguageEdit`, from when it covered only the notes. */
export const setNotesLanguageEdit = setLanguageEdit;

function setLanguage(textProperties: XmlElement, lang: string): void {
  if (getAttribute(textProperties, 'lang') !== lang) setAttribute(textProperties, 'lang', lang);
}

/** Children of a run's properties that come after `a:latin`/`a:ea`/`a:cs` in schema order. */
const AFTER_FONTS = new Set(['a:sym', 'a:hlinkClick', 'a:hlinkMouseOver', 'a:rtl', 'a:extLst']);

/** The theme's minor (body) fonts, as runs refer to them. */
const THEME_FONT_REFS = { 'a:latin': '+mn-lt', 'a:ea': '+mn-ea', 'a:cs': '+mn-cs' } as const;

/**
 * Slide and notes text: pptxgenjs writes one `fontFace` into all three slots (or none, in
 * notes). Runs in a placeholder get no typeface at all (the layout and master give it, so
 * editing the master restyles them); every other run refers to the theme's body fonts
 * (`+mn-lt`, `+mn-ea`, which setThemeFontsEdit makes the deck's), so Chinese is set in the
 * Chinese font and Latin in the Latin one, and choosing other theme fonts in PowerPoint restyles the deck.
 */
export function setRunFontsEdit(fonts: TypefaceOptions): XmlEdit {
  return {
    select: (name) => RUN_PART.test(name),
    edit: (doc) => {
      const inPlaceholder = new Set(
        descendants(doc.root, 'p:sp')
          .filter(isPlaceholder)
          .flatMap((sp) => descendants(sp)),
      );
      for (const el of descendants(doc.root)) {
        // a:defRPr: a placeholder's own list style (pptxgenjs names the font in the slide number's).
        if (!TEXT_PROPERTIES.has(el.name)) continue;
        if (el.name !== 'a:defRPr') setLanguage(el, fonts.lang); // the slide number field is written en-US whatever the deck's language
        for (const slot of ['a:latin', 'a:ea', 'a:cs'] as const) {
          if (inPlaceholder.has(el)) el.children = el.children.filter((c) => c.kind !== 'element' || c.name !== slot);
          else setRunSlot(el, slot, THEME_FONT_REFS[slot]);
        }
      }
    },
  };
}

/** A shape that is a placeholder: `p:nvSpPr/p:nvPr` holds `p:ph`. */
export function isPlaceholder(sp: XmlElement): boolean {
  const nvSpPr = firstChild(sp, 'p:nvSpPr');
  const nvPr = nvSpPr && firstChild(nvSpPr, 'p:nvPr');
  return nvPr !== undefined && firstChild(nvPr, 'p:ph') !== undefined;
}

function setRunSlot(rPr: XmlElement, slot: 'a:latin' | 'a:ea' | 'a:cs', typeface: string): void {
  const existing = firstChild(rPr, slot);
  if (existing) {
    setAttribute(existing, 'typeface', typeface);
    // pptxgenjs guesses a charset for the font it was given (-122, GB2312, for any CJK name);
    // a wrong one makes PowerPoint map Traditional text to a Simplified font. Let the font say.
    existing.attributes = existing.attributes.filter((a) => a.name !== 'charset' && a.name !== 'pitchFamily');
    return;
  }
  const order = ['a:latin', 'a:ea', 'a:cs'];
  const later = rPr.children.findIndex((c) => c.kind === 'element' && (AFTER_FONTS.has(c.name) || order.indexOf(c.name) > order.indexOf(slot)));
  rPr.children.splice(later < 0 ? rPr.children.length : later, 0, createElement(slot, { typeface }));
}
