import { RelacjeError, type ErrorParams } from '../../src/core/errors';
import { LOCALES } from '../../src/core/i18n';

/** One example of every kind of error, with values that must each appear in the message. */
const EXAMPLES: { [C in keyof ErrorParams]: [ErrorParams[C], string[]] } = {
  invalidRecord: [
    {
      table: 'tClients',
      row: 7,
      issues: [
        {
          field: 'nip',
          value: '123',
          rule: 'nipFormat',
          message: { pl: 'NIP „123”: zły', en: 'NIP "123": bad' },
        },
      ],
    },
    ['tClients', '7', '123'],
  ],
  conflict: [{ table: 'tClients', id: 'c-42', expectedVersion: 3, actualVersion: 4 }, ['tClients', 'c-42']],
  recordNotFound: [{ table: 'tTasks', id: 't-9' }, ['tTasks', 't-9']],
  workbookInUse: [{ file: 'crm.xlsx', holder: 'pid 77 on biuro-pc' }, ['crm.xlsx', 'biuro-pc']],
  notAWorkbook: [
    { file: 'lista.xlsx', reason: { pl: 'plik jest pusty', en: 'the file is empty' } },
    ['lista.xlsx'],
  ],
  workbookNotFound: [{ file: 'brak.xlsx' }, ['brak.xlsx']],
  missingTable: [{ table: 'tClients', sheet: 'Klienci' }, ['tClients', 'Klienci']],
  missingColumn: [{ table: 'tClients', sheet: 'Klienci', column: 'NIP' }, ['Klienci', 'NIP']],
  duplicateColumn: [{ table: 'tClients', sheet: 'Klienci', column: 'Miasto' }, ['Klienci', 'Miasto']],
  badCell: [
    {
      sheet: 'Szanse',
      column: 'Wartość',
      row: 12,
      value: 'dużo',
      expected: { pl: 'kwota', en: 'an amount' },
    },
    ['Szanse', 'Wartość', '12', 'dużo'],
  ],
  newerSchema: [{ file: 'crm.xlsx', version: 9, supported: 2 }, ['crm.xlsx', '9']],
  duplicateId: [{ table: 'tPeople', id: 'p-1' }, ['tPeople', 'p-1']],
  noPermission: [{ resource: 'Relacje.xlsx' }, ['Relacje.xlsx']],
  throttled: [{ retryAfterSeconds: 30 }, ['30']],
  unavailable: [{ detail: 'HTTP 503' }, ['HTTP 503']],
  workbookTooLarge: [
    { file: 'crm.xlsx', part: 'xl/worksheets/sheet2.xml', limit: '1 GiB', actual: '3 GiB' },
    ['crm.xlsx', 'xl/worksheets/sheet2.xml', '1 GiB', '3 GiB'],
  ],
  damagedPart: [
    { file: 'crm.xlsx', part: 'xl/styles.xml', reason: { pl: 'zła suma kontrolna', en: 'bad checksum' } },
    ['crm.xlsx', 'xl/styles.xml'],
  ],
};

describe('every error kind', () => {
  test.each(Object.keys(EXAMPLES) as (keyof ErrorParams)[])(
    '%s names what is wrong in Polish and English',
    (code) => {
      const [params, mentioned] = EXAMPLES[code];
      const error = new RelacjeError(code, params as never);
      for (const locale of LOCALES) {
        const text = error.messageIn(locale);
        for (const value of mentioned) expect(text).toContain(value);
        expect(text).not.toMatch(/undefined|\[object Object\]/);
      }
      expect(error.messageIn('pl')).not.toBe(error.messageIn('en'));
      expect(error.message).toBe(error.messageIn('en'));
    },
  );
});
