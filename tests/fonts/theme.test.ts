import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { checkOutline } from '../../src/check.js';
import { langKey } from '../../src/load/theme/load-theme.js';
import { chartProject } from './project.js';

const ROOT = path.resolve(__dirname, '../..');
const DEFAULT_THEME = readFileSync(path.join(ROOT, 'templates/themes/default.yaml'), 'utf8');

/** The typefaces of every `a:ea` and `a:latin` in the theme and the slides. */
async function typefaces(lang: string): Promise<{ ea: Set<string>; latin: Set<string> }> {
  const result = await buildDeck({ outline: chartProject(lang, ['Alpha']), write: false });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const files = unzipSync(result.pptx as Uint8Array);
  const ea = new Set<string>();
  const latin = new Set<string>();
  for (const [name, bytes] of Object.entries(files)) {
    if (!/^ppt\/(theme\/theme1|slides\/slide\d+)\.xml$/.test(name)) continue;
    for (const m of strFromU8(bytes).matchAll(/<a:(ea|latin) typeface="([^"]*)"/g)) (m[1] === 'ea' ? ea : latin).add(m[2] as string);
  }
  return { ea, latin };
}

describe('the default theme picks fonts by deck.lang', () => {
  it.each([
    ['zh-TW', 'Microsoft JhengHei'],
    ['zh-CN', 'Microsoft YaHei'],
    ['zh-Hans-SG', 'Microsoft YaHei'],
    ['ja-JP', 'Yu Gothic'],
  ])('%s: East Asian text in %s, Latin in Arial', async (lang, font) => {
    const { ea, latin } = await typefaces(lang);
    expect(ea).toContain(font);
    expect([...ea].filter((f) => f !== '' && f !== font && !f.startsWith('+'))).toEqual([]);
    expect(latin).toContain('Arial');
  });

  it('en-US: no East Asian font, Arial in every slot', async () => {
    const { ea } = await typefaces('en-US');
    expect([...ea].filter((f) => f !== '' && !f.startsWith('+'))).toEqual(['Arial']);
  });

  it('matches the longest tag of byLang, whatever the case', () => {
    const keys = ['zh-CN', 'zh-Hans', 'ja', 'en'];
    expect(langKey(keys, 'zh-Hans-CN')).toBe('zh-Hans');
    expect(langKey(keys, 'ZH-cn')).toBe('zh-CN');
    expect(langKey(keys, 'ja-JP')).toBe('ja');
    expect(langKey(keys, 'zh-TW')).toBeUndefined();
    expect(langKey(keys, 'english')).toBeUndefined();
  });

  it("a theme's byLang chart font that does not exist is TEMPLATE_FONT_NOT_FOUND at its line", async () => {
    const theme = DEFAULT_THEME.replace('noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf', 'noto-sans-jp/nope.ttf');
    const outline = chartProject('ja', ['国内'], { theme });
    const checked = await checkOutline({ outline });
    const d = checked.diagnostics.find((x) => x.code === 'TEMPLATE_FONT_NOT_FOUND');
    expect(d?.source?.file).toMatch(/custom\.yaml$/);
    expect(d?.source?.range?.[0]).toBe(theme.indexOf('npm:@expo-google-fonts/noto-sans-jp/nope.ttf'));
  });
});

describe('a theme font name with " < or &', () => {
  const themed = (name: string) => {
    const theme = DEFAULT_THEME.replace(/^ {2}latin: .*$/m, `  latin: '${name}'`);
    return { theme, outline: chartProject('zh-TW', ['甲'], { theme }), at: theme.indexOf(`'${name}'`) };
  };

  it.each(['A<B', 'A&B'])('%s is TEMPLATE_BAD_FONT_NAME at the name, with a hint', async (name) => {
    const { outline, at } = themed(name);
    const d = (await checkOutline({ outline })).diagnostics.find((x) => x.code === 'TEMPLATE_BAD_FONT_NAME');
    expect(d).toMatchObject({ severity: 'error', source: { range: [at, expect.any(Number)] }, hint: expect.stringContaining('family name') });
    expect(d?.source?.file).toMatch(/custom\.yaml$/);
  });

  it('A"B: exit 1 from build and check, at its line and column, no stack, no deck written (never a malformed one)', () => {
    const { theme, outline, at } = themed('A"B');
    const line = theme.slice(0, at).split('\n').length;
    const column = at - theme.lastIndexOf('\n', at - 1);
    for (const command of ['build', 'check']) {
      const run = spawnSync(process.execPath, [path.join(ROOT, 'lib/cli.js'), command, outline, '--format', 'json', ...(command === 'build' ? ['-o', `${outline}.pptx`] : [])], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(1);
      const printed = JSON.parse(run.stdout) as Found[] | { diagnostics: Found[] };
      // build prints { diagnostics, deck, report }; check the diagnostics alone.
      const found = Array.isArray(printed) ? printed : printed.diagnostics;
      const d = found.find((x) => x.code === 'TEMPLATE_BAD_FONT_NAME');
      expect(d).toMatchObject({ line, column, hint: expect.stringContaining('family name') });
      expect(d?.file).toMatch(/custom\.yaml$/);
      expect(existsSync(`${outline}.pptx`)).toBe(false);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

type Found = { code: string; file?: string; line?: number; column?: number; hint?: string };
