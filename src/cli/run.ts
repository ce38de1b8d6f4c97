import { Argument, Command, CommanderError, Option } from 'commander';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BuildResult, Stage } from '../build.js';
import { prestartChartDrawer } from '../charts/drawer/chart-drawer.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatJson, formatText, summary } from '../diagnostics/report.js';
import type { BuildReport } from '../manifest/compare.js';
import { formatReport } from '../manifest/format-report.js';
import { reportJson } from '../manifest/report-json.js';
import { DEFAULT_OUTLINE } from '../paths.js';
import { checkDeckFile } from './check-deck-file.js';
import { EXIT, useColor, type CliIo } from './io.js';
import { parseSourceDateEpoch, SOURCE_DATE_EPOCH_HELP } from './source-date-epoch.js';

const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };

const ON_CONFLICT_HELP =
  "when you edited a shape in the deck and the new build changed it too, whose text the deck keeps: ours (yours) or theirs (the new build's); default: the new data's for text that shows data, yours for the rest";
const OVERWRITE_HELP = 'replace the deck with the new build even if it was edited since the last build, instead of keeping the edits';

const TEMPLATE_HELP = "a company template (.potx or .pptx) to build the deck on, over the outline's deck.template";
const THEME_HELP = "the deck's theme, over the outline's deck.theme: a name (default, dark, or a project's templates/themes/<name>.yaml) or a theme file's path";

/**
 * Runs the command line and returns the exit code: 0 ok, 1 problems in the input, 2 bad usage,
 * 70 an internal error. Never calls process.exit, so tests drive it in-process.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const debug = argv.includes('--debug');
  const program = new Command('briefdeck')
    .description('Turns a YAML outline and its data into a PowerPoint briefing deck.')
    .version(pkg.version, '-v, --version')
    .option('--debug', 'show stack traces of internal errors')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run briefdeck --help for usage)')
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      `
Examples:
  briefdeck build                          outline/briefing.yaml → dist/briefing.pptx
  briefdeck build deck.yaml -o out.pptx    another outline, another file
  briefdeck check --format json            problems as JSON, for an editor or CI
  briefdeck watch                          rebuild on every save
  briefdeck build --theme dark             the dark theme, for projection
  briefdeck check --deck dist/briefing.pptx
  briefdeck check --source article.txt     every evidence: phrase and quotation is in the article
  briefdeck build --template brand.potx    on the company's masters, layouts and theme
  briefdeck template inspect brand.potx    its layouts, placeholders, theme, and what maps where

Exit codes: 0 fine, 1 a problem in the input or where the deck goes (a full disk, a read-only
folder), 2 bad usage, 70 an internal error.

${SOURCE_DATE_EPOCH_HELP}`,
    );

  program
    .command('build')
    .description('build a deck from an outline into dist/<outline>.pptx')
    .argument('[outline]', 'the outline file', DEFAULT_OUTLINE)
    .option('-o, --out <file>', 'write the deck here instead of dist/<outline>.pptx')
    .option('--timings', 'print the time each stage took')
    .option('--theme <name|path>', THEME_HELP)
    .option('--template <file>', TEMPLATE_HELP)
    .addOption(new Option('--on-conflict <whose>', ON_CONFLICT_HELP).choices(['ours', 'theirs']))
    .option('--overwrite', OVERWRITE_HELP)
    .addOption(new Option('--format <format>', 'how to print problems and the change report (json: { diagnostics, deck, report })').choices(['text', 'json']).default('text'))
    .action(async (outline: string, opts: { out?: string; timings?: boolean; theme?: string; template?: string; onConflict?: 'ours' | 'theirs'; overwrite?: boolean; format: 'text' | 'json' }) => {
      const epoch = sourceDateEpoch(io);
      if (epoch === false) return void (exitCode = EXIT.usage);
      // Only now, with the arguments known to be good: the thread keeps the process alive until
      // the build closes it. It loads ECharts on the second core while briefdeck loads here.
      prestartChartDrawer();
      const { buildDeck } = await import('../build.js');
      const result = await buildDeck({
        outline,
        cwd: io.cwd,
        ...(opts.out ? { out: opts.out } : {}),
        ...(opts.theme !== undefined ? { theme: opts.theme } : {}),
        ...(opts.template !== undefined ? { template: opts.template } : {}),
        ...(epoch !== undefined ? { sourceDateEpoch: epoch } : {}),
        ...(opts.onConflict ? { onConflict: opts.onConflict } : {}),
        ...(opts.overwrite ? { overwrite: true } : {}),
      });
      if (opts.format === 'json') {
        // One document for CI: the problems, where the deck went, and what changed since the last build.
        const diagnostics = JSON.parse(formatJson(result.diagnostics, result.texts)) as unknown;
        const deck = result.outFile ? path.relative(io.cwd, result.outFile) : null;
        const changes = withMerge(result);
        io.stdout(`${JSON.stringify({ diagnostics, deck, report: changes ? reportJson(changes) : null }, null, 2)}\n`);
      } else report(io, result.diagnostics, result.texts, opts.format);
      if (opts.timings) io.stderr(formatTimings(result.stats));
      if (!result.outFile) {
        if (opts.format === 'text') io.stderr('no deck written; the deck already there is unchanged\n');
        exitCode = EXIT.input;
        return;
      }
      // The deck is written, but something after it (its manifest) was not.
      if (hasErrors(result.diagnostics)) exitCode = EXIT.input;
      if (opts.format === 'text') {
        const kb = (result.stats.bytes / 1024).toFixed(0);
        io.stdout(`wrote ${path.relative(io.cwd, result.outFile)} (${result.stats.slides} slides, ${result.stats.charts} charts, ${kb} KB)\n`);
        const changes = withMerge(result);
        if (changes && result.deck) io.stdout(formatReport(changes, result.deck.locale));
      }
    });

  program
    .command('check')
    .description('validate an outline, its data and templates without writing a deck; or check a .pptx with --deck')
    .argument('[outline]', 'the outline file', DEFAULT_OUTLINE)
    .option('--deck <file>', 'check the integrity of an existing .pptx instead')
    .option('--source <file>', "also check that every evidence: phrase and every quotation occurs in this text (the deck's source)")
    .option('--theme <name|path>', THEME_HELP)
    .option('--template <file>', TEMPLATE_HELP)
    .addOption(new Option('--format <format>', 'how to print problems').choices(['text', 'json']).default('text'))
    .option('--layout', 'with --format json: print { diagnostics, layout }, layout being how every text box was fitted (box, size, lines, breaks)')
    .action(async (outline: string, opts: { deck?: string; source?: string; theme?: string; template?: string; format: 'text' | 'json'; layout?: boolean }) => {
      const result = opts.deck
        ? await checkDeckFile(path.resolve(io.cwd, opts.deck))
        : await (await import('../check.js')).checkOutline({
            outline,
            cwd: io.cwd,
            ...(opts.source !== undefined ? { source: opts.source } : {}),
            ...(opts.theme !== undefined ? { theme: opts.theme } : {}),
            ...(opts.template !== undefined ? { template: opts.template } : {}),
          });
      if (opts.layout && opts.format === 'json') {
        const layout = 'layout' in result ? (result.layout ?? null) : null;
        io.stdout(`${JSON.stringify({ diagnostics: JSON.parse(formatJson(result.diagnostics, result.texts)) as unknown, layout }, null, 2)}\n`);
      } else report(io, result.diagnostics, result.texts, opts.format, true);
      exitCode = result.diagnostics.some((d) => d.severity === 'error') ? EXIT.input : EXIT.ok;
    });

  program
    .command('watch')
    .description('build, then rebuild whenever the outline, its data or a template changes (Ctrl-C stops)')
    .argument('[outline]', 'the outline file', DEFAULT_OUTLINE)
    .option('-o, --out <file>', 'write the deck here instead of dist/<outline>.pptx')
    .option('--theme <name|path>', THEME_HELP)
    .option('--template <file>', TEMPLATE_HELP)
    .addOption(new Option('--on-conflict <whose>', ON_CONFLICT_HELP).choices(['ours', 'theirs']))
    .option('--overwrite', OVERWRITE_HELP)
    .action(async (outline: string, opts: { out?: string; theme?: string; template?: string; onConflict?: 'ours' | 'theirs'; overwrite?: boolean }) => {
      const epoch = sourceDateEpoch(io);
      if (epoch === false) return void (exitCode = EXIT.usage);
      const { watchDeck } = await import('../watch/watch.js');
      const stop = new AbortController();
      void (io.onInterrupt?.() ?? new Promise<void>(() => {})).then(() => stop.abort());
      io.stderr(`watching ${outline}, its data and templates; Ctrl-C stops\n`);
      await watchDeck({
        outline,
        cwd: io.cwd,
        signal: stop.signal,
        ...(opts.out ? { out: opts.out } : {}),
        ...(opts.theme !== undefined ? { theme: opts.theme } : {}),
        ...(opts.template !== undefined ? { template: opts.template } : {}),
        ...(epoch !== undefined ? { sourceDateEpoch: epoch } : {}),
        ...(opts.onConflict ? { onConflict: opts.onConflict } : {}),
        ...(opts.overwrite ? { overwrite: true } : {}),
        onBuild: (result, ms, info) => {
          const time = new Date().toTimeString().slice(0, 8);
          report(io, result.diagnostics, result.texts, 'text');
          if (result.outFile) {
            const charts = info.build > 1 ? `; charts: ${info.charts.drawn} drawn, ${info.charts.cached} from cache` : '';
            io.stdout(`[${time}] wrote ${path.relative(io.cwd, result.outFile)} in ${ms.toFixed(0)} ms${charts}\n`);
            const changes = withMerge(result);
            if (changes && result.deck) io.stdout(formatReport(changes, result.deck.locale));
          } else {
            io.stderr(`[${time}] not rebuilt: the last good deck stays in place; fix the problems above and save\n`);
          }
        },
      });
      io.stderr('stopped watching\n');
    });

  program
    .command('schema')
    .description('print the JSON Schema of the outline, a data file or a theme (for editors)')
    .addArgument(new Argument('[which]', 'which schema').choices(['outline', 'data', 'theme']).default('outline'))
    .action(async (which: 'outline' | 'data' | 'theme') => {
      const { jsonSchemas } = await import('../schema/json-schema.js');
      io.stdout(jsonSchemas()[which]);
    });

  const template = program
    .command('template')
    .description('look into a company template (.potx or .pptx): briefdeck template inspect FILE')
    .argument('[command]', 'inspect')
    .action((command: string | undefined) => {
      io.stderr(`briefdeck template: ${command === undefined ? 'which command? ' : `unknown command '${command}'; `}try: briefdeck template inspect FILE\n`);
      exitCode = EXIT.usage;
    });
  template
    .command('inspect')
    .description('print the masters, layouts and placeholders (type, idx, name, box in inches), the slide size, the theme, and which layout kind maps to which layout')
    .argument('<file>', 'the template (.potx or .pptx)')
    .addOption(new Option('--format <format>', 'text, or json for tools').choices(['text', 'json']).default('text'))
    .action(async (file: string, opts: { format: 'text' | 'json' }) => {
      const { inspectTemplate } = await import('./inspect-template.js');
      const inspected = await inspectTemplate(path.resolve(io.cwd, file), file, opts.format);
      if (inspected.output !== undefined) io.stdout(inspected.output);
      else report(io, inspected.diagnostics, new Map(), opts.format);
      exitCode = inspected.output === undefined ? EXIT.input : EXIT.ok;
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    if (argv.length === 0) program.outputHelp();
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? EXIT.ok : EXIT.usage;
    }
    io.stderr(`briefdeck: internal error: ${(e as Error).message}\n`);
    io.stderr(debug ? `${(e as Error).stack}\n` : 'This is a bug in briefdeck, not in your outline. Run again with --debug and report the output.\n');
    return EXIT.internal;
  }
}

function report(io: CliIo, diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>, format: 'text' | 'json', always = false): void {
  if (format === 'json') {
    io.stdout(`${formatJson(diagnostics, texts)}\n`);
    return;
  }
  if (diagnostics.length) io.stderr(formatText(diagnostics, { texts, cwd: io.cwd, color: useColor(io) }));
  else if (always) io.stdout(`${summary(diagnostics)}\n`);
}

/** The change report with what merging the person's edits did, which the write stage gives beside it. */
function withMerge(result: BuildResult): BuildReport | undefined {
  return result.report && (result.merge ? { ...result.report, merge: result.merge } : result.report);
}

/** SOURCE_DATE_EPOCH from the environment; `false` (after saying why) when it is not a date. */
function sourceDateEpoch(io: CliIo): number | undefined | false {
  const parsed = parseSourceDateEpoch(io.env.SOURCE_DATE_EPOCH);
  if (parsed.ok) return parsed.value;
  io.stderr(`briefdeck: ${parsed.message}\n`);
  return false;
}

function formatTimings(stats: BuildResult['stats']): string {
  const stages: Stage[] = ['load', 'bind', 'layout', 'charts', 'emit', 'finish', 'write'];
  const row = (name: string, ms: number, note = '') => `  ${name.padEnd(7)} ${ms.toFixed(1).padStart(8)} ms${note}`;
  const rows = stages.flatMap((stage) => {
    const ms = stats.timings[stage];
    if (ms === undefined) return [];
    return [row(stage, ms, stage === 'charts' && stats.timings.emit !== undefined ? '   (drawn while emit and finish ran)' : '')];
  });
  return `${['timings:', ...rows, row('total', stats.ms, '   (the whole build)')].join('\n')}\n`;
}
