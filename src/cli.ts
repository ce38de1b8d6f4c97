#!/usr/bin/env node
import { run } from './cli/run.js';
import { removeTemporaryFilesSync } from './write/temporary-files.js';

// `run` parses the arguments before it loads anything heavy: a usage error, --help or --version
// answers at once. A valid `build` starts its chart thread first thing (see the build command).

// Ctrl-C or a kill: `watch` stops at its next quiet moment (a second signal ends it at once);
// anything else ends now, without leaving the temporary file of a write under way.
let stopWatching: (() => void) | undefined;
const onSignal = (signal: NodeJS.Signals) => {
  if (stopWatching) {
    const stop = stopWatching;
    stopWatching = undefined;
    return stop();
  }
  removeTemporaryFilesSync();
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  // Ended by the signal itself, so the parent sees what ended it (exit status 128 + n).
  process.kill(process.pid, signal);
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

process.exitCode = await run(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stderr.isTTY),
  onInterrupt: () => new Promise<void>((resolve) => (stopWatching = resolve)),
});
