/** A text longer than this (in characters) is shown around what changed, not whole. */
const MAX = 40;
/** What is kept of the unchanged text after the change before it is cut. */
const TAIL = 12;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/**
 * A changed text as the report quotes it: the old text (whole when short), and of the new one
 * only what changed with a word of context ("DeepSeek名列全球第2" → "…第4"). With `both`, the
 * first text is cut the same way (a conflict shows two versions of one shape).
 */
export function shortenChange(before: string, after: string, opts: { both?: boolean } = {}): [string, string] {
  const b = Array.from(before);
  const a = Array.from(after);
  let p = 0;
  while (p < b.length && p < a.length && b[p] === a[p]) p++;
  let s = 0;
  while (s < b.length - p && s < a.length - p && b[b.length - 1 - s] === a[a.length - 1 - s]) s++;
  const first = opts.both || b.length > MAX ? around(b, p, s) : before;
  return [first, around(a, p, s)];
}

/** `chars` from a word before the change at `p` to a little after it (`s`: the unchanged characters at the end). */
function around(chars: readonly string[], p: number, s: number): string {
  const start = wordStart(chars, p);
  const end = chars.length - s;
  const keep = Math.min(s, TAIL);
  const head = start > 0 ? '…' : '';
  const shown = chars.slice(start, end + keep);
  const cut = shown.length > MAX;
  const tail = cut || keep < s ? '…' : '';
  return head + (cut ? shown.slice(0, MAX) : shown).join('').trim() + tail;
}

/**
 * Where the word before offset `p` starts: one character back in CJK text (every character is
 * a word for this purpose), back to the space before it in spaced text; 0 when that is near the start.
 */
function wordStart(chars: readonly string[], p: number): number {
  if (p <= 3) return 0;
  let i = p;
  if (CJK.test(chars[i - 1] ?? '')) i--;
  else while (i > 0 && p - i < TAIL && !/\s/u.test(chars[i - 1] ?? '')) i--;
  return i <= 3 ? 0 : i;
}
