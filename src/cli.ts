#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { prestartChartDrawer } from './charts/chart-drawer.js';

// The old generation grows by half at most between collections. V8 otherwise picks the factor
// from how fast collecting went (up to ×4), and while a chart thread held the other core the
// 1,000-slide bench deck peaked anywhere from 430 to 680 MB; with this, 380–410 MB, as fast.
// Set here, for the briefdeck process only: as a library, briefdeck leaves its host's heap alone.
setFlagsFromString('--heap-growing-percent=50');

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
