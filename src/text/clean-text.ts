/**
 * A character XML 1.0 does not allow: C0 controls other than tab, LF and CR, U+FFFE/U+FFFF, and
 * a surrogate without its pair. pptxgenjs writes them as they are, which makes the slide's XML
 * malformed — LibreOffice then renders the slide blank and PowerPoint offers a repair
 * (pptxgenjs #1240). The one definition: the deck's sanitizer and the package check should use
 * this too (`new RegExp(FORBIDDEN_XML_CHARACTER, 'gu')` for every match).
 */
export const FORBIDDEN_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

const FORBIDDEN_ALL = new RegExp(FORBIDDEN_XML_CHARACTER, 'gu');

/** The text without forbidden characters, and how many there were. */
export function cleanText(s: string): { text: string; removed: number } {
  let removed = 0;
  const text = s.replace(FORBIDDEN_ALL, () => {
    removed++;
    return '';
  });
  return { text, removed };
}
