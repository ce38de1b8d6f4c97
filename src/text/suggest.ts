/** The candidate closest to `word` by edit distance, when it is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

/**
 * "did you mean 'ranking'?" or, with nothing close, the list of what is allowed; empty when
 * nothing is allowed (a diagnostic then has no hint).
 */
export function didYouMean(word: string, candidates: readonly string[]): string {
  if (candidates.length === 0) return '';
  const near = closest(word, candidates);
  return near ? `did you mean '${near}'?` : `expected one of: ${candidates.join(', ')}`;
}

/**
 * Edits from `a` to `b`: insertions, deletions, substitutions, and swaps of two neighbours
 * (the commonest typo: "nmae", "ranknig"), each counting one. The one edit distance of
 * briefdeck's suggestions; three rows at a time, so a long word costs no matrix.
 */
export function editDistance(a: string, b: string): number {
  let before = new Array<number>(b.length + 1).fill(0);
  let up = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((up[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (up[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] ?? 0, (before[j - 2] ?? 0) + 1);
    }
    [before, up] = [up, row];
  }
  return up[b.length] ?? 0;
}

/** What a number written as text (`1600億元`, `93%`, `"3,800"`, `超過80萬`) means, when it can tell. */
export interface ReadNumber {
  value: number;
  unit?: string;
  qualifier?: '>' | '<' | '~';
}

const CJK_UNITS: Record<string, number> = { 萬億: 1e12, 兆: 1e12, 億: 1e8, 亿: 1e8, 萬: 1e4, 万: 1e4, 千: 1e3 };
const LATIN_UNITS: Record<string, number> = { k: 1e3, K: 1e3, m: 1e6, M: 1e6, b: 1e9, B: 1e9, bn: 1e9, t: 1e12, T: 1e12 };
const QUALIFIERS: readonly (readonly [RegExp, '>' | '<' | '~'])[] = [
  [/^(>|＞|超過|超过|逾|多於|多于)\s*/, '>'],
  [/^(<|＜|不足|少於|少于)\s*/, '<'],
  [/^(~|～|約|约|大約|大约)\s*/, '~'],
];

/**
 * Reads a number that a person wrote with units or separators, so that a message can say
 * what to write instead: `1600億元` → 160000000000 元, `93%` → 93 %, `3,800` → 3800.
 */
export function readNumber(text: string): ReadNumber | undefined {
  let s = text.trim();
  let qualifier: ReadNumber['qualifier'];
  for (const [re, q] of QUALIFIERS) {
    if (re.test(s)) {
      qualifier = q;
      s = s.replace(re, '');
      break;
    }
  }
  const m = /^([+-]?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?)\s*(萬億|兆|億|亿|萬|万|千|bn|[kKmMbBtT](?![a-z]))?\s*(.*)$/u.exec(s);
  if (!m) return undefined;
  const base = Number((m[1] ?? '').replace(/[,，]/g, ''));
  const scale = m[2] ? (CJK_UNITS[m[2]] ?? LATIN_UNITS[m[2]] ?? 1) : 1;
  const rest = (m[3] ?? '').trim();
  if (!Number.isFinite(base) || rest.length > 4 || /\d/.test(rest)) return undefined;
  const value = Number((base * scale).toPrecision(15));
  const out: ReadNumber = { value };
  if (rest) out.unit = rest;
  if (qualifier) out.qualifier = qualifier;
  return out;
}

/** "write 160000000000 (the unit 元 goes in `unit`)", or undefined when the text is no number. */
export function numberHint(text: string): string | undefined {
  const n = readNumber(text);
  if (!n) return undefined;
  const parts = [`write the number alone: ${n.value}`];
  if (n.unit) parts.push(`put '${n.unit}' in unit`);
  if (n.qualifier) parts.push(`and '${n.qualifier}' in qualifier`);
  return parts.join(', ');
}
