/**
 * With a real editor (issue 18): the default deck built into a copy of the project, edited in
 * LibreOffice Impress through UNO (edit-deck.py: a text box added, a bullet and a data title
 * reworded, a slide deleted, one inserted, saved as .pptx), the data changed (a value, and a new
 * edition of the web ranking), rebuilt. LibreOffice renames placeholders, renumbers slide and
 * shape ids and drops slide names: the merge must recognise the slides by what they show.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { checkDeckFile } from '../../src/cli/check-deck-file.js';
import { readDeckSlides } from '../../src/merge/deck-slides.js';
import { readZip } from '../../src/pptx/zip/zip-read.js';
import { validateParts } from '../pptx/xsd.js';
import { chartSlide, copyProject, DEEPSEEK_2, DEEPSEEK_4, outlineSlides } from '../rebuild/project.js';

const EDIT_DECK = path.join(path.dirname(fileURLToPath(import.meta.url)), 'edit-deck.py');
const PYTHON = '/usr/bin/python3';

/** Why LibreOffice cannot be driven here, or undefined when it can. */
function unoUnavailable(): string | undefined {
  if (spawnSync('soffice', ['--version']).error) return 'soffice is not installed (Debian: libreoffice-impress)';
  const uno = spawnSync(PYTHON, ['-c', 'import uno'], { encoding: 'utf8' });
  if (uno.error || uno.status !== 0) return `${PYTHON} cannot import uno (Debian: python3-uno)`;
  return undefined;
}

const WEB_MARCH = '    - asOf: "2025-03"\n      note: 3月7日發布的最新一期';
const WEB_SEPTEMBER = `    - asOf: "2025-09"
      entries:
        - { name: DeepSeek, rank: 3, group: china }
        - { name: 豆包, rank: 8, group: china, maker: 字節跳動 }
        - { name: 月之暗面, rank: 11, group: china }
        - { name: 海螺視頻, rank: 12, group: china }
        - { name: 可靈, rank: 20, group: china, maker: 快手 }
`;

const slides = outlineSlides();
const WEB = chartSlide('a16z.web');
const BULLETS = slides.find((s) => s.layout === 'bullets')?.number ?? 0;
const LAST_QUOTE = slides.filter((s) => s.layout === 'quote').at(-1)?.number ?? 0;
const texts = (deck: Uint8Array) => (readDeckSlides(readZip(deck)) ?? []).map((s) => s.shapes.map((x) => x.text).join('\n'));

describe('edits made in LibreOffice survive a rebuild with new data', () => {
  const project = copyProject('briefdeck-lo-merge-');
  afterAll(() => project.remove());

  it('keeps the box, the reworded bullet and the inserted slide, leaves the deleted slide out, and shows the new data', async (ctx) => {
    const why = unoUnavailable();
    if (why) {
      console.warn(`skipped: ${why}`);
      ctx.skip();
    }
    expect(BULLETS).toBeLessThan(WEB);
    expect(LAST_QUOTE).toBeGreaterThan(WEB);
    const first = await buildDeck({ outline: project.outline, cwd: project.dir });
    expect(first.outFile).toBe(project.deck);
    const built = texts(readFileSync(project.deck));
    const webTitle = (readDeckSlides(readZip(readFileSync(project.deck))) ?? [])[WEB - 1]?.shapes.find((s) => s.key === 'ph:title#0')?.text ?? '';
    const bulletSlide = (readDeckSlides(readZip(readFileSync(project.deck))) ?? [])[BULLETS - 1];
    const bullet = bulletSlide?.shapes.find((s) => s.key === 'ph:body#0')?.text.split('\n')[2] ?? '';
    expect(webTitle).toContain('第2');
    expect(bullet).not.toBe('');
    const deleted = slides[LAST_QUOTE - 1]?.title ?? '';
    expect(built.filter((t) => t.includes(deleted))).toHaveLength(1);

    const edits = [
      { op: 'add-box', slide: WEB, name: 'my callout', text: '會上先講這個數字', x: 9000, y: 5200 },
      { op: 'reword', slide: WEB, from: webTitle, to: '網頁榜：我的說法' },
      { op: 'reword', slide: BULLETS, from: bullet, to: '每個新產品出圈，都有人說它「碾壓」一切' },
      { op: 'delete', slide: LAST_QUOTE },
      { op: 'insert', after: WEB, title: '我的補充', body: '會前要確認的三件事' },
    ];
    const editsFile = path.join(project.dir, 'edits.json');
    writeFileSync(editsFile, JSON.stringify(edits));
    const edit = spawnSync(PYTHON, [EDIT_DECK, project.deck, project.deck, editsFile], { encoding: 'utf8', timeout: 90_000 });
    expect(edit.status, edit.stderr).toBe(0);

    project.edit('data/a16z.yaml', DEEPSEEK_2, DEEPSEEK_4);
    project.edit('data/a16z.yaml', WEB_MARCH, WEB_SEPTEMBER + WEB_MARCH);
    const result = await buildDeck({ outline: project.outline, cwd: project.dir });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const deck = readFileSync(project.deck);
    const shown = texts(deck);

    expect(shown).toHaveLength(slides.length);
    expect(shown.some((t) => t.includes(deleted))).toBe(false);
    expect(shown.filter((t) => t.includes('「碾壓」一切'))).toHaveLength(1);
    expect(shown.some((t) => t.includes(bullet))).toBe(false);
    const inserted = shown.findIndex((t) => t.includes('我的補充') && t.includes('會前要確認的三件事'));
    const web = shown.findIndex((t) => t.includes('會上先講這個數字'));
    expect(web).toBe(WEB - 1);
    expect(inserted).toBe(WEB);
    // The chart slide's title shows data: the new edition's rank wins over the person's words, and that is a conflict.
    expect(shown[web]).toContain('DeepSeek名列全球第3');
    expect(shown[web]).not.toContain('我的說法');
    expect(shown.filter((t) => t.includes('DeepSeek第3')).length).toBeGreaterThan(0);
    expect(shown.some((t) => t.includes('DeepSeek名列全球第2'))).toBe(false);

    expect(result.merge).toMatchObject({ addedSlides: [WEB + 1], deletedSlides: [deleted], reordered: false, backup: 'dist/briefing.before.pptx' });
    expect(result.merge?.keptSlides).toContain(BULLETS);
    expect(result.merge?.keptShapes).toContainEqual({ slide: WEB, shape: 'my callout' });
    expect(result.merge?.conflicts).toEqual([{ slide: WEB, shape: 'title', ours: '網頁榜：我的說法', theirs: expect.stringContaining('第3'), kept: 'theirs', reason: 'data' }]);
    expect(result.diagnostics.find((d) => d.code === 'MERGE_CONFLICT')?.message).toContain(`slide ${WEB}, title: yours '網頁榜：我的說法'`);

    expect((await checkDeckFile(project.deck)).diagnostics).toEqual([]);
    expect(validateParts(readZip(deck)).invalid).toEqual([]);
  }, 120_000);
});

describe('a deck opened and saved again in LibreOffice, unedited', () => {
  const project = copyProject('briefdeck-lo-resave-');
  afterAll(() => project.remove());

  it('is recognised slide for slide: the rebuild keeps nothing of it and writes the new build', async (ctx) => {
    const why = unoUnavailable();
    if (why) {
      console.warn(`skipped: ${why}`);
      ctx.skip();
    }
    await buildDeck({ outline: project.outline, cwd: project.dir });
    const editsFile = path.join(project.dir, 'edits.json');
    writeFileSync(editsFile, JSON.stringify([{ op: 'resave' }]));
    const edit = spawnSync(PYTHON, [EDIT_DECK, project.deck, project.deck, editsFile], { encoding: 'utf8', timeout: 90_000 });
    expect(edit.status, edit.stderr).toBe(0);
    project.edit('data/a16z.yaml', DEEPSEEK_2, DEEPSEEK_4);
    const result = await buildDeck({ outline: project.outline, cwd: project.dir });
    expect(result.merge).toMatchObject({ addedSlides: [], deletedSlides: [], reordered: false, keptSlides: [], keptShapes: [], conflicts: [] });
    // Every slide as the new build made it (the copy kept for the next merge is that build).
    const built = readFileSync(path.join(project.dir, 'dist', '.briefdeck', 'briefing.base.pptx'));
    expect(texts(readFileSync(project.deck))).toEqual(texts(built));
    expect(texts(built).join('\n')).toContain('DeepSeek名列全球第4');
  }, 120_000);
});
