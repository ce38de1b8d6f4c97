import { error, type Diagnostic, type SourceRef } from '../diagnostics/diagnostic.js';

/** Is `s` a web address a deck may link to: an absolute http or https URL with a host. */
export function isWebUrl(s: string): boolean {
  if (!/^https?:\/\/[^\s/?#]/i.test(s.trim())) return false;
  try {
    const url = new URL(s.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The error for a url that is not a web address, at the url's value. */
export function badUrl(code: 'DATA_BAD_URL' | 'OUTLINE_BAD_URL', subject: string, url: string, at: SourceRef): Diagnostic {
  const shown = url.length > 60 ? `${url.slice(0, 59)}…` : url;
  return error(code, `${subject} '${shown}' is not a web address (http or https)`, at, 'write the full address, starting with https:// (a link in the deck opens it in a browser)');
}
