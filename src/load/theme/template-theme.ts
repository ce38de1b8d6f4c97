import { mix } from '../../charts/style/contrast.js';
import type { TemplateTheme } from '../template/template.js';
import type { Theme } from './theme.js';

/** A typeface that sets Chinese, Japanese or Korean: by its name (what a theme gives us). */
const CJK_FONT =
  /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|cjk|gothic|mincho|ming|song|hei\b|heiti|kai|yahei|jhenghei|meiryo|batang|gulim|dotum|malgun|han sans|han serif|pingfang|hiragino|noto (sans|serif) (tc|sc|hk|jp|kr)|dengxian|fangsong/i;

/** A language written with CJK characters (the deck's text then needs an East Asian font). */
export function isCjkLanguage(lang: string): boolean {
  return /^(zh|ja|ko)\b/i.test(lang);
}

/**
 * The East Asian typeface of a deck built into a template: the template's (minor, else major)
 * when it names one that sets CJK; for a CJK deck whose template has none (LibreOffice's say
 * DejaVu Sans, which has no ideographs), the deck theme's; else the template's Latin font.
 */
export function templateEastAsianFont(theme: TemplateTheme, deckTheme: Theme, lang: string): string {
  const named = [theme.fonts.minor.eastAsian, theme.fonts.major.eastAsian].find((f) => f.trim() !== '');
  if (named && CJK_FONT.test(named)) return named;
  if (isCjkLanguage(lang)) return deckTheme.fonts.eastAsian;
  return named ?? templateLatinFont(theme, deckTheme);
}

function templateLatinFont(theme: TemplateTheme, deckTheme: Theme): string {
  return [theme.fonts.minor.latin, theme.fonts.major.latin].find((f) => f.trim() !== '') ?? deckTheme.fonts.latin;
}

/**
 * The deck's theme on a template: colours and fonts from the template's theme, so charts, cards
 * and timelines are in the template's colours and text in its fonts; sizes and the chart font
 * files stay the deck theme's. The scheme's slots fill the fields they stand for in the deck's
 * own theme part (dk1 text, lt1 background, dk2 dark background, lt2 card, accent1 and accent2
 * the two accents); the greys briefdeck needs for muted text, unhighlighted bars and grid lines
 * are mixed from the template's text and background (its accent3–6 are colours, not greys), and
 * up/down keep the deck theme's green and red, which mean something.
 */
export function themeFromTemplate(template: TemplateTheme, deckTheme: Theme, lang: string): Theme {
  const c = template.colors;
  return {
    ...deckTheme,
    colors: {
      ...deckTheme.colors,
      text: c.dk1,
      background: c.lt1,
      darkBackground: c.dk2,
      card: c.lt2,
      accent: c.accent1,
      accent2: c.accent2,
      muted: mix(c.dk1, c.lt1, 0.4),
      subdued: mix(c.dk1, c.lt1, 0.6),
      grid: mix(c.dk1, c.lt1, 0.88),
      darkText: c.lt1,
      onDarkMuted: mix(c.lt1, c.dk2, 0.25),
      onDarkAccent: mix(c.accent1, c.lt1, 0.3),
    },
    fonts: { ...deckTheme.fonts, latin: templateLatinFont(template, deckTheme), eastAsian: templateEastAsianFont(template, deckTheme, lang) },
  };
}
