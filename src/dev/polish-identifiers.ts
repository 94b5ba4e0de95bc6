import type { SeededRandom } from './seeded-random';

const NIP_WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7];
const REGON9_WEIGHTS = [8, 9, 2, 3, 4, 5, 6, 7];
const REGON14_WEIGHTS = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8];
const PESEL_WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

/** Prefixes of real tax offices (Warszawa, Kraków, Wrocław, Poznań, Gdańsk, Łódź, Katowice…). */
const TAX_OFFICE_PREFIXES = [
  '521',
  '525',
  '526',
  '527',
  '534',
  '677',
  '679',
  '676',
  '897',
  '898',
  '899',
  '778',
  '779',
  '783',
  '584',
  '583',
  '586',
  '727',
  '725',
  '954',
  '634',
  '951',
  '813',
  '852',
];

function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits.charCodeAt(i) - 48) * weights[i];
  return sum;
}

function randomDigits(rng: SeededRandom, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += rng.digit();
  return out;
}

/** A NIP in compact form (10 digits) whose mod-11 check digit is right. */
export function generateNip(rng: SeededRandom): string {
  for (;;) {
    const body = rng.pick(TAX_OFFICE_PREFIXES) + randomDigits(rng, 6);
    const check = weightedSum(body, NIP_WEIGHTS) % 11;
    // A remainder of 10 has no digit: such numbers are never issued.
    if (check !== 10) return body + check;
  }
}

function regon9CheckDigit(body: string): number {
  return (weightedSum(body, REGON9_WEIGHTS) % 11) % 10;
}

/** A 9-digit REGON with a right check digit. */
export function generateRegon9(rng: SeededRandom): string {
  const body = String(rng.int(1, 9)) + randomDigits(rng, 7);
  return body + regon9CheckDigit(body);
}

/** A 14-digit REGON (a local unit): a valid 9-digit REGON, 4 digits, and the second check digit. */
export function generateRegon14(rng: SeededRandom): string {
  const body = generateRegon9(rng) + randomDigits(rng, 4);
  return body + ((weightedSum(body, REGON14_WEIGHTS) % 11) % 10);
}

/** A KRS number as the court register writes it: 10 digits with leading zeros. */
export function generateKrs(rng: SeededRandom): string {
  return '0000' + String(rng.int(1, 999999)).padStart(6, '0');
}

/** A PESEL for someone born on `birthDate` (`yyyy-mm-dd`, 1900–2099). */
export function generatePesel(rng: SeededRandom, birthDate: string): string {
  const year = Number(birthDate.slice(0, 4));
  const month = Number(birthDate.slice(5, 7)) + (year >= 2000 ? 20 : 0);
  const body =
    birthDate.slice(2, 4) + String(month).padStart(2, '0') + birthDate.slice(8, 10) + randomDigits(rng, 4);
  return body + ((10 - (weightedSum(body, PESEL_WEIGHTS) % 10)) % 10);
}
