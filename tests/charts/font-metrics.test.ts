import { copyFileSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFontMetricsCache } from '../../src/charts/render/font-metrics.js';
import { fontFiles } from './helpers.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'briefdeck-font-metrics-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a font metrics cache', () => {
  it('reads a file once while it stays the same, and again once it is replaced', () => {
    const font = path.join(tmp, 'chart.ttf');
    copyFileSync(fontFiles.regular, font);
    const cache = createFontMetricsCache();
    const first = cache.get(font);
    expect(cache.get(font)).toBe(first);
    const regularWidth = first.width('阿里巴巴 DeepSeek', 20);

    // The bold face under the same name, as a watch loop sees a font file replaced.
    copyFileSync(fontFiles.bold, font);
    utimesSync(font, new Date(), new Date(Date.now() + 5000));
    const replaced = cache.get(font);
    expect(replaced).not.toBe(first);
    expect(replaced.width('阿里巴巴 DeepSeek', 20)).not.toBe(regularWidth);
  });

  it('is one per owner: another cache reads the file itself', () => {
    const a = createFontMetricsCache();
    const b = createFontMetricsCache();
    expect(a.get(fontFiles.regular)).not.toBe(b.get(fontFiles.regular));
    expect(a.get(fontFiles.regular).width('豆包', 16)).toBe(b.get(fontFiles.regular).width('豆包', 16));
  });
});
