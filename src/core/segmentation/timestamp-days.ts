/**
 * The day a timestamp starts with, as a number, read from character codes: the facts place a
 * million activities against day bounds without comparing or making a string per activity
 * (texts sliced out of a parsed file compare several times slower than flat ones).
 */

/** The day of a text that does not start with `yyyy-mm-dd`. */
export const NO_DAY = -1;

const DASH = 0x2d;
const ZERO = 0x30;
const TILDE = 0x7e;
const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9];

/**
 * `yyyymmdd` of a text that starts with `yyyy-mm-dd` (any digits), else NO_DAY. Between such
 * texts the numbers keep the order of the texts' first ten characters.
 */
export function dayNumber(text: string): number {
  if (text.length < 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return NO_DAY;
  let day = 0;
  for (const position of DIGIT_POSITIONS) {
    const digit = text.charCodeAt(position) - ZERO;
    if (digit < 0 || digit > 9) return NO_DAY;
    day = day * 10 + digit;
  }
  return day;
}

/** Whether `text` is exactly a `yyyy-mm-dd` day. */
export const isDayText = (text: string) => text.length === 10 && dayNumber(text) !== NO_DAY;

/**
 * Whether `text`, which starts with day `day`, sorts before `${end}~` as text, where `end` is the
 * day numbered `endDay`: an earlier day, or the same day going on with a character before `~`.
 */
export const sortsByEndOf = (text: string, day: number, endDay: number) =>
  day < endDay || (day === endDay && (text.length === 10 || text.charCodeAt(10) < TILDE));

const digits = (value: number, width: number) => String(value).padStart(width, '0');

/** The `yyyy-mm-dd` text of a day number. */
export const dayText = (day: number) =>
  `${digits(Math.floor(day / 10_000), 4)}-${digits(Math.floor(day / 100) % 100, 2)}-${digits(day % 100, 2)}`;
