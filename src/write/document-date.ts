/** 9999-12-31T23:59:59Z: docProps dates have four-digit years. */
export const MAX_SOURCE_DATE_EPOCH = 253402300799;

/**
 * The document date: SOURCE_DATE_EPOCH when set, else the outline's date at midnight UTC. An
 * epoch that is not whole seconds from 1970 to the end of 9999 is the caller's mistake (the CLI
 * says so before building, see `parseSourceDateEpoch`), not a date to fall back from silently.
 */
export function documentDate(deckDate: string, sourceDateEpoch?: number): Date {
  if (sourceDateEpoch === undefined) return new Date(`${deckDate}T00:00:00Z`);
  if (!Number.isSafeInteger(sourceDateEpoch) || sourceDateEpoch < 0 || sourceDateEpoch > MAX_SOURCE_DATE_EPOCH) {
    throw new RangeError(`sourceDateEpoch must be whole seconds from 0 to ${MAX_SOURCE_DATE_EPOCH} (9999-12-31T23:59:59Z); got ${sourceDateEpoch}`);
  }
  return new Date(sourceDateEpoch * 1000);
}
