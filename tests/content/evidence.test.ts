/** `evidence:` and `briefdeck check --source FILE`: the matching, and the command on a small project. */
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { checkClaims, indexSource, occursIn, punctuationWidthFolded } from '../../src/data/evidence.js';
import { lineColumn } from '../../src/diagnostics/line-column.js';

const ARTICLE =
  '一組來自量子位的數據顯示,2025年2月,國內AI智能助手APP迎來翻倍增長的爆發式第二春,月新增下載超8000萬。\n“DeepSeek之后,AI真正面臨的是一個‘合作共贏’的時代。”但在大李看來,這一點說起來容易。\n在2024年度3M科學現狀指數(State of Science Index)的調研里,93%的受訪者嘗試過。';

describe('occursIn', () => {
  const source = indexSource(ARTICLE);

  it('finds a phrase the source holds, and not one it does not', () => {
    expect(occursIn(source, '月新增下載超8000萬')).toBe(true);
    expect(occursIn(source, '月新增下載超過8000萬')).toBe(false);
    expect(occursIn(source, '月新增下載超9000萬')).toBe(false);
  });

  it('ignores the width of punctuation: ， for , and （） for ()', () => {
    expect(occursIn(source, '一組來自量子位的數據顯示，2025年2月，國內')).toBe(true);
    expect(occursIn(source, '科學現狀指數（State of Science Index）的調研')).toBe(true);
    expect(punctuationWidthFolded('（，；：！？）')).toBe('(,;:!?)');
  });

  it('reads quotation marks of either convention as the same mark: 「」 for “”, 『』 for ‘’', () => {
    expect(occursIn(source, '「DeepSeek之后，AI真正面臨的是一個『合作共贏』的時代。」', 'quotation')).toBe(true);
    expect(occursIn(source, '「DeepSeek之后，AI真正面臨的是一個「合作共贏」的時代。」', 'quotation')).toBe(false);
  });

  it('ignores nothing else: not a simplified or traditional form, not white space, not the width of a letter or digit', () => {
    expect(occursIn(source, 'DeepSeek之後，AI真正面臨')).toBe(false);
    expect(occursIn(source, '科學現狀指數(StateofScience Index)')).toBe(false);
    expect(occursIn(source, '量子位的數據顯示, 2025年')).toBe(false);
    expect(occursIn(source, '９３%的受訪者')).toBe(false);
    expect(occursIn(source, '93％的受訪者')).toBe(true);
  });

  it('lets a quotation leave words out with an ellipsis, each part in order', () => {
    expect(occursIn(source, 'DeepSeek之后，AI……合作共贏』的時代', 'quotation')).toBe(true);
    expect(occursIn(source, '合作共贏』的時代……DeepSeek之后', 'quotation')).toBe(false);
    // Evidence is one phrase: an ellipsis in it is a character to find.
    expect(occursIn(source, 'DeepSeek之后，AI……合作共贏')).toBe(false);
    expect(occursIn(source, '……', 'quotation')).toBe(false);
  });

  it('reports each missing claim at its place, with DATA_EVIDENCE_NOT_FOUND', () => {
    const at = { file: 'data/apps.yaml', range: [10, 20] as const };
    const found = checkClaims(
      [
        { text: '月新增下載超8000萬', kind: 'evidence', at },
        { text: '月新增下載超過8000萬', kind: 'evidence', at },
        { text: '未來的AI生態，一定是豐富的', kind: 'quotation', at },
      ],
      source,
      'article.txt',
    );
    expect(found.map((d) => [d.code, d.severity, d.source])).toEqual([
      ['DATA_EVIDENCE_NOT_FOUND', 'error', at],
      ['DATA_EVIDENCE_NOT_FOUND', 'error', at],
    ]);
    expect(found[1]?.message).toContain('quotation');
  });
});

// ---------------------------------------------------------------- the command

let dir: string;
const OUTLINE = `deck:
  title: 測試
  date: "2025-03-10"
data:
  apps: data/apps.yaml
slides:
  - layout: title
    title: "{{deck.title}}"
  - layout: quote
    title: 看法
    quote: 這一點說起來容易
    speaker: 大李
  - layout: quote
    title: 看法
    quote: 這一點做起來很難
    speaker: 大李
  - layout: bullets
    title: 數據
    bullets: ['{{figure apps.a "downloads"}}']
    sources: [apps.a]
    evidence: [國內AI智能助手APP迎來翻倍增長, 迎來三倍增長]
`;
const DATA = `a:
  type: figures
  title: 助手
  asOf: "2025-02"
  source: { publisher: 量子位, what: 數據 }
  items:
    downloads: { label: 月新增下載, value: 80000000, qualifier: ">", evidence: "月新增下載超8000萬" }
    dau: { label: DAU, value: 45000000, qualifier: ">", evidence: "日均DAU超過4500萬" }
`;

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd: dir, env: {}, isTTY: false };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-evidence-'));
  await mkdir(path.join(dir, 'data'));
  await writeFile(path.join(dir, 'deck.yaml'), OUTLINE);
  await writeFile(path.join(dir, 'data/apps.yaml'), DATA);
  await writeFile(path.join(dir, 'article.txt'), ARTICLE);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('briefdeck check --source', () => {
  it('passes without --source: evidence is a field the schema knows', async () => {
    const { code, stderr } = await cli(['check', 'deck.yaml']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('reports, at the line and column of each value, the evidence and quotations the source does not hold, and exits 1', async () => {
    const { code, stdout } = await cli(['check', 'deck.yaml', '--source', 'article.txt', '--format', 'json']);
    expect(code).toBe(1);
    const found = (JSON.parse(stdout) as { code: string; file: string; line: number; column: number }[]).map((d) => [d.code, path.basename(d.file), d.line, d.column]);
    const lines = (text: string, needle: string) => {
      const pos = lineColumn(text, text.indexOf(needle));
      return [pos.line, pos.column];
    };
    expect(found).toEqual([
      ['DATA_EVIDENCE_NOT_FOUND', 'apps.yaml', ...lines(DATA, '"日均DAU超過4500萬"')],
      ['DATA_EVIDENCE_NOT_FOUND', 'deck.yaml', ...lines(OUTLINE, '這一點做起來很難')],
      ['DATA_EVIDENCE_NOT_FOUND', 'deck.yaml', ...lines(OUTLINE, '迎來三倍增長')],
    ]);
  });

  it('prints the problem with a frame and no stack, and says when the source file is missing', async () => {
    const text = await cli(['check', 'deck.yaml', '--source', 'article.txt']);
    expect(text.stderr).toContain('deck.yaml:');
    expect(text.stderr).toContain('DATA_EVIDENCE_NOT_FOUND');
    expect(text.stderr).not.toMatch(/^ {4}at /m);
    const missing = await cli(['check', 'deck.yaml', '--source', 'no-such.txt']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('DATA_FILE_NOT_FOUND');
  });

  it('rejects a misspelt field beside evidence', async () => {
    await writeFile(path.join(dir, 'data/apps.yaml'), DATA.replace('evidence: "月新增下載超8000萬"', 'evidense: "月新增下載超8000萬"'));
    try {
      const { code, stderr } = await cli(['check', 'deck.yaml']);
      expect(code).toBe(1);
      expect(stderr).toMatch(/evidense/);
    } finally {
      await writeFile(path.join(dir, 'data/apps.yaml'), DATA);
    }
  });
});
