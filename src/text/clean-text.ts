/**
 * Characters XML 1.0 forbids (and U+FFFE/U+FFFF): pptxgenjs writes them as they are, which
 * makes the slide's XML malformed — LibreOffice then renders the slide blank and PowerPoint
 * offers a repair (pptxgenjs #1240). Tab, LF and CR are allowed.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without forbidden characters, and how many there were. */
export function cleanText(s: string): { text: string; removed: number } {
  let removed = 0;
  const text = s.replace(FORBIDDEN, () => {
    removed++;
    return '';
  });
  return { text, removed };
}
