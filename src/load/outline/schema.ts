import { z } from 'zod';
import { CHART_KIND_NAMES } from '../../charts/kinds/registry.js';

/**
 * The outline's schema: the one definition behind validation, the TypeScript types
 * (`z.infer`) and the JSON Schema shipped for editors (`schema/outline.schema.json`).
 * Every string may hold Handlebars (`{{rank a16z.web "DeepSeek"}}`), rendered against the data.
 */

const text = z.string().describe('Text; may hold Handlebars such as {{rank a16z.web "DeepSeek"}}.');
const notes = z.string().describe('What the presenter says on this slide (speaker notes); Handlebars allowed.');
const datasetRef = z
  .string()
  .regex(/^[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*$/, 'a dataset id such as "a16z.web"')
  .describe('A dataset id: `namespace.key`, where the namespace is a key of `data` and the key a dataset in that file ("a16z.web").');

/** Fields every slide may have. */
const common = {
  title: z.string().optional().describe('The slide title; Handlebars allowed.'),
  notes: notes.optional(),
  sources: z.array(datasetRef).optional().describe('Datasets this slide draws on; their source and as-of date are cited under the slide.'),
  evidence: z
    .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
    .optional()
    .describe("The source's own words for the claims on this slide, a phrase each (not shown); `briefdeck check --source FILE` verifies each occurs in FILE, as it does a quote slide's quotation."),
};

const bullet = z
  .union([text, z.strictObject({ text, sub: z.array(text).optional().describe('Second-level bullets.') })])
  .describe('A bullet: text, or `{ text, sub: [...] }` for a bullet with second-level bullets.');

/** A briefing deck longer than this is almost surely a mistake (a generated or pasted outline). */
export const MAX_SLIDES = 2000;

export const chartSchema = z
  .strictObject({
    kind: z.enum(CHART_KIND_NAMES).describe('ranking: #1 on top; rank-change: slope between two editions; comparison: bars of values; breakdown: a total and its parts; share: percentages.'),
    data: datasetRef.describe('The dataset drawn: a ranking for ranking and rank-change, figures for comparison, breakdown and share.'),
    edition: z.string().optional().describe('Which edition of a ranking (its asOf); default the newest.'),
    compare: z.string().optional().describe('The edition to compare with; default the one before.'),
    changes: z.boolean().optional().describe('Show rank-change marks (▲3, ▼2, NEW) against `compare`.'),
    highlight: z.string().optional().describe('Drawn in the accent colour: a group of a ranking ("china"), or an item key of figures.'),
    items: z
      .array(z.string())
      .min(1)
      .optional()
      .describe('Which entries (ranking: entry names) or items (figures: item keys) to draw, in this order; default all. For breakdown: the total first, then its parts.'),
    render: z.enum(['echarts', 'native']).default('echarts').describe('echarts: a picture; native: an editable PowerPoint chart.'),
    title: z.string().optional().describe('A title above the chart; default none (the slide title says it).'),
  })
  .describe('A chart drawn from a dataset; the dataset is cited under the slide.');

const column = z.strictObject({ heading: z.string().describe('The column heading.'), bullets: z.array(bullet).min(1) }).describe('One side of a comparison slide.');

/** Text with its description: every string may hold Handlebars. */
const t = (description: string) => z.string().describe(description);

const slideTitle = t('The slide title; Handlebars allowed.');

export const slideSchema = z
  .discriminatedUnion('layout', [
    z
      .strictObject({
        layout: z.literal('title'),
        ...common,
        title: t('The deck title, large; usually "{{deck.title}}".'),
        subtitle: t('A line under the title.').optional(),
        meta: t('A small line at the bottom: author, date, occasion.').optional(),
      })
      .describe('The opening slide.'),
    z
      .strictObject({
        layout: z.literal('agenda'),
        ...common,
        items: z.array(text).min(1).optional().describe('The agenda lines; default the titles of the section slides.'),
      })
      .describe('The agenda: by default, every section slide in order.'),
    z
      .strictObject({
        layout: z.literal('section'),
        ...common,
        title: slideTitle,
        number: t('The section number shown large, e.g. "01".').optional(),
        subtitle: t('A line under the title.').optional(),
      })
      .describe('A section divider; listed on the agenda.'),
    z.strictObject({ layout: z.literal('bullets'), ...common, title: slideTitle, bullets: z.array(bullet).min(1).describe('The bullets, in order.') }).describe('A title and bullets.'),
    z
      .strictObject({
        layout: z.literal('figures'),
        ...common,
        title: slideTitle,
        figures: z
          .array(
            z
              .strictObject({
                value: t('The number as shown, e.g. "{{figure capex.spending "alibaba"}}".'),
                label: t('What the number is.'),
                detail: t('A small line under the label.').optional(),
              })
              .describe('One big number.'),
          )
          .min(1)
          .max(4)
          .describe('One to four big numbers, side by side.'),
        takeaway: t('One line over the numbers: what the reader should take from them.').optional(),
      })
      .describe('Big numbers with labels, and an optional one-line takeaway.'),
    z
      .strictObject({
        layout: z.literal('quote'),
        ...common,
        quote: t('The quotation, without quotation marks.'),
        speaker: t('Who said it.'),
        role: t("The speaker's role or title.").optional(),
      })
      .describe('A quotation.'),
    z
      .strictObject({
        layout: z.literal('chart'),
        ...common,
        title: slideTitle,
        chart: chartSchema,
        takeaway: t('One line under the chart: what the reader should take from it.'),
      })
      .describe('A chart with a one-line takeaway.'),
    z
      .strictObject({
        layout: z.literal('timeline'),
        ...common,
        title: slideTitle,
        events: z
          .array(
            z
              .strictObject({
                date: t('When, as text ("2025年1月")'),
                label: t('What happened.'),
                detail: t('A small line under the label.').optional(),
              })
              .describe('One event.'),
          )
          .min(2)
          .max(8)
          .describe('Two to eight events, oldest first.'),
      })
      .describe('Events on a line.'),
    z.strictObject({ layout: z.literal('comparison'), ...common, title: slideTitle, left: column, right: column }).describe('Two columns side by side.'),
    z
      .strictObject({
        layout: z.literal('takeaways'),
        ...common,
        title: slideTitle,
        points: z
          .array(z.strictObject({ heading: t('The point, short.'), text: t('A sentence or two about it.') }).describe('One takeaway.'))
          .min(1)
          .max(4)
          .describe('One to four takeaways.'),
      })
      .describe('The conclusions.'),
    z
      .strictObject({
        layout: z.literal('sources'),
        ...common,
        items: z.array(text).optional().describe('Further sources, after the deck source and every dataset used.'),
      })
      .describe("The deck's source and every dataset the deck used, listed automatically."),
    z
      .strictObject({
        layout: z.literal('changes'),
        ...common,
        data: z.array(datasetRef).min(1).optional().describe('Only these rankings; default every dataset the deck uses that has two editions or more.'),
      })
      .describe('What changed since the last edition: per ranking, its newest edition against the one before (who moved, who is new, who is gone), from the data.'),
  ])
  .describe('A slide; `layout` says which kind, and which fields it has.');

/** The layout kinds, as the slide schema lists them. */
export const LAYOUT_NAMES = slideSchema.options.map((o) => o.shape.layout.value) as [Layout, ...Layout[]];

export const outlineSchema = z
  .strictObject({
    deck: z
      .strictObject({
        title: t('The deck title; shown on the title slide as {{deck.title}} and written as the document title.'),
        subtitle: t('A subtitle, available as {{deck.subtitle}}.').optional(),
        author: t("The deck's author, written into the document properties.").optional(),
        date: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
          .describe("The deck's date: shown on the title slide and written as the document date."),
        lang: z.string().default('zh-TW').describe('The language of the text, a BCP 47 tag: zh-TW, zh-CN, en-US …'),
        theme: z.string().default('default').describe('A theme in templates/themes/<name>.yaml.'),
        template: z
          .string()
          .min(1)
          .optional()
          .describe(
            'A company template (.potx or .pptx), relative to the outline and inside its folder: the deck is built on its masters, layouts and theme (`--template` overrides it). `briefdeck template inspect FILE` shows its layouts.',
          ),
        templateLayouts: z
          .partialRecord(z.enum(LAYOUT_NAMES), z.string().min(1))
          .optional()
          .describe(
            'Which layout of the template each briefdeck layout kind uses, by the name PowerPoint shows: `{ chart: "Title Only", bullets: "Title and Content" }`; kinds not named are chosen by layout names and placeholder types.',
          ),
        source: z
          .strictObject({
            publisher: t('Who published it.'),
            title: t('Its published title; leave it out where it has none (it is then cited by publisher and byline, never with a made-up title).').optional(),
            author: t('Who wrote it (its byline).').optional(),
            date: t('When it was published, as the publication gives it ("2025-03-10" is written in the deck\'s language); leave it out where it gives none.').optional(),
            url: t('Where to find it.').optional(),
          })
          .optional()
          .describe('The publication the deck briefs on; cited on the sources slide.'),
        footer: t('A line at the bottom of every content slide.').optional(),
        maxDataAge: z.number().int().positive().optional().describe('Months: `check` and `build` warn (DATA_STALE) about a dataset whose asOf is older than this at deck.date.'),
      })
      .describe('What the deck is: its title, date, language, theme and source.'),
    data: z
      .record(
        z.string().regex(/^[A-Za-z_][\w-]*$/, 'ASCII letters, digits, _ or -, starting with a letter or _'),
        z.string().describe("A data file (YAML), relative to the outline; it must be inside the outline's folder."),
      )
      .default({})
      .describe('Data files by namespace: `a16z: data/a16z.yaml` makes `a16z.web` the dataset `web` in that file.'),
    slides: z.array(slideSchema).min(1).max(MAX_SLIDES).describe(`The slides, in order (at most ${MAX_SLIDES}).`),
  })
  .describe('A briefdeck outline.');

export type OutlineInput = z.input<typeof outlineSchema>;
export type OutlineDoc = z.output<typeof outlineSchema>;
export type SlideDoc = z.output<typeof slideSchema>;
export type Layout = SlideDoc['layout'];
export type ChartDoc = z.output<typeof chartSchema>;
export type Bullet = z.output<typeof bullet>;
