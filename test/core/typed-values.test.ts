import fc from 'fast-check';
import { isoDays, PROPERTY_SEED as SEED } from './arbitraries';
import {
  parseCurrency,
  parseEmail,
  parsePhone,
  parsePostalCode,
  parseUrl,
} from '../../src/core/validation/contact';
import { formatDate, parseDate, parseTimestamp } from '../../src/core/validation/dates';
import { formatMoney, parseMoney } from '../../src/core/validation/money';

describe('e-mail', () => {
  test.each([
    ['jan.kowalski@firma.pl', 'jan.kowalski@firma.pl'],
    [' Anna.Nowak@Firma.COM.PL ', 'Anna.Nowak@firma.com.pl'],
    ['biuro+crm@sklep-24.pl', 'biuro+crm@sklep-24.pl'],
  ])('%j → %s (the domain in lower case, the local part kept)', (input, stored) => {
    expect(parseEmail(input)).toEqual({ ok: true, value: stored });
  });

  test.each([
    'jan.kowalski',
    'jan@firma',
    '@firma.pl',
    'jan kowalski@firma.pl',
    'jan..k@firma.pl',
    'jan@-firma.pl',
  ])('%j is refused', (input) => expect(parseEmail(input)).toEqual({ ok: false, rule: 'email' }));
});

describe('phone', () => {
  test.each([
    ['600100200', '+48 600 100 200'],
    ['600 100 200', '+48 600 100 200'],
    ['+48 600-100-200', '+48 600 100 200'],
    ['0048600100200', '+48 600 100 200'],
    ['(22) 123 45 67', '+48 221 234 567'],
    ['0221234567', '+48 221 234 567'],
    ['+49 30 1234567', '+49301234567'],
  ])('%j → %s', (input, stored) => expect(parsePhone(input)).toEqual({ ok: true, value: stored }));

  test.each(['60010020', '6001002001', '+48 60010020', 'tel. 600100200', ''])('%j is refused', (input) => {
    expect(parsePhone(input)).toEqual({ ok: false, rule: 'phone' });
  });
});

describe('postal code, currency, web address', () => {
  test('postal codes', () => {
    expect(parsePostalCode('00-950')).toEqual({ ok: true, value: '00-950' });
    expect(parsePostalCode('00950')).toEqual({ ok: true, value: '00-950' });
    expect(parsePostalCode('0-950')).toEqual({ ok: false, rule: 'postalCode' });
    expect(parsePostalCode('00 950')).toEqual({ ok: false, rule: 'postalCode' });
  });

  test('currencies', () => {
    expect(parseCurrency('pln')).toEqual({ ok: true, value: 'PLN' });
    expect(parseCurrency('zł')).toEqual({ ok: false, rule: 'currency' });
  });

  test('web addresses', () => {
    expect(parseUrl('firma.pl')).toEqual({ ok: true, value: 'https://firma.pl' });
    expect(parseUrl('http://firma.pl/o-nas')).toEqual({ ok: true, value: 'http://firma.pl/o-nas' });
    expect(parseUrl('firma')).toEqual({ ok: false, rule: 'url' });
    expect(parseUrl('ftp://firma.pl')).toEqual({ ok: false, rule: 'url' });
  });
});

describe('money typed the Polish way', () => {
  test.each([
    ['1 234,56 zł', 123456],
    ['1234,56', 123456],
    ['1\u00a0234,5 PLN', 123450],
    ['1 234.56', 123456],
    ['1.234.567,89', 123456789],
    ['-12,5', -1250],
    ['0', 0],
  ])('%j → %d grosze', (input, grosze) => expect(parseMoney(input)).toEqual({ ok: true, value: grosze }));

  test.each(['12,345', 'dwa tysiące', '1,2,3', '', '12 zł 50 gr', '€12'])('%j is refused', (input) => {
    expect(parseMoney(input)).toEqual({ ok: false, rule: 'money' });
  });

  test('any amount in grosze survives being shown and typed back, in both languages', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (grosze) => {
        expect(parseMoney(formatMoney(grosze, 'pl'))).toEqual({ ok: true, value: grosze });
        expect(parseMoney(formatMoney(grosze, 'en').replace(/^(-?)PLN /, '$1'))).toEqual({
          ok: true,
          value: grosze,
        });
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  test('shown with a non-breaking thousands separator in Polish and commas in English', () => {
    expect(formatMoney(123456789, 'pl')).toBe('1\u00a0234\u00a0567,89\u00a0zł');
    expect(formatMoney(-5, 'en')).toBe('-PLN 0.05');
    expect(formatMoney(100, 'pl', 'EUR')).toBe('1,00\u00a0EUR');
  });
});

describe('dates typed dd.mm.rrrr or ISO', () => {
  test.each([
    ['22.11.2026', '2026-11-22'],
    ['1.2.2026', '2026-02-01'],
    ['2026-11-22', '2026-11-22'],
    ['29.02.2024', '2024-02-29'],
  ])('%j → %s', (input, iso) => expect(parseDate(input)).toEqual({ ok: true, value: iso }));

  test.each(['29.02.2026', '31.04.2026', '2026-13-01', '22/11/2026', '22.11.26', 'jutro'])(
    '%j is refused',
    (input) => {
      expect(parseDate(input)).toEqual({ ok: false, rule: 'date' });
    },
  );

  test('every date survives being shown in either language and typed back', () => {
    const days = isoDays('1900-01-01', '9999-12-31');
    fc.assert(
      fc.property(days, (iso) => {
        expect(parseDate(formatDate(iso, 'pl'))).toEqual({ ok: true, value: iso });
        expect(parseDate(formatDate(iso, 'en'))).toEqual({ ok: true, value: iso });
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  test('timestamps need a time zone', () => {
    expect(parseTimestamp('2026-11-22T10:00:00Z')).toEqual({ ok: true, value: '2026-11-22T10:00:00Z' });
    expect(parseTimestamp('2026-11-22T10:00+01:00').ok).toBe(true);
    expect(parseTimestamp('2026-11-22T10:00:00')).toEqual({ ok: false, rule: 'datetime' });
    expect(parseTimestamp('2026-11-31T10:00:00Z').ok).toBe(false);
  });
});
