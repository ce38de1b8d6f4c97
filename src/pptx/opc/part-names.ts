/** The names of the parts of a PresentationML package that briefdeck reads or repairs, in one place. */

export const CONTENT_TYPES_PART = '[Content_Types].xml';
export const ROOT_RELS_PART = '_rels/.rels';
export const PRESENTATION_PART = 'ppt/presentation.xml';
export const CORE_PROPERTIES_PART = 'docProps/core.xml';
export const APP_PROPERTIES_PART = 'docProps/app.xml';
export const MEDIA_FOLDER = 'ppt/media/';

export const SLIDE_PART = /^ppt\/slides\/slide\d+\.xml$/;
/** Any XML part directly in `ppt/slides/`: a slide, whatever its name. */
export const SLIDE_FOLDER_PART = /^ppt\/slides\/[^/]+\.xml$/;
export const NOTES_SLIDE_PART = /^ppt\/notesSlides\/notesSlide\d+\.xml$/;
export const THEME_PART = /^ppt\/theme\/theme\d+\.xml$/;
export const CHART_PART = /^ppt\/charts\/chart\d+\.xml$/;
export const EMBEDDED_WORKBOOK_PART = /^ppt\/embeddings\/[^/]+\.xlsx$/i;
/** Parts with a shape tree (`p:spTree`), whose shapes carry `p:cNvPr` ids and descriptions. */
export const SHAPE_TREE_PART = /^ppt\/(slides|slideLayouts|slideMasters|notesSlides|notesMasters)\/[^/]+\.xml$/;
/** Parts with DrawingML text (`a:p`): the shape trees and the charts. */
export const DRAWING_TEXT_PART = /^ppt\/(slides|slideLayouts|slideMasters|notesSlides|notesMasters|charts)\/[^/]+\.xml$/;
/** The parts whose text runs briefdeck wrote: slides and their notes. */
export const RUN_PART = /^ppt\/(slides\/slide|notesSlides\/notesSlide)\d+\.xml$/;

/** `ppt/slides/slide3.xml` for 3. */
export function slidePartName(n: number): string {
  return `ppt/slides/slide${n}.xml`;
}
