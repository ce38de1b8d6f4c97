import { createRequire } from 'node:module';
import { readFontFile, type FontFile } from './font-file.js';

/**
 * The file measured for a theme font name. The fonts a deck names (Arial, Microsoft JhengHei,
 * Yu Gothic…) are not redistributable, so layout measures metric-compatible or same-design fonts
 * shipped through npm: Arimo has Arial's advance widths; the Noto Sans CJK faces set ideographs
 * and full-width punctuation one em wide, as every CJK UI font does.
 */
const STAND_INS: readonly { names: readonly string[]; regular: string; bold: string }[] = [
  {
    names: ['arial', 'helvetica', 'helvetica neue', 'liberation sans', 'arimo'],
    regular: '@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf',
    bold: '@expo-google-fonts/arimo/700Bold/Arimo_700Bold.ttf',
  },
  {
    names: ['microsoft jhenghei', 'microsoft jhenghei ui', 'pmingliu', 'mingliu', 'noto sans tc', 'noto sans cjk tc', 'source han sans tc', 'pingfang tc'],
    regular: '@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-tc/700Bold/NotoSansTC_700Bold.ttf',
  },
  {
    names: ['microsoft yahei', 'microsoft yahei ui', 'simsun', 'simhei', 'dengxian', 'noto sans sc', 'noto sans cjk sc', 'source han sans sc', 'pingfang sc'],
    regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  },
  {
    names: ['yu gothic', 'yu gothic ui', 'meiryo', 'meiryo ui', 'ms gothic', 'ms pgothic', 'noto sans jp', 'noto sans cjk jp', 'source han sans jp', 'hiragino sans'],
    regular: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
  },
];

/** Any other Latin font name is measured as Arial (the commonest metrics of a sans UI font). */
const LATIN_FALLBACK = STAND_INS[0] as (typeof STAND_INS)[number];

const require = createRequire(import.meta.url);

/** A regular and a bold face, each read on first use. */
export interface FacePair {
  regular: () => FontFile;
  bold: () => FontFile;
  /** The files measured, for `check --format json`. */
  files: { regular: string; bold: string };
}

/** Each font file is read once per process, when first measured. */
const opened = new Map<string, FontFile>();

function lazyFile(file: string, kerning: boolean): () => FontFile {
  return () => {
    let f = opened.get(file);
    if (!f) {
      f = readFontFile(file, { kerning });
      opened.set(file, f);
    }
    return f;
  };
}

function pair(regular: string, bold: string, kerning: boolean): FacePair {
  return { regular: lazyFile(regular, kerning), bold: lazyFile(bold, kerning), files: { regular, bold } };
}

/** The stand-in files for a theme font name, or undefined where the table does not know it. */
export function standInFiles(name: string): { regular: string; bold: string } | undefined {
  const key = name.trim().toLowerCase();
  const found = STAND_INS.find((s) => s.names.includes(key));
  return found ? { regular: require.resolve(found.regular), bold: require.resolve(found.bold) } : undefined;
}

/**
 * The faces text is measured with: the Latin font's stand-in (Arimo for any Latin name it does
 * not know), and the East Asian font's, else the theme's chart font files (which draw the
 * deck's script, and which the theme loader has already checked).
 */
export function measuredFaces(fonts: { latin: string; eastAsian: string; chartRegular: string; chartBold: string }): { latin: FacePair; eastAsian: FacePair } {
  const latin = standInFiles(fonts.latin) ?? { regular: require.resolve(LATIN_FALLBACK.regular), bold: require.resolve(LATIN_FALLBACK.bold) };
  const eastAsian = standInFiles(fonts.eastAsian);
  const ea = eastAsian && eastAsian.regular !== latin.regular ? eastAsian : { regular: fonts.chartRegular, bold: fonts.chartBold };
  return { latin: pair(latin.regular, latin.bold, true), eastAsian: pair(ea.regular, ea.bold, false) };
}
