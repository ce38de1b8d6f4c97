/**
 * The V8 tricks briefdeck plays, in one place. Each is kept only where `npm run bench` (or the
 * measurement quoted beside it) showed its gain, and only on the Node majors where that was
 * measured: elsewhere each is a no-op, until someone measures there and adds the major.
 * tests/perf/v8-tricks.test.ts fails when a trick stops having its effect on the running Node.
 */

/** Node majors the tricks were measured on (Node 20.20, 2 cores). */
const MEASURED_ON: ReadonlySet<number> = new Set([20]);

/** Whether the tricks apply on Node `major` (by default, the running one). */
export function tricksApply(major = Number(process.versions.node.split('.')[0])): boolean {
  return MEASURED_ON.has(major);
}

type Gc = (options?: { type?: 'minor' | 'major' }) => void;
let gc: Promise<Gc | undefined> | undefined;

/** A scavenge of this thread's young generation, now. */
export async function scavenge(): Promise<void> {
  if (!tricksApply()) return;
  (await (gc ??= exposeGc()))?.({ type: 'minor' });
}

/**
 * A full (mark-compact) collection of this thread's heap, now: V8's `gc()` without options. On
 * Node 20 `gc({ type: 'major' })` is a scavenge (it freed 0.3 of 87 MB), not this.
 */
export async function collectFull(): Promise<void> {
  if (!tricksApply()) return;
  (await (gc ??= exposeGc()))?.();
}

/** V8's `gc`, had without `--expose-gc` on the command line; a host's own, where it has one. */
async function exposeGc(): Promise<Gc | undefined> {
  const own = (globalThis as { gc?: Gc }).gc;
  if (typeof own === 'function') return own;
  try {
    const [{ setFlagsFromString }, { runInNewContext }] = await Promise.all([import('node:v8'), import('node:vm')]);
    setFlagsFromString('--expose-gc');
    const found = runInNewContext('gc') as Gc | undefined;
    setFlagsFromString('--no-expose-gc');
    return typeof found === 'function' ? found : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs `compile` with V8 compiling WebAssembly by its baseline compiler only (Liftoff), then
 * puts the flags back: for HarfBuzz (680 kB of wasm, in subset-font), whose optimizing-tier
 * compiles competed with the build for the CPU for subsets of ~10 ms either way. Measured on
 * Node 20, loading subset-font and subsetting both chart fonts: 566–591 ms of CPU with it,
 * 1,185–1,521 without (6 runs each); V8 compiled 12 HarfBuzz functions by TurboFan without it,
 * none with it; bench (a), 2×5 runs at load ~3: 1.61 and 1.54 s with it, 1.75 and 1.74 s without. The flags are process-wide, so they are changed only while HarfBuzz compiles,
 * and not at all where the command line already chose (`--liftoff-only` also turns
 * `--wasm-dynamic-tiering` off, which turning it off again does not undo).
 */
export async function compileWithLiftoffOnly<T>(compile: () => Promise<T>): Promise<T> {
  if (!tricksApply() || commandLineHas(/^--(no-)?(liftoff[-_]only|wasm[-_]dynamic[-_]tiering)$/)) return compile();
  const { setFlagsFromString } = await import('node:v8');
  setFlagsFromString('--liftoff-only');
  try {
    return await compile();
  } finally {
    setFlagsFromString('--no-liftoff-only');
    setFlagsFromString('--wasm-dynamic-tiering');
  }
}

/** Whether node was started with a flag like `pattern`, on its command line or in NODE_OPTIONS. */
function commandLineHas(pattern: RegExp): boolean {
  return [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) => pattern.test(a));
}
