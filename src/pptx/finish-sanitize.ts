import { decodePart, encodePart, isXmlPart, type Parts } from './finish-parts.js';

const FORBIDDEN_XML_CHARACTERS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const APP_PROPERTIES_PART = 'docProps/app.xml';

/**
 * Text-level repairs that must happen before a part can be parsed at all:
 * - characters XML 1.0 forbids are removed: pptxgenjs escapes only `& < > " '`, so a `\u000B`
 *   in a text or a note makes the slide malformed (pptxgenjs #1240);
 * - `<Company>` in `docProps/app.xml` is escaped: pptxgenjs writes the company name as it is.
 */
export function sanitizeXmlText(parts: Parts): Map<string, Uint8Array> {
  const out = new Map(parts);
  for (const [name, bytes] of parts) {
    if (!isXmlPart(name)) continue;
    const text = decodePart(bytes);
    if (text === undefined) continue;
    let repaired = text.replace(FORBIDDEN_XML_CHARACTERS, '');
    if (name === APP_PROPERTIES_PART) repaired = escapeCompany(repaired);
    if (repaired !== text) out.set(name, encodePart(repaired));
  }
  return out;
}

/** Escapes what pptxgenjs left raw between `<Company>` and the last `</Company>`. */
export function escapeCompany(xml: string): string {
  const open = xml.indexOf('<Company>');
  const close = xml.lastIndexOf('</Company>');
  if (open < 0 || close < open) return xml;
  const start = open + '<Company>'.length;
  const value = xml
    .slice(start, close)
    .replace(/&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  return xml.slice(0, start) + value + xml.slice(close);
}
