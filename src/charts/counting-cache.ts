import type { ChartCache } from './plan-charts.js';

/** A chart cache that also counts, since its last `reset()`, the charts it served and the charts drawn into it. */
export interface CountingCache extends ChartCache {
  readonly counts: { drawn: number; cached: number };
  reset(): void;
}

/** Wraps `inner` to count its hits (`cached`) and stores (`drawn`): what `watch` and the bench report. */
export function countingCache(inner: ChartCache): CountingCache {
  const counts = { drawn: 0, cached: 0 };
  return {
    counts,
    reset() {
      counts.drawn = 0;
      counts.cached = 0;
    },
    get(hash) {
      const out = inner.get(hash);
      if (out) counts.cached++;
      return out;
    },
    set(hash, out) {
      counts.drawn++;
      inner.set(hash, out);
    },
  };
}
