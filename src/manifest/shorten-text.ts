/** A text longer than this (in UTF-16 units) is shown around what changed, not whole. */
const MAX = 40;
/** What is kept of the unchanged text after the change before it is cut. */
const TAIL = 12;

/**
 * A changed text as the report quotes it: the old text (whole when short), and of the new one
 * only what changed, from the word before it ("DeepSeek名列全球第2" → "…第4"). Words are the
 * locale's (`intl`: ICU's word breaks, which know Chinese and Japanese words). With `both`, the
 * first text is cut the same way (a conflict shows two versions of one shape).
 */
export function shortenChange(before: string, after: string, intl: string, opts: { both?: boolean } = {}): [string, string] {
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let s = 0;
  while (s < before.length - p && s < after.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
  // Never between the two halves of a surrogate pair.
  if (p > 0 && isHighSurrogate(before.charCodeAt(p - 1))) p--;
  if (s > 0 && isHighSurrogate(after.charCodeAt(after.length - s - 1))) s--;
  // A text that only lost words is shown whole when short: "…" alone would say nothing.
  const whole = (text: string) => text.length <= MAX && text.length - s - p <= 0;
  const first = (opts.both || before.length > MAX) && !whole(before) ? around(before, p, s, intl) : before;
  return [first, whole(after) ? after : around(after, p, s, intl)];
}

/** `text` from the word before the change at `p` to a little after it (`s`: the unchanged units at the end). */
function around(text: string, p: number, s: number, intl: string): string {
  const start = wordStart(text, p, intl);
  const end = text.length - s;
  const keep = s <= TAIL ? s : wordEnd(text.slice(end), TAIL, intl);
  const shown = text.slice(start, end + keep);
  const cut = shown.length > MAX;
  const tail = cut || keep < s ? '…' : '';
  return (start > 0 ? '…' : '') + (cut ? shown.slice(0, MAX) : shown).trim() + tail;
}

/** Where the last word before offset `p` starts (0 when that is near the start of the text). */
function wordStart(text: string, p: number, intl: string): number {
  if (p <= 3) return 0;
  let start = p;
  for (const seg of new Intl.Segmenter(intl, { granularity: 'word' }).segment(text.slice(0, p))) if (seg.isWordLike) start = seg.index;
  return start <= 3 ? 0 : start;
}

/** Where the last word that ends within the first `max` units of `text` ends (what a cut keeps whole). */
function wordEnd(text: string, max: number, intl: string): number {
  let at = 0;
  for (const seg of new Intl.Segmenter(intl, { granularity: 'word' }).segment(text)) {
    const end = seg.index + seg.segment.length;
    if (end > max) break;
    at = end;
  }
  return at;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
