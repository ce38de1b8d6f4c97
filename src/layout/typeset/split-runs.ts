/**
 * A paragraph's runs cut at the line breaks layout decided (offsets into the runs' joined text):
 * a piece after a break is marked `softBreakBefore` (pptxgenjs writes `<a:br/>` before it), and
 * the spaces a line ended with are dropped, since the break stands for them.
 */
export function splitRuns<R extends { text: string }>(runs: readonly R[], breaks: readonly number[] | undefined): (R & { softBreakBefore?: true })[] {
  if (!breaks?.length) return [...runs];
  const out: (R & { softBreakBefore?: true })[] = [];
  let offset = 0;
  let pending = false;
  for (const run of runs) {
    const end = offset + run.text.length;
    const cuts = [offset, ...breaks.filter((b) => b > offset && b < end), end];
    cuts.slice(1).forEach((to, i) => {
      const from = cuts[i] as number;
      const isBreakAfter = breaks.includes(to);
      const text = run.text.slice(from - offset, to - offset);
      const piece = { ...run, text: isBreakAfter ? text.trimEnd() : text } as R & { softBreakBefore?: true };
      if (pending || (i > 0 && breaks.includes(from))) piece.softBreakBefore = true;
      pending = false;
      if (piece.text || piece.softBreakBefore) out.push(piece);
      if (isBreakAfter) pending = true;
    });
    offset = end;
  }
  return out;
}
