/**
 * Where a timeline's events go along its axis: by their dates where every date can be read, so
 * four events within sixteen days do not look as far apart as two years; evenly where one cannot.
 */

/** A date as a span of days since 1970 (UTC): a day is one day long, "2025年2–3月" two months. */
export interface DateSpan {
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** An en or figure dash, a hyphen, a tilde or 至/到 between the two ends of a range. */
const TO = String.raw`\s*(?:[-–—~～〜]|至|到)\s*`;

const dayOf = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY_MS;
const monthSpan = (y: number, from: number, to = from): DateSpan => ({ start: dayOf(y, from, 1), end: dayOf(y, to + 1, 1) });

/** "Jan", "January", "Sept." → 1, 1, 9: a month's English name or its first three or four letters; undefined for anything else. */
function monthNamed(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = MONTHS.findIndex((m) => w === m || ((w.length === 3 || w.length === 4) && m.startsWith(w)));
  return i < 0 ? undefined : i + 1;
}

const valid = (y: number, m: number, d = 1) => m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * The span a timeline date names, or undefined: a year ("2023", "2023年"), a month ("2023-07",
 * "2023年7月", "July 2023", "Jul 2023", "2023/7"), a day ("2025-01-20", "2025年1月20日",
 * "January 20, 2025", "20 Jan 2025"), or a range of months within a year ("2025年2–3月",
 * "Feb–Mar 2025"). Full-width digits read as digits.
 */
export function parseEventDate(text: string): DateSpan | undefined {
  const t = text.normalize('NFKC').trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})\s*年?$/.exec(t))) return { start: dayOf(Number(m[1]), 1, 1), end: dayOf(Number(m[1]) + 1, 1, 1) };
  if ((m = /^(\d{4})(?:\s*年\s*|[-/.])(\d{1,2})\s*月?$/.exec(t)) && valid(Number(m[1]), Number(m[2]))) return monthSpan(Number(m[1]), Number(m[2]));
  if ((m = /^(\d{4})(?:\s*年\s*|[-/.])(\d{1,2})(?:\s*月\s*|[-/.])(\d{1,2})\s*[日號号]?$/.exec(t)) && valid(Number(m[1]), Number(m[2]), Number(m[3]))) {
    const start = dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
    return { start, end: start + 1 };
  }
  if ((m = new RegExp(`^(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月?${TO}(\\d{1,2})\\s*月$`).exec(t))) {
    const [y, from, to] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (valid(y, from) && valid(y, to) && from <= to) return monthSpan(y, from, to);
  }
  if ((m = /^([A-Za-z]+\.?)\s+(\d{4})$/.exec(t))) {
    const month = monthNamed(m[1] as string);
    if (month) return monthSpan(Number(m[2]), month);
  }
  if ((m = new RegExp(`^([A-Za-z]+\\.?)${TO}([A-Za-z]+\\.?)\\s+(\\d{4})$`).exec(t))) {
    const [from, to] = [monthNamed(m[1] as string), monthNamed(m[2] as string)];
    if (from && to && from <= to) return monthSpan(Number(m[3]), from, to);
  }
  const day = /^([A-Za-z]+\.?)\s+(\d{1,2}),?\s+(\d{4})$/.exec(t) ?? /^(\d{1,2})\s+([A-Za-z]+\.?),?\s+(\d{4})$/.exec(t);
  if (day) {
    const [name, d] = /^\d/.test(day[1] as string) ? [day[2] as string, Number(day[1])] : [day[1] as string, Number(day[2])];
    const month = monthNamed(name);
    const y = Number(day[3]);
    if (month && valid(y, month, d)) {
      const start = dayOf(y, month, d);
      return { start, end: start + 1 };
    }
  }
  return undefined;
}

/**
 * Each event's moment on the axis, oldest first: the start of its span, or later where an earlier
 * event falls inside a coarser span ("2023年" after "2023年7月" is read as later in 2023).
 * Undefined when a date cannot be read or the events are not in order.
 */
export function eventMoments(dates: readonly string[]): number[] | undefined {
  const moments: number[] = [];
  for (const text of dates) {
    const span = parseEventDate(text);
    if (!span) return undefined;
    const before = moments.at(-1) ?? Number.NEGATIVE_INFINITY;
    if (before >= span.end) return undefined;
    moments.push(Math.max(span.start, before));
  }
  return moments;
}

/**
 * Positions between `lo` and `hi` as near as can be to the moments scaled onto that range, with
 * neighbours at least `gap` apart (least squares: pool-adjacent-violators on x − i·gap, then
 * clamped to the range, which keeps it optimal). Evenly spaced where the moments are all one.
 */
export function scaledPositions(moments: readonly number[], lo: number, hi: number, gap: number): number[] {
  const n = moments.length;
  const first = moments[0] ?? 0;
  const last = moments.at(-1) ?? 0;
  if (n < 2) return [(lo + hi) / 2];
  const even = Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
  if (last === first || hi - lo < (n - 1) * gap) return even;
  const wanted = moments.map((t, i) => lo + ((hi - lo) * (t - first)) / (last - first) - i * gap);
  // Blocks of pooled values: each holds its mean and how many it pools.
  const blocks: { mean: number; count: number }[] = [];
  for (const w of wanted) {
    blocks.push({ mean: w, count: 1 });
    while (blocks.length > 1 && (blocks.at(-2) as { mean: number }).mean > (blocks.at(-1) as { mean: number }).mean) {
      const b = blocks.pop() as { mean: number; count: number };
      const a = blocks.pop() as { mean: number; count: number };
      blocks.push({ mean: (a.mean * a.count + b.mean * b.count) / (a.count + b.count), count: a.count + b.count });
    }
  }
  const top = hi - (n - 1) * gap;
  const y = blocks.flatMap((b) => Array<number>(b.count).fill(Math.min(top, Math.max(lo, b.mean))));
  return y.map((v, i) => v + i * gap);
}
