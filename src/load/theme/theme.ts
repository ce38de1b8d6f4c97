/** Colours as six hex digits without `#` (pptxgenjs' form); charts add the `#`. */
export type HexColor = string;

/**
 * The default theme's values of the colours a theme file may leave out (templates/themes/default.yaml
 * gives the same). onDarkAccent is a lighter red than the accent: C8102E on 14213D is 2.72:1,
 * E8364F is 3.86:1, enough for the section number's large text.
 */
export const THEME_COLOR_DEFAULTS = { card: 'F3F5F8', onDarkMuted: 'B8C4D6', onDarkAccent: 'E8364F' } as const;

/** A deck's look: colours, fonts and sizes. Loaded from `templates/themes/<name>.yaml`. */
export interface Theme {
  name: string;
  colors: {
    background: HexColor;
    text: HexColor;
    muted: HexColor;
    /** Titles, rules and the highlight group in charts. */
    accent: HexColor;
    /** The second series colour (previous editions, the "rest" in a comparison). */
    accent2: HexColor;
    /** Bars and dots that are not highlighted. */
    subdued: HexColor;
    grid: HexColor;
    /** Section dividers and the title slide. */
    darkBackground: HexColor;
    darkText: HexColor;
    /** Rank went up / down in a rank-change mark. */
    up: HexColor;
    down: HexColor;
    /** Card fill (figures, comparison and takeaway cards). */
    card: HexColor;
    /** Light text on the dark title and section slides (subtitles, the date line). */
    onDarkMuted: HexColor;
    /** The section number and any accent drawn on the dark background (3:1 there, as large text needs). */
    onDarkAccent: HexColor;
  };
  fonts: {
    /** Font for Latin text in the deck (`<a:latin>`). */
    latin: string;
    /** Font for Chinese text in the deck (`<a:ea>`); the viewer's machine supplies it. */
    eastAsian: string;
    /** Font files that chart images are drawn with (TTF/OTF), relative to the project root or absolute. */
    chartRegular: string;
    chartBold: string;
    /** The family name inside those files. */
    chartFamily: string;
  };
  /** Font sizes in points. */
  sizes: {
    title: number;
    sectionTitle: number;
    heading: number;
    body: number;
    small: number;
    figure: number;
    quote: number;
    footer: number;
    /** The smallest size layout sets text at to make it fit. */
    min: number;
  };
}
