/**
 * Dates of generated and demo data, counted from one fixed day instead of today, so that the
 * same data comes out on every run.
 */
export const REFERENCE_DAY = '2025-06-30';

const DAY_MS = 86_400_000;
const REFERENCE_MS = Date.UTC(2025, 5, 30);

/** The time (ms since the epoch) `days` after the reference day at `minuteOfDay` UTC. */
export function referenceTime(days: number, minuteOfDay = 0): number {
  return REFERENCE_MS + days * DAY_MS + minuteOfDay * 60_000;
}

/** `yyyy-mm-dd` of the day `days` after the reference day (negative: before). */
export function dayFromReference(days: number): string {
  return new Date(REFERENCE_MS + days * DAY_MS).toISOString().slice(0, 10);
}

/** An ISO 8601 UTC timestamp `days` after the reference day at `minuteOfDay`. */
export function timestampFromReference(days: number, minuteOfDay: number): string {
  return new Date(referenceTime(days, minuteOfDay)).toISOString();
}

/** `yyyy-mm-dd` plus `days`. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(day + 'T00:00:00Z') + days * DAY_MS).toISOString().slice(0, 10);
}
