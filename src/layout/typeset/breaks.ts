import { createRequire } from 'node:module';
import path from 'node:path';
import type LineBreaker from 'linebreak';
import type { Parser } from 'budoux';

/**
 * Where a line may break: a UAX #14 opportunity (the linebreak package) that the CJK line-start
 * and line-end rules (kinsoku) and the number rules allow. A `phrase` break falls between
 * BudouX phrases (or between Latin words); an `inner` one falls inside a phrase and is used only
 * where the phrase is wider than a line.
 */
export interface BreakPoint {
  /** Offset in the text (UTF-16 code units) where the next line would start. */
  at: number;
  strength: 'phrase' | 'inner';
}

/** Characters that may not start a line: they stay with the character before. */
export const NO_LINE_START = new Set([...'，。、；：？！」』）〉》】〕］｝…‥％%,.;:?!)]}’”·・ー々ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ']);
/** Characters that may not end a line: they go with the character after. */
export const NO_LINE_END = new Set([...'「『（〈《【〔［｛([{‘“$¥￥€£＄']);
/** Ideographs a number follows without a break: ordinals, bounds and dates (第10, 前10, 約3800, 2025年2月). */
const BEFORE_NUMBER = new Set([...'第前約约近逾超達达共僅仅每年月週周']);
/** Words a number runs into in Latin text ("48 billion", "3.8 trillion"). */
const SCALE_WORD = /^(?:thousand|million|billion|trillion|percent|per cent|bn|mn|k|m|b)\b/i;

const DIGIT = /[0-9０-９]/;

/** A character set in the East Asian font slot and broken as an ideograph (Han, kana, Hangul, full-width forms). */
export function isWide(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3ffff)
  );
}

const require = createRequire(import.meta.url);
let Breaker: typeof LineBreaker | undefined;
const parsers = new Map<string, Parser | null>();

/** The BudouX model for a language tag: zh-Hant for zh-TW/HK/MO, zh-Hans for zh-CN/SG, ja; none for others. */
export function phraseModel(lang: string): 'zh-hant' | 'zh-hans' | 'ja' | undefined {
  const tag = lang.toLowerCase();
  if (tag === 'ja' || tag.startsWith('ja-')) return 'ja';
  if (!(tag === 'zh' || tag.startsWith('zh-'))) return undefined;
  if (/-hans\b|-cn\b|-sg\b|-my\b/.test(tag)) return 'zh-hans';
  return 'zh-hant';
}

/**
 * BudouX's parser and one model, loaded on first use from the package's files: its index also
 * loads an HTML parser (linkedom) that costs ~400 ms and that layout does not need.
 */
function parserFor(model: 'zh-hant' | 'zh-hans' | 'ja'): Parser | null {
  let p = parsers.get(model);
  if (p === undefined) {
    try {
      const dir = path.dirname(require.resolve('budoux'));
      const { Parser: ParserClass } = require(path.join(dir, 'parser.js')) as { Parser: new (m: unknown) => Parser };
      const { model: weights } = require(path.join(dir, 'data', 'models', `${model}.js`)) as { model: unknown };
      p = new ParserClass(weights);
    } catch {
      p = null; // without phrases, every legal break is a phrase break: still correct, less refined
    }
    parsers.set(model, p);
  }
  return p;
}

function uax14(text: string): number[] {
  Breaker ??= (require('linebreak') as { default?: typeof LineBreaker }).default ?? (require('linebreak') as typeof LineBreaker);
  const out: number[] = [];
  const breaker = new Breaker(text);
  for (let b = breaker.nextBreak(); b; b = breaker.nextBreak()) if (b.position > 0 && b.position < text.length) out.push(b.position);
  return out;
}

/** The character before offset `at` and the one from it (whole code points). */
function around(text: string, at: number): [string, string] {
  const before = text.codePointAt(at - 1) ?? 0;
  const prev = before >= 0xdc00 && before <= 0xdfff && at >= 2 ? (text.codePointAt(at - 2) ?? 0) : before;
  return [String.fromCodePoint(prev), String.fromCodePoint(text.codePointAt(at) ?? 0)];
}

/** Whether a break at `at` is forbidden by kinsoku or would split a number from its unit, ordinal or currency. */
function forbidden(text: string, at: number): boolean {
  const [prev, next] = around(text, at);
  if (NO_LINE_START.has(next) || NO_LINE_END.has(prev)) return true;
  if (DIGIT.test(prev) && (isWide(next.codePointAt(0) ?? 0) || next === '%')) return true; // 2048塊, 3800億元, 10萬
  if (
    isWide(next.codePointAt(0) ?? 0) &&
    DIGIT.test(
      text
        .slice(0, at)
        .replace(/[萬億兆万亿千百]+$/u, '')
        .at(-1) ?? '',
    ) &&
    /[萬億兆万亿千百]$/u.test(prev)
  )
    return true; // 3800億元, 10萬人
  if (DIGIT.test(next) && (BEFORE_NUMBER.has(prev) || /\p{Sc}/u.test(prev))) return true; // 第10, $48
  // "48 billion": the break after the space that follows a number.
  if (prev === ' ' && /[0-9][0-9.,]* $/.test(text.slice(Math.max(0, at - 24), at)) && SCALE_WORD.test(text.slice(at))) return true;
  return false;
}

/** Particles that stay with the word before them, whatever script that word is in (DeepSeek的, AIの). */
const PARTICLES = new Set([...'的之了們们のはがをにでとへもや']);

const segmenters = new Map<string, Intl.Segmenter | null>();

/** ICU's dictionary word boundaries for the language (Intl.Segmenter), or undefined without ICU. */
function wordStarts(text: string, lang: string): Set<number> | undefined {
  let seg = segmenters.get(lang);
  if (seg === undefined) {
    try {
      seg = new Intl.Segmenter(lang, { granularity: 'word' });
    } catch {
      seg = null;
    }
    segmenters.set(lang, seg);
  }
  if (!seg) return undefined;
  return new Set([...seg.segment(text)].map((s) => s.index));
}

/**
 * Offsets where a new phrase starts in the runs of CJK text: where BudouX starts a phrase and
 * ICU's dictionary agrees it is between words. BudouX alone splits words it was not trained on
 * (下|載, 效|應, 助|手); the dictionary alone breaks inside names (騰|訊). Each run is parsed
 * apart from the Latin around it, which BudouX's character n-grams misread (A|I助).
 */
function phraseStarts(text: string, lang: string): Set<number> | undefined {
  const model = phraseModel(lang);
  const parser = model ? parserFor(model) : null;
  if (!parser) return undefined;
  const words = wordStarts(text, lang);
  const starts = new Set<number>();
  for (const run of text.matchAll(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々〆〇\u3000-\u303f\uff00-\uffef]+/gu)) {
    let at = run.index ?? 0;
    for (const phrase of parser.parse(run[0])) {
      at += phrase.length;
      if (!words || words.has(at)) starts.add(at);
    }
  }
  return starts;
}

/** Every place a line of `text` (one paragraph line, no newline) may break, in order. */
export function breakPoints(text: string, lang: string): BreakPoint[] {
  if (text.length < 2) return [];
  let candidates: number[];
  try {
    candidates = uax14(text);
  } catch {
    candidates = [...text.matchAll(/ /g)].map((m) => (m.index ?? 0) + 1).filter((at) => at < text.length);
  }
  const phrases = candidates.some((at) => isWide(text.codePointAt(at) ?? 0) || isWide(around(text, at)[0].codePointAt(0) ?? 0)) ? phraseStarts(text, lang) : undefined;
  const out: BreakPoint[] = [];
  for (const at of candidates) {
    if (forbidden(text, at)) continue;
    const [prev, next] = around(text, at);
    const cjk = isWide(prev.codePointAt(0) ?? 0) || isWide(next.codePointAt(0) ?? 0);
    const both = isWide(prev.codePointAt(0) ?? 0) && isWide(next.codePointAt(0) ?? 0);
    const strength = !cjk || !phrases || prev === ' ' || (both ? phrases.has(at) : !PARTICLES.has(next)) ? 'phrase' : 'inner';
    out.push({ at, strength });
  }
  return out;
}
