/**
 * Issue 16, the real client: restyling the master restyles every slide. A copy of the fixture deck's
 * XML gets a green master title, orange titles on the two dark layouts and (once the slides refer
 * to scheme colours) a purple accent1; LibreOffice renders it once, and every slide's title box
 * must show its new colour, every content slide's title rule the new accent. Nothing on a slide
 * names these colours, so they can only come from the master, the layouts and the theme.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { SLIDE } from '../../src/layout/frame.js';
import type { Box } from '../../src/layout/types.js';
import { LAYOUT_OF_KIND } from '../../src/pptx/finish/layouts.js';
import { readZip } from '../../src/pptx/zip/zip-read.js';
import { writeZip } from '../../src/pptx/zip/zip-write.js';
import { createElement, descendants, firstChild, getAttribute, serializeXml, parseXml, type XmlElement } from '../../src/pptx/xml/xml.js';
import { layoutName, placeholderOf, related } from './package-xml.js';

const OUTLINE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixture/master/deck.yaml');
const MASTER = 'ppt/slideMasters/slideMaster1.xml';
const THEME = 'ppt/theme/theme1.xml';
const GREEN = '00B050';
const ORANGE = 'FF8C00';
const PURPLE = '7030A0';
const DPI = 40;

function unavailable(): string | undefined {
  if (spawnSync('soffice', ['--version']).error) return 'soffice is not installed (Debian: libreoffice-impress; .ci/run installs it)';
  if (spawnSync('pdftoppm', ['-v']).error) return 'pdftoppm is not installed (Debian: poppler-utils)';
  return undefined;
}
const why = unavailable();
if (why) console.warn(`master-render.test.ts skipped: ${why}`);

type Parts = Map<string, Uint8Array>;

function editXml(parts: Parts, name: string, edit: (root: XmlElement) => void): void {
  const parsed = parseXml(new TextDecoder().decode(parts.get(name)));
  if (!parsed.ok) throw new Error(`${name} does not parse`);
  edit(parsed.document.root);
  parts.set(name, new TextEncoder().encode(serializeXml(parsed.document)));
}

/** Replaces the colour of a text-properties element (`a:defRPr`) with a fixed one. */
function recolour(rPr: XmlElement, hex: string): void {
  const fill = createElement('a:solidFill', {}, [createElement('a:srgbClr', { val: hex })]);
  const at = rPr.children.findIndex((c) => c.kind === 'element' && c.name === 'a:solidFill');
  if (at >= 0) rPr.children[at] = fill;
  else rPr.children.unshift(fill);
}

/** One image a page: `pdftoppm -ppm` at DPI, read as RGB. */
function renderPages(pptx: Uint8Array): { width: number; height: number; rgb: Uint8Array }[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-master-'));
  try {
    const deck = path.join(dir, 'deck.pptx');
    writeFileSync(deck, pptx);
    const run = spawnSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, deck], { encoding: 'utf8', timeout: 180_000 });
    const raster = spawnSync('pdftoppm', ['-r', String(DPI), path.join(dir, 'deck.pdf'), path.join(dir, 'page')], { encoding: 'utf8' });
    if (raster.status !== 0) throw new Error(`LibreOffice produced no PDF: ${run.stderr} ${raster.stderr}`);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.ppm'))
      .sort()
      .map((f) => readPpm(readFileSync(path.join(dir, f))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readPpm(bytes: Buffer): { width: number; height: number; rgb: Uint8Array } {
  const header = bytes.toString('latin1', 0, 64).match(/^P6\s+(\d+)\s+(\d+)\s+255\s/);
  if (!header) throw new Error('not a binary PPM');
  return { width: Number(header[1]), height: Number(header[2]), rgb: bytes.subarray(header[0].length) };
}

/** Pixels within `box` (inches) close to `hex`. */
function pixelsOf(page: { width: number; height: number; rgb: Uint8Array }, box: Box, hex: string): number {
  const target = [0, 2, 4].map((k) => Number.parseInt(hex.slice(k, k + 2), 16));
  const scale = page.width / SLIDE.w;
  let n = 0;
  for (let y = Math.floor(box.y * scale); y < Math.min(page.height, Math.ceil((box.y + box.h) * scale)); y++) {
    for (let x = Math.floor(box.x * scale); x < Math.min(page.width, Math.ceil((box.x + box.w) * scale)); x++) {
      const at = (y * page.width + x) * 3;
      if (target.every((v, k) => Math.abs((page.rgb[at + k] ?? 0) - v) <= 40)) n++;
    }
  }
  return n;
}

describe.skipIf(why !== undefined)('restyling the master in a copy of the deck, rendered by LibreOffice', () => {
  it("changes every slide's title colour, and the accent of every title rule", async () => {
    const built = await buildDeck({ outline: OUTLINE, write: false });
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const parts = readZip(built.pptx!);
    const plan = built.plan!;

    editXml(parts, MASTER, (root) => recolour(descendants(firstChild(firstChild(root, 'p:txStyles')!, 'p:titleStyle')!, 'a:defRPr')[0]!, GREEN));
    const darkLayouts = new Set([LAYOUT_OF_KIND.title, LAYOUT_OF_KIND.section]);
    for (const layout of related(parts, MASTER, 'slideLayout').filter((l) => darkLayouts.has(layoutName(parts, l) ?? ''))) {
      editXml(parts, layout, (root) => {
        const title = descendants(root, 'p:sp').find((sp) => ['title', 'ctrTitle'].includes(getAttribute(placeholderOf(sp) ?? sp, 'type') ?? ''));
        recolour(descendants(firstChild(firstChild(title!, 'p:txBody')!, 'a:lstStyle')!, 'a:defRPr')[0]!, ORANGE);
      });
    }
    // The accent follows the theme only where slides refer to scheme colours (the theme-colour edit).
    const accentByScheme = new TextDecoder().decode(parts.get('ppt/slides/slide2.xml')).includes('<a:schemeClr val="accent1"/>');
    if (accentByScheme) editXml(parts, THEME, (root) => (descendants(root, 'a:accent1')[0]!.children = [createElement('a:srgbClr', { val: PURPLE })]));
    else console.warn('master-render.test.ts: slides name the accent in hex; the accent1 check waits for scheme colours');

    const pages = renderPages(writeZip(parts));
    expect(pages).toHaveLength(plan.slides.length);
    const found = plan.slides.map((s, i) => {
      const title = s.elements.find((el) => el.type === 'text' && el.placeholder === 'title');
      const rule = s.elements.find((el) => el.name === 'title rule');
      const colour = s.layout === 'title' || s.layout === 'section' ? ORANGE : GREEN;
      return {
        slide: i + 1,
        title: title ? pixelsOf(pages[i]!, title.box, colour) > 10 : 'none',
        rule: rule && accentByScheme ? pixelsOf(pages[i]!, rule.box, PURPLE) > 3 : 'n/a',
      };
    });
    expect(found).toEqual(
      plan.slides.map((s, i) => ({
        slide: i + 1,
        title: s.elements.some((el) => el.type === 'text' && el.placeholder === 'title') ? true : 'none',
        rule: s.elements.some((el) => el.name === 'title rule') && accentByScheme ? true : 'n/a',
      })),
    );
  }, 240_000);
});
