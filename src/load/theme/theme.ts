/** Colours as six hex digits without `#` (pptxgenjs' form); charts add the `#`. */
export type HexColor = string;

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
  };
}
