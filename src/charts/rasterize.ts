import { palettePng } from './png.js';

type ResvgModule = typeof import('@resvg/resvg-js');
let loading: Promise<ResvgModule> | undefined;

/** The fonts a chart picture is drawn with: files (TTF/OTF; resvg cannot read WOFF) and their family. */
export interface RasterFonts {
  files: string[];
  family: string;
}

export interface Raster {
  png: Uint8Array;
  widthPx: number;
  heightPx: number;
  /** The SVG with every text turned into paths: looks the same on a machine without the font. */
  outlined: string;
}

/**
 * SVG → PNG at `scale` (resvg; stored as a palette PNG when it has ≤ 256 colours, as charts
 * do), and SVG → SVG with outlined text. Only the given font files
 * are used (`loadSystemFonts: false`), so a picture looks the same on every machine, CJK font
 * installed or not; every generic family maps to the chart font too.
 */
export async function rasterize(svg: string, fonts: RasterFonts, scale: number, background: string, outline = true): Promise<Raster> {
  const { Resvg } = await (loading ??= import('@resvg/resvg-js'));
  const resvg = new Resvg(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles: fonts.files,
      defaultFontFamily: fonts.family,
      sansSerifFamily: fonts.family,
      serifFamily: fonts.family,
      monospaceFamily: fonts.family,
      cursiveFamily: fonts.family,
      fantasyFamily: fonts.family,
    },
    fitTo: { mode: 'zoom', value: scale },
    background,
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'off',
  });
  const image = resvg.render();
  const png = palettePng(image.pixels, image.width, image.height) ?? new Uint8Array(image.asPng());
  return { png, widthPx: image.width, heightPx: image.height, outlined: outline ? resvg.toString() : '' };
}
