/** The character map of an OpenType font, read in place: what chart fonts and layout's measuring share. */

/** Code point → glyph id, from the best Unicode subtable (format 12, else format 4); undefined when the font has neither. `cmap`: the table's offset in `view`. */
export function readCmap(view: DataView, cmap: number): ((cp: number) => number) | undefined {
  const n = view.getUint16(cmap + 2);
  let fmt4: number | undefined;
  let fmt12: number | undefined;
  for (let i = 0; i < n; i++) {
    const rec = cmap + 4 + i * 8;
    const platform = view.getUint16(rec);
    const encoding = view.getUint16(rec + 2);
    const sub = cmap + view.getUint32(rec + 4);
    const format = view.getUint16(sub);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12) fmt12 ??= sub;
    if (format === 4) fmt4 ??= sub;
  }
  if (fmt12 !== undefined) {
    const sub = fmt12;
    const groups = view.getUint32(sub + 12);
    return (cp) => {
      let lo = 0;
      let hi = groups - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const g = sub + 16 + mid * 12;
        const start = view.getUint32(g);
        const end = view.getUint32(g + 4);
        if (cp < start) hi = mid - 1;
        else if (cp > end) lo = mid + 1;
        else return view.getUint32(g + 8) + (cp - start);
      }
      return 0;
    };
  }
  if (fmt4 !== undefined) {
    const sub = fmt4;
    const segX2 = view.getUint16(sub + 6);
    const ends = sub + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    const offsets = deltas + segX2;
    return (cp) => {
      if (cp > 0xffff) return 0;
      for (let s = 0; s < segX2; s += 2) {
        if (view.getUint16(ends + s) < cp) continue;
        const start = view.getUint16(starts + s);
        if (cp < start) return 0;
        const delta = view.getInt16(deltas + s);
        const ro = view.getUint16(offsets + s);
        if (ro === 0) return (cp + delta) & 0xffff;
        const glyph = view.getUint16(offsets + s + ro + 2 * (cp - start));
        return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
      }
      return 0;
    };
  }
  return undefined;
}
