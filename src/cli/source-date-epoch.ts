import { MAX_SOURCE_DATE_EPOCH } from '../write/document-date.js';

/** What `briefdeck --help` says about SOURCE_DATE_EPOCH. */
export const SOURCE_DATE_EPOCH_HELP = `Environment:
  SOURCE_DATE_EPOCH   the document date, in whole seconds since 1970-01-01 UTC (reproducible
                      builds); otherwise the outline's deck.date is. A value that is not such a
                      number up to ${MAX_SOURCE_DATE_EPOCH} (the end of 9999), or is set but empty,
                      is refused with exit 2 rather than ignored.`;

/**
 * SOURCE_DATE_EPOCH as the reproducible-builds spec has it: unset means none; anything else must
 * be a whole number of seconds, and a malformed value fails the build rather than being ignored
 * (reproducible-builds.org/specs/source-date-epoch), for a date that silently falls back makes
 * two builds differ without a word.
 */
export function parseSourceDateEpoch(value: string | undefined): { ok: true; value: number | undefined } | { ok: false; message: string } {
  if (value === undefined) return { ok: true, value: undefined };
  const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (!/^\d+$/.test(value)) {
    return { ok: false, message: `SOURCE_DATE_EPOCH=${shown} is not a date: it must be whole seconds since 1970-01-01 UTC (e.g. $(git log -1 --format=%ct)); unset it to use the outline's deck.date` };
  }
  const seconds = Number(value);
  if (seconds > MAX_SOURCE_DATE_EPOCH) {
    return { ok: false, message: `SOURCE_DATE_EPOCH=${shown} is after the year 9999: it must be whole seconds since 1970-01-01 UTC, at most ${MAX_SOURCE_DATE_EPOCH}` };
  }
  return { ok: true, value: seconds };
}
