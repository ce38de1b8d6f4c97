import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFontMetrics, parseFontMetrics, readFontMetrics } from '../../src/charts/render/font-metrics.js';
import { readFontFile, resolveFontFile } from '../../src/charts/render/fonts.js';

const NOTO = resolveFontFile('npm:@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf') as string;

describe('the drawer reads chart fonts through the guarded reader', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'briefdeck-font-read-'));
  const fonts = path.join(dir, 'fonts');
  mkdirSync(fonts);
  copyFileSync(NOTO, path.join(fonts, 'real.ttf'));
  execFileSync('mkfifo', [path.join(fonts, 'fifo.ttf')]);
  symlinkSync(NOTO, path.join(fonts, 'link.ttf'));

  it('reads a font file, and its metrics cover 国 and not ᚠ', async () => {
    expect((await readFontFile(path.join(fonts, 'real.ttf'))).length).toBeGreaterThan(1000);
    const metrics = await readFontMetrics(path.join(fonts, 'real.ttf'));
    expect(metrics.covers('国'.codePointAt(0) as number)).toBe(true);
    expect(metrics.covers(0x16a0)).toBe(false);
  });

  it('the synchronous reader reads only the metric tables, and measures as the whole file does', () => {
    const whole = parseFontMetrics(readFileSync(NOTO));
    const tables = loadFontMetrics(NOTO);
    for (const text of ['国内 Alpha 123', 'ひらがな…', 'ᚠ']) expect(tables.width(text, 16)).toBe(whole.width(text, 16));
    expect(tables.covers(0x56fd)).toBe(true);
    expect(() => loadFontMetrics(path.join(fonts, 'fifo.ttf'))).toThrow(/not a regular file/);
  });

  it.each(['fifo.ttf', 'link.ttf'])('refuses %s swapped in where the font was (a FIFO, a link out of its folder)', async (name) => {
    await expect(readFontFile(path.join(fonts, name))).rejects.toThrow();
    await expect(readFontMetrics(path.join(fonts, name))).rejects.toThrow();
  });
});
