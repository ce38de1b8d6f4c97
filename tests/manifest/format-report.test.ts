/** The change report's pieces on hand-made values: the dataset lines, the shortened texts, and what a merge did. */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOGS } from '../../src/load/locale/load-catalog.js';
import type { Locale } from '../../src/locale/locale.js';
import { resolveLocale } from '../../src/locale/resolve-locale.js';
import type { BuildReport } from '../../src/manifest/compare.js';
import { datasetChange } from '../../src/manifest/dataset-changes.js';
import type { DatasetRecord } from '../../src/manifest/dataset-records.js';
import { formatReport } from '../../src/manifest/format-report.js';
import { reportJson } from '../../src/manifest/report-json.js';
import { shortenChange } from '../../src/manifest/shorten-text.js';
import type { MergeOutcome } from '../../src/merge/merge-outcome.js';

function locale(lang: string): Locale {
  const { locale } = resolveLocale(lang, BUILT_IN_CATALOGS, { file: 'deck.yaml' });
  if (!locale) throw new Error(`no locale ${lang}`);
  return locale;
}

const ranking = (asOf: string, entries: [string, string][]): DatasetRecord => ({
  type: 'ranking',
  title: 'web',
  asOf,
  editions: [asOf],
  values: entries.map(([name, value]) => ({ key: name, name, value })),
});

describe('what changed in a dataset', () => {
  it('names the new edition, who moved, who is new and who is gone; nothing for what stayed', () => {
    const before = ranking('2025-03', [
      ['DeepSeek', '2'],
      ['豆包', '10'],
      ['海螺視頻', '12'],
    ]);
    const after = ranking('2025-09', [
      ['DeepSeek', '4'],
      ['豆包', '8'],
      ['海螺視頻', '12'],
      ['元寶', '25'],
    ]);
    const change = datasetChange('a16z.web', before, after);
    expect(change).toMatchObject({
      status: 'changed',
      asOf: { date: '2025-09', was: '2025-03' },
      moved: [
        { name: 'DeepSeek', before: '2', after: '4' },
        { name: '豆包', before: '10', after: '8' },
      ],
      added: [{ name: '元寶', value: '25' }],
      dropped: [],
    });
    expect(datasetChange('a16z.web', before, before)).toBeUndefined();
  });

  it('an older edition that lists nobody makes nobody "new": it says the edition gave no ranks', () => {
    const change = datasetChange('a16z.web', ranking('2024-08', []), ranking('2025-03', [['DeepSeek', '2']]));
    expect(change).toMatchObject({ added: [], nothingBefore: true });
  });
});

describe('changed texts, shortened', () => {
  it('keeps a short old text whole and gives of the new one the word before the change and the change', () => {
    expect(shortenChange('DeepSeek名列全球第2', 'DeepSeek名列全球第4', 'zh-TW')).toEqual(['DeepSeek名列全球第2', '…第4']);
    expect(shortenChange('DeepSeek ranks #2 worldwide', 'DeepSeek ranks #4 worldwide', 'en')).toEqual(['DeepSeek ranks #2 worldwide', '…ranks #4 worldwide']);
  });

  it('cuts a long text around the change, and shows a text that only lost words whole', () => {
    const long = `${'很長的一段文字'.repeat(8)}第2名，後面還有${'更多的文字'.repeat(6)}`;
    const [before, after] = shortenChange(long, long.replace('第2名', '第4名'), 'zh-TW');
    expect(before.length).toBeLessThan(long.length);
    expect(before).toMatch(/^…/);
    expect(after).toContain('4名');
    expect(after.length).toBeLessThanOrEqual(42);
    expect(shortenChange('DeepSeek 2 → 4, Kimi top 10 → 7', 'DeepSeek 2 → 4', 'en')[1]).toBe('DeepSeek 2 → 4');
  });

  it('never splits a character outside the BMP', () => {
    const [, after] = shortenChange('品牌𠀀之一 第2', '品牌𠀁之一 第2', 'zh-TW');
    expect(after).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(after).toContain('𠀁');
  });
});

const MERGE: MergeOutcome = {
  backup: 'dist/briefing.before.pptx',
  addedSlides: [12],
  deletedSlides: ['半年之間'],
  reordered: false,
  keptSlides: [4],
  keptShapes: [{ slide: 7, shape: 'callout' }],
  conflicts: [{ slide: 6, shape: 'takeaway', ours: 'DeepSeek名列全球第二，增長最快', theirs: 'DeepSeek名列全球第4', kept: 'theirs', reason: 'data' }],
};

const REPORT: BuildReport = { changedInputs: ['data/a16z.yaml'], datasets: [], changed: [], added: [], removed: [], unchanged: 28, merge: MERGE };

describe('what merging the person’s edits did', () => {
  it('zh-TW: the copy kept, their slides and shapes, each conflict with both texts and who won', () => {
    const text = formatReport(REPORT, locale('zh-TW'));
    expect(text).toBe(
      [
        '變動的輸入：data/a16z.yaml',
        '先前的檔案保留為dist/briefing.before.pptx',
        '保留您新增的投影片：12',
        '您刪除的投影片維持刪除：「半年之間」',
        '只有您修改的投影片維持原樣：4',
        '第7張投影片，callout：保留您的修改',
        '衝突：第6張投影片，takeaway：您的版本「…第二，增長最快」，新資料「…第4」；採用新資料（此處顯示資料）',
        '沒有投影片變動（共28張）',
        '',
      ].join('\n'),
    );
  });

  it('names the speaker notes in the deck’s words, not by their internal name', () => {
    const notes = (lang: string) => formatReport({ ...REPORT, merge: { ...MERGE, keptShapes: [{ slide: 7, shape: 'notes' }] } }, locale(lang));
    expect(notes('zh-TW')).toContain('第7張投影片，備忘稿：保留您的修改');
    expect(notes('en')).toContain('slide 7, speaker notes:');
  });

  it('en: the same in English; no merge, no merge lines', () => {
    const text = formatReport(REPORT, locale('en'));
    expect(text).toContain("conflict on slide 6, takeaway: yours “…第二，增長最快”, new data “…第4”; kept the new build's (it shows data)\n");
    expect(text).toContain('slides you added, kept: 12\n');
    expect(formatReport({ ...REPORT, merge: undefined }, locale('en'))).toBe('inputs changed: data/a16z.yaml\nno slide changed (28 slides)\n');
  });

  it('JSON: the merge as the write stage gave it; null without one', () => {
    expect(reportJson(REPORT).merge).toEqual(MERGE);
    expect(reportJson({ ...REPORT, merge: undefined }).merge).toBeNull();
  });
});

describe('against the manifest of an older build (no texts, no datasets recorded)', () => {
  it('names the values that changed on each slide, and no value that appeared or went', () => {
    const report: BuildReport = {
      changedInputs: ['data/a16z.yaml'],
      changed: [
        {
          number: 6,
          title: 'a16z網頁榜',
          layout: 'chart',
          values: [
            { key: 'a16z.web: DeepSeek', before: '2', after: '4' },
            { key: 'a16z.web: DeepSeek change', after: '▼2 vs 2025-03' },
          ],
        },
      ],
      added: [],
      removed: [],
      unchanged: 27,
    };
    expect(formatReport(report, locale('en'))).toBe('inputs changed: data/a16z.yaml\nslide 6: a16z.web: DeepSeek 2 → 4\n1 of 28 slides changed, 27 unchanged\n');
  });
});
