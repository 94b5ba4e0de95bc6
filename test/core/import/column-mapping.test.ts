import {
  IMPORT_FIELDS,
  decodeText,
  mappingProblems,
  parseCsv,
  suggestColumnMapping,
  type ImportFieldId,
} from '../../../src/core/import';
import { importFixture } from './fixture-files';

const mapped = (headers: string[]) => {
  const { columns } = suggestColumnMapping(headers);
  return Object.fromEntries(columns.map((c) => [c.header, c.field]));
};

describe('suggestColumnMapping', () => {
  it('maps Polish headers, with and without diacritics and in any case', () => {
    expect(
      mapped(['Nazwa firmy', 'NIP', 'MIEJSCOWOSC', 'Kod', 'Ulica', 'Adres e-mail', 'Tel.', 'WWW', 'Branża']),
    ).toEqual({
      'Nazwa firmy': 'clients.name',
      NIP: 'clients.nip',
      MIEJSCOWOSC: 'clients.city',
      Kod: 'clients.postalCode',
      Ulica: 'clients.street',
      'Adres e-mail': 'clients.email',
      'Tel.': 'clients.phone',
      WWW: 'clients.website',
      Branża: 'clients.industry',
    });
  });

  it('maps English headers', () => {
    expect(
      mapped(['Company', 'VAT ID', 'City', 'Postal code', 'Street', 'Email', 'Phone', 'Website']),
    ).toEqual({
      Company: 'clients.name',
      'VAT ID': 'clients.nip',
      City: 'clients.city',
      'Postal code': 'clients.postalCode',
      Street: 'clients.street',
      Email: 'clients.email',
      Phone: 'clients.phone',
      Website: 'clients.website',
    });
  });

  it('maps every header of the workbook itself, in both languages, to its field', () => {
    for (const locale of ['pl', 'en'] as const) {
      const clientFields = IMPORT_FIELDS.filter((f) => f.table === 'clients');
      const { mapping } = suggestColumnMapping(clientFields.map((f) => f.header[locale]));
      expect(mapping).toEqual(clientFields.map((f) => f.id));
    }
  });

  it('maps the English Outlook contacts export, people fields included', () => {
    const [headers] = parseCsv(decodeText(importFixture('outlook-contacts-en.csv')).text, ',');
    const fields = mapped(headers);
    expect(fields).toMatchObject({
      'First Name': 'people.firstName',
      'Last Name': 'people.lastName',
      Company: 'clients.name',
      'Job Title': 'people.role',
      'Business Street': 'clients.street',
      'Business City': 'clients.city',
      'Business Postal Code': 'clients.postalCode',
      'Business Country/Region': 'clients.country',
      'Business Phone': 'clients.phone',
      'E-mail Address': 'clients.email',
      'Web Page': 'clients.website',
      Notes: 'clients.notes',
    });
    // The second e-mail, the mobile and the display name lose to the fields' better columns.
    expect(fields['E-mail 2 Address']).toBeNull();
    expect(fields['Mobile Phone']).toBeNull();
    expect(fields['E-mail Display Name']).toBeNull();
    expect(fields['Middle Name']).toBeNull();
    expect(fields['Title']).toBeNull();
  });

  it('maps the Polish Outlook export headers', () => {
    expect(
      mapped([
        'Imię',
        'Nazwisko',
        'Firma',
        'Stanowisko',
        'Adres e-mail',
        'Telefon służbowy',
        'Miejscowość (służbowy)',
      ]),
    ).toEqual({
      Imię: 'people.firstName',
      Nazwisko: 'people.lastName',
      Firma: 'clients.name',
      Stanowisko: 'people.role',
      'Adres e-mail': 'clients.email',
      'Telefon służbowy': 'clients.phone',
      'Miejscowość (służbowy)': 'clients.city',
    });
    expect(mapped(['Miasto służbowe', 'Ulica służbowa', 'Kod pocztowy służbowy'])).toEqual({
      'Miasto służbowe': 'clients.city',
      'Ulica służbowa': 'clients.street',
      'Kod pocztowy służbowy': 'clients.postalCode',
    });
  });

  it('gives known headers full confidence and similar ones less', () => {
    const { columns } = suggestColumnMapping(['Miejscowsc', 'Nazwa firmy klienta', 'NIP']);
    expect(columns[0]).toMatchObject({ field: 'clients.city', match: 'fuzzy' });
    expect(columns[1]).toMatchObject({ field: 'clients.name', match: 'fuzzy' });
    expect(columns[2]).toEqual({
      column: 2,
      header: 'NIP',
      field: 'clients.nip',
      confidence: 1,
      match: 'exact',
    });
    expect(columns[0].confidence).toBeLessThan(1);
    expect(columns[1].confidence).toBeLessThan(columns[0].confidence);
  });

  it('never maps two columns to one field: the first of equals wins', () => {
    const { columns } = suggestColumnMapping(['E-mail', 'Adres e-mail', 'Email']);
    expect(columns.map((c) => c.field)).toEqual(['clients.email', null, null]);
  });

  it('takes a mobile number when there is no desk phone', () => {
    expect(mapped(['Firma', 'Telefon komórkowy'])['Telefon komórkowy']).toBe('clients.phone');
  });

  it('ignores columns that fit nothing', () => {
    const { columns } = suggestColumnMapping(['Firma', 'Liczba pracowników', '', 'xyz']);
    expect(columns.slice(1).map((c) => [c.field, c.match, c.confidence])).toEqual([
      [null, 'none', 0],
      [null, 'none', 0],
      [null, 'none', 0],
    ]);
  });
});

describe('mappingProblems', () => {
  const headers = ['A', 'B', 'C'];

  it('accepts a mapping with a name', () => {
    expect(mappingProblems(['clients.name', null, 'clients.nip'], headers)).toEqual([]);
    expect(mappingProblems(['people.lastName', null, null], headers)).toEqual([]);
  });

  it('names a field chosen for two columns', () => {
    const [problem] = mappingProblems(['clients.name', 'clients.city', 'clients.city'], headers);
    expect(problem.pl).toContain('„Miejscowość”');
    expect(problem.pl).toContain('B, C');
    expect(problem.en).toContain('"City"');
  });

  it('asks for a name column and rejects unknown fields', () => {
    const problems = mappingProblems(['clients.nip', 'clients.bogus' as ImportFieldId, null], headers);
    expect(problems.map((p) => p.en)).toEqual([
      'Unknown import field "clients.bogus"',
      expect.stringContaining("No column gives the client's name"),
    ]);
  });
});
