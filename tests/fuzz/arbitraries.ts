/**
 * fast-check generators of whole briefdeck projects: an outline, its data files (YAML and CSV),
 * partials and a theme, from valid-ish to broken. Each generator takes `junk`, the chance that a
 * value is replaced by one of the wrong type, so a run spans decks that build and decks that fail
 * in every field.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { CHART_KIND_NAMES as CHART_KINDS } from '../../src/charts/kinds/registry.js';
import { LAYOUT_KINDS } from '../../src/layout/registry.js';

/** Every layout kind the registry has: a kind added there is generated here too. */
export const LAYOUTS = Object.keys(LAYOUT_KINDS) as (keyof typeof LAYOUT_KINDS)[];

/** Whether to generate inputs of findings still open (FUZZ_OPEN=1); `npm test` leaves them out so it stays green. */
export const OPEN_FINDINGS = process.env.FUZZ_OPEN === '1';

/** Characters that have broken text pipelines: C0/C1 controls, noncharacters, lone surrogates, bidi controls, combining marks, XML and Handlebars syntax. */
const SPECIAL = [
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000B',
  '\u000C',
  '\u001B',
  '\u001F',
  '\u007F',
  '\u0085',
  '\u009F',
  '\uFFFE',
  '\uFFFF',
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF',
  '\uFEFF',
  '\u2028',
  '\u2029',
  '\u200B',
  '\u200D',
  '\u200E',
  '\u200F',
  '\u202A',
  '\u202E',
  '\u2066',
  '\u2069',
  '\u0301',
  '\u20DD',
  'שלום',
  'مرحبا',
  '﷽',
  '😀',
  '👩‍👩‍👧‍👦',
  '🇹🇼',
  '🏳️‍🌈',
  '𠜎',
  '中文',
  '臺灣',
  '〈',
  '｜',
  '　',
  'ｱ',
  '한국어',
  'ไทย',
  'Ω',
  'ß',
  'İ',
  '&',
  '<',
  '>',
  '"',
  "'",
  '&amp;',
  ']]>',
  '<![CDATA[',
  '<?xml',
  '\t',
  '\n',
  '\r',
  '\r\n',
  ' ',
  '  ',
  '\\',
  '%',
  '$',
  '#',
  ':',
  '- ',
  '*',
  '!',
  '|',
] as const;

const chunk = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 2, arbitrary: fc.constantFrom('DeepSeek', '豆包', '夸克', '阿里巴巴', 'ChatGPT', '百度AI搜索', 'a16z', '2025') },
);

/** A web address a source may give (a url that is not one is DATA_BAD_URL / OUTLINE_BAD_URL): http(s), a host, a path. */
const webUrl: fc.Arbitrary<string> = fc.tuple(fc.constantFrom('https://', 'http://', 'HTTPS://'), fc.domain(), fc.webPath()).map(([s, d, p]) => `${s}${d}${p}`);

/** Text of every Unicode kind, sometimes long (up to ~20,000 characters). */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.array(chunk, { maxLength: 8 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.tuple(chunk, fc.integer({ min: 200, max: 20_000 })).map(([c, n]) => (c || 'x').repeat(Math.ceil(n / Math.max(1, c.length)))) },
);

/** Text without control characters, surrogates or noncharacters: what a careful user types. */
export const plainText: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom('DeepSeek', '豆包', '中文標題', '😀', 'שלום', 'A & B <c>', '第一', ' ', '2025年'), fc.string({ unit: 'grapheme-ascii', maxLength: 6 })), {
    minLength: 1,
    maxLength: 5,
  })
  .map((a) => a.join('').replace(/[\u0000-\u001F\u007F]/g, '') || '標題');

/** A value of any JSON/YAML type: what a user may put where something else belongs. */
export const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -0, Number.MAX_SAFE_INTEGER, '', [], {}, '2025-13-45', 'NaN', '.inf', 'null'),
  anyText,
  fc.integer(),
  fc.double(),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), { maxKeys: 3 }),
  nested(),
);

/** Lists nested `depth` deep (the walkers that recurse over YAML). */
function nested(): fc.Arbitrary<unknown> {
  return fc.tuple(fc.integer({ min: 1, max: 60 }), fc.boolean()).map(([depth, asMap]) => {
    let v: unknown = 'leaf';
    for (let i = 0; i < depth; i++) v = asMap ? { k: v } : [v];
    return v;
  });
}

/** `valid` when `junk` is 0; otherwise sometimes `invalid` too (values of the right type that the checks must reject). */
export function pick<T>(junk: number, valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return junk > 0 ? fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: invalid }) : valid;
}

const nonEmpty = anyTextMax(200).filter((s) => s.length > 0);

/** Text of every kind, at most `max` characters long. */
function anyTextMax(max: number): fc.Arbitrary<string> {
  return anyText.filter((s) => s.length <= max);
}

/** `valid`, or with chance `junk` a value of the wrong type. */
export function maybe<T>(valid: fc.Arbitrary<T>, junk: number): fc.Arbitrary<unknown> {
  if (junk <= 0) return valid;
  const bad = Math.max(1, Math.round(junk * 100));
  return fc.oneof({ weight: 100 - Math.min(bad, 99), arbitrary: valid }, { weight: Math.min(bad, 99), arbitrary: junkValue });
}

/** A record of fields, each perhaps junk; optional fields are left out half the time; with chance `junk`, an unknown key too. */
function record(required: Record<string, fc.Arbitrary<unknown>>, optional: Record<string, fc.Arbitrary<unknown>>, junk: number): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.fromEntries([...Object.entries(required), ...Object.entries(optional)].map(([k, a]) => [k, maybe(a, junk)]));
  const drop = Object.keys(required);
  return fc
    .tuple(
      fc.record(fields, { requiredKeys: Object.keys(required) }),
      fc.option(fc.tuple(fc.oneof(fc.constantFrom('titel', 'Title', 'bulets', '__proto__', 'constructor', 'layout '), fc.string({ maxLength: 8 })), junkValue), {
        freq: Math.max(1, Math.round(1 / Math.max(junk, 0.01))),
      }),
      fc.option(fc.constantFrom(...(drop.length ? drop : ['-'])), { freq: Math.max(1, Math.round(1 / Math.max(junk, 0.01))) }),
    )
    .map(([r, extra, missing]) => {
      const out: Record<string, unknown> = { ...r };
      if (junk > 0 && missing) delete out[missing];
      if (junk > 0 && extra) Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true, writable: true, configurable: true });
      return out;
    });
}

/** What the templates can refer to. */
export interface Names {
  datasets: { id: string; type: 'ranking' | 'figures'; entries: string[]; groups: string[] }[];
  partials: string[];
}

/** A Handlebars template: text mixed with expressions that are right, wrong, or do not parse. */
export function template(names: Names, junk: number): fc.Arbitrary<string> {
  const ids = names.datasets.map((d) => d.id);
  const id = ids.length ? fc.constantFrom(...ids, 'nope.none') : fc.constant('a16z.web');
  const entry = fc.oneof(fc.constantFrom(...new Set(names.datasets.flatMap((d) => d.entries).concat(['DeepSeek', 'nobody']))), plainText);
  const quoted = (a: fc.Arbitrary<string>) => a.map((s) => JSON.stringify(s));
  const typed = names.datasets.map((d) =>
    d.type === 'ranking'
      ? fc.oneof(
          fc.tuple(fc.constantFrom('rank'), fc.constantFrom(...d.entries)).map(([h, e]) => `{{${h} ${d.id} ${JSON.stringify(e)}}}`),
          fc.constantFrom(`{{asOf ${d.id}}}`, `{{cite ${d.id}}}`, `{{count ${d.id}}}`, `{{count ${d.id} group="china"}}`),
        )
      : fc.oneof(
          fc.tuple(fc.constantFrom('value', 'figure', 'label'), fc.constantFrom(...d.entries)).map(([h, e]) => `{{${h} ${d.id} ${JSON.stringify(e)}}}`),
          fc.constantFrom(`{{asOf ${d.id}}}`, `{{cite ${d.id}}}`),
        ),
  );
  const good = fc.oneof(
    fc.constantFrom(
      '{{deck.title}}',
      '{{deck.date}}',
      '{{date deck.date}}',
      '{{num 100000}}',
      '{{percent 93}}',
      '{{date "2025-03-07"}}',
      '{{#if deck.title}}有{{else}}無{{/if}}',
      '{{!-- a comment --}}',
    ),
    ...typed,
    ...(names.partials.length && junk > 0 ? [fc.constantFrom(...names.partials).map((p) => `{{> ${p}}}`)] : []),
  );
  const bad = fc.oneof(
    fc.constantFrom(
      '{{',
      '}}',
      '{{#if}}',
      '{{#each deck}}x',
      '{{/if}}',
      '{{nosuchname}}',
      '{{deck.__proto__}}',
      '{{deck.constructor}}',
      '{{{deck.title}}}',
      '{{> missing}}',
      '{{rank}}',
      '{{rank 1 2 3 4}}',
      '{{value a16z.web}}',
      '{{num "x"}}',
      '{{date "2025-99-99"}}',
      '{{lookup deck "title"}}',
      '{{log deck}}',
      '{{#with deck}}{{title}}{{/with}}',
      '{{@root.deck.title}}',
      '{{this}}',
      '{{../x}}',
      '{{a.b.c.d.e}}',
      '{{#each (rank)}}{{/each}}',
      '\\{{deck.title}}',
      '{{~deck.title~}}',
    ),
    fc.integer({ min: 1, max: 60 }).map((n) => `${'{{#if deck.title}}'.repeat(n)}x${'{{/if}}'.repeat(n)}`),
    fc.tuple(fc.constantFrom('rank', 'value', 'figure', 'label', 'period', 'change'), id, quoted(entry)).map(([h, d, e]) => `{{${h} ${d} ${e}}}`),
    fc
      .tuple(fc.constantFrom('rank', 'figure', 'count', 'change'), id, quoted(entry), fc.constantFrom('edition="2024-08"', 'compare="1999"', 'group="china"', 'edition=1', 'x=y'))
      .map(([h, d, e, o]) => `{{${h} ${d} ${e} ${o}}}`),
  );
  // Clean text has no braces: one before a {{ would make it {{{.
  const text = fc.oneof({ weight: 20, arbitrary: anyTextMax(300) }, { weight: 1, arbitrary: anyText }).map((t) => (junk > 0 ? t : t.replace(/[{}\u0000]/g, '')));
  const piece = fc.oneof({ weight: 6, arbitrary: text }, { weight: 3, arbitrary: good }, { weight: Math.max(0, Math.round(junk * 20)), arbitrary: bad });
  return fc.array(piece, { maxLength: 4 }).map((a) => a.join(''));
}

const dateLike = (junk: number) => pick(junk, fc.constantFrom('2025-03', '2025-03-10', '2024-08', '2024', '2025-02-24'), fc.constantFrom('2025-3', '25-03', 'March', '2025-00', '9999-12', ''));

/** A ranking dataset; `csv` says its entries are in a CSV file instead. */
function ranking(names: string[], groups: string[], junk: number, csv: string | undefined): fc.Arbitrary<Record<string, unknown>> {
  const entry = record(
    { name: pick(junk, fc.oneof(fc.constantFrom(...names), nonEmpty), fc.constant('')) },
    {
      rank: pick(junk, fc.integer({ min: 1, max: 60 }), fc.integer({ min: -3, max: 10_000 })),
      group: pick(junk, fc.constantFrom(...groups), fc.constant('nogroup')),
      score: fc.oneof(fc.nat(), fc.double({ min: 0, max: 1e12, noNaN: true })),
      maker: anyTextMax(200),
    },
    junk,
  );
  // A clean edition: distinct names, ranks 1, 2, … in order, `within` the list size for the rest.
  const tidy = (size: number) => (entries: Record<string, unknown>[]) => {
    if (junk > 0) return entries.map((e) => (e.rank === undefined && !('within' in e) ? { ...e, within: 10 } : e));
    const seen = new Set<unknown>();
    const all = [...entries, ...names.map((name) => ({ name, rank: 1 }))];
    const id = (e: { name?: unknown }) => String(e.name).trim().normalize('NFC');
    return all.filter((e) => !seen.has(id(e)) && seen.add(id(e))).map(({ rank, ...e }, i) => (rank === undefined ? { ...e, within: size } : { ...e, rank: i + 1 }));
  };
  const edition = (size: number) =>
    record({ asOf: dateLike(junk), entries: csv ? fc.constant(csv) : fc.array(entry, { minLength: junk > 0 ? 0 : 1, maxLength: size }).map(tidy(size)) }, { note: anyTextMax(200) }, junk);
  return (junk > 0 ? fc.integer({ min: 1, max: 25 }) : fc.constant(100)).chain((size) =>
    record(
      {
        type: fc.constant('ranking'),
        title: nonEmpty,
        source: record({ publisher: nonEmpty, title: nonEmpty }, { via: anyTextMax(200), url: pick(junk, webUrl, anyTextMax(200)) }, junk),
        groups: fc.constant(Object.fromEntries(groups.map((g) => [g, { label: g }]))),
        editions: fc
          .array(edition(size), { minLength: junk > 0 ? 1 : 2, maxLength: 3 })
          .map((eds) => eds.map((e, i) => ({ ...e, asOf: typeof e.asOf === 'string' && junk === 0 ? `${2025 - i}-03` : e.asOf }))),
      },
      { size: pick(junk, fc.constant(size), fc.constant(1)), basis: anyTextMax(200), scoreUnit: anyTextMax(20) },
      junk,
    ),
  );
}

/** A figures dataset; `csv` says its items are in a CSV file instead. */
function figures(keys: string[], junk: number, csv: string | undefined): fc.Arbitrary<Record<string, unknown>> {
  // One unit for a clean dataset: a breakdown of mixed units is an error.
  return fc.constantFrom('元', '%', '人', '', '億').chain((unit) => figuresIn(unit, keys, junk, csv));
}

function figuresIn(unit: string, keys: string[], junk: number, csv: string | undefined): fc.Arbitrary<Record<string, unknown>> {
  const item = (k: string, i: number) =>
    record(
      {
        label: nonEmpty,
        // The first item is the total the others may be parts of: in a clean dataset they add up to less.
        value: pick(junk, i === 0 ? fc.constant(1e12) : fc.integer({ min: 0, max: 4e11 }), fc.double({ noNaN: true, noDefaultInfinity: true })),
        unit: pick(junk, fc.constant(unit), fc.constantFrom('元', '%', '人', '', '億')),
      },
      {
        qualifier: fc.constantFrom('=', '>', '<', '~'),
        period: anyTextMax(200),
        parent: pick(junk, fc.constant(keys[0]!), fc.constantFrom(...keys.filter((x) => x !== k), 'noparent')),
        note: anyTextMax(200),
      },
      junk,
    ).map((r) => (i === 0 ? (({ parent: _p, ...rest }) => rest)(r) : r));
  const items = csv ? fc.constant(csv) : fc.tuple(...keys.map((k, i) => item(k, i))).map((vals) => Object.fromEntries(keys.map((k, i) => [k, vals[i]])));
  return record({ type: fc.constant('figures'), title: nonEmpty, asOf: dateLike(junk), source: record({ publisher: nonEmpty, title: nonEmpty }, { via: anyTextMax(200) }, junk), items }, {}, junk);
}

/** A CSV file for a ranking or figures dataset: header, rows, quotes, ragged rows, BOM, CRLF. */
export function csvText(type: 'ranking' | 'figures', junk: number): fc.Arbitrary<string> {
  const columns = type === 'ranking' ? ['rank', 'name', 'group', 'score', 'maker', 'within'] : ['key', 'label', 'value', 'unit', 'qualifier', 'period', 'parent', 'note'];
  const header = fc.oneof(
    { weight: 6, arbitrary: fc.constant(type === 'ranking' ? ['rank', 'name', 'group'] : ['key', 'label', 'value', 'unit']) },
    { weight: Math.round(junk * 10), arbitrary: fc.subarray([...columns, 'bogus', 'name'], { minLength: 0 }) },
  );
  const cell = (col: string) => {
    const valid =
      col === 'value' || col === 'score' || col === 'rank'
        ? fc.nat().map(String)
        : col === 'group'
          ? fc.constantFrom('china', '')
          : col === 'within'
            ? fc.constant('')
            : plainText.map((t) => t.trim() || 'x');
    return junk > 0
      ? fc.oneof({ weight: 10, arbitrary: valid }, { weight: Math.round(junk * 10), arbitrary: fc.oneof(anyTextMax(300), fc.constantFrom('3800億', '1e5', '-1', '"', '"a,b"', 'x\ny', '')) })
      : valid;
  };
  // A clean row i: rank i + 1, the names and keys the templates use first, values that add up.
  const tidy = (col: string, i: number, v: string) =>
    col === 'rank'
      ? String(i + 1)
      : col === 'name'
        ? (['DeepSeek', '豆包', '夸克', 'ChatGPT'][i] ?? `${v}#${i}`)
        : col === 'key'
          ? (['alibaba', 'bytedance', 'compute'][i] ?? `k${i}`)
          : col === 'value'
            ? i === 0
              ? '1000000000000'
              : String(i)
            : col === 'unit'
              ? '元'
              : v;
  return fc.tuple(header, fc.boolean(), fc.boolean()).chain(([cols, bom, crlf]) => {
    const row =
      junk > 0 ? fc.tuple(...cols.map(cell)).chain((cells) => fc.oneof({ weight: 9, arbitrary: fc.constant(cells) }, { weight: 1, arbitrary: fc.subarray(cells) })) : fc.tuple(...cols.map(cell));
    return fc.array(row, { minLength: junk > 0 ? 0 : 4, maxLength: junk > 0 ? 40 : 12 }).map((rows) => {
      const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
      const nl = crlf ? '\r\n' : '\n';
      const cells = junk > 0 ? rows : rows.map((r, i) => r.map((v, c) => tidy(cols[c]!, i, v)));
      return (bom ? '\uFEFF' : '') + [cols.join(','), ...cells.map((r) => r.map(quote).join(','))].join(nl) + nl;
    });
  });
}

/** A partial: a template, sometimes one that nests blocks or includes itself; clean, text or the built-in forms. */
function partial(name: string, names: Names, junk: number): fc.Arbitrary<string> {
  if (junk === 0)
    return name === 'source-line'
      ? fc.constantFrom('資料來源：{{#each datasets}}{{cite this}}{{#unless @last}}；{{/unless}}{{/each}}', '{{#each datasets}}{{cite this}} {{/each}}')
      : anyTextMax(300).map((t) => t.replace(/[{}]/g, ''));
  return fc.oneof(
    { weight: 6, arbitrary: template(names, junk) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '{{#each datasets}}{{cite this}}{{#unless @last}}；{{/unless}}{{/each}}',
        '{{deck.source.publisher}}〈{{deck.source.title}}〉',
        '{{> article}}',
        '{{#each datasets}}{{this.title}}{{/each}}',
        '{{#if}}',
        '{{> source-line}}',
      ),
    },
  );
}

/** A theme: the default one with values changed, wrong types and bad font files. */
function theme(junk: number): fc.Arbitrary<Record<string, unknown>> {
  const hex = pick(
    junk,
    fc.integer({ min: 0, max: 0xffffff }).map((n) => n.toString(16).padStart(6, '0').toUpperCase()),
    fc.constantFrom('#FFFFFF', 'red', 'FFF', 'GGGGGG', ''),
  );
  // A font name with " or < is written unescaped into theme1.xml (a broken deck, exit 0; reported with issue 11):
  // left out until that is fixed, unless FUZZ_OPEN=1 asks for the open findings too.
  const font = fc
    .oneof(plainText, fc.constantFrom('Arial', 'Microsoft JhengHei', '新細明體', 'Font "quoted" <x> & y', ' ', 'שלום', '😀'))
    .map((f) => (OPEN_FINDINGS ? f : f.replace(/["<&]/g, '') || 'Arial'));
  const fontFile = pick(
    junk,
    fc.constant('npm:@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf'),
    fc.constantFrom('missing.ttf', 'fake.ttf', '../fake.ttf', 'npm:no-such-package/x.ttf', ''),
  );
  const size = pick(junk, fc.integer({ min: 6, max: 80 }), fc.constantFrom(0, -5, 0.5, 400, 401, 1e9));
  const colorKeys = ['background', 'text', 'muted', 'accent', 'accent2', 'subdued', 'grid', 'darkBackground', 'darkText', 'up', 'down'];
  const sizeKeys = ['title', 'sectionTitle', 'heading', 'body', 'small', 'figure', 'quote', 'footer'];
  return record(
    {
      name: plainText,
      colors: record(Object.fromEntries(colorKeys.map((k) => [k, hex])), {}, junk),
      fonts: record({ latin: font, eastAsian: font, chartRegular: fontFile, chartBold: fontFile, chartFamily: fc.constantFrom('Noto Sans TC', 'Nope') }, {}, junk),
      sizes: record(Object.fromEntries(sizeKeys.map((k) => [k, size])), {}, junk),
    },
    {},
    junk,
  );
}

/** One file of a generated project, by its path relative to the project folder. */
export type Files = Record<string, string>;

export interface Project {
  files: Files;
  /** The outline's path in `files`. */
  outline: string;
  /** Whether the generator meant this project to be valid (junk 0, no text mutation); informative only. */
  clean: boolean;
}

/** Damage to a YAML file's text: what an editor, a paste or a merge leaves behind. */
const textMutation = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(anyText, fc.constantFrom('\t', ': :', '- [', '{', '"', "'", '&a', '*a', '*nope', '<<: *a', '!!binary x', '%YAML 1.1\n', '---\n', '...\n', '? ', '\n  bad: indent\n', '\u0000')),
  }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('nest' as const), depth: fc.integer({ min: 1, max: 300 }), flow: fc.boolean() }),
);

type Mutation = typeof textMutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, m: Mutation): string {
  const at = 'at' in m ? m.at % (text.length + 1) : 0;
  switch (m.kind) {
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'cut':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'truncate':
      return text.slice(0, at);
    case 'nest':
      return `${text}\nextra: ${m.flow ? '['.repeat(m.depth) + ']'.repeat(m.depth) : `${Array.from({ length: m.depth }, (_, i) => `\n${'  '.repeat(i + 1)}k:`).join('')} x`}\n`;
  }
}

const NAMESPACES = ['a16z', 'capex', 'd_1'];

/** A whole project, its `junk` one of `junks`: 0 gives decks meant to build; more gives more wrong values. */
export function project(junks: readonly number[] = [0, 0, 0, 0.02, 0.1, 0.3]): fc.Arbitrary<Project> {
  return fc.constantFrom(...junks).chain((junk) =>
    fc
      .record({
        kinds: fc.array(fc.constantFrom<'ranking' | 'figures'>('ranking', 'figures'), { minLength: 1, maxLength: 3 }),
        csv: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        partialNames: fc.subarray(['article', 'source-line', 'note', 'deep']),
        withTheme: fc.boolean(),
        mutations: junk > 0 ? fc.array(textMutation, { maxLength: 2 }) : fc.constant([]),
        dataMutations: junk > 0 ? fc.array(textMutation, { maxLength: 1 }) : fc.constant([]),
      })
      .chain((shape) => {
        const entries = ['DeepSeek', '豆包', '夸克', 'ChatGPT'];
        const keys = ['alibaba', 'bytedance', 'compute'];
        const names: Names = {
          datasets: shape.kinds.map((type, i) => ({ id: `${NAMESPACES[i]}.${type === 'ranking' ? 'web' : 'spending'}`, type, entries: type === 'ranking' ? entries : keys, groups: ['china'] })),
          partials: shape.partialNames,
        };
        const datasets = fc.tuple(
          ...shape.kinds.map((type, i) => {
            const csv = shape.csv[i] ? `${NAMESPACES[i]}.csv` : undefined;
            const ds = type === 'ranking' ? ranking(entries, ['china'], junk, csv) : figures(keys, junk, csv);
            return fc.tuple(ds, csv ? csvText(type, junk) : fc.constant(undefined));
          }),
        );
        return fc.record({
          outline: outline(names, junk),
          datasets,
          partials: fc.tuple(...shape.partialNames.map((name) => partial(name, names, junk))),
          theme: shape.withTheme ? theme(junk) : fc.constant(undefined),
          shape: fc.constant(shape),
          names: fc.constant(names),
        });
      })
      .map(({ outline: generated, datasets, partials, theme: th, shape, names }) => {
        const files: Files = {};
        let doc = generated;
        const deck = doc.deck;
        if (th && typeof deck === 'object' && deck !== null && !Array.isArray(deck)) doc = { ...doc, deck: { ...deck, theme: 'fuzz' } };
        let outlineText = stringify(doc, { lineWidth: 0 });
        for (const m of shape.mutations) outlineText = mutate(outlineText, m);
        files['outline.yaml'] = outlineText;
        datasets.forEach(([ds, csv], i) => {
          const ns = NAMESPACES[i]!;
          const key = names.datasets[i]!.id.split('.')[1]!;
          let text = stringify({ [key]: ds }, { lineWidth: 0 });
          for (const m of shape.dataMutations) text = mutate(text, m);
          files[`data/${ns}.yaml`] = text;
          if (csv !== undefined) files[`data/${ns}.csv`] = csv;
        });
        shape.partialNames.forEach((p, i) => {
          files[`templates/partials/${p}.hbs`] = partials[i]!;
        });
        if (th) {
          files['templates/themes/fuzz.yaml'] = stringify(th, { lineWidth: 0 });
          files['templates/themes/fake.ttf'] = 'not a font\u0000\u0001';
        }
        return { files, outline: 'outline.yaml', clean: junk === 0 && shape.mutations.length === 0 };
      }),
  );
}

/** An outline over the given datasets and partials. */
function outline(names: Names, junk: number): fc.Arbitrary<Record<string, unknown>> {
  const tpl = template(names, junk);
  const common = { notes: tpl, sources: fc.subarray([...names.datasets.map((d) => d.id), 'nope.x']).map((a) => (junk === 0 ? a.filter((x) => x !== 'nope.x') : a)) };
  const bullet = fc.oneof(tpl, record({ text: tpl }, { sub: fc.array(tpl, { maxLength: 3 }) }, junk));
  const list = <T>(a: fc.Arbitrary<T>, min: number, max: number) => fc.array(a, { minLength: junk > 0 ? 0 : min, maxLength: junk > 0 ? max + 3 : max });
  const chart = fc.constantFrom(...(names.datasets.length ? names.datasets : [{ id: 'none.x', type: 'ranking' as const, entries: [], groups: [] }])).chain((d) =>
    (d.type === 'ranking'
      ? pick(junk, fc.constantFrom('ranking', 'rank-change'), fc.constantFrom(...CHART_KINDS, 'pie'))
      : pick(junk, fc.constantFrom('comparison', 'breakdown'), fc.constantFrom(...CHART_KINDS, 'pie'))
    ).chain((kind) =>
      record(
        { kind: fc.constant(kind), data: pick(junk, fc.constant(d.id), fc.constantFrom('nope.x', 'bad id')) },
        {
          highlight: pick(junk, fc.constantFrom(...(d.type === 'ranking' ? d.groups : d.entries)), fc.constantFrom(...d.groups, ...d.entries, 'zzz')),
          render: pick(junk, fc.constant(kind === 'comparison' ? 'native' : 'echarts'), fc.constant('native')),
          changes: pick(junk, fc.constant(kind === 'ranking'), fc.boolean()),
          title: anyTextMax(200),
          ...(junk > 0 ? { items: fc.subarray(d.entries, { minLength: 1 }), edition: dateLike(junk), compare: dateLike(junk) } : {}),
        },
        junk,
      ),
    ),
  );
  const slide: fc.Arbitrary<Record<string, unknown>> = fc.constantFrom(...LAYOUTS).chain((layout) => {
    const L = { layout: fc.constant(layout) };
    switch (layout) {
      case 'title':
        return record({ ...L, title: tpl }, { subtitle: tpl, meta: tpl, ...common }, junk);
      case 'agenda':
        return record(L, { title: tpl, items: list(tpl, 1, 6), ...common }, junk);
      case 'section':
        return record({ ...L, title: tpl }, { number: fc.constantFrom('01', '02', '١', '99999'), subtitle: tpl, ...common }, junk);
      case 'bullets':
        return record({ ...L, title: tpl, bullets: list(bullet, 1, 8) }, common, junk);
      case 'figures':
        return record({ ...L, title: tpl, figures: list(record({ value: tpl, label: tpl }, { detail: tpl }, junk), 1, 4) }, common, junk);
      case 'quote':
        return record({ ...L, quote: tpl, speaker: tpl }, { role: tpl, ...common }, junk);
      case 'chart':
        return record({ ...L, title: tpl, chart, takeaway: tpl }, common, junk);
      case 'timeline':
        return record({ ...L, title: tpl, events: list(record({ date: tpl, label: tpl }, { detail: tpl }, junk), 2, 8) }, common, junk);
      case 'comparison': {
        const column = record({ heading: tpl, bullets: list(bullet, 1, 5) }, {}, junk);
        return record({ ...L, title: tpl, left: column, right: column }, common, junk);
      }
      case 'takeaways':
        return record({ ...L, title: tpl, points: list(record({ heading: tpl, text: tpl }, {}, junk), 1, 4) }, common, junk);
      case 'sources':
        return record(L, { title: tpl, items: fc.array(tpl, { maxLength: 3 }), ...common }, junk);
      case 'changes':
        return record(L, { title: tpl, data: fc.array(fc.constantFrom(...names.datasets.map((d) => d.id), 'nope.x'), { minLength: 1, maxLength: 3 }), ...common }, junk);
    }
  });
  const deck = record(
    { title: fc.oneof(plainText, anyTextMax(300)), date: pick(junk, fc.constantFrom('2025-03-10', '2024-12-31'), fc.constantFrom('2025-02-30', '2025-3-1', '10000-01-01', '')) },
    {
      subtitle: anyText,
      author: anyText,
      // A control character in lang reaches every slide's XML: issue 11's sanitizer item, a regression case in known-issues.test.ts.
      lang: fc.constantFrom('zh-TW', 'zh-CN', 'en-US', 'ar', 'he-IL', '', ...(OPEN_FINDINGS ? ['x-\u0000'] : [])),
      theme: fc.constant('default'),
      source: record({ publisher: anyTextMax(300), title: anyTextMax(300) }, { author: anyTextMax(300), date: anyTextMax(300), url: pick(junk, webUrl, anyTextMax(300)) }, junk),
      footer: tpl,
      maxDataAge: pick(junk, fc.integer({ min: 1, max: 60 }), fc.constantFrom(0, -1, 1.5)),
    },
    junk,
  );
  const data = fc.constant(Object.fromEntries(names.datasets.map((d) => [d.id.split('.')[0]!, `data/${d.id.split('.')[0]}.yaml`])));
  return record({ deck, data, slides: fc.array(slide, { minLength: junk > 0 ? 0 : 1, maxLength: junk > 0 ? 12 : 6 }) }, {}, junk);
}
