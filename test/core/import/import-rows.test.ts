import {
  buildImportRows,
  decodeText,
  parseCsv,
  suggestColumnMapping,
  type ColumnMapping,
} from '../../../src/core/import';
import { importFixture } from './fixture-files';

const fixtureRows = (file: string) => {
  const [headers, ...data] = parseCsv(decodeText(importFixture(file)).text, ';');
  return { headers, data, mapping: suggestColumnMapping(headers).mapping };
};

describe('buildImportRows on the Windows-1250 fixture', () => {
  const { data, mapping } = fixtureRows('clients-windows-1250.csv');
  const result = buildImportRows(data, mapping);
  const rejectedByRow = new Map(result.rejected.map((r) => [r.rowNumber, r]));

  it('keeps the good rows, normalised the way the workbook holds them', () => {
    expect(result.valid.map((r) => r.rowNumber)).toEqual([2, 3, 4, 10]);
    expect(result.valid[0].client).toEqual({
      name: 'Łódzkie Zakłady Żak Sp. z o.o.',
      type: 'company',
      nip: '5260001246',
      city: 'Łódź',
      postalCode: '90-001',
      street: 'ul. Piotrkowska 1',
      email: 'biuro@zak.pl',
      phone: '+48 426 301 020',
      notes: 'Zażółć gęślą jaźń',
      status: 'lead',
      source: 'import',
    });
    expect(result.valid[0].defaulted).toEqual(['type', 'status', 'source']);
    expect(result.valid[1].client.nip).toBe('7251000685');
    expect(result.valid[3].client.notes).toBe('Pierwsza linia\r\ndruga linia');
  });

  it('passes over the blank row', () => {
    expect(result.blankRows).toBe(1);
  });

  it('rejects a wrong NIP check digit, naming field, value and rule in both languages', () => {
    const row = rejectedByRow.get(5);
    expect(row?.issues.map((i) => [i.field, i.rule])).toEqual([['nip', 'nipChecksum']]);
    expect(row?.reasons[0].pl).toBe(
      'NIP „725-100-06-86”: niepoprawna cyfra kontrolna NIP (ostatnia cyfra jest sumą kontrolną)',
    );
    expect(row?.reasons[0].en).toContain('NIP "725-100-06-86": wrong NIP check digit');
  });

  it('rejects a bad e-mail', () => {
    const row = rejectedByRow.get(6);
    expect(row?.issues.map((i) => [i.field, i.value, i.rule])).toEqual([
      ['email', 'to-nie-jest-email', 'email'],
    ]);
    expect(row?.reasons[0].pl).toContain('E-mail „to-nie-jest-email”');
  });

  it('rejects a row without a name', () => {
    const row = rejectedByRow.get(7);
    expect(row?.issues.map((i) => [i.field, i.rule])).toEqual([['name', 'required']]);
    expect(row?.reasons[0]).toEqual({
      pl: 'Nazwa „”: pole jest wymagane',
      en: 'Name "": the field is required',
    });
  });

  it('rejects the second row with a NIP already in the file, pointing at the first', () => {
    const row = rejectedByRow.get(8);
    expect(row?.issues.map((i) => [i.field, i.rule])).toEqual([['nip', 'duplicateInFile']]);
    expect(row?.reasons[0].pl).toContain('wierszu 3');
    expect(row?.reasons[0].en).toContain('row 3');
    expect(row?.cells[0]).toBe('Stocznia Gdańska (duplikat)');
  });

  it('rejects exactly the bad rows', () => {
    expect(result.rejected.map((r) => r.rowNumber)).toEqual([5, 6, 7, 8]);
  });
});

describe('buildImportRows', () => {
  const mapping: ColumnMapping = [
    'clients.name',
    'clients.nip',
    'people.firstName',
    'people.lastName',
    'people.role',
  ];

  it('makes a private person of a row with a person and no company', () => {
    const [row] = buildImportRows([['', '', 'Jan', 'Kowalski', 'właściciel']], mapping).valid;
    expect(row.client).toMatchObject({ name: 'Jan Kowalski', type: 'person' });
    expect(row.person).toBeNull();
  });

  it('gives a company row its contact person', () => {
    const [row] = buildImportRows([['Żak sp. z o.o.', '', 'Anna', 'Nowak', 'Prezes']], mapping).valid;
    expect(row.client).toMatchObject({ name: 'Żak sp. z o.o.', type: 'company' });
    expect(row.person).toEqual({ firstName: 'Anna', lastName: 'Nowak', role: 'Prezes' });
  });

  it('rejects a contact person without a last name', () => {
    const { rejected } = buildImportRows([['Żak', '', 'Anna', '', '']], mapping);
    expect(rejected[0].issues.map((i) => [i.field, i.rule])).toEqual([['lastName', 'required']]);
  });

  it('takes the type, status and source from the file when it has them, in either language', () => {
    const withEnums: ColumnMapping = ['clients.name', 'clients.type', 'clients.status', 'clients.source'];
    const [row] = buildImportRows([['Urząd Miasta', 'Instytucja', 'Active', 'Targi']], withEnums).valid;
    expect(row.client).toMatchObject({ type: 'institution', status: 'active', source: 'fair' });
    expect(row.defaulted).toEqual([]);
  });

  it('uses the caller’s defaults and the row numbers of the file', () => {
    const result = buildImportRows([['A'], ['B']], ['clients.name'], {
      firstRowNumber: 5,
      defaults: { status: 'prospect', source: 'fair' },
    });
    expect(result.valid.map((r) => [r.rowNumber, r.client.status, r.client.source])).toEqual([
      [5, 'prospect', 'fair'],
      [6, 'prospect', 'fair'],
    ]);
  });

  it('reports every broken rule of a row at once', () => {
    const wide: ColumnMapping = ['clients.name', 'clients.postalCode', 'clients.website', 'clients.status'];
    const [row] = buildImportRows([['X', '123', 'nie ma strony', 'zamknięty']], wide).rejected;
    expect(row.issues.map((i) => i.rule)).toEqual(['postalCode', 'url', 'enum']);
  });
});
