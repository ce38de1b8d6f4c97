import { editDistance } from '../../text/suggest.js';

/** "datasets: a, b, c" with a "did you mean" first when one name is close. */
export function suggest(name: string, names: string[], what: string): string {
  const close = names
    .map((n) => ({ n, d: editDistance(name.toLowerCase(), n.toLowerCase()) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(name.length / 3)))
    .sort((a, b) => a.d - b.d)[0];
  const all = names.length ? `${what}: ${list(names)}` : `there are no ${what}`;
  return close ? `did you mean '${close.n}'? ${all}` : all;
}

/** Names, comma-separated; past `max`, the first `max` and how many there are. */
export function list(names: readonly string[], max = 12): string {
  return names.length > max ? `${names.slice(0, max).join(', ')} … (${names.length} in all)` : names.join(', ');
}
