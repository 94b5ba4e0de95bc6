import fc from 'fast-check';
import type { StoredRow } from '../../../src/core/clients/client-rows';
import {
  buildDuplicateIndex,
  editDistanceWithin,
  findDuplicates,
  normalizeClientName,
} from '../../../src/core/clients/client-duplicates';
import { PROPERTY_SEED } from '../arbitraries';

const row = (id: string, fields: Partial<StoredRow>): StoredRow => ({
  id,
  version: 1,
  type: 'company',
  status: 'lead',
  ...fields,
});

const base = [
  row('c-1', {
    name: 'Przedsiębiorstwo Budowlane Żuraw sp. z o.o.',
    nip: '5260001246',
    email: 'biuro@zuraw.pl',
  }),
  row('c-2', { name: 'Jan Kowalski', email: 'jan.kowalski@gmail.com' }),
  row('c-3', { name: 'Mostostal Kraków S.A.', email: 'sekretariat@mostostal.com.pl' }),
  row('c-4', { name: 'ABC s.c.', nip: '7740001454' }),
];
const index = buildDuplicateIndex(base);
const reasons = (warnings: ReturnType<typeof findDuplicates>) => warnings.map((w) => [w.clientId, w.reason]);

describe('client duplicates', () => {
  test('the same NIP, however typed, warns naming the client in both languages', () => {
    const [warning, ...rest] = findDuplicates(index, { name: 'Zupełnie inna', nip: 'PL 526-000-12-46' });
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ clientId: 'c-1', reason: 'sameNip' });
    expect(warning.message.pl).toContain('„Przedsiębiorstwo Budowlane Żuraw sp. z o.o.”');
    expect(warning.message.pl).toContain('5260001246');
    expect(warning.message.en).toContain('"Przedsiębiorstwo Budowlane Żuraw sp. z o.o."');
  });

  test('a company e-mail domain warns; free-mail domains do not', () => {
    expect(reasons(findDuplicates(index, { name: 'Nowy', email: 'handel@mostostal.com.pl' }))).toEqual([
      ['c-3', 'sameEmailDomain'],
    ]);
    expect(findDuplicates(index, { name: 'Nowy', email: 'anna.nowak@gmail.com' })).toEqual([]);
    expect(findDuplicates(index, { name: 'Nowy', email: 'a@wp.pl' })).toEqual([]);
  });

  test('names equal after case, diacritics, punctuation and the legal form', () => {
    expect(
      normalizeClientName('Przedsiębiorstwo Budowlane ŻURAW Spółka z ograniczoną odpowiedzialnością'),
    ).toBe(normalizeClientName('przedsiebiorstwo budowlane zuraw sp. z o.o.'));
    expect(normalizeClientName('Mostostal Kraków SA')).toBe('mostostalkrakow');
    expect(normalizeClientName('ABC sp.j.')).toBe('abc');
    expect(normalizeClientName('ABC sp. k.')).toBe('abc');
    expect(normalizeClientName('S.A.')).toBe('sa');
    expect(reasons(findDuplicates(index, { name: 'ABC spółka cywilna' }))).toEqual([['c-4', 'sameName']]);
    expect(reasons(findDuplicates(index, { name: 'Mostostal-Kraków S.A.' }))).toEqual([['c-3', 'sameName']]);
  });

  test('names within two edits warn when long enough; short ones must be equal', () => {
    expect(reasons(findDuplicates(index, { name: 'Mostostal Krakw' }))).toEqual([['c-3', 'similarName']]);
    expect(reasons(findDuplicates(index, { name: 'Jan Kowalsky' }))).toEqual([['c-2', 'similarName']]);
    expect(findDuplicates(index, { name: 'Jan Kowalczykowa' })).toEqual([]);
    expect(findDuplicates(index, { name: 'ABD' })).toEqual([]);
  });

  test('one warning per client, the strongest reason; the client itself is not its duplicate', () => {
    expect(reasons(findDuplicates(index, { name: 'Mostostal Kraków', email: 'x@mostostal.com.pl' }))).toEqual(
      [['c-3', 'sameName']],
    );
    expect(findDuplicates(index, { ...base[0] })).toEqual([]);
    expect(reasons(findDuplicates(index, { ...base[0], id: 'new' })).map(([, r]) => r)).toEqual(['sameNip']);
  });

  test('the bounded edit distance agrees with the plain Levenshtein distance', () => {
    const levenshtein = (a: string, b: string) => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
      for (let j = 1; j <= b.length; j++) d[0][j] = j;
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          d[i][j] = Math.min(
            d[i - 1][j] + 1,
            d[i][j - 1] + 1,
            d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
          );
        }
      }
      return d[a.length][b.length];
    };
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 12 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        expect(editDistanceWithin(a, b, max)).toBe(levenshtein(a, b) <= max);
      }),
      { seed: PROPERTY_SEED, numRuns: 2000 },
    );
  });
});
