import { accept, reject, type Parsed } from './parsed';

/** Digits with spaces and dashes removed; `null` when anything else is left. */
function compactDigits(input: string, allowCountryPrefix = false): string | null {
  let text = input.trim().replace(/[\s\u00a0-]/g, '');
  if (allowCountryPrefix) text = text.replace(/^PL/i, '');
  return /^\d+$/.test(text) ? text : null;
}

function weightedSum(digits: string, weights: readonly number[]): number {
  return weights.reduce((sum, weight, i) => sum + weight * Number(digits[i]), 0);
}

const NIP_WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7];

/** NIP: 10 digits, mod-11 check digit (a remainder of 10 makes the number invalid); returns the compact form. */
export function parseNip(input: string): Parsed<string> {
  const digits = compactDigits(input, true);
  if (!digits || digits.length !== 10 || /^0+$/.test(digits)) return reject('nipFormat');
  const check = weightedSum(digits, NIP_WEIGHTS) % 11;
  return check !== 10 && check === Number(digits[9]) ? accept(digits) : reject('nipChecksum');
}

const REGON9_WEIGHTS = [8, 9, 2, 3, 4, 5, 6, 7];
const REGON14_WEIGHTS = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8];

function regonCheckDigit(digits: string, weights: readonly number[]): number {
  return (weightedSum(digits, weights) % 11) % 10;
}

/** REGON: 9 digits, or 14 where both the first nine and all fourteen carry a valid check digit. */
export function parseRegon(input: string): Parsed<string> {
  const digits = compactDigits(input);
  if (!digits || (digits.length !== 9 && digits.length !== 14) || /^0+$/.test(digits)) {
    return reject('regonFormat');
  }
  if (regonCheckDigit(digits, REGON9_WEIGHTS) !== Number(digits[8])) return reject('regonChecksum');
  if (digits.length === 14 && regonCheckDigit(digits, REGON14_WEIGHTS) !== Number(digits[13])) {
    return reject('regonChecksum');
  }
  return accept(digits);
}

/** A KRS number's length: registry extracts and court documents print all ten digits. */
export const KRS_DIGITS = 10;

/**
 * KRS: exactly 10 digits as typed (spaces and dashes allowed); there is no check digit. A shorter
 * number is refused rather than padded: `123` may be a typo as well as `0000000123`. Only where the
 * source is known to drop leading zeros (a spreadsheet cell that held a number) the caller pads it,
 * with `krsOfNumberCell`, and says so.
 */
export function parseKrs(input: string): Parsed<string> {
  const digits = compactDigits(input);
  if (!digits || digits.length !== KRS_DIGITS || /^0+$/.test(digits)) return reject('krsFormat');
  return accept(digits);
}

/** The KRS a number cell held (Excel keeps `0000123456` typed in a General cell as 123456), or null. */
export function krsOfNumberCell(text: string): string | null {
  const digits = text.trim();
  return /^\d{1,9}$/.test(digits) && !/^0+$/.test(digits) ? digits.padStart(KRS_DIGITS, '0') : null;
}

export interface PeselFacts {
  pesel: string;
  birthDate: string;
  sex: 'female' | 'male';
}

const PESEL_WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
/** The century is encoded in the month: +80 for the 1800s, +0 for 1900s, +20, +40, +60 after. */
const CENTURY_BY_MONTH_OFFSET = new Map([
  [80, 1800],
  [0, 1900],
  [20, 2000],
  [40, 2100],
  [60, 2200],
]);

export function parsePesel(input: string): Parsed<PeselFacts> {
  const digits = compactDigits(input);
  if (!digits || digits.length !== 11) return reject('peselFormat');
  const check = (10 - (weightedSum(digits, PESEL_WEIGHTS) % 10)) % 10;
  if (check !== Number(digits[10])) return reject('peselChecksum');
  const encodedMonth = Number(digits.slice(2, 4));
  const offset = Math.floor(encodedMonth / 20) * 20;
  const century = CENTURY_BY_MONTH_OFFSET.get(offset);
  const month = encodedMonth - offset;
  const day = Number(digits.slice(4, 6));
  if (century === undefined || month < 1 || month > 12) return reject('peselBirthDate');
  const year = century + Number(digits.slice(0, 2));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return reject('peselBirthDate');
  return accept({
    pesel: digits,
    birthDate: date.toISOString().slice(0, 10),
    sex: Number(digits[9]) % 2 === 0 ? 'female' : 'male',
  });
}
