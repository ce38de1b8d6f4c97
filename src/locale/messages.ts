/**
 * Every key a locale catalog (templates/locales/<lang>.yaml) must have. `intl` and `compactFrom`
 * say how Intl writes numbers and dates; the rest are words, with `{name}` placeholders.
 */
export const MESSAGE_KEYS = [
  'intl',
  'compactFrom',
  'number.unit',
  'number.money',
  'qualifier.more',
  'qualifier.less',
  'qualifier.about',
  'rank.exact',
  'rank.within',
  'change.new',
  'quote',
  'title.separator',
  'title.continued',
  'agenda.title',
  'sections.opening',
  'sources.title',
  'sources.label',
  'sources.separator',
  'sources.entry',
  'sources.article',
  'sources.byline',
  'sources.detailSeparator',
  'cite',
  'cite.via',
  'chart.rank',
  'chart.entry',
  'chart.entryAfter',
  'chart.others',
  'chart.allRanks',
  'chart.score',
  'chart.rankNotPublished',
  'chart.withinNotPublished',
  'chart.nameSeparator',
  'chart.withUnit',
  'chart.period',
  'chart.period.none',
  'chart.rest',
  'chart.about',
  'chart.total',
  'chart.qualified',
  'chart.thisAmount',
  'chart.note.within',
  'chart.note.dropped',
  'chart.note.periods',
  'chart.change.up',
  'chart.change.down',
  'chart.change.same',
  'chart.change.new',
  'chart.alt.then',
  'chart.alt.source',
  'chart.alt.sourceDated',
  'chart.alt.basis',
  'chart.alt.ranks',
  'chart.alt.rank',
  'chart.alt.notes',
  'chart.alt.comma',
  'chart.alt.semicolon',
  'chart.alt.changeSince',
  'chart.alt.within',
  'chart.alt.partial',
  'chart.alt.allInGroup',
  'chart.alt.inGroup',
  'chart.alt.changes',
  'chart.alt.gone',
  'chart.alt.moved',
  'chart.alt.withinRank',
  'chart.alt.was',
  'chart.alt.breakdown',
  'chart.alt.figure',
  'chart.alt.part',
  'chart.alt.figures',
  'chart.alt.periods',
] as const;

export type MessageKey = (typeof MESSAGE_KEYS)[number];

export type Messages = Readonly<Record<MessageKey, string>>;

/** Keys a set of words lacks, in catalog order. */
export function missingKeys(words: Readonly<Record<string, unknown>>): MessageKey[] {
  return MESSAGE_KEYS.filter((k) => typeof words[k] !== 'string' || words[k] === '');
}

/** "{publisher}《{title}》" with `{ publisher, title }`; a placeholder with no value stays as written. */
export function fill(pattern: string, values: Readonly<Record<string, string | number>>): string {
  return pattern.replace(/\{(\w+)\}/g, (all, name: string) => (name in values ? String(values[name]) : all));
}
