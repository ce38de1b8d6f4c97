import type { PartialDate, Qualifier } from './types.js';

/** Chinese large-number units, largest first, as Taiwan writes them: 10^12 is 兆 (not 萬億). Decks in other locales go through src/locale. */
const UNITS: readonly (readonly [number, string])[] = [
  [1e12, '兆'],
  [1e8, '億'],
  [1e4, '萬'],
];

/**
 * A number in Chinese units, as a reader of the article writes it: 380000000000 → "3800億",
 * 45000000 → "4500萬", 1.44e13 → "14.4兆", 5000 → "5000". At most `decimals` decimals, trailing
 * zeros dropped. With `units: false`, thousands separators instead: "380,000,000,000".
 */
export function formatNumber(n: number, opts: { units?: boolean; decimals?: number } = {}): string {
  const decimals = opts.decimals ?? 1;
  if (opts.units === false) return groupThousands(n, decimals);
  const abs = Math.abs(n);
  for (const [size, unit] of UNITS) {
    if (abs >= size) return trimDecimals(n / size, decimals) + unit;
  }
  return trimDecimals(n, decimals);
}

/** 93 → "93%"; the value is already in percent. */
export function formatPercent(n: number, decimals = 1): string {
  return `${trimDecimals(n, decimals)}%`;
}

/** A value with its unit: `%` values as percentages, the rest in Chinese units ("3800億元"). */
export function formatValue(value: number, unit: string): string {
  return unit === '%' ? formatPercent(value) : formatNumber(value) + unit;
}

const QUALIFIER_WORDS: Record<Qualifier, string> = { '=': '', '>': '超過', '<': '不足', '~': '約' };

/** "超過" for `>`, "約" for `~` …: the word a Chinese sentence puts before the number. */
export function qualifierWord(q: Qualifier): string {
  return QUALIFIER_WORDS[q];
}

/** "2025-03-07" → "2025年3月7日", "2025-03" → "2025年3月", "2025" → "2025年". */
export function formatDate(date: PartialDate): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  return `${y}年${mo ? `${Number(mo)}月` : ''}${d ? `${Number(d)}日` : ''}`;
}

/**
 * Rounds parts so that they still add up to the rounded total (largest remainder), so a
 * breakdown's labels never contradict its total: [33.33, 33.33, 33.34] → [33, 33, 34].
 */
export function roundToSum(parts: readonly number[], decimals = 0): number[] {
  const scale = 10 ** decimals;
  const scaled = parts.map((p) => p * scale);
  const floors = scaled.map(Math.floor);
  const target = Math.round(scaled.reduce((a, b) => a + b, 0));
  let short = target - floors.reduce((a, b) => a + b, 0);
  const order = scaled.map((v, i) => ({ i, rest: v - Math.floor(v) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (short <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    short -= 1;
  }
  return floors.map((f) => f / scale);
}

function trimDecimals(n: number, decimals: number): string {
  return String(Number(n.toFixed(decimals)));
}

function groupThousands(n: number, decimals: number): string {
  const [int = '', frac] = trimDecimals(n, decimals).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}
