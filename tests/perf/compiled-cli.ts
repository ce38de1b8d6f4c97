/**
 * The compiled CLI (`lib/cli.js`, which `npm test` builds first) in a child `node` process, for
 * tests that must watch a real process: which modules it loads, and charts drawn on worker
 * threads (a thread starts from a .js file, so in-process tests of the TypeScript sources draw
 * every chart on the main thread).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const CLI = path.join(ROOT, 'lib', 'cli.js');

/** Whether lib/ is there; tests skip without it, as tests/e2e do. */
export function hasCompiledCli(): boolean {
  if (existsSync(CLI)) return true;
  console.warn('skipped: lib/cli.js is not compiled (npm test runs tsc first)');
  return false;
}

/**
 * A module to preload (`node --import`) that appends to $BRIEFDECK_LOAD_LOG every module the
 * process resolves: ES modules through a resolve hook (`module.register`), CommonJS ones through
 * `Module._load` (echarts is loaded with `require`).
 */
export function loadLogger(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'briefdeck-load-logger-')), 'load-logger.mjs');
  const hooks = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (process.env.BRIEFDECK_LOAD_LOG) appendFileSync(process.env.BRIEFDECK_LOAD_LOG, 'esm ' + resolved.url + '\\n');
  return resolved;
}`;
  writeFileSync(
    file,
    `import Module, { register } from 'node:module';
import { appendFileSync } from 'node:fs';
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hooks)}));
const load = Module._load;
Module._load = function (request, parent, isMain) {
  const loaded = load.apply(this, arguments);
  if (process.env.BRIEFDECK_LOAD_LOG) appendFileSync(process.env.BRIEFDECK_LOAD_LOG, 'cjs ' + Module._resolveFilename(request, parent, isMain) + '\\n');
  return loaded;
};
`,
  );
  return file;
}

/** Runs lib/cli.js with `args` in the repository's folder. */
export function runCli(args: readonly string[], options: { env?: NodeJS.ProcessEnv; preload?: string } = {}): SpawnSyncReturns<string> {
  const argv = [...(options.preload ? ['--import', options.preload] : []), CLI, ...args];
  return spawnSync(process.execPath, argv, { cwd: ROOT, env: { ...process.env, ...options.env }, encoding: 'utf8', timeout: 120_000 });
}
