import fc from 'fast-check';

/** The seed of every property test here, so that a failure is the same failure on every run. */
export const PROPERTY_SEED = 20261122;

/** Calendar days `yyyy-mm-dd` from `first` to `last` inclusive. */
export function isoDays(first: string, last: string): fc.Arbitrary<string> {
  return isoInstants(first, last).map((instant) => instant.slice(0, 10));
}

/** ISO 8601 UTC timestamps from the start of `first` to the start of `last`. */
export function isoInstants(first: string, last: string): fc.Arbitrary<string> {
  return fc
    .date({ min: new Date(`${first}T00:00:00Z`), max: new Date(`${last}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString());
}
