/**
 * `briefdeck watch` end to end, in a temporary copy of the default project, in-process. Every
 * wait polls for what it waits for (the deck, a line of output, a build) with a generous
 * deadline; only the checks that nothing more happens wait a fixed quiet time.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build.js';
import type { CliIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { watchDeck, type WatchBuildInfo } from '../../src/watch/watch.js';
import { chartSlide, copyProject, DEEPSEEK_2, DEEPSEEK_4, deepseekWebSlides, same, type Project } from '../rebuild/project.js';

const DEADLINE = 90_000;
/** How long "nothing more happens" is watched for: well past the debounce and a file event's delay. */
const QUIET = 1_500;

async function waitFor<T>(what: string, probe: () => T | undefined | false | null, timeout = DEADLINE): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() - t0 > timeout) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const projects: Project[] = [];
afterEach(() => {
  for (const p of projects.splice(0)) p.remove();
});
function project(): Project {
  const p = copyProject('briefdeck-watch-');
  projects.push(p);
  return p;
}

interface Build {
  result: BuildResult;
  info: WatchBuildInfo;
  start: number;
  end: number;
}

/** `watchDeck` on a project, recording every build; `stop()` aborts it and waits for it to end. */
function watching(p: Project, options: { out?: string; debounceMs?: number; cwd?: string } = {}) {
  const builds: Build[] = [];
  const controller = new AbortController();
  const done = watchDeck({
    outline: path.join(p.dir, p.outline),
    cwd: options.cwd ?? p.dir,
    signal: controller.signal,
    ...(options.out ? { out: options.out } : {}),
    ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
    onBuild: (result, ms, info) => {
      const end = performance.now();
      builds.push({ result, info, start: end - ms, end });
    },
  });
  return {
    builds,
    done,
    /** Waits for build number `n` (1 is the first). */
    build: (n: number) => waitFor(`build ${n}`, () => builds[n - 1]),
    stop: async () => {
      controller.abort();
      await done;
    },
  };
}

const errors = (r: BuildResult) => r.diagnostics.filter((d) => d.severity === 'error');

describe('briefdeck watch (the command, in-process)', { timeout: 4 * DEADLINE }, () => {
  it('builds; rebuilds on a data edit; keeps the deck through a broken outline; recovers; stops on Ctrl-C with exit 0', async () => {
    const p = project();
    const out: string[] = [];
    const err: string[] = [];
    let interrupt: () => void = () => undefined;
    const interrupted = new Promise<void>((resolve) => (interrupt = resolve));
    const io: CliIo = { stdout: (s) => out.push(s), stderr: (s) => err.push(s), cwd: p.dir, env: {}, isTTY: false, onInterrupt: () => interrupted };
    const exit = run(['watch', p.outline], io);
    const wrote = () => out.join('').match(/wrote dist[\\/]briefing\.pptx in \d+ ms/g)?.length ?? 0;

    await waitFor('the first deck', () => wrote() === 1);
    expect(err.join('')).toContain('watching outline/briefing.yaml');
    const first = readFileSync(p.deck);

    p.edit('data/a16z.yaml', DEEPSEEK_2, DEEPSEEK_4);
    await waitFor('the deck rebuilt after the data edit', () => wrote() === 2);
    // The report is in the deck's language (zh-TW): the data first, then the chart it redrew.
    expect(out.join('')).toContain('a16z.web：DeepSeek 2 → 4\n');
    expect(out.join('')).toMatch(new RegExp(`第(\\d+、)*${chartSlide('a16z.web')}(、\\d+)*張投影片：圖表重繪`));
    const second = readFileSync(p.deck);
    expect(same(first, second)).toBe(false);

    const good = p.read('briefing.yaml');
    p.write('briefing.yaml', good.replace('\nslides:\n', '\nslides: [\n'));
    await waitFor('the diagnostics of the broken outline', () => err.join('').includes('not rebuilt'));
    expect(err.join('')).toContain('OUTLINE_YAML_SYNTAX');
    expect(err.join('')).toMatch(/briefing\.yaml:\d+:\d+/);
    expect(same(readFileSync(p.deck), second)).toBe(true);

    p.write('briefing.yaml', good);
    await waitFor('the deck rebuilt after the fix', () => wrote() === 3);
    // Same inputs as the second build: nothing changed against the last good deck, same bytes.
    expect(out.join('').split(/wrote dist[\\/]briefing\.pptx/)[3]).toMatch(/沒有投影片變動（共\d+張）/);
    expect(same(readFileSync(p.deck), second)).toBe(true);

    interrupt();
    expect(await exit).toBe(0);
    expect(err.join('')).toContain('stopped watching');
    expect(same(readFileSync(p.deck), second)).toBe(true);
    // Writing the deck, its manifest and the copy a merge compares with did not set off more builds.
    expect(wrote()).toBe(3);
    expect(readdirSync(path.dirname(p.deck)).sort()).toEqual(['.briefdeck', 'briefing.manifest.json', 'briefing.pptx']);
  });
});

describe('watchDeck', { timeout: 4 * DEADLINE }, () => {
  it('takes the charts whose data did not change from its cache', async () => {
    const p = project();
    const w = watching(p);
    try {
      const first = await w.build(1);
      expect(errors(first.result)).toEqual([]);
      const charts = first.result.stats.charts;
      expect(charts).toBeGreaterThan(1);
      expect(first.info).toEqual({ build: 1, changed: [], charts: { drawn: charts, cached: 0 } });

      p.edit('data/a16z.yaml', DEEPSEEK_2, DEEPSEEK_4);
      const second = await w.build(2);
      expect(second.info.changed).toEqual([p.file('data/a16z.yaml')]);
      // Only the web ranking is drawn again.
      expect(second.info.charts).toEqual({ drawn: 1, cached: charts - 1 });
      expect(second.result.report?.changed.map((c) => c.number)).toEqual(deepseekWebSlides());
    } finally {
      await w.stop();
    }
  });

  it('makes one build of a burst of saves, and one more for a save during a build, never two at once', async () => {
    const p = project();
    const w = watching(p, { debounceMs: 200 });
    try {
      await w.build(1);
      // A burst: two files saved together make one build that names both.
      p.edit('data/a16z.yaml', DEEPSEEK_2, DEEPSEEK_4);
      p.edit('data/survey.yaml', 'value: 77', 'value: 78');
      const burst = await w.build(2);
      expect(burst.info.changed).toEqual([p.file('data/a16z.yaml'), p.file('data/survey.yaml')]);
      await sleep(QUIET);
      expect(w.builds).toHaveLength(2);

      // A save while a build runs: the build under way finishes, then exactly one more.
      p.edit('data/a16z.yaml', DEEPSEEK_4, DEEPSEEK_2);
      await sleep(260);
      p.edit('data/survey.yaml', 'value: 78', 'value: 79');
      await w.build(4);
      await sleep(QUIET);
      expect(w.builds).toHaveLength(4);
      for (let i = 1; i < w.builds.length; i++) expect(w.builds[i]!.start).toBeGreaterThanOrEqual(w.builds[i - 1]!.end - 1);
      const last = w.builds[3]!.result;
      expect(errors(last)).toEqual([]);
      const manifest = JSON.parse(readFileSync(p.manifest, 'utf8')) as { slides: { values: Record<string, string> }[] };
      expect(manifest.slides.map((s) => s.values['a16z.web: DeepSeek']).filter(Boolean)).toEqual(deepseekWebSlides().map(() => '2'));
      expect(manifest.slides.some((s) => s.values['survey.sos: global']?.startsWith('79'))).toBe(true);
    } finally {
      await w.stop();
    }
  });

  it('goes on after a build whose write fails, and builds again when the problem is gone', async () => {
    const p = project();
    // A file where the output folder should be: the environment's problem, said as such.
    writeFileSync(path.join(p.dir, 'dist'), 'not a folder');
    const w = watching(p);
    try {
      const first = await w.build(1);
      expect(first.result.outFile).toBeUndefined();
      expect(first.result.diagnostics).toMatchObject([{ code: 'WRITE_PARENT_NOT_A_FOLDER', severity: 'error', source: { file: p.deck } }]);

      rmSync(path.join(p.dir, 'dist'));
      p.edit('data/a16z.yaml', DEEPSEEK_2, DEEPSEEK_4);
      const second = await w.build(2);
      expect(errors(second.result)).toEqual([]);
      expect(second.result.outFile).toBe(p.deck);
      expect(existsSync(p.deck)).toBe(true);
    } finally {
      await w.stop();
    }
  });

  it('watches a data file the outline starts to use, even deeper than the watched depth', async () => {
    const p = project();
    const w = watching(p);
    try {
      await w.build(1);
      mkdirSync(p.file('data/more/by/source'), { recursive: true });
      p.write(
        'data/more/by/source/extra.yaml',
        'extra:\n  type: figures\n  title: 附加\n  asOf: "2025-03"\n  source: { publisher: 測試, title: 測試 }\n  items:\n    users: { label: 用戶, value: 100000, unit: 人 }\n',
      );
      p.edit('briefing.yaml', '  industry: data/industry.yaml\n', '  industry: data/industry.yaml\n  more: data/more/by/source/extra.yaml\n');
      p.edit('briefing.yaml', '      - 讓人們意識到「大力出奇跡」並非AI唯一出路\n', '      - 讓人們意識到「大力出奇跡」並非AI唯一出路\n      - \'附加：{{figure more.extra "users"}}\'\n');
      const second = await waitFor('a build that uses the new data file', () => w.builds.find((b) => b.result.outFile && b.result.texts.has(p.file('data/more/by/source/extra.yaml'))));
      expect(errors(second.result)).toEqual([]);
      const count = w.builds.length;

      p.edit('data/more/by/source/extra.yaml', 'value: 100000', 'value: 200000');
      const third = await w.build(count + 1);
      expect(third.info.changed).toEqual([p.file('data/more/by/source/extra.yaml')]);
      expect(third.result.report?.changed).toEqual([expect.objectContaining({ values: [{ key: 'more.extra: users', before: '10萬人', after: '20萬人' }] })]);
    } finally {
      await w.stop();
    }
  });

  it('does not watch its own output, even beside the outline, in a project folder called dist', async () => {
    const p = project();
    // The project itself lives in a folder named dist; the deck goes beside the outline.
    const root = path.join(p.dir, 'dist');
    mkdirSync(root);
    renameSync(path.join(p.dir, 'outline'), path.join(root, 'outline'));
    const deck = path.join(root, 'outline', 'briefing.pptx');
    const w = watching({ ...p, dir: root }, { out: deck, cwd: root });
    try {
      const first = await w.build(1);
      expect(first.result.outFile).toBe(deck);
      expect(existsSync(path.join(root, 'outline', 'briefing.manifest.json'))).toBe(true);
      await sleep(QUIET);
      expect(w.builds).toHaveLength(1);

      const a16z = path.join(root, 'outline', 'data', 'a16z.yaml');
      writeFileSync(a16z, readFileSync(a16z, 'utf8').replace(DEEPSEEK_2, DEEPSEEK_4));
      const second = await w.build(2);
      expect(second.result.report?.changed.map((c) => c.number)).toEqual(deepseekWebSlides());
      await sleep(QUIET);
      expect(w.builds).toHaveLength(2);
    } finally {
      await w.stop();
    }
  });

  it('when stopped during a build, lets it finish: the deck is whole, and no temporary file is left', async () => {
    const p = project();
    const w = watching(p, { debounceMs: 10 });
    await w.build(1);
    const before = readFileSync(p.deck);
    p.edit('data/a16z.yaml', DEEPSEEK_2, DEEPSEEK_4);
    await sleep(150);
    await w.stop();
    const after = readFileSync(p.deck);
    expect(() => unzipSync(after)).not.toThrow();
    // Either the build had not started (the last good deck) or it finished (the new one).
    if (w.builds.length === 1) expect(same(after, before)).toBe(true);
    else expect(w.builds[1]?.result.outFile).toBe(p.deck);
    expect(readdirSync(path.dirname(p.deck)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const count = w.builds.length;
    p.edit('data/a16z.yaml', DEEPSEEK_4, DEEPSEEK_2);
    await sleep(QUIET);
    expect(w.builds).toHaveLength(count);
  });
});
