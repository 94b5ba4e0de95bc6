import { CURRENT_SCHEMA, tableByKey } from '../../src/core/schema';
import { editDistance, resolveHeaders } from '../../src/core/table-layout';

const clients = tableByKey(CURRENT_SCHEMA, 'clients');
const people = tableByKey(CURRENT_SCHEMA, 'people');
const headersOf = (table = clients) => table.columns.map((c) => c.header.pl);

/** The client headers with ours at `key` replaced by `header` (or removed when null). */
function withHeader(key: string, header: string | null, table = clients): string[] {
  const index = table.columns.findIndex((c) => c.key === key);
  const headers = headersOf(table);
  if (header === null) headers.splice(index, 1);
  else headers[index] = header;
  return headers;
}

const renamed = (headers: string[], table = clients) =>
  resolveHeaders(table, headers, new Map(), { recognizeRenamed: true });

describe('resolveHeaders', () => {
  test('a strict read finds headers in either language, case- and space-insensitively, and nothing else', () => {
    const strict = resolveHeaders(clients, withHeader('name', '  NAME '));
    expect(strict.missing).toEqual([]);
    expect(strict.renamed).toEqual([]);
    const email = resolveHeaders(clients, withHeader('email', 'Email'));
    expect(email.missing.map((c) => c.key)).toEqual(['email']);
    expect(email.renamed).toEqual([]);
  });

  test.each([
    ['name', 'Nazwa firmy'],
    ['name', 'nazwa:'],
    ['name', 'Company name'],
    ['email', 'Email'],
    ['email', 'e mail'],
    ['city', 'Miejscowosc'],
    ['city', 'Miejscowośc'],
    ['postalCode', 'Kod  pocztowy.'],
    ['industry', 'Branza'],
    ['sourceDetail', 'Kampania / szczegoly zrodla'],
    ['website', 'Strona www firmy'],
    ['owner', 'Opeikun'],
    ['nip', 'NIP firmy'],
  ])('with recognizeRenamed, a missing %s is found under "%s"', (key, header) => {
    const headers = withHeader(key, header);
    const result = renamed(headers);
    const index = headers.indexOf(header);
    expect(result.renamed).toEqual([{ column: clients.columns.find((c) => c.key === key), index, header }]);
    expect(result.indexByKey.get(key)).toBe(index);
    expect(result.missing).toEqual([]);
    expect(result.extras).not.toContain(index);
  });

  test('a renamed header is found wherever it stands and the user columns stay extras', () => {
    const headers = withHeader('name', null);
    headers.push('Moja kolumna', 'Nazwa firmy', 'Notatka');
    const result = renamed(headers);
    expect(result.renamed.map((m) => [m.column.key, m.index])).toEqual([['name', headers.length - 2]]);
    expect(result.extras).toEqual([headers.length - 3, headers.length - 1]);
  });

  test.each([
    ['two headers hold the same column', ['Nazwa firmy', 'Nazwa skrócona']],
    ['a header too unlike ours', ['Firma']],
    ['a short header with a typo', ['Kraje']],
    ['a typo too many', ['Nzwaa firmyy']],
  ])('no match when %s', (_, extra) => {
    const headers = [...withHeader('name', null), ...extra];
    const result = renamed(headers);
    expect(result.renamed).toEqual([]);
    expect(result.missing.map((c) => c.key)).toEqual(['name']);
  });

  test('no match for a header that resembles two of our columns', () => {
    // "Telefon / e-mail" holds neither as a run of words; "Telefon e-mail" holds both.
    const headers = headersOf().filter((h) => h !== 'Telefon' && h !== 'E-mail');
    headers.push('Telefon e-mail');
    const result = renamed(headers);
    expect(result.renamed).toEqual([]);
    expect(result.missing.map((c) => c.key).sort()).toEqual(['email', 'phone']);
  });

  test('no match for a header that resembles a column already present', () => {
    // "Telefon komórkowy" is like "Telefon", which is there: it is the user's own column.
    const headers = [...withHeader('email', null), 'Telefon komórkowy'];
    const result = renamed(headers);
    expect(result.renamed).toEqual([]);
    expect(result.extras).toEqual([headers.length - 1]);
  });

  test('a header that is another of our columns is never taken for a missing one', () => {
    // The people table without "ID": "ID klienta" contains it, but is a column of its own.
    const headers = withHeader('id', null, people);
    const result = renamed(headers, people);
    expect(result.renamed).toEqual([]);
    expect(result.missing.map((c) => c.key)).toEqual(['id']);
    expect(result.indexByKey.get('clientId')).toBe(headers.indexOf('ID klienta'));
  });

  test('"ID" is too short to be found inside a longer header', () => {
    const headers = [...withHeader('id', null), 'ID zewnętrzny'];
    expect(renamed(headers).renamed).toEqual([]);
  });

  test('columns a migration adds now are not looked for under another name', () => {
    const headers = [...withHeader('rfmScore', null), 'Wynik RFM klienta'];
    const result = resolveHeaders(clients, headers, new Map(), {
      recognizeRenamed: true,
      addedColumns: new Set(['rfmScore']),
    });
    expect(result.renamed).toEqual([]);
    expect(result.missing.map((c) => c.key)).toEqual(['rfmScore']);
    expect(renamed(headers).renamed.map((m) => m.column.key)).toEqual(['rfmScore']);
  });

  test('two renamed columns are both found', () => {
    const headers = withHeader('name', 'Nazwa firmy');
    headers[headers.indexOf('E-mail')] = 'Email';
    const result = renamed(headers);
    expect(result.renamed.map((m) => m.column.key)).toEqual(['name', 'email']);
    expect(result.missing).toEqual([]);
  });
});

describe('editDistance', () => {
  test.each([
    ['', '', 0],
    ['abc', 'abc', 0],
    ['abc', 'acb', 1],
    ['kitten', 'sitting', 3],
    ['opiekun', 'opeikun', 1],
    ['ca', 'abc', 3],
  ])('%s → %s is %d', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });

  test('stops once it passes the most it was asked about', () => {
    expect(editDistance('abcdefgh', 'hgfedcba', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});
