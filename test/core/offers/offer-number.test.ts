import { isRelacjeError } from '../../../src/core/errors';
import { localIsoDate, offerNumbering, parseOfferNumberFormat } from '../../../src/core/offers/offer-number';

/** Midday local time, so the date is the same whatever the machine's time zone. */
const day = (year: number, month: number, date: number) => new Date(year, month - 1, date, 12, 0, 0);

const numbering = (format: string, on: Date) => offerNumbering(parseOfferNumberFormat(format), on);

function refusal(format: string) {
  try {
    parseOfferNumberFormat(format);
  } catch (error) {
    if (isRelacjeError(error, 'invalidRecord')) return error;
    throw error;
  }
  throw new Error(`expected "${format}" to be refused`);
}

describe('offer numbers', () => {
  test('the default format: the year and a three-digit counter', () => {
    const n = numbering('OF/{YYYY}/{NNN}', day(2026, 3, 9));
    expect([1, 7, 42, 999].map((s) => n.numberFor(s))).toEqual([
      'OF/2026/001',
      'OF/2026/007',
      'OF/2026/042',
      'OF/2026/999',
    ]);
  });

  test('a counter wider than its N tokens is written in full, never cut', () => {
    const n = numbering('OF/{YYYY}/{NNN}', day(2026, 3, 9));
    expect(n.numberFor(1000)).toBe('OF/2026/1000');
    expect(n.numberFor(123456)).toBe('OF/2026/123456');
  });

  test('the width is the number of N tokens; one N pads nothing', () => {
    const on = day(2026, 3, 9);
    expect(numbering('{N}', on).numberFor(5)).toBe('5');
    expect(numbering('{NNNNN}', on).numberFor(5)).toBe('00005');
  });

  test('year, short year, month and day tokens come from the date of issue', () => {
    const on = day(2027, 1, 4);
    expect(numbering('{YY}{MM}{DD}-{NN}', on).numberFor(3)).toBe('270104-03');
    expect(numbering('Oferta {NNNN}/{MM}/{YYYY}', on).numberFor(12)).toBe('Oferta 0012/01/2027');
  });

  test('tokens are read case-insensitively', () => {
    expect(numbering('of/{yyyy}/{nnn}', day(2026, 5, 1)).numberFor(8)).toBe('of/2026/008');
  });

  test('a format with the year counts per year, so the numbering starts again each year', () => {
    expect(numbering('OF/{YYYY}/{NNN}', day(2026, 12, 31)).counterName).toBe('offers-2026');
    expect(numbering('OF/{YYYY}/{NNN}', day(2027, 1, 1)).counterName).toBe('offers-2027');
    expect(numbering('{YY}-{NNN}', day(2031, 6, 1)).counterName).toBe('offers-2031');
  });

  test('a format without the year draws from one counter, whatever the month', () => {
    expect(numbering('OF-{NNNN}', day(2026, 1, 1)).counterName).toBe('offers');
    expect(numbering('{MM}/{NNNN}', day(2027, 8, 1)).counterName).toBe('offers');
  });

  test.each([
    ['OF/{YYYY}', 'no counter token such as {NNN}', 'brak pola licznika'],
    ['OF/2026/001', 'no counter token such as {NNN}', 'brak pola licznika'],
    ['{NNN}/{NN}', 'more than once', 'więcej niż raz'],
    ['OF/{YYYY}/{NNN}/{Q}', 'unknown token {Q}', 'nieznane pole {Q}'],
    ['OF/{}/{NNN}', 'unknown token {}', 'nieznane pole {}'],
    ['OF/{YYYY/{NNN}', 'a brace without its pair', 'nawias klamrowy bez pary'],
    ['OF/YYYY}/{NNN}', 'a brace without its pair', 'nawias klamrowy bez pary'],
    ['   ', 'the format is empty', 'format jest pusty'],
  ])('the format "%s" is refused, saying what is wrong in both languages', (format, en, pl) => {
    const error = refusal(format);
    expect(error.params.table).toBe('offers');
    expect(error.params.issues).toEqual([
      expect.objectContaining({ field: 'number', value: format, rule: 'offerNumberFormat' }),
    ]);
    expect(error.messageIn('en')).toContain(en);
    expect(error.messageIn('en')).toContain(`"${format}"`);
    expect(error.messageIn('en')).toContain('offerNumberFormat');
    expect(error.messageIn('pl')).toContain(pl);
    expect(error.messageIn('pl')).toContain(`„${format}”`);
  });

  test('the date of issue is the local calendar day as yyyy-mm-dd', () => {
    expect(localIsoDate(day(2026, 2, 3))).toBe('2026-02-03');
    expect(localIsoDate(new Date(2026, 11, 31, 23, 59, 59))).toBe('2026-12-31');
    expect(localIsoDate(new Date(2027, 0, 1, 0, 0, 1))).toBe('2027-01-01');
  });
});
