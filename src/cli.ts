#!/usr/bin/env node
import { prestartChartDrawer } from './charts/drawer/chart-drawer.js';

// A build draws its charts on a worker thread. Started before the rest of briefdeck loads, the
// thread has ECharts loaded by the time the deck is laid out.
if (process.argv[2] === 'build') prestartChartDrawer();

const { run } = await import('./cli/run.js');

process.exitCode = await run(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stderr.isTTY),
  // Only `watch` listens for Ctrl-C; everywhere else it ends the process as usual.
  onInterrupt: () => new Promise<void>((resolve) => process.once('SIGINT', () => resolve())),
});
