/**
 * Which slide of one deck is which slide of another, by what they show: no identifier survives
 * both PowerPoint and LibreOffice (see `deck-slides.ts`), but shape names and most texts do. A
 * slide the person reworded in places is still recognised by the rest of it; a slide whose every
 * text they rewrote counts as theirs (added) and the original as deleted.
 */

/** What matching looks at: each shape's key and text. */
export interface ShapeText {
  key: string;
  text: string;
}

/** A pair is not the same slide below this share of matching shapes. */
const THRESHOLD = 0.4;

/** Text as compared: editors differ in the whitespace they keep. */
export function sameText(a: string, b: string): boolean {
  return normalize(a) === normalize(b);
}

function normalize(s: string): string {
  return s.replace(/[\s\u2028]+/g, ' ').trim();
}

/** How much two slides look the same: 1 for the same keys and texts, 0 for nothing in common. */
export function slideSimilarity(a: readonly ShapeText[], b: readonly ShapeText[]): number {
  const weight = (s: ShapeText | undefined) => (s && normalize(s.text) ? 1 : 0.25);
  const inA = new Map(a.map((s) => [s.key, s]));
  const inB = new Map(b.map((s) => [s.key, s]));
  let total = 0;
  let same = 0;
  for (const key of new Set([...inA.keys(), ...inB.keys()])) {
    const x = inA.get(key);
    const y = inB.get(key);
    const w = Math.max(weight(x), weight(y));
    total += w;
    if (x && y) same += sameText(x.text, y.text) ? w : 0.1 * w;
  }
  return total ? same / total : 0;
}

/**
 * Pairs slides of `from` with slides of `to` (indexes), best match first; a slide pairs with at
 * most one. Between equally good matches, the nearer place in its deck wins, so two slides that
 * show the same (two section dividers of one name) pair in order.
 */
export function matchSlides(from: readonly (readonly ShapeText[])[], to: readonly (readonly ShapeText[])[]): Map<number, number> {
  const pairs: { i: number; j: number; score: number; distance: number }[] = [];
  // Only slides that share a text can be the same slide, and a text on many slides (the footer)
  // says nothing of which: a large deck is not compared pair by pair.
  const withText = new Map<string, number[]>();
  to.forEach((b, j) => {
    for (const t of new Set(b.map((s) => normalize(s.text)).filter(Boolean))) {
      const list = withText.get(t);
      if (list) list.push(j);
      else withText.set(t, [j]);
    }
  });
  const common = Math.max(8, to.length / 20);
  from.forEach((a, i) => {
    const candidates = new Set(
      a.flatMap((s) => {
        const list = withText.get(normalize(s.text)) ?? [];
        return list.length > common ? [] : list;
      }),
    );
    for (const j of candidates) {
      const score = slideSimilarity(a, to[j] ?? []);
      if (score >= THRESHOLD) pairs.push({ i, j, score, distance: Math.abs(i / Math.max(1, from.length) - j / Math.max(1, to.length)) });
    }
  });
  pairs.sort((x, y) => y.score - x.score || x.distance - y.distance || x.i - y.i);
  const matched = new Map<number, number>();
  const taken = new Set<number>();
  for (const { i, j } of pairs) {
    if (matched.has(i) || taken.has(j)) continue;
    matched.set(i, j);
    taken.add(j);
  }
  return matched;
}
