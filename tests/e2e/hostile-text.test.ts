import { strFromU8, unzipSync } from 'fflate';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type BuildResult } from '../../src/build.js';
import { checkPackage } from '../../src/pptx/opc/check-package.js';
import { validateParts } from '../pptx/xsd.js';
import { libreOfficeUnavailable, renderPages } from './render.js';

const FIXTURE = path.resolve(__dirname, '../fixtures/hostile');
let result: BuildResult;

beforeAll(async () => {
  result = await buildDeck({ outline: path.join(FIXTURE, 'deck.yaml'), cwd: FIXTURE, write: false });
}, 120_000);

describe('a deck whose every field holds control characters, emoji and & < > " \'', () => {
  it('builds, warning where each control character was', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const warnings = result.diagnostics.filter((d) => d.code === 'TEXT_CONTROL_CHARACTER');
    expect(warnings.length).toBeGreaterThanOrEqual(10);
    for (const w of warnings) expect(w.source?.file).toMatch(/deck\.yaml$|hostile\.yaml$/);
    expect(result.pptx).toBeDefined();
  });

  it('passes the integrity checker and keeps the special characters as text', () => {
    expect(checkPackage(result.pptx!, 'hostile.pptx')).toEqual([]);
    const parts = unzipSync(result.pptx!);
    const all = Object.entries(parts)
      .filter(([n]) => n.endsWith('.xml'))
      .map(([, b]) => strFromU8(b))
      .join('');
    expect(all).toContain('A &amp; B &lt;c&gt;');
    expect(all).toContain('🚀');
    expect(all).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });

  it('is schema-valid in every part', () => {
    expect(validateParts(new Map(Object.entries(unzipSync(result.pptx!)))).invalid).toEqual([]);
  });

  it('renders its text in LibreOffice', (ctx) => {
    const why = libreOfficeUnavailable();
    if (why) {
      console.warn(`skipped: ${why}`);
      ctx.skip();
    }
    const pages = renderPages(result.pptx!);
    expect(pages.length).toBe(result.deck!.slides.length);
    for (const [i, p] of pages.entries()) expect(p.trim().length, `page ${i + 1}`).toBeGreaterThan(0);
    expect(pages[3]).toContain('第一 & <one>');
  }, 180_000);
});
