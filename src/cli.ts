#!/usr/bin/env node
import { run } from './cli/run.js';

process.exitCode = await run(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stderr.isTTY),
  // Only `watch` listens for Ctrl-C; everywhere else it ends the process as usual.
  onInterrupt: () => new Promise<void>((resolve) => process.once('SIGINT', () => resolve())),
});
