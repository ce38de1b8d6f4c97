import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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
