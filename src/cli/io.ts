/** What the CLI talks to; tests pass their own, the bin passes the process's. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal (colours only there). */
  isTTY: boolean;
  /** Resolves when the user asks to stop (Ctrl-C); used by `watch`. */
  onInterrupt?: () => Promise<void>;
}

export const EXIT = { ok: 0, input: 1, usage: 2, internal: 70 } as const;

/** Colours only on a terminal, and never when NO_COLOR is set (no-color.org). */
export function useColor(io: CliIo): boolean {
  return io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
}
