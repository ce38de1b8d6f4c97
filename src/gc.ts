type Gc = (options?: { type?: 'minor' | 'major' }) => void;
let gc: Promise<Gc | undefined> | undefined;

/**
 * A garbage collection of this thread's heap, now (V8's `gc`, had without `--expose-gc` on the
 * command line); nothing where it cannot be had. For the two places where measurement showed
 * that V8, left to itself, holds far more memory than the build needs (see the callers).
 */
export async function collectGarbage(type: 'minor' | 'major'): Promise<void> {
  (await (gc ??= exposeGc()))?.({ type });
}

async function exposeGc(): Promise<Gc | undefined> {
  // Started with --expose-gc: the host's own gc, and its flag left as it is.
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
