/** The deck's own source on the sources slide (issue 14): a publication without a title is cited by publisher and byline. */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deckSourceEntry } from '../../src/layout/kinds/text.js';
import { BUILT_IN_CATALOGS } from '../../src/load/locale/load-catalog.js';
import type { Locale } from '../../src/locale/locale.js';
import { resolveLocale } from '../../src/locale/resolve-locale.js';
import { layOut } from './lay-out.js';

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixture');

function localeOf(tag: string): Locale {
  const { locale } = resolveLocale(tag, BUILT_IN_CATALOGS, { file: 'deck.yaml' });
  if (!locale) throw new Error(`no locale for ${tag}`);
  return locale;
}

const untitled = { publisher: '聽筒Tech', author: '艾莉亞' };

describe('deckSourceEntry', () => {
  it.each([
    ['zh-TW', '聽筒Tech，文｜艾莉亞'],
    ['zh-CN', '聽筒Tech，文｜艾莉亞'],
    ['ja', '聽筒Tech、文：艾莉亞'],
    ['en-US', '聽筒Tech, by 艾莉亞'],
  ])('cites a source without a title by publisher and byline in %s: no title, no marks, no "undefined"', (tag, expected) => {
    expect(deckSourceEntry(untitled, localeOf(tag))).toBe(expected);
  });

  it('writes an ISO date in the locale’s form, keeps a date given as words, and ends with the address', () => {
    const src = { ...untitled, date: '2025-03-10', url: 'https://example.com/a' };
    expect(deckSourceEntry(src, localeOf('zh-TW'))).toBe('聽筒Tech，文｜艾莉亞，2025年3月10日，https://example.com/a');
    expect(deckSourceEntry(src, localeOf('en-US'))).toBe('聽筒Tech, by 艾莉亞, March 10, 2025, https://example.com/a');
    expect(deckSourceEntry({ publisher: 'Tingtong Tech', date: 'spring 2025' }, localeOf('en-US'))).toBe('Tingtong Tech, spring 2025');
  });

  it('gives a published title its marks', () => {
    expect(deckSourceEntry({ publisher: '測試社', title: '版面測試' }, localeOf('zh-TW'))).toBe('測試社〈版面測試〉');
    expect(deckSourceEntry({ publisher: '測試社', title: '版面測試' }, localeOf('ja'))).toBe('測試社「版面測試」');
  });

  it('leaves out empty fields rather than print a separator for them', () => {
    expect(deckSourceEntry({ publisher: 'Tingtong Tech', author: ' ', url: '' }, localeOf('en-US'))).toBe('Tingtong Tech');
  });
});

describe('an outline whose deck.source has no title', () => {
  it('builds, and its sources slide names the publisher and byline first', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-deck-source-'));
    await cp(FIXTURE, dir, { recursive: true });
    const file = path.join(dir, 'deck.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('source: { publisher: 測試社, title: 版面測試, author: 測試者 }', 'source: { publisher: 測試社, author: 測試者 }'));
    const { plan, diagnostics } = await layOut(file);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const sources = plan.slides.find((s) => s.layout === 'sources');
    const body = sources?.elements.find((el) => el.name === 'sources');
    const first = body?.type === 'text' ? body.paragraphs[0]?.text : undefined;
    expect(first).toBe('1. 測試社，文｜測試者');
  });
});
