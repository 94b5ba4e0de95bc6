/**
 * Calendar days as `yyyy-mm-dd` text in Europe/Warsaw: the days tasks are due on and goals run
 * over. Arithmetic is on UTC midnights, so no daylight-saving change moves a day.
 */

const DAY_MS = 86_400_000;

const WARSAW_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Warsaw',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day an instant falls on in Warsaw (23:30 UTC on 31 December is already 1 January). */
export function warsawDay(instant: Date): string {
  const parts = WARSAW_DAY.formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

function utcOf(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

function dayOfUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The day `days` after `day` (negative: before), across month and year ends. */
export function addDays(day: string, days: number): string {
  return dayOfUtc(utcOf(day) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcOf(to) - utcOf(from)) / DAY_MS);
}

/** Monday 0 … Sunday 6. */
export function weekdayOf(day: string): number {
  return (new Date(utcOf(day)).getUTCDay() + 6) % 7;
}

/** A span of calendar days, both ends included. */
export interface DayRange {
  from: string;
  to: string;
}

/** The Monday-to-Sunday week holding `day`. */
export function weekOf(day: string): DayRange {
  const from = addDays(day, -weekdayOf(day));
  return { from, to: addDays(from, 6) };
}

/** Whether `day` is a `yyyy-mm-dd` text (not whether the date exists). */
export function isDayText(day: unknown): day is string {
  return typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day);
}
