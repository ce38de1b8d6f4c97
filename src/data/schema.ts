import { z } from 'zod';

/**
 * The schema of a data file: a YAML mapping from dataset keys to datasets. Every dataset says
 * where its numbers come from (`source`) and when they were true (`asOf`).
 */

const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date YYYY, YYYY-MM or YYYY-MM-DD (quote it if YAML reads a number)');

const citation = z.strictObject({
  publisher: z.string().min(1),
  title: z.string().min(1),
  via: z.string().optional().describe('How the numbers reached the deck, e.g. the article that quotes them.'),
  url: z.string().optional(),
});

const key = z.string().regex(/^[A-Za-z_][\w-]*$/, 'a key of letters, digits, _ or -');

const rankingEntry = z
  .strictObject({
    name: z.string().min(1),
    rank: z.number().int().positive().optional(),
    within: z.number().int().positive().optional().describe('"In the top N" when the exact rank is not published.'),
    group: key.optional(),
    score: z.number().nonnegative().optional(),
    maker: z.string().optional(),
  })
  .refine((e) => (e.rank === undefined) !== (e.within === undefined), {
    message: 'an entry needs exactly one of `rank` and `within`',
  });

const ranking = z.strictObject({
  type: z.literal('ranking'),
  title: z.string().min(1),
  size: z.number().int().positive().optional().describe('How many places the full list has.'),
  basis: z.string().optional(),
  scoreUnit: z.string().optional(),
  groups: z.record(key, z.strictObject({ label: z.string().min(1) })).default({}),
  source: citation,
  editions: z
    .array(
      z.strictObject({
        asOf: partialDate,
        note: z.string().optional(),
        entries: z.array(rankingEntry),
      }),
    )
    .min(1)
    .describe('Newest first.'),
});

const figureItem = z.strictObject({
  label: z.string().min(1),
  value: z.number().finite(),
  unit: z.string().default(''),
  qualifier: z.enum(['=', '>', '<', '~']).default('=').describe('> "more than", < "less than", ~ "about".'),
  period: z.string().optional(),
  parent: key.optional().describe('The item this one is a part of.'),
  note: z.string().optional(),
});

const figures = z.strictObject({
  type: z.literal('figures'),
  title: z.string().min(1),
  asOf: partialDate,
  source: citation,
  items: z.record(key, figureItem),
});

export const datasetSchema = z.discriminatedUnion('type', [ranking, figures]);
export const dataFileSchema = z.record(key, datasetSchema).describe('A briefdeck data file: datasets by key.');

export type DataFileDoc = z.output<typeof dataFileSchema>;
