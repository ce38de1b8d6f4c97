import { decodePart, encodePart, isXmlPart, type Parts } from '../opc/parts.js';
import { withoutForbiddenCharacters } from '../xml/xml.js';

/**
 * The text-level repair that must happen before a part can be parsed at all: characters XML 1.0
 * forbids are removed (pptxgenjs escapes only `& < > " '`, so a `\u000B` in a text or a note
 * makes the slide malformed, pptxgenjs #1240). `docProps/app.xml`, where pptxgenjs writes the
 * company name unescaped, is written anew later (app-props.ts).
 */
export function sanitizeXmlText(parts: Parts): Map<string, Uint8Array> {
  const out = new Map(parts);
  for (const [name, bytes] of parts) {
    if (!isXmlPart(name)) continue;
    if (!mayHoldForbiddenCharacter(bytes)) continue;
    const text = decodePart(bytes);
    if (text === undefined) continue;
    const repaired = withoutForbiddenCharacters(text);
    if (repaired !== text) out.set(name, encodePart(repaired));
  }
  return out;
}

/**
 * Whether UTF-8 bytes may encode a character XML 1.0 forbids: a C0 control other than tab, LF
 * and CR, or U+FFFE/U+FFFF (EF BF BE/BF). Lone surrogates are not valid UTF-8, so such a part
 * does not decode and is left alone either way. Scanning bytes is far cheaper than decoding
 * every part and running the regular expression, and almost every part is clean.
 */
function mayHoldForbiddenCharacter(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b < 0x20) {
      if (b !== 0x09 && b !== 0x0a && b !== 0x0d) return true;
    } else if (b === 0xef && bytes[i + 1] === 0xbf && ((bytes[i + 2] as number) & 0xfe) === 0xbe) {
      return true;
    }
  }
  return false;
}
