import type { ChartCache } from 'briefdeck';

/** Wraps a chart cache to count hits and stores (a store is a chart drawn). */
export function countingCache(inner: ChartCache): { cache: ChartCache; hits: number; sets: number; reset(): void } {
  const counter = {
    hits: 0,
    sets: 0,
    reset() {
      counter.hits = 0;
      counter.sets = 0;
    },
    cache: {
      get(hash: string) {
        const out = inner.get(hash);
        if (out) counter.hits++;
        return out;
      },
      set(hash: string, value: Parameters<ChartCache['set']>[1]) {
        counter.sets++;
        inner.set(hash, value);
      },
    } satisfies ChartCache,
  };
  return counter;
}
