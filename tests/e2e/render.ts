import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeText } from '../../src/pptx/xml/xml.js';

/** Why LibreOffice cannot render here, or undefined when it can. */
export function libreOfficeUnavailable(): string | undefined {
  if (spawnSync('soffice', ['--version']).error) return 'soffice is not installed (Debian: libreoffice-impress; .ci/run installs it)';
  if (spawnSync('pdftotext', ['-v']).error) return 'pdftotext is not installed (Debian: poppler-utils)';
  return undefined;
}

/** Renders a deck with LibreOffice, the real client, and reads back each page's text. */
export function renderPages(pptx: Uint8Array): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-render-'));
  try {
    const deck = path.join(dir, 'deck.pptx');
    writeFileSync(deck, pptx);
    const profile = path.join(dir, 'profile');
    const run = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, deck], { encoding: 'utf8', timeout: 180_000 });
    const pdf = path.join(dir, 'deck.pdf');
    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    if (text.status !== 0) throw new Error(`LibreOffice produced no PDF: ${run.stderr}`);
    return text.stdout.split('\f').slice(0, -1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A word LibreOffice drew, its box in points from the page's top-left corner. */
export interface DrawnWord {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

/** Renders a deck with LibreOffice and reads every word's box back, page by page, with pdftotext -bbox-layout. */
export function renderWordBoxes(pptx: Uint8Array): { width: number; height: number; words: DrawnWord[] }[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-words-'));
  try {
    const deck = path.join(dir, 'deck.pptx');
    writeFileSync(deck, pptx);
    spawnSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, deck], { timeout: 180_000 });
    const html = spawnSync('pdftotext', ['-bbox-layout', path.join(dir, 'deck.pdf'), '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (html.status !== 0) throw new Error(`LibreOffice produced no PDF: ${html.stderr}`);
    return html.stdout
      .split('<page ')
      .slice(1)
      .map((page) => {
        const size = /width="([\d.]+)" height="([\d.]+)"/.exec(page);
        const words = [...page.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)].map((m) => ({
          x0: Number(m[1]),
          y0: Number(m[2]),
          x1: Number(m[3]),
          y1: Number(m[4]),
          text: decodeText(m[5] ?? ''),
        }));
        return { width: Number(size?.[1]), height: Number(size?.[2]), words };
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
