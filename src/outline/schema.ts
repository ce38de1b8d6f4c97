import { z } from 'zod';

/**
 * The outline's schema: the one definition behind validation, the TypeScript types
 * (`z.infer`) and the JSON Schema shipped for editors (`schema/outline.schema.json`).
 * Every string may hold Handlebars (`{{rank a16z.web "DeepSeek"}}`), rendered against the data.
 */

const text = z.string();
const notes = text.describe('What the presenter says on this slide (speaker notes); Handlebars allowed.');
const datasetRef = z
  .string()
  .regex(/^[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*$/, 'a dataset id such as "a16z.web"')
  .describe('A dataset id: `namespace.key`, where the namespace is a key of `data`.');

/** Fields every slide may have. */
const common = {
  title: text.optional().describe('The slide title.'),
  notes: notes.optional(),
  sources: z
    .array(datasetRef)
    .optional()
    .describe('Datasets this slide draws on; their source and as-of date are cited under the slide.'),
};

const bullet = z.union([
  text,
  z.strictObject({ text, sub: z.array(text).optional().describe('Second-level bullets.') }),
]);

export const chartSchema = z
  .strictObject({
    kind: z
      .enum(['ranking', 'rank-change', 'comparison', 'breakdown', 'share'])
      .describe('ranking: #1 on top; rank-change: slope between two editions; comparison: bars of values; breakdown: a total and its parts; share: percentages.'),
    data: datasetRef,
    edition: z.string().optional().describe('Which edition of a ranking (its asOf); default the newest.'),
    compare: z.string().optional().describe('The edition to compare with; default the one before.'),
    changes: z.boolean().optional().describe('Show rank-change marks (▲3, ▼2, NEW) against `compare`.'),
    highlight: z.string().optional().describe('A ranking group drawn in the accent colour (e.g. "china").'),
    items: z.array(z.string()).min(1).optional().describe('For figures: which items, in order.'),
    render: z.enum(['echarts', 'native']).default('echarts').describe('echarts: a picture; native: an editable PowerPoint chart.'),
    title: text.optional(),
  })
  .describe('A chart drawn from a dataset.');

const column = z.strictObject({ heading: text, bullets: z.array(bullet).min(1) });

export const slideSchema = z.discriminatedUnion('layout', [
  z.strictObject({ layout: z.literal('title'), ...common, title: text, subtitle: text.optional(), meta: text.optional() }),
  z.strictObject({
    layout: z.literal('agenda'),
    ...common,
    items: z.array(text).min(1).optional().describe('Default: the titles of the section slides.'),
  }),
  z.strictObject({ layout: z.literal('section'), ...common, title: text, number: text.optional(), subtitle: text.optional() }),
  z.strictObject({ layout: z.literal('bullets'), ...common, title: text, bullets: z.array(bullet).min(1) }),
  z.strictObject({
    layout: z.literal('figures'),
    ...common,
    title: text,
    figures: z
      .array(z.strictObject({ value: text, label: text, detail: text.optional() }))
      .min(1)
      .max(4),
  }),
  z.strictObject({ layout: z.literal('quote'), ...common, quote: text, speaker: text, role: text.optional() }),
  z.strictObject({ layout: z.literal('chart'), ...common, title: text, chart: chartSchema, takeaway: text }),
  z.strictObject({
    layout: z.literal('timeline'),
    ...common,
    title: text,
    events: z
      .array(z.strictObject({ date: text, label: text, detail: text.optional() }))
      .min(2)
      .max(8),
  }),
  z.strictObject({ layout: z.literal('comparison'), ...common, title: text, left: column, right: column }),
  z.strictObject({
    layout: z.literal('takeaways'),
    ...common,
    title: text,
    points: z.array(z.strictObject({ heading: text, text })).min(1).max(4),
  }),
  z.strictObject({
    layout: z.literal('sources'),
    ...common,
    items: z.array(text).optional().describe('Further sources, after the deck source and every dataset used.'),
  }),
]);

export const outlineSchema = z
  .strictObject({
    deck: z.strictObject({
      title: text,
      subtitle: text.optional(),
      author: text.optional(),
      date: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
        .describe("The deck's date: shown on the title slide and written as the document date."),
      lang: z.string().default('zh-TW'),
      theme: z.string().default('default').describe('A theme in templates/themes/<name>.yaml.'),
      source: z
        .strictObject({ publisher: text, title: text, author: text.optional(), date: text.optional(), url: text.optional() })
        .optional()
        .describe('The publication the deck briefs on; cited on the sources slide.'),
      footer: text.optional(),
      maxDataAge: z
        .number()
        .int()
        .positive()
        .optional()
        .describe('Warn when a dataset is older than this many months at the deck date.'),
    }),
    data: z
      .record(z.string().regex(/^[A-Za-z_][\w-]*$/, 'a name of letters, digits, _ or -'), z.string())
      .default({})
      .describe('Data files by namespace: `a16z: data/a16z.yaml` makes `a16z.web` the dataset `web` in that file.'),
    slides: z.array(slideSchema).min(1),
  })
  .describe('A briefdeck outline.');

export type OutlineInput = z.input<typeof outlineSchema>;
export type OutlineDoc = z.output<typeof outlineSchema>;
export type SlideDoc = z.output<typeof slideSchema>;
export type Layout = SlideDoc['layout'];
export type ChartDoc = z.output<typeof chartSchema>;
export type Bullet = z.output<typeof bullet>;
