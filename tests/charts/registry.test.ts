import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { error } from '../../src/diagnostics/diagnostic.js';
import type { Fail } from '../../src/charts/kinds/kind-spec.js';
import { CHART_KIND_NAMES, CHART_KINDS, CHART_KINDS_DESCRIPTION } from '../../src/charts/kinds/registry.js';
import { resolveChart } from '../../src/charts/resolve.js';
import { renderSvg } from '../../src/charts/render/echarts-ssr.js';
import { chartSchema } from '../../src/load/outline/schema.js';
import { capex, data, HALF, origin, request } from './fixtures.js';
import { context, measure } from './helpers.js';
import { dot } from './sixth-kind/dot.js';

const ROOT = path.resolve(__dirname, '../..');

describe('the registry', () => {
  it('lists the five kinds, in the order the outline schema gives them', () => {
    expect(CHART_KIND_NAMES).toEqual(['ranking', 'rank-change', 'comparison', 'breakdown', 'share']);
    expect(chartSchema.shape.kind.options).toEqual(CHART_KIND_NAMES);
  });

  it("says what each kind draws as the schema's description of `kind` does", () => {
    expect(CHART_KINDS_DESCRIPTION).toBe(chartSchema.shape.kind.description);
  });

  it.each(CHART_KIND_NAMES)('%s: a dataset of another type is CHART_WRONG_DATASET_TYPE, at `data`', (kind) => {
    const other = [...data.values()].find((d) => d.type !== CHART_KINDS[kind].wants);
    if (!other) throw new Error('the fixtures have a dataset of each type');
    const dataAt = { file: 'outline/briefing.yaml', range: [7, 9] as const };
    const { chart, diagnostics } = resolveChart(request(kind, other.id, { fieldOrigins: { data: dataAt } }), data);
    expect(chart).toBeUndefined();
    expect(diagnostics).toMatchObject([{ code: 'CHART_WRONG_DATASET_TYPE', source: dataAt }]);
    expect(diagnostics[0]?.message).toContain(`a ${kind} chart draws a ${CHART_KINDS[kind].wants} dataset`);
  });
});

describe('a sixth kind through the same interface (tests/charts/sixth-kind/dot.ts)', () => {
  const fail: Fail = (code, message, hint, at) => ({ diagnostics: [error(code, message, at ?? origin, hint)] });

  it('resolves, draws, refuses a native form and describes itself', async () => {
    const { chart, diagnostics } = dot.resolve(request('comparison', 'ai.capex', { highlight: 'alibaba' }), capex, fail);
    expect(diagnostics).toEqual([]);
    if (!chart) throw new Error('no chart');
    expect(chart.items.map((i) => i.key)).toEqual(['alibaba', 'bytedance']);
    const ctx = context(HALF);
    const svg = await renderSvg(dot.option(chart, ctx).option, ctx.width, ctx.height, measure);
    expect(svg).toContain('超過3800億元');
    expect(svg).toContain('1600億元');
    expect(dot.native(chart, ctx.theme, ctx.locale)).toMatchObject({ code: 'CHART_NATIVE_UNSUPPORTED' });
    expect(dot.altText(chart, ctx.locale)).toMatch(/^點圖：大廠AI基礎設施投入：阿里巴巴（未來3年）超過3800億元/);
  });

  it('reports items in two units with the shared check', () => {
    const { chart, diagnostics } = dot.resolve(
      request('comparison', 'ai.capex', { items: ['alibaba', 'compute'] }),
      { ...capex, items: [...capex.items.slice(0, 2), { ...(capex.items[2] as (typeof capex.items)[number]), unit: '美元' }] },
      fail,
    );
    expect(chart).toBeUndefined();
    expect(diagnostics).toMatchObject([{ code: 'CHART_MIXED_UNITS' }]);
  });
});

/**
 * The claim of the registry: a sixth kind is its own file in src/charts/kinds/ and a line in
 * registry.ts, nothing else. A copy of src/ gets exactly that (dot.ts, and `dot` in the
 * registry); the compiler accepts it and lists what an incomplete or misnamed entry lacks; the
 * compiled CLI, with only those two modules changed, validates, draws and refuses `kind: dot`.
 */
describe('adding a kind touches the registry and one new file', () => {
  let tmp: string;
  const kinds = () => path.join(tmp, 'src', 'charts', 'kinds');
  beforeAll(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'briefdeck-sixth-kind-'));
    cpSync(path.join(ROOT, 'src'), path.join(tmp, 'src'), { recursive: true });
    for (const shared of ['node_modules', 'templates', 'assets', 'schema']) if (existsSync(path.join(ROOT, shared))) symlinkSync(path.join(ROOT, shared), path.join(tmp, shared));
    cpSync(path.join(ROOT, 'package.json'), path.join(tmp, 'package.json'));
    const dotSource = readFileSync(path.join(__dirname, 'sixth-kind', 'dot.ts'), 'utf8')
      .replaceAll("'../../../src/charts/kinds/", "'./")
      .replaceAll("'../../../src/charts/", "'../");
    writeFileSync(path.join(kinds(), 'dot.ts'), dotSource);
    const registry = readFileSync(path.join(kinds(), 'registry.ts'), 'utf8');
    const withDot = insertOnce(insertOnce(registry, "import { share } from './share.js';\n", "import { dot } from './dot.js';\n"), '  share,\n', '  dot,\n');
    writeFileSync(path.join(kinds(), 'registry.ts'), withDot);
    // Two mistakes the compiler must name: an entry without alt text, an entry under another kind's name.
    writeFileSync(path.join(kinds(), 'dot-incomplete.ts'), dotSource.replace(/\n {2}altText: .*\n/, '\n').replace('export const dot:', 'export const dotIncomplete:'));
    writeFileSync(path.join(kinds(), 'registry-misnamed.ts'), withDot.replace('  dot,\n', '  dots: dot,\n'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('compiles; the compiler lists what an incomplete or misnamed entry lacks', () => {
    const roots = [
      'charts/kinds/registry.ts',
      'load/outline/schema.ts',
      'charts/plan-charts.ts',
      'charts/drawer/draw-batch.ts',
      'charts/kinds/dot-incomplete.ts',
      'charts/kinds/registry-misnamed.ts',
    ].map((f) => path.join(tmp, 'src', f));
    cpSync(path.join(ROOT, 'tsconfig.json'), path.join(tmp, 'tsconfig.json'));
    const config = ts.getParsedCommandLineOfConfigFile(path.join(tmp, 'tsconfig.json'), { noEmit: true, incremental: false }, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    if (!config) throw new Error('tsconfig.json not read');
    // The entry points of the charts and the schema, and the declarations src/ keeps (subset-font's).
    const program = ts.createProgram([...roots, ...config.fileNames.filter((f) => f.endsWith('.d.ts'))], config.options);
    const errors = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file && /[\\/]src[\\/](charts|load[\\/]outline)[\\/]/.test(d.file.fileName))
      .map((d) => ({ file: path.relative(path.join(tmp, 'src'), d.file?.fileName ?? ''), text: ts.flattenDiagnosticMessageText(d.messageText, '\n') }));
    expect(
      errors.filter((e) => !/^charts[\\/]kinds[\\/](dot-incomplete|registry-misnamed)\.ts$/.test(e.file)),
      JSON.stringify(errors),
    ).toEqual([]);
    const said = (file: string) =>
      errors
        .filter((e) => e.file.endsWith(file))
        .map((e) => e.text)
        .join('\n');
    expect(said('dot-incomplete.ts')).toMatch(/Property 'altText' is missing/);
    expect(said('registry-misnamed.ts')).toMatch(/kind: "dots"/);
  }, 120_000);

  it('the compiled CLI, given only the two new modules, builds a dot chart and refuses a native one', (ctx) => {
    if (!existsSync(path.join(ROOT, 'lib', 'cli.js'))) return ctx.skip();
    cpSync(path.join(ROOT, 'lib'), path.join(tmp, 'lib'), { recursive: true });
    for (const name of ['dot', 'registry']) {
      const source = readFileSync(path.join(kinds(), `${name}.ts`), 'utf8');
      const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }, fileName: `${name}.ts` }).outputText;
      writeFileSync(path.join(tmp, 'lib', 'charts', 'kinds', `${name}.js`), js);
    }
    const project = path.join(tmp, 'project');
    mkdirSync(path.join(project, 'data'), { recursive: true });
    cpSync(path.join(__dirname, 'projects', 'mixed-units', 'data', 'capex.yaml'), path.join(project, 'data', 'capex.yaml'));
    const outline = (render: string) =>
      [
        'deck:',
        '  title: 點圖',
        '  date: "2025-03-10"',
        'data:',
        '  capex: data/capex.yaml',
        'slides:',
        '  - layout: chart',
        '    title: 兩項投入',
        `    chart: { kind: dot, data: capex.spending, items: [bytedance, compute], render: ${render} }`,
        '    takeaway: 算力採購較多',
        '',
      ].join('\n');
    const cli = (args: string[]) => spawnSync(process.execPath, [path.join(tmp, 'lib', 'cli.js'), ...args], { cwd: project, encoding: 'utf8', timeout: 120_000 });

    const schema = cli(['schema', 'outline']);
    expect(schema.status, schema.stderr).toBe(0);
    expect(schema.stdout).toContain('"dot"');

    writeFileSync(path.join(project, 'dot.yaml'), outline('echarts'));
    const built = cli(['build', 'dot.yaml', '-o', 'dot.pptx']);
    expect(built.status, built.stderr).toBe(0);
    const zip = unzipSync(new Uint8Array(readFileSync(path.join(project, 'dot.pptx'))));
    const slides = Object.keys(zip)
      .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
      .map((n) => strFromU8(zip[n] as Uint8Array));
    expect(slides.some((xml) => xml.includes('descr="點圖：'))).toBe(true);
    expect(Object.keys(zip).some((n) => /^ppt\/media\/.*\.png$/.test(n))).toBe(true);

    writeFileSync(path.join(project, 'native.yaml'), outline('native'));
    const refused = cli(['build', 'native.yaml', '-o', 'native.pptx', '--format', 'json']);
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stdout + refused.stderr).toContain('CHART_NATIVE_UNSUPPORTED');
    expect(existsSync(path.join(project, 'native.pptx'))).toBe(false);
  }, 180_000);
});

function insertOnce(text: string, after: string, inserted: string): string {
  const at = text.indexOf(after);
  if (at < 0 || text.indexOf(after, at + 1) >= 0) throw new Error(`'${after.trim()}' is not in registry.ts exactly once`);
  return text.slice(0, at + after.length) + inserted + text.slice(at + after.length);
}
