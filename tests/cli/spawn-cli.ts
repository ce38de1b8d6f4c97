/** The compiled CLI (`lib/cli.js`) in a child process, with a timeout: a hang fails, it never blocks the suite. */
import { spawnSync } from 'node:child_process';
import { CLI, ROOT } from '../perf/compiled-cli.js';

export { CLI, hasCompiledCli, ROOT } from '../perf/compiled-cli.js';

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function spawnCli(args: readonly string[], opts: { cwd?: string; env?: Record<string, string | undefined>; timeoutMs?: number; uid?: number; gid?: number } = {}): CliRun {
  const t0 = performance.now();
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, ...opts.env })) if (v !== undefined) env[k] = v;
  const child = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    env,
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 60_000,
    killSignal: 'SIGKILL',
    ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.gid ?? opts.uid } : {}),
  });
  return { status: child.status, signal: child.signal, stdout: child.stdout ?? '', stderr: child.stderr ?? '', ms: performance.now() - t0 };
}
