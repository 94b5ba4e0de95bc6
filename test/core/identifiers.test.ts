import fc from 'fast-check';
import { isoDays, PROPERTY_SEED as SEED } from './arbitraries';
import {
  generateNip,
  generatePesel,
  generateRegon14,
  generateRegon9,
} from '../../src/dev/polish-identifiers';
import { SeededRandom } from '../../src/dev/seeded-random';
import {
  krsOfNumberCell,
  parseKrs,
  parseNip,
  parsePesel,
  parseRegon,
} from '../../src/core/validation/identifiers';
import { fieldMessage } from '../../src/core/validation/messages';

const seeds = fc.integer({ min: 0, max: 2 ** 31 - 1 });

/** Every string that differs from `digits` in exactly one position. */
function singleDigitTypos(digits: string): string[] {
  const typos: string[] = [];
  for (let i = 0; i < digits.length; i += 1) {
    for (let d = 0; d <= 9; d += 1) {
      if (String(d) !== digits[i]) typos.push(digits.slice(0, i) + d + digits.slice(i + 1));
    }
  }
  return typos;
}

describe('NIP', () => {
  test.each([
    ['5260250995', '5260250995'],
    ['526-025-09-95', '5260250995'],
    ['PL 526 025 09 95', '5260250995'],
    ['pl5260250995', '5260250995'],
    [' 526-02-50-995 ', '5260250995'],
  ])('%j is accepted and stored as %s', (input, compact) => {
    expect(parseNip(input)).toEqual({ ok: true, value: compact });
  });

  test.each(['526025099', '52602509951', '52602509a5', 'DE5260250995', '', '0000000000'])(
    '%j breaks the format rule',
    (input) => expect(parseNip(input)).toEqual({ ok: false, rule: 'nipFormat' }),
  );

  test('a wrong check digit breaks the checksum rule', () => {
    expect(parseNip('5260250994')).toEqual({ ok: false, rule: 'nipChecksum' });
  });

  test('a body whose remainder is 10 has no valid check digit at all', () => {
    // 123456789: 6·1 + 5·2 + 7·3 + 2·4 + 3·5 + 4·6 + 5·7 + 6·8 + 7·9 = 230, and 230 mod 11 = 10.
    for (let d = 0; d <= 9; d += 1) expect(parseNip(`123456789${d}`).ok).toBe(false);
  });

  test('every generated NIP is valid and every single-digit typo in it is caught', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const nip = generateNip(new SeededRandom(seed));
        expect(parseNip(nip)).toEqual({ ok: true, value: nip });
        for (const typo of singleDigitTypos(nip)) expect(parseNip(typo).ok).toBe(false);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});

describe('REGON', () => {
  test.each(['123456785', '12345678512347', '123-456-785'])('%j is accepted', (input) => {
    expect(parseRegon(input)).toEqual({ ok: true, value: input.replace(/-/g, '') });
  });

  test.each([
    ['12345678', 'regonFormat'],
    ['1234567851234', 'regonFormat'],
    ['000000000', 'regonFormat'],
    ['123456784', 'regonChecksum'],
    // The 14-digit number's own check digit is wrong…
    ['12345678512346', 'regonChecksum'],
    // …or its first nine digits are not a valid REGON.
    ['12345678412347', 'regonChecksum'],
  ])('%j breaks %s', (input, rule) => expect(parseRegon(input)).toEqual({ ok: false, rule }));

  test('generated 9- and 14-digit numbers pass; a typo in the first nine digits is caught', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const rng = new SeededRandom(seed);
        const short = generateRegon9(rng);
        const long = generateRegon14(rng);
        expect(parseRegon(short).ok).toBe(true);
        expect(parseRegon(long).ok).toBe(true);
        // The 9-digit weights 8,9,2..7 are coprime with 11, but a remainder of 10 maps to 0,
        // so a typo is caught unless it moves the remainder between 0 and 10.
        const caught = singleDigitTypos(short).filter((t) => !parseRegon(t).ok).length;
        expect(caught).toBeGreaterThanOrEqual(singleDigitTypos(short).length - 9);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});

describe('KRS', () => {
  test.each([
    ['0000123456', '0000123456'],
    ['0000 123 456', '0000123456'],
    ['0000-123-456', '0000123456'],
  ])('%j is stored as %s', (input, stored) => expect(parseKrs(input)).toEqual({ ok: true, value: stored }));

  test.each(['123', '123456', '000012345', '12345678901', 'KRS123', '0000000000', ''])(
    '%j is refused, not padded',
    (input) => {
      expect(parseKrs(input)).toEqual({ ok: false, rule: 'krsFormat' });
    },
  );

  test('the message of a short KRS says how many digits and how to type them', () => {
    expect(fieldMessage({ pl: 'KRS', en: 'KRS' }, '123', 'krsFormat')).toEqual({
      pl: 'KRS „123”: numer KRS ma 10 cyfr — wpisz go w całości, z zerami na początku, np. 0000123456',
      en: 'KRS "123": a KRS number has 10 digits; type all of them, with the leading zeros, e.g. 0000123456',
    });
  });

  test.each([
    ['123456', '0000123456'],
    ['123', '0000000123'],
    ['0000123456', null],
    ['0', null],
    ['12.5', null],
  ])('a number cell holding %j is the KRS %s', (cell, krs) => expect(krsOfNumberCell(cell)).toBe(krs));
});

describe('PESEL', () => {
  test('a known number gives its birth date and sex', () => {
    expect(parsePesel('44051401359')).toEqual({
      ok: true,
      value: { pesel: '44051401359', birthDate: '1944-05-14', sex: 'male' },
    });
  });

  test.each([
    ['4405140135', 'peselFormat'],
    ['4405140135X', 'peselFormat'],
    ['44051401358', 'peselChecksum'],
  ])('%j breaks %s', (input, rule) => expect(parsePesel(input)).toEqual({ ok: false, rule }));

  test('a checksum-valid number with an impossible date (31 February) is refused', () => {
    // Body 9902310000 with its check digit: month 02, day 31.
    const body = '9902310000';
    const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
    const sum = weights.reduce((s, w, i) => s + w * Number(body[i]), 0);
    const pesel = body + ((10 - (sum % 10)) % 10);
    expect(parsePesel(pesel)).toEqual({ ok: false, rule: 'peselBirthDate' });
  });

  test('people born 1900–2099 keep their birth date through the number, 2000s with the +20 month', () => {
    const birthDates = isoDays('1900-01-01', '2099-12-31');
    fc.assert(
      fc.property(birthDates, seeds, (birthDate, seed) => {
        const pesel = generatePesel(new SeededRandom(seed), birthDate);
        const parsed = parsePesel(pesel);
        expect(parsed.ok && parsed.value.birthDate).toBe(birthDate);
        expect(Number(pesel.slice(2, 4)) > 20).toBe(birthDate >= '2000');
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
