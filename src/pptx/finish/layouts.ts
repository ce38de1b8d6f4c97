import { textOn } from '../../charts/style/contrast.js';
import { BODY_TEXT_BOX, comparisonColumn, FOOTER_BOX, MARGIN, SECTION_BOXES, SLIDE_NUMBER_BOX, TITLE_BOX, TITLE_SLIDE_BOXES } from '../../layout/frame.js';
import { LAYOUT_KINDS } from '../../layout/registry.js';
import type { Box, PlaceholderSlot } from '../../layout/types.js';
import type { Layout } from '../../load/outline/schema.js';
import type { HexColor, Theme } from '../../load/theme/theme.js';

/** `p:ph` types briefdeck's layouts use; `obj` (content) is written as no type, as PowerPoint does. */
export type PlaceholderType = 'ctrTitle' | 'subTitle' | 'title' | 'body' | 'obj' | 'dt' | 'ftr' | 'sldNum';

/** How a placeholder's text looks where the layout differs from the master's text styles. */
export interface PlaceholderText {
  /** Points. */
  size?: number;
  bold?: boolean;
  color?: HexColor;
  align?: 'l' | 'ctr' | 'r';
  anchor?: 't' | 'ctr' | 'b';
  /** Inner padding in inches (0 unless given, as the slides' text boxes have). */
  inset?: number;
}

export interface PlaceholderSpec {
  slot: PlaceholderSlot;
  type: PlaceholderType;
  idx: number;
  /** PowerPoint's size hint for the placeholder (what its New Slide prompt scales by). */
  sz?: 'half' | 'quarter';
  box: Box;
  text: PlaceholderText;
  fill?: HexColor;
  /** The prompt PowerPoint shows in the empty placeholder (in the layout, not on slides). */
  prompt: string;
}

export interface LayoutSpec {
  /** The name PowerPoint shows under New Slide and in the layout gallery. */
  name: string;
  /** ST_SlideLayoutType where a standard one fits; custom layouts have none. */
  type?: 'title' | 'secHead' | 'obj' | 'twoTxTwoObj' | 'titleOnly';
  /** The dark background of the title and section slides (else the master's light one). */
  dark: boolean;
  placeholders: PlaceholderSpec[];
}

/** Which layout each briefdeck layout kind uses, by the layout's name. */
export const LAYOUT_OF_KIND: { readonly [L in Layout]: string } = {
  title: 'Title Slide',
  section: 'Section Header',
  bullets: 'Title and Content',
  comparison: 'Comparison',
  agenda: 'Agenda',
  figures: 'Figures',
  quote: 'Quote',
  chart: 'Chart',
  timeline: 'Timeline',
  takeaways: 'Takeaways',
  sources: 'Sources',
  changes: 'Changes',
};

/** Indices of the footer row, as PowerPoint numbers them. */
const DATE_IDX = 10;
const FOOTER_IDX = 11;
const SLIDE_NUMBER_IDX = 12;

/**
 * Every layout of the deck's master, in the order of the master's list (New Slide's order): one
 * a kind, in the kinds' order, then "Title Only" for slides a user adds. A layout's placeholders
 * sit in the boxes src/layout gives the same text, so a slide's text needs no position of its own.
 */
export function layoutTable(theme: Theme): LayoutSpec[] {
  const { colors, sizes } = theme;
  const title = (box: Box, size: number, more: PlaceholderText = {}): PlaceholderSpec => ({
    slot: 'title',
    type: 'title',
    idx: 0,
    box,
    text: { size, bold: true, ...more },
    prompt: 'Click to edit title',
  });
  const footerRow: PlaceholderSpec[] = [
    { slot: 'footer', type: 'ftr', idx: FOOTER_IDX, sz: 'quarter', box: FOOTER_BOX, text: { size: sizes.footer + 1, color: colors.muted, align: 'r', anchor: 't' }, prompt: 'Footer' },
    {
      slot: 'slide number',
      type: 'sldNum',
      idx: SLIDE_NUMBER_IDX,
      sz: 'quarter',
      box: SLIDE_NUMBER_BOX,
      text: { size: sizes.footer + 1, color: colors.muted, align: 'r', anchor: 't' },
      prompt: '‹#›',
    },
  ];
  const content = (name: string, body: PlaceholderSpec[] = [], type?: LayoutSpec['type']): LayoutSpec => ({
    name,
    ...(type ? { type } : {}),
    dark: false,
    placeholders: [title(TITLE_BOX, sizes.heading, { anchor: 'b' }), ...body, ...footerRow],
  });
  const textBody = (slot: PlaceholderSlot, type: PlaceholderType, idx: number, box: Box, text: PlaceholderText, more: Partial<PlaceholderSpec> = {}): PlaceholderSpec => ({
    slot,
    type,
    idx,
    box,
    text,
    prompt: 'Click to edit text',
    ...more,
  });
  const column = (i: 0 | 1): PlaceholderSpec[] => {
    const { heading, body } = comparisonColumn(i);
    const fill = i === 0 ? colors.accent2 : colors.accent;
    const side = i === 0 ? 'left' : 'right';
    return [
      textBody(`${side} heading`, 'body', 1 + 2 * i, heading, { size: 24, bold: true, color: textOn(fill, colors.darkBackground), align: 'ctr', anchor: 'ctr', inset: 0.12 }, { sz: 'quarter', fill }),
      textBody(`${side} body`, 'obj', 2 + 2 * i, body, { size: sizes.body + 2, inset: 0.3 }, { sz: 'quarter', fill: colors.card }),
    ];
  };
  const byKind: { readonly [L in Layout]: LayoutSpec } = {
    title: {
      name: LAYOUT_OF_KIND.title,
      type: 'title',
      dark: true,
      placeholders: [
        { ...title(TITLE_SLIDE_BOXES.title, sizes.title + 4, { color: colors.darkText, anchor: 't' }), type: 'ctrTitle' },
        textBody('subtitle', 'subTitle', 1, TITLE_SLIDE_BOXES.subtitle, { size: 24, color: colors.onDarkMuted, anchor: 't' }, { prompt: 'Click to edit subtitle' }),
        textBody('date', 'dt', DATE_IDX, TITLE_SLIDE_BOXES.date, { size: 16, color: colors.onDarkMuted, anchor: 't' }, { sz: 'half', prompt: 'Date' }),
      ],
    },
    section: {
      name: LAYOUT_OF_KIND.section,
      type: 'secHead',
      dark: true,
      placeholders: [
        title(SECTION_BOXES.title, sizes.sectionTitle, { color: colors.darkText, anchor: 't' }),
        textBody('subtitle', 'body', 1, SECTION_BOXES.subtitle, { size: 22, color: colors.onDarkMuted, anchor: 't' }),
      ],
    },
    bullets: content(LAYOUT_OF_KIND.bullets, [textBody('body', 'obj', 1, BODY_TEXT_BOX, {})], 'obj'),
    comparison: content(LAYOUT_OF_KIND.comparison, [...column(0), ...column(1)], 'twoTxTwoObj'),
    agenda: content(LAYOUT_OF_KIND.agenda),
    figures: content(LAYOUT_OF_KIND.figures),
    quote: content(LAYOUT_OF_KIND.quote),
    chart: content(LAYOUT_OF_KIND.chart),
    timeline: content(LAYOUT_OF_KIND.timeline),
    takeaways: content(LAYOUT_OF_KIND.takeaways),
    sources: content(LAYOUT_OF_KIND.sources, [textBody('body', 'obj', 1, BODY_TEXT_BOX, { size: 18 })]),
    changes: content(LAYOUT_OF_KIND.changes, [textBody('body', 'obj', 1, BODY_TEXT_BOX, { size: 20 })]),
  };
  for (const kind of Object.keys(byKind) as Layout[]) {
    // The background layout gives a slide of the kind must be the one layout-deck gives it.
    byKind[kind].dark = LAYOUT_KINDS[kind].dark;
  }
  return [...Object.values(byKind), content('Title Only', [], 'titleOnly')];
}

/** The master's own placeholders: what a layout inherits where it has none of a type. */
export function masterPlaceholders(theme: Theme): PlaceholderSpec[] {
  const muted = { size: theme.sizes.footer + 1, color: theme.colors.muted, anchor: 't' as const };
  return [
    { slot: 'title', type: 'title', idx: 0, box: TITLE_BOX, text: { anchor: 'b' }, prompt: 'Click to edit Master title style' },
    { slot: 'body', type: 'body', idx: 1, box: BODY_TEXT_BOX, text: { anchor: 't' }, prompt: 'Click to edit Master text styles' },
    { slot: 'date', type: 'dt', idx: DATE_IDX, sz: 'half', box: { x: MARGIN, y: FOOTER_BOX.y, w: 3, h: FOOTER_BOX.h }, text: muted, prompt: 'Date' },
    { slot: 'footer', type: 'ftr', idx: FOOTER_IDX, sz: 'quarter', box: FOOTER_BOX, text: { ...muted, align: 'r' }, prompt: 'Footer' },
    { slot: 'slide number', type: 'sldNum', idx: SLIDE_NUMBER_IDX, sz: 'quarter', box: SLIDE_NUMBER_BOX, text: { ...muted, align: 'r' }, prompt: '‹#›' },
  ];
}
