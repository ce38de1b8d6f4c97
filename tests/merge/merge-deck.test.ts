/**
 * A rebuild over a deck a person edited (issue 18), with the edits made the way PowerPoint saves
 * them (names, placeholders and ids kept; the XML otherwise as written): the default deck built
 * into a copy of the project, edited, its data changed, rebuilt.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { checkDeckFile } from '../../src/cli/check-deck-file.js';
import { readDeckSlides } from '../../src/merge/deck-slides.js';
import { readZip } from '../../src/pptx/zip/zip-read.js';
import { validateParts } from '../pptx/xsd.js';
import { spawnCli } from '../cli/spawn-cli.js';
import { chartSlide, copyProject, DEEPSEEK_2, DEEPSEEK_4, outlineSlides, type Project } from '../rebuild/project.js';

const WEB = chartSlide('a16z.web');
const BULLETS = (outlineSlides().find((s) => s.layout === 'bullets') ?? { number: 0 }).number;
const QUOTE = (outlineSlides().find((s) => s.layout === 'quote') ?? { number: 0 }).number;
const BACKUP = (p: Project) => p.deck.replace(/\.pptx$/, '.before.pptx');

type Files = Record<string, Uint8Array>;
const slideXml = (files: Files, n: number) => strFromU8(files[`ppt/slides/slide${n}.xml`] as Uint8Array);
const setSlide = (files: Files, n: number, xml: string) => {
  files[`ppt/slides/slide${n}.xml`] = strToU8(xml);
};

/** A callout: a text box PowerPoint's Insert > Text Box makes, named. */
const callout = (text: string) =>
  `<p:sp><p:nvSpPr><p:cNvPr id="900" name="my callout"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="6000000" y="4000000"/><a:ext cx="3000000" cy="600000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr wrap="square"/><a:lstStyle/><a:p><a:r><a:rPr lang="zh-TW"/><a:t>${text}</a:t></a:r></a:p></p:txBody></p:sp>`;

/** A slide PowerPoint's New Slide makes on the "Title and Content" layout, with a picture the person inserted. */
const P =
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
const addedSlide = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:sld ${P}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/><p:sp><p:nvSpPr><p:cNvPr id="2" name="Title 1"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="zh-TW"/><a:t>我加的一頁</a:t></a:r></a:p></p:txBody></p:sp><p:pic><p:nvPicPr><p:cNvPr id="3" name="Picture 2" descr="my photo of the whiteboard"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr><a:xfrm><a:off x="1000000" y="2000000"/><a:ext cx="3000000" cy="2000000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>`;
const addedRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideLayout" Target="../slideLayouts/slideLayout3.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/whiteboard.png"/></Relationships>`;

/** The person's edits: a callout and a new title on the web chart, a bullet reworded, the first quote deleted, slides 2 and 3 swapped, a slide with a picture added after the bullets. */
function editDeck(p: Project, title: string): { bullet: string; reworded: string; deleted: string } {
  const files = unzipSync(readFileSync(p.deck));
  const web = slideXml(files, WEB);
  setSlide(files, WEB, web.replace(/(<p:cNvPr id="\d+" name="title"\/>.*?<a:t>)[^<]*(<\/a:t>)/, `$1${title}$2`).replace('</p:spTree>', `${callout('看這裡')}</p:spTree>`));
  const slides = readDeckSlides(readZip(readFileSync(p.deck))) ?? [];
  const body = slides[BULLETS - 1]?.shapes.find((s) => s.key === 'ph:body#0')?.text.split('\n') ?? [];
  const bullet = body.find((line) => slideXml(files, BULLETS).includes(`<a:t>${line}</a:t>`)) ?? '';
  const reworded = `${bullet}（我的說法）`;
  setSlide(files, BULLETS, slideXml(files, BULLETS).replace(`<a:t>${bullet}</a:t>`, `<a:t>${reworded}</a:t>`));
  // Speaker notes rewritten on the agenda slide (slide 3), which the new data does not change.
  const notes = 'ppt/notesSlides/notesSlide3.xml';
  files[notes] = strToU8(strFromU8(files[notes] as Uint8Array).replace(/<a:t>[^<]{20,}<\/a:t>/, '<a:t>我自己的講稿</a:t>'));
  const presentation = strFromU8(files['ppt/presentation.xml'] as Uint8Array);
  const ids = [...presentation.matchAll(/<p:sldId [^>]*\/>/g)].map((m) => m[0]);
  files['ppt/slides/slide99.xml'] = strToU8(addedSlide);
  files['ppt/slides/_rels/slide99.xml.rels'] = strToU8(addedRels);
  files['ppt/media/whiteboard.png'] = new Uint8Array(files[`ppt/media/image-${WEB}-1.png`] ?? []);
  const types = '[Content_Types].xml';
  files[types] = strToU8(
    strFromU8(files[types] as Uint8Array).replace(
      '</Types>',
      '<Override PartName="/ppt/slides/slide99.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slide+xml"/></Types>',
    ),
  );
  const presRels = 'ppt/_rels/presentation.xml.rels';
  files[presRels] = strToU8(
    strFromU8(files[presRels] as Uint8Array).replace(
      '</Relationships>',
      '<Relationship Id="rIdMine" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide" Target="slides/slide99.xml"/></Relationships>',
    ),
  );
  const order = ids.filter((_, k) => k !== QUOTE - 1);
  order.splice(BULLETS, 0, '<p:sldId id="999" r:id="rIdMine"/>');
  [order[1], order[2]] = [order[2] as string, order[1] as string];
  files['ppt/presentation.xml'] = strToU8(presentation.replace(/<p:sldIdLst>.*<\/p:sldIdLst>/, `<p:sldIdLst>${order.join('')}</p:sldIdLst>`));
  writeFileSync(p.deck, zipSync(files));
  return { bullet, reworded, deleted: outlineSlides()[QUOTE - 1]?.title ?? '' };
}

const texts = (deck: Uint8Array) => (readDeckSlides(readZip(deck)) ?? []).map((s) => s.shapes.map((x) => x.text).join('\n'));

describe('a rebuild over a deck a person edited', () => {
  let p: Project;
  beforeEach(async () => {
    p = copyProject('briefdeck-merge-');
    const first = await buildDeck({ outline: p.outline, cwd: p.dir });
    expect(first.outFile).toBe(p.deck);
  });
  afterEach(() => p.remove());

  it('keeps their edits, takes the new data, reports the conflict, and the deck passes check --deck and the schemas', async () => {
    const edits = editDeck(p, '我的標題：DeepSeek很強');
    p.edit('data/a16z.yaml', DEEPSEEK_2, DEEPSEEK_4);
    const before = readFileSync(p.deck);
    const result = await buildDeck({ outline: p.outline, cwd: p.dir });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const deck = readFileSync(p.deck);
    const shown = texts(deck);
    expect(shown).toHaveLength(outlineSlides().length);
    // The added slide, after the bullets slide as the person put it, with its picture.
    const mine = shown.findIndex((t) => t.includes('我加的一頁'));
    expect(shown[mine - 1]).toContain(edits.reworded);
    expect(result.merge?.addedSlides).toEqual([mine + 1]);
    const merged = readZip(deck);
    const pictureRels = strFromU8(merged.get(`ppt/slides/_rels/slide${mine + 1}.xml.rels`) as Uint8Array);
    const picture = /Target="\.\.\/media\/([^"]+)"/.exec(pictureRels)?.[1] ?? '';
    expect(Buffer.from(merged.get(`ppt/media/${picture}`) ?? []).equals(Buffer.from(readZip(before).get('ppt/media/whiteboard.png') ?? [1]))).toBe(true);
    expect(pictureRels).toContain('slideLayouts/slideLayout3.xml');
    expect(shown.some((t) => t.includes(edits.deleted))).toBe(false);
    expect(shown.filter((t) => t.includes(edits.reworded))).toHaveLength(1);
    const web = shown.find((t) => t.includes('看這裡')) ?? '';
    // The title shows data: the new data wins it, and the person's title is a conflict.
    expect(web).toContain('第4');
    expect(web).not.toContain('我的標題');
    expect(result.merge).toMatchObject({ deletedSlides: [edits.deleted], reordered: true, backup: 'dist/briefing.before.pptx' });
    expect(result.merge?.keptShapes.map((s) => s.shape)).toContain('my callout');
    expect(result.merge?.conflicts).toEqual([expect.objectContaining({ shape: 'title', ours: '我的標題：DeepSeek很強', kept: 'theirs', reason: 'data' })]);
    expect(result.diagnostics.filter((d) => d.code === 'MERGE_CONFLICT')).toHaveLength(1);
    // Slides 2 and 3 stay swapped.
    expect(shown[1]).toContain(outlineSlides()[2]?.title);
    expect((readDeckSlides(readZip(deck)) ?? [])[1]?.notes?.text).toBe('我自己的講稿');
    expect(result.merge?.keptSlides).toContain(2);
    expect(readFileSync(BACKUP(p)).equals(before)).toBe(true);
    expect((await checkDeckFile(p.deck)).diagnostics).toEqual([]);
    expect(validateParts(readZip(deck)).invalid).toEqual([]);

    // Built again with nothing new: the edits are found again, and the slides holding them are kept as they are.
    const again = await buildDeck({ outline: p.outline, cwd: p.dir });
    const shownAgain = texts(readFileSync(p.deck));
    const callout = shownAgain.findIndex((t) => t.includes('看這裡'));
    expect(callout).toBeGreaterThan(0);
    expect(again.merge?.keptSlides).toContain(callout + 1);
    expect(again.merge?.conflicts).toEqual([]);
    // The copy still holds what the person saved (their title, which the new data won), not the merged deck.
    expect(again.merge?.backup).toBeUndefined();
    expect(readFileSync(BACKUP(p)).equals(before)).toBe(true);
    expect(shownAgain.filter((t) => t.includes(edits.reworded))).toHaveLength(1);
  });

  it('keeps their title and their notes with --on-conflict ours', async () => {
    editDeck(p, '我的標題：DeepSeek很強');
    const files = unzipSync(readFileSync(p.deck));
    const notes = `ppt/notesSlides/notesSlide${WEB}.xml`;
    files[notes] = strToU8(strFromU8(files[notes] as Uint8Array).replace(/<a:t>[^<]{20,}<\/a:t>/, '<a:t>這頁我要強調排名</a:t>'));
    writeFileSync(p.deck, zipSync(files));
    p.edit('data/a16z.yaml', DEEPSEEK_2, DEEPSEEK_4);
    const result = await buildDeck({ outline: p.outline, cwd: p.dir, onConflict: 'ours' });
    expect(result.merge?.conflicts).toEqual([expect.objectContaining({ shape: 'title', kept: 'ours', reason: 'option' }), expect.objectContaining({ shape: 'notes', kept: 'ours', reason: 'option' })]);
    const slides = readDeckSlides(readZip(readFileSync(p.deck))) ?? [];
    const web = slides.find((s) => s.shapes.some((x) => x.text === '看這裡'));
    expect(web?.shapes.map((x) => x.text).join('\n')).toContain('我的標題');
    expect(web?.notes?.text).toContain('這頁我要強調排名');
    expect((await checkDeckFile(p.deck)).diagnostics).toEqual([]);
  });

  it('replaces the edited deck with the new build with --overwrite', async () => {
    const edits = editDeck(p, '我的標題');
    const result = await buildDeck({ outline: p.outline, cwd: p.dir, overwrite: true });
    expect(result.merge).toBeUndefined();
    expect(readFileSync(p.deck).equals(Buffer.from(result.pptx as Uint8Array))).toBe(true);
    expect(texts(readFileSync(p.deck)).some((t) => t.includes(edits.reworded))).toBe(false);
  });

  it('writes no copy when the deck is as the last build left it', async () => {
    p.edit('data/a16z.yaml', DEEPSEEK_2, DEEPSEEK_4);
    const result = await buildDeck({ outline: p.outline, cwd: p.dir });
    expect(result.merge).toBeUndefined();
    expect(existsSync(BACKUP(p))).toBe(false);
  });

  it('replaces an edited deck, keeping a copy, when the copy of the last build to merge against is gone', async () => {
    editDeck(p, '我的標題');
    const edited = readFileSync(p.deck);
    rmSync(path.join(p.dir, 'dist', '.briefdeck'), { recursive: true });
    const result = await buildDeck({ outline: p.outline, cwd: p.dir });
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'MERGE_NO_RECORD', severity: 'warning' })]);
    expect(result.merge).toBeUndefined();
    expect(readFileSync(p.deck).equals(Buffer.from(result.pptx as Uint8Array))).toBe(true);
    expect(readFileSync(BACKUP(p)).equals(edited)).toBe(true);
  });

  it("replaces, keeping a copy, a deck that shows none of the last build's slides (another deck saved there)", async () => {
    // Another deck: every text of every slide is another.
    const files = unzipSync(readFileSync(p.deck));
    for (const name of Object.keys(files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))) {
      files[name] = strToU8(strFromU8(files[name] as Uint8Array).replace(/<a:t>([^<]+)<\/a:t>/g, '<a:t>別的 $1 內容</a:t>'));
    }
    writeFileSync(p.deck, zipSync(files));
    const mine = readFileSync(p.deck);
    const result = await buildDeck({ outline: p.outline, cwd: p.dir });
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'MERGE_UNRELATED_DECK', severity: 'warning' })]);
    expect(readFileSync(p.deck).equals(Buffer.from(result.pptx as Uint8Array))).toBe(true);
    expect(readFileSync(BACKUP(p)).equals(mine)).toBe(true);
  });

  it('refuses a deck it cannot read at the output path, and leaves it as it is', async () => {
    writeFileSync(p.deck, 'not a deck');
    const result = await buildDeck({ outline: p.outline, cwd: p.dir });
    expect(result.outFile).toBeUndefined();
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'MERGE_UNREADABLE_DECK', severity: 'error', source: { file: p.deck } })]);
    expect(readFileSync(p.deck, 'utf8')).toBe('not a deck');
    expect((await buildDeck({ outline: p.outline, cwd: p.dir, overwrite: true })).outFile).toBe(p.deck);
  });

  it('takes --on-conflict ours|theirs and --overwrite on the command line; another value is bad usage', async () => {
    editDeck(p, '我的標題：DeepSeek很強');
    const bad = spawnCli(['build', p.outline, '--on-conflict', 'mine'], { cwd: p.dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--on-conflict');
    const ok = spawnCli(['build', p.outline, '--on-conflict', 'theirs'], { cwd: p.dir });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('wrote dist/briefing.pptx');
    expect(existsSync(BACKUP(p))).toBe(true);
  });
});
