#!/usr/bin/env node
// CI only: the default deck against the article it briefs on, which the repository does not hold
// (it sits at ../shared/source beside the project). Every figure in outline/data is a number the
// article gives, with its qualifier; every ranking entry is named there with its place; quotes
// are the article's words. Run after `npm test` (it uses the compiled lib/):
//   node .ci/check-source.mjs [ARTICLE.txt]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import YAML from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const articlePath = path.resolve(process.argv[2] ?? path.join(root, '../shared/source/000_76d764f47cb0b6fe.txt'));
const outlinePath = path.join(root, 'outline/briefing.yaml');

if (!existsSync(articlePath)) {
  console.error(`check-source: no article at ${articlePath}`);
  process.exit(2);
}
const lib = (p) => pathToFileURL(path.join(root, 'lib', p)).href;
if (!existsSync(path.join(root, 'lib/index.js'))) {
  console.error('check-source: lib/ is not compiled (npm run compile)');
  process.exit(2);
}
const { buildDeck } = await import(lib('index.js'));
const { formatNumber, formatPercent } = await import(lib('data/format.js'));

const article = readFileSync(articlePath, 'utf8');
const outline = YAML.parse(readFileSync(outlinePath, 'utf8'));
/** Every dataset by id, `namespace.key`, as its YAML file writes it. */
const datasets = new Map();
for (const [namespace, rel] of Object.entries(outline.data ?? {})) {
  const file = YAML.parse(readFileSync(path.resolve(path.dirname(outlinePath), rel), 'utf8'));
  for (const [key, ds] of Object.entries(file)) datasets.set(`${namespace}.${key}`, ds);
}

const problems = [];
const counts = { figures: 0, entries: 0, quotes: 0 };
const fail = (message) => problems.push(message);

/** Simplified forms the article mixes in, and the standard Traditional forms the deck uses. */
const SIMPLIFIED_TO_TRADITIONAL = [
  ['并', '並'],
  ['于', '於'],
  ['后', '後'],
  ['盡管', '儘管'],
  ['游戲', '遊戲'],
  ['采', '採'],
  ['范式', '範式'],
  ['里', '裡'],
  ['咨詢', '諮詢'],
  ['復雜', '複雜'],
  ['憑借', '憑藉'],
];
/** Both texts reduced to one spelling and one set of punctuation, so that quotes can be found. */
function normalize(s) {
  let t = s;
  for (const [simp, trad] of SIMPLIFIED_TO_TRADITIONAL) t = t.split(trad).join(simp);
  return t
    .replace(/雲/g, '云')
    .replace(/[「」『』“”‘’"']/g, '')
    .replace(/，/g, ',')
    .replace(/：/g, ':')
    .replace(/；/g, ';')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/\s+/g, '');
}
const normalizedArticle = normalize(article);

/** 1 → 一, 10 → 十, 14 → 十四, 20 → 二十. */
function chineseNumeral(n) {
  const d = '零一二三四五六七八九';
  if (n < 10) return d[n] ?? '';
  if (n < 20) return `十${n % 10 ? d[n % 10] : ''}`;
  if (n < 100) return `${d[Math.floor(n / 10)] ?? ''}十${n % 10 ? d[n % 10] : ''}`;
  return String(n);
}

function occurrences(hay, needle) {
  const out = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
}

const QUALIFIER_MARKS = { '>': /(超過|超|突破|逾)$/, '~': /(約|大約|近)$/, '<': /(不足|不到)$/ };

// Every figure in the data is a number the article gives, with its qualifier.
for (const [id, ds] of datasets) {
  if (ds.type !== 'figures') continue;
  if (typeof ds.items === 'string') {
    fail(`${id}: items in ${ds.items} (CSV) are not checked here`);
    continue;
  }
  for (const [key, it] of Object.entries(ds.items)) {
    counts.figures += 1;
    const shown = it.unit === '%' ? formatPercent(it.value) : formatNumber(it.value);
    // The deck writes 10^12 as Taiwan does (兆); a mainland source may write it 萬億.
    const text = [shown, shown.replace(/兆$/, '萬億')].find((t) => article.includes(t)) ?? shown;
    // Not part of a longer number: "700億" must not be found inside "1600億".
    const hits = occurrences(article, text).filter((p) => !/[\d.]/.test(article[p - 1] ?? '') && !/[\d.]/.test(article[p + text.length] ?? ''));
    if (hits.length === 0) {
      fail(`${id}.${key}: "${text}" is not in the article`);
      continue;
    }
    const before = (p) => article.slice(Math.max(0, p - 4), p);
    const qualifier = it.qualifier ?? '=';
    const mark = QUALIFIER_MARKS[qualifier];
    if (mark && !hits.some((p) => mark.test(before(p)))) fail(`${id}.${key}: the article gives "${text}" without the qualifier "${qualifier}"`);
    const marks = Object.values(QUALIFIER_MARKS);
    if (!mark && !hits.some((p) => !marks.some((m) => m.test(before(p))))) fail(`${id}.${key}: the article qualifies "${text}" (超/約 …) but the data says "${qualifier}"`);
  }
}

// Every ranking entry is named in the article, with its place right after the name.
for (const [id, ds] of datasets) {
  if (ds.type !== 'ranking') continue;
  for (const edition of ds.editions) {
    if (typeof edition.entries === 'string') {
      fail(`${id} ${edition.asOf}: entries in ${edition.entries} (CSV) are not checked here`);
      continue;
    }
    for (const e of edition.entries) {
      counts.entries += 1;
      const at = occurrences(article, e.name);
      if (at.length === 0) {
        fail(`${id} ${edition.asOf}: "${e.name}" is not in the article`);
        continue;
      }
      if (e.rank !== undefined) {
        const n = `(?:${e.rank}(?!\\d)|${chineseNumeral(e.rank)}(?![一二三四五六七八九十]))`;
        const pattern = new RegExp(`(?:第|排名|名列)\\s*${n}`);
        if (!at.some((p) => pattern.test(article.slice(p + e.name.length, p + e.name.length + 40)))) fail(`${id} ${edition.asOf}: no 第${e.rank} within 40 characters after "${e.name}"`);
      } else if (e.within !== undefined) {
        const pattern = new RegExp(`(?:TOP|前)\\s*(?:${e.within}(?!\\d)|${chineseNumeral(e.within)})`, 'i');
        if (!at.some((p) => pattern.test(article.slice(Math.max(0, p - 60), p + e.name.length + 40)))) fail(`${id} ${edition.asOf}: no "前${e.within}" near "${e.name}"`);
      }
    }
  }
}

// Quotes, as the deck renders them, are the article's words.
const result = await buildDeck({ outline: outlinePath, cwd: root, write: false }).catch((e) => ({ diagnostics: [{ severity: 'error', code: 'INTERNAL', message: String(e) }] }));
const errors = result.diagnostics.filter((d) => d.severity === 'error');
if (errors.length > 0 || !result.deck) {
  fail(`the default deck does not build: ${errors.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  result.deck = { slides: [] };
}
/** Fields of a bound slide that are not text the slide shows. */
const NOT_TEXT = new Set(['index', 'origin', 'datasets', 'uses', 'chartOrigins', 'sourceLine']);
function strings(value, at = '') {
  if (typeof value === 'string') return [{ at, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}.${i}`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => (at === '' && NOT_TEXT.has(k) ? [] : strings(v, at ? `${at}.${k}` : k)));
  return [];
}
for (const s of result.deck.slides) {
  const where = `slide ${s.index + 1} (${s.layout} ${s.title ?? ''})`;
  if (s.layout === 'quote') {
    counts.quotes += 1;
    for (const fragment of s.quote.split(/…+/)) {
      if (fragment.trim() !== '' && !normalizedArticle.includes(normalize(fragment))) fail(`${where}: not in the article: ${fragment}`);
    }
    if (!article.includes(s.speaker)) fail(`${where}: ${s.speaker} is not in the article`);
    if (s.role && !article.includes(s.role.replace(/（.*）$/, ''))) fail(`${where}: role ${s.role} is not in the article`);
  }
  // Long 「…」 passages (10+ characters) in bullets and notes are quotations; short ones are terms.
  for (const { at, text } of strings(s)) {
    for (const m of text.matchAll(/「([^「」]{10,})」/g)) {
      counts.quotes += 1;
      if (!normalizedArticle.includes(normalize(m[1]))) fail(`${where} ${at}: not in the article: 「${m[1]}」`);
    }
  }
}

for (const p of problems) console.error(`check-source: ${p}`);
console.log(
  `check-source: ${counts.figures} figures, ${counts.entries} ranking entries, ${counts.quotes} quotes against ${path.relative(root, articlePath)}: ${problems.length === 0 ? 'ok' : `${problems.length} problem(s)`}`,
);
process.exit(problems.length === 0 ? 0 : 1);
