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
  upgradeNeeded: [{ table: 'tPipelines', version: 2, supported: 3 }, ['tPipelines', 'Excel']],
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
  ghostRows: [
    { table: 'tClients', sheet: 'Klienci', first: 12, last: 14 },
    ['tClients', 'Klienci', '12–14', 'relacje repair'],
  ],
  tableWidthMismatch: [
    { table: 'tClients', sheet: 'Klienci', ref: 'A1:AD5', columns: 28, width: 30, declared: 29 },
    ['tClients', 'Klienci', 'A1:AD5', '28', '29', '30', 'relacje repair'],
  ],
  tableHeaderMismatch: [
    { table: 'tClients', sheet: 'Klienci', cell: 'B1', header: 'Nazwa firmy', column: 'Nazwa' },
    ['tClients', 'Klienci', 'B1', 'Nazwa firmy', 'Nazwa', 'relacje repair'],
  ],
  renamedColumn: [
    { table: 'tClients', sheet: 'Klienci', column: 'Nazwa', header: 'Nazwa firmy' },
    ['tClients', 'Klienci', 'Nazwa', 'Nazwa firmy', 'relacje repair'],
  ],
  unknownPipeline: [{ pipeline: 'Hurt' }, ['Hurt']],
  unknownStage: [
    { pipeline: 'Przetarg', stage: 'Umowa', stages: ['Ogłoszenie', 'Oferta'] },
    ['Przetarg', 'Umowa', 'Ogłoszenie', 'Oferta'],
  ],
  unknownRequiredField: [
    { pipeline: 'Przetarg', stage: 'Oferta', name: 'Kwota' },
    ['Przetarg', 'Oferta', 'Kwota'],
  ],
  missingStageFields: [
    {
      opportunity: 'Hala',
      stage: 'Oferta',
      fields: [
        { pl: 'Wartość', en: 'Value' },
        { pl: 'Planowane zamknięcie', en: 'Expected close' },
      ],
    },
    ['Hala', 'Oferta'],
  ],
  opportunityClosed: [{ opportunity: 'Hala', status: { pl: 'Wygrana', en: 'Won' } }, ['Hala']],
  opportunityNotClosed: [{ opportunity: 'Hala' }, ['Hala']],
  offersNotClosed: [{ opportunity: 'Hala', open: ['OF/2026/007'] }, ['Hala', 'OF/2026/007']],
  noAcceptedOffer: [{ opportunity: 'Hala', offers: ['OF/2026/008'] }, ['Hala', 'OF/2026/008']],
  lostReasonRequired: [{ opportunity: 'Hala', reasons: ['Cena'] }, ['Hala', 'Cena']],
  unknownLostReason: [{ reason: 'Pogoda', reasons: ['Cena'] }, ['Pogoda', 'Cena']],
  unknownReadyFunnel: [{ key: 'retail', keys: ['tender'] }, ['retail', 'tender']],
  pipelineExists: [{ pipeline: 'Przetarg' }, ['Przetarg']],
  stageInUse: [{ pipeline: 'Przetarg', stage: 'Oferta', count: 3 }, ['Przetarg', 'Oferta', '3']],
};

test('one ghost row is named as one row', () => {
  const error = new RelacjeError('ghostRows', { table: 'tClients', sheet: 'Klienci', first: 7, last: 7 });
  expect(error.messageIn('pl')).toMatch(/^Wiersz 7 pod tabelą tClients na arkuszu „Klienci” zawiera dane/);
  expect(error.messageIn('en')).toMatch(/^Row 7 below the table tClients on the sheet "Klienci" holds data/);
});

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

test('a stage in use counts its open opportunities with Polish plural forms', () => {
  const message = (count: number) =>
    new RelacjeError('stageInUse', { pipeline: 'P', stage: 'S', count }).messageIn('pl');
  expect(message(1)).toContain('1 otwarta szansa wciąż w nim jest');
  expect(message(3)).toContain('3 otwarte szanse wciąż w nim są');
  expect(message(5)).toContain('5 otwartych szans wciąż w nim jest');
});
