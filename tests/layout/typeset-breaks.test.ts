import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { breakPoints, NO_LINE_END, NO_LINE_START, phraseModel } from '../../src/layout/typeset/breaks.js';
import { splitRuns } from '../../src/layout/typeset/split-runs.js';
import { isOrphan, typesetterFor } from '../../src/layout/typeset/typesetter.js';

const require = createRequire(import.meta.url);
const font = (pkg: string, file: string) => require.resolve(`@expo-google-fonts/${pkg}/400Regular/${file}`);
const TC = font('noto-sans-tc', 'NotoSansTC_400Regular.ttf');
const SC = font('noto-sans-sc', 'NotoSansSC_400Regular.ttf');
const JP = font('noto-sans-jp', 'NotoSansJP_400Regular.ttf');
const LANGS = [
  { lang: 'zh-TW', ts: typesetterFor({ latin: 'Arial', eastAsian: 'Microsoft JhengHei', chartRegular: TC, chartBold: TC }, 'zh-TW') },
  { lang: 'zh-CN', ts: typesetterFor({ latin: 'Arial', eastAsian: 'Microsoft YaHei', chartRegular: SC, chartBold: SC }, 'zh-CN') },
  { lang: 'ja', ts: typesetterFor({ latin: 'Arial', eastAsian: 'Yu Gothic', chartRegular: JP, chartBold: JP }, 'ja') },
  { lang: 'en', ts: typesetterFor({ latin: 'Arial', eastAsian: 'Arial', chartRegular: TC, chartBold: TC }, 'en') },
];

/** Numbers with their units, ordinals and currencies, each at the start, middle and end of a sentence. */
const NUMBERS = ['第10', '2048塊', '3800億元', '$48 billion', '2025年2月', '前10', '93%', '14.4兆', '10萬人'];
const SENTENCES = NUMBERS.flatMap((n) => [`${n}是開頭的數字，後面還有很多很多字`, `中間的數字${n}不能和單位分開，對吧`, `句子很長很長很長，最後才是${n}`]);

/** The spans of `text` that must stay on one line: a number with what is written against it. */
function numberSpans(text: string): [number, number][] {
  return [...text.matchAll(/(?:第|前|\$)?\d[\d.,]*(?: billion)?[年月億萬兆元塊人%]*(?:\d+[年月日])?/g)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
}

describe('break opportunities', () => {
  it('never between a number and its unit, ordinal or currency', () => {
    for (const { lang } of LANGS) {
      for (const text of SENTENCES) {
        const spans = numberSpans(text);
        expect(spans.length).toBeGreaterThan(0);
        for (const { at } of breakPoints(text, lang)) {
          for (const [a, b] of spans) expect(at <= a || at >= b, `${lang}: "${text}" breaks at ${at} inside ${text.slice(a, b)}`).toBe(true);
        }
      }
    }
  });

  it('keeps kinsoku: no line starts with closing punctuation, none ends with an opening one', () => {
    const text = '他說：「開源，是一種選擇。」（見附錄）『重點』？！是的、當然；好';
    for (const { lang } of LANGS) {
      const points = breakPoints(text, lang);
      expect(points.length).toBeGreaterThan(5);
      for (const { at } of points) {
        expect(NO_LINE_START.has(text[at] as string), `${lang} starts a line with ${text[at]}`).toBe(false);
        expect(NO_LINE_END.has(text[at - 1] as string), `${lang} ends a line with ${text[at - 1]}`).toBe(false);
      }
    }
  });

  it('breaks between Latin words only, and anywhere in a URL only where UAX #14 allows', () => {
    expect(breakPoints('$48 billion in new capex', 'en').map((p) => p.at)).toEqual([12, 15, 19]);
    const url = 'https://example.com/a/very-long-path';
    expect(breakPoints(url, 'en').map((p) => url.slice(0, p.at))).toEqual([
      'https://',
      'https://example.com/',
      'https://example.com/a/',
      'https://example.com/a/very-',
      'https://example.com/a/very-long-',
    ]);
  });

  it('marks breaks inside a phrase (BudouX and the dictionary) as inner, by the language’s model', () => {
    expect([phraseModel('zh-TW'), phraseModel('zh-HK'), phraseModel('zh-Hant'), phraseModel('zh-CN'), phraseModel('zh-SG'), phraseModel('zh-Hans'), phraseModel('ja-JP'), phraseModel('en')]).toEqual([
      'zh-hant',
      'zh-hant',
      'zh-hant',
      'zh-hans',
      'zh-hans',
      'zh-hans',
      'ja',
      undefined,
    ]);
    const text = '登頂蘋果中國區免費App下載榜';
    const inner = breakPoints(text, 'zh-TW')
      .filter((p) => p.strength === 'inner')
      .map((p) => text.slice(p.at - 1, p.at + 1));
    expect(inner).toEqual(expect.arrayContaining(['登頂', '蘋果', '下載']));
    const phrase = breakPoints(text, 'zh-TW')
      .filter((p) => p.strength === 'phrase')
      .map((p) => text.slice(0, p.at));
    expect(phrase).toContain('登頂');
    expect(phrase).toContain('登頂蘋果');
  });
});

describe('lines', () => {
  it('breaks between phrases where a phrase fits: no word is split', () => {
    const { ts } = LANGS[0] as (typeof LANGS)[number];
    const text = '騰訊元寶：3月3日晚超過DeepSeek，登頂蘋果中國區免費App下載榜';
    for (let em = 6; em <= 14; em++) {
      const lines = ts.lines(text, em);
      expect(lines.length).toBeGreaterThan(1);
      for (const l of lines.slice(1)) {
        const pair = text.slice(l.start - 1, l.start + 1);
        expect(['騰訊', '元寶', '蘋果', '免費', '下載'], `at ${em} em: ${pair}`).not.toContain(pair);
      }
      for (const l of lines) expect(l.widthEm).toBeLessThanOrEqual(em);
    }
  });

  it('never leaves one character or a short word alone on the last line where a break can move', () => {
    for (const { lang, ts } of LANGS) {
      const texts =
        lang === 'en'
          ? ['The quick brown fox jumps over the lazy dog', 'China’s generative AI race has only just begun, and it is far from over']
          : ['一個全面開花的時代，競爭才剛剛開始了', '百度文心一言憑檢索增強生成優勢，中文深度理解任務表現超越了它'];
      for (const text of texts) {
        let seen = 0;
        for (let em = 4; em <= ts.widthEm(text); em += 0.25) {
          const lines = ts.lines(text, em);
          if (lines.length < 2) continue;
          const last = lines.at(-1) as { start: number; end: number };
          expect(isOrphan(text.slice(last.start, last.end)), `${lang} at ${em} em: ${JSON.stringify(lines.map((l) => text.slice(l.start, l.end)))}`).toBe(false);
          seen++;
        }
        expect(seen).toBeGreaterThan(3);
      }
    }
  });

  it('balances a two-line title: the lines of similar width, narrower than filling the first', () => {
    const { ts } = LANGS[0] as (typeof LANGS)[number];
    const title = '國產生成式AI：競爭才剛剛開始，誰能坐上王位';
    const max = ts.widthEm(title, true) * 0.7;
    const greedy = ts.lines(title, max, { bold: true });
    const balanced = ts.lines(title, max, { bold: true, balance: true });
    expect(greedy).toHaveLength(2);
    expect(balanced).toHaveLength(2);
    const diff = (ls: typeof greedy) => Math.abs((ls[0] as { widthEm: number }).widthEm - (ls[1] as { widthEm: number }).widthEm);
    expect(diff(balanced)).toBeLessThan(diff(greedy));
    expect(diff(balanced)).toBeLessThan(ts.widthEm(title, true) * 0.2);
  });

  it('isOrphan: one character (with its punctuation) or a word of up to three letters', () => {
    expect(['界', '界。', 'AI', 'dog', 'of.'].map(isOrphan)).toEqual([true, true, true, true, true]);
    expect(['世界', 'Qwen', '2048塊'].map(isOrphan)).toEqual([false, false, false]);
  });
});

describe('splitRuns', () => {
  it('cuts runs at the decided breaks, across runs, dropping the spaces a line ends with', () => {
    const runs = [{ text: 'Source: ' }, { text: 'a16z ranking', link: 'https://a16z.com' }, { text: ', March' }];
    const parts = splitRuns(runs, [8, 13]);
    expect(parts).toEqual([
      { text: 'Source:' },
      { text: 'a16z', link: 'https://a16z.com', softBreakBefore: true },
      { text: 'ranking', link: 'https://a16z.com', softBreakBefore: true },
      { text: ', March' },
    ]);
    expect(splitRuns(runs, undefined)).toEqual(runs);
  });
});
