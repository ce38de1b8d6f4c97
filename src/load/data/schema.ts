import { z } from 'zod';

/**
 * The schema of a data file: a YAML mapping from dataset keys to datasets. Every dataset says
 * where its numbers come from (`source`) and when they were true (`asOf`). A ranking edition's
 * `entries` and a figures dataset's `items` may be the path of a CSV file instead of a list.
 */

const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date YYYY, YYYY-MM or YYYY-MM-DD (in quotes: "2025-03")')
  .describe('When the numbers were true: YYYY, YYYY-MM or YYYY-MM-DD, in quotes.');

const citation = z
  .strictObject({
    publisher: z.string().min(1).describe('Who published the numbers ("a16z", "量子位").'),
    title: z.string().min(1).optional().describe('The published title of the publication or report, cited in 《》; leave it out when the source names none, and say `what` it is instead.'),
    what: z.string().min(1).optional().describe('What the source is when it has no published title, cited after the publisher: 數據 gives "工信部數據".'),
    undated: z.literal(true).optional().describe('The source gives no date: the citation shows none (asOf stays the date staleness is judged by).'),
    via: z.string().optional().describe('How the numbers reached the deck, e.g. the article that quotes them.'),
    url: z.string().optional().describe('Where the publication is.'),
  })
  .describe('Where the numbers come from; cited under every slide that uses them.');

/** The source's own words for a figure or a claim; `briefdeck check --source FILE` finds them in FILE. */
export const evidence = z.string().min(1).describe("The source's own words for this figure or claim, a phrase copied from it; `briefdeck check --source FILE` verifies it occurs in FILE.");

const key = z.string().regex(/^[A-Za-z_][\w-]*$/, 'ASCII letters, digits, _ or -, starting with a letter or _');

/** The path of a CSV file, relative to the data file; it must stay inside the outline's folder. */
export const csvPath = z
  .string()
  .regex(/\.csv$/i, 'the path of a .csv file')
  .describe("The path of a CSV file, relative to this data file (and inside the outline's folder), with a header row.");

export const rankingEntry = z
  .strictObject({
    name: z.string().min(1).describe('The product, as the source names it.'),
    rank: z.number().int('a whole number').min(1, 'ranks start at 1').optional().describe('The published rank, 1 = first.'),
    within: z.number().int('a whole number').min(1, 'ranks start at 1').optional().describe('"In the top N" when the exact rank is not published.'),
    group: key.optional().describe('A key of the dataset\'s `groups`, for highlighting ("china").'),
    score: z.number().nonnegative('a score is 0 or more').optional().describe('The number behind the rank (visits, users), when the source gives one.'),
    maker: z.string().optional().describe('Who makes it ("字節跳動").'),
    evidence: evidence.optional(),
  })
  .refine((e) => (e.rank === undefined) !== (e.within === undefined), {
    message: 'an entry needs exactly one of rank and within',
  })
  .describe('One entry of a ranking: `rank` when the source publishes it, `within` when it says only "in the top N".');

/** The columns a ranking CSV may have, in the order the fields are listed above. */
export const RANKING_CSV_COLUMNS = ['rank', 'name', 'group', 'score', 'maker', 'within', 'evidence'] as const;

const ranking = z
  .strictObject({
    type: z.literal('ranking'),
    title: z.string().min(1).describe('What the list is, as the deck cites it.'),
    size: z.number().int('a whole number').min(1).optional().describe('How many places the full list has; ranks beyond it are errors.'),
    basis: z.string().optional().describe('What the rank is based on ("Similarweb 月獨立訪問量").'),
    scoreUnit: z.string().optional().describe('The unit of `score`.'),
    groups: z
      .record(key, z.strictObject({ label: z.string().min(1).describe('The group as a legend names it.') }))
      .default({})
      .describe('Groups an entry may belong to (`group: china`), for highlighting.'),
    source: citation,
    editions: z
      .array(
        z
          .strictObject({
            asOf: partialDate,
            note: z.string().optional().describe('What the source says about this edition beyond its entries.'),
            evidence: evidence.optional(),
            entries: z
              .union([z.array(rankingEntry), csvPath])
              .describe('The entries the source states (a partial list stays partial): a list, or a CSV file with the columns rank,name,group,score,maker,within,evidence.'),
          })
          .describe('One publication of the ranking.'),
      )
      .min(1)
      .describe('The editions, newest first.'),
  })
  .describe('A ranking: editions of a list of ranked entries.');

export const figureItem = z
  .strictObject({
    label: z.string().min(1).describe('What the number is, as a slide names it.'),
    value: z.number().finite().describe('The number in full, without units or separators: 380000000000, not 3800億.'),
    unit: z.string().default('').describe('The unit after the number: 元, 人, 次, %.'),
    qualifier: z.enum(['=', '>', '<', '~']).default('=').describe('> "more than", < "less than", ~ "about"; default exact.'),
    period: z.string().optional().describe('The period the value covers ("2025年", "未來3年").'),
    parent: key.optional().describe('The key of the item this one is a part of.'),
    note: z.string().optional().describe('Anything the source adds.'),
    evidence: evidence.optional(),
  })
  .describe('One named figure.');

/** The columns a figures CSV may have. */
export const FIGURES_CSV_COLUMNS = ['key', 'label', 'value', 'unit', 'qualifier', 'period', 'parent', 'note', 'evidence'] as const;

/** A figures item's key, as a CSV's `key` column holds it. */
export const itemKey = key;

const figures = z
  .strictObject({
    type: z.literal('figures'),
    title: z.string().min(1).describe('What the figures are, as the deck cites them.'),
    asOf: partialDate,
    source: citation,
    items: z.union([z.record(key, figureItem), csvPath]).describe('The figures by key: a mapping, or a CSV file with the columns key,label,value,unit,qualifier,period,parent,note,evidence.'),
  })
  .describe('Named figures: key numbers, spending, survey shares.');

export const datasetSchema = z.discriminatedUnion('type', [ranking, figures]).describe('A dataset: `type: ranking` or `type: figures`.');
export const dataFileSchema = z.record(key, datasetSchema).describe('A briefdeck data file: datasets by key.');

export type DataFileDoc = z.output<typeof dataFileSchema>;
export type RankingEntryDoc = z.output<typeof rankingEntry>;
export type FigureItemDoc = z.output<typeof figureItem>;
