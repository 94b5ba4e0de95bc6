import {
  decodeText,
  parseCsv,
  previewImport,
  rejectedRowsReport,
  type ExistingClient,
  type ExistingPerson,
  type ImportPlan,
} from '../../../src/core/import';
import { importFixture } from './fixture-files';

/** What a store holds after writing the plan: new ids, versions counted up, people linked. */
function applyPlan(
  clients: readonly ExistingClient[],
  people: readonly ExistingPerson[],
  plan: ImportPlan,
): { clients: ExistingClient[]; people: ExistingPerson[] } {
  const byId = new Map(clients.map((c) => [c.id, { ...c }]));
  for (const update of plan.update) {
    const client = byId.get(update.id);
    if (!client || client.version !== update.expectedVersion) throw new Error(`conflict on ${update.id}`);
    Object.assign(client, update.changes, { version: client.version + 1 });
  }
  const created = plan.create.map((fields, i) => ({ ...fields, id: `new-${byId.size + i}`, version: 1 }));
  const linked = plan.people.map((p, i) => ({
    ...p.fields,
    id: `p-${people.length + i}`,
    clientId: 'createIndex' in p.client ? created[p.client.createIndex].id : p.client.existingId,
  }));
  return { clients: [...byId.values(), ...created], people: [...people, ...linked] };
}

const POLISH_FIXTURES = ['clients-windows-1250.csv', 'clients-utf8-bom.csv', 'clients-iso-8859-2.csv'];

describe('previewImport', () => {
  it.each(POLISH_FIXTURES)('reads %s from bytes to plan', (file) => {
    const preview = previewImport(importFixture(file), []);
    expect(preview.delimiter).toBe(';');
    expect(preview.headers[2]).toBe('Miejscowość');
    expect(preview.mappingProblems).toEqual([]);
    expect(preview.rows.valid.map((r) => r.client.city)).toEqual([
      'Łódź',
      'Gdańsk',
      'Kielce',
      'Zielona Góra',
    ]);
    expect(preview.rows.rejected.map((r) => r.rowNumber)).toEqual([5, 6, 7, 8]);
    expect(preview.plan.create).toHaveLength(4);
    expect(preview.plan.update).toEqual([]);
  });

  it('tells which encoding each Polish file was in', () => {
    expect(POLISH_FIXTURES.map((file) => previewImport(importFixture(file), []).encoding)).toEqual([
      'windows-1250',
      'utf-8',
      'iso-8859-2',
    ]);
  });

  it('reads the comma file with English headers', () => {
    const preview = previewImport(importFixture('clients-comma.csv'), []);
    expect(preview.delimiter).toBe(',');
    expect(preview.rows.valid.map((r) => r.client.name)).toEqual([
      'Kowalski, Nowak i Wspólnicy sp.k.',
      'Gdańsk Software S.A.',
    ]);
    expect(preview.rows.valid[0].client.street).toBe('ul. Marszałkowska 10, lok. 5');
    expect(preview.rows.rejected.map((r) => [r.rowNumber, r.issues[0].rule])).toEqual([[4, 'nipChecksum']]);
  });

  it('reads the tab-separated UTF-16 text Excel saves', () => {
    const preview = previewImport(importFixture('clients-tab-utf16le.txt'), []);
    expect([preview.encoding, preview.delimiter]).toEqual(['utf-16le', '\t']);
    expect(preview.rows.valid.map((r) => [r.client.name, r.client.website])).toEqual([
      ['Łódź Tkaniny Sp. z o.o.', 'https://www.tkaniny.pl'],
      ['Gęś i Kaczka s.c.', 'https://gesikaczka.pl'],
    ]);
  });

  it('reads the Outlook export: a company with its contact person, and a private person', () => {
    const preview = previewImport(importFixture('outlook-contacts-en.csv'), []);
    const [company, person] = preview.rows.valid;
    expect(company.client).toMatchObject({
      name: 'Budimex Północ Sp. z o.o.',
      type: 'company',
      city: 'Gdańsk',
      postalCode: '80-244',
      email: 'anna.wisniewska@budimex-polnoc.pl',
      phone: '+48 583 004 050',
      website: 'https://budimex-polnoc.pl',
      notes: 'Poznana na targach "Budma"',
    });
    expect(company.person).toEqual({ firstName: 'Anna', lastName: 'Wiśniewska', role: 'Dyrektor zakupów' });
    expect(person.client).toMatchObject({
      name: 'Jan Kowalski',
      type: 'person',
      email: 'jan.kowalski@example.pl',
    });
    expect(preview.plan.people).toEqual([
      { client: { createIndex: 0 }, fields: company.person, rowNumber: 2 },
    ]);
  });

  it('takes rows of strings read from an .xlsx sheet, finding the header below empty rows', () => {
    const rows = [[], ['', ''], ['Firma', 'NIP'], ['Żak', '7251000685'], ['Bud', '123']];
    const preview = previewImport(rows, []);
    expect([preview.encoding, preview.delimiter, preview.headerRowNumber]).toEqual([null, null, 3]);
    expect(preview.rows.valid.map((r) => r.rowNumber)).toEqual([4]);
    expect(preview.rows.rejected.map((r) => r.rowNumber)).toEqual([5]);
  });

  it('makes one client of a contact list that repeats its firm’s NIP, with a person per row', () => {
    const text = [
      'Firma;NIP;Imię;Nazwisko',
      'Hurtownia Żak sp. z o.o.;725-100-06-85;Zofia;Żak',
      'HURTOWNIA ŻAK Sp. z o.o.;7251000685;Łukasz;Ćwik',
      'Inna Firma;7251000685;Jan;Nowak',
    ].join('\n');
    const preview = previewImport(text, []);
    expect(preview.plan.create.map((c) => [c.name, c.nip])).toEqual([
      ['Hurtownia Żak sp. z o.o.', '7251000685'],
    ]);
    expect(preview.plan.people.map((p) => [p.client, p.fields.lastName])).toEqual([
      [{ createIndex: 0 }, 'Żak'],
      [{ createIndex: 0 }, 'Ćwik'],
    ]);
    // The same NIP under another firm's name is a mistake in the file.
    expect(preview.rows.rejected.map((r) => [r.rowNumber, r.issues[0].rule])).toEqual([
      [4, 'duplicateInFile'],
    ]);
    expect(preview.rows.rejected[0].reasons[0].pl).toContain('pod inną nazwą („Hurtownia Żak sp. z o.o.”)');
  });

  it('takes text, the caller’s mapping and decisions', () => {
    const base: ExistingClient[] = [
      { id: 'c-1', version: 2, name: 'Żak', type: 'company', status: 'active' },
    ];
    const text = 'Kto;Gdzie\nŻak;Łódź\nNowy;Kraków\n';
    const preview = previewImport(text, base, {
      mapping: ['clients.name', 'clients.city'],
      decisions: new Map([[2, { action: 'skip' }]]),
    });
    expect(preview.suggestion.mapping).toEqual([null, null]);
    expect(preview.matches.get(2)).toMatchObject({ by: 'name', client: { id: 'c-1' } });
    expect([...preview.decisions]).toEqual([
      [2, { action: 'skip' }],
      [3, { action: 'addNew' }],
    ]);
    expect(preview.plan.create.map((c) => c.name)).toEqual(['Nowy']);
    expect(preview.plan.update).toEqual([]);
  });

  it('builds no rows while the mapping has a problem', () => {
    const preview = previewImport('Miasto;NIP\nŁódź;7251000685\n', []);
    expect(preview.mappingProblems).toHaveLength(1);
    expect(preview.rows.valid).toEqual([]);
    expect(preview.plan.create).toEqual([]);
  });
});

describe('an import run twice', () => {
  it.each([...POLISH_FIXTURES, 'clients-comma.csv', 'clients-tab-utf16le.txt', 'outlook-contacts-en.csv'])(
    'changes nothing the second time: %s',
    (file) => {
      const bytes = importFixture(file);
      const first = previewImport(bytes, []);
      expect(first.plan.create.length).toBeGreaterThan(0);
      const after = applyPlan([], [], first.plan);
      const second = previewImport(bytes, after.clients, { existingPeople: after.people });
      expect(second.plan).toEqual({ create: [], update: [], people: [] });
      expect(second.matches.size).toBe(first.rows.valid.length);
    },
  );

  it('changes nothing the second time in overwrite mode either, over a base with other clients', () => {
    const base: ExistingClient[] = [
      { id: 'old', version: 7, name: 'Łódzkie Zakłady Żak', type: 'company', status: 'active', city: null },
    ];
    const bytes = importFixture('clients-windows-1250.csv');
    const overwriteAll = (rowNumbers: number[]) =>
      new Map(rowNumbers.map((n) => [n, { action: 'update', mode: 'overwrite' } as const]));
    const first = previewImport(bytes, base);
    expect(first.plan.update).toEqual([
      expect.objectContaining({
        id: 'old',
        expectedVersion: 7,
        changes: expect.objectContaining({ nip: '5260001246' }),
      }),
    ]);
    const after = applyPlan(base, [], first.plan);
    const second = previewImport(bytes, after.clients, { decisions: overwriteAll([2, 3, 4, 10]) });
    expect(second.plan.create).toEqual([]);
    // Overwrite brings the file's own name; the client's status set by hand stays.
    expect(second.plan.update).toEqual([
      { id: 'old', expectedVersion: 8, changes: { name: 'Łódzkie Zakłady Żak Sp. z o.o.' } },
    ]);
    const third = previewImport(bytes, applyPlan(after.clients, [], second.plan).clients, {
      decisions: overwriteAll([2, 3, 4, 10]),
    });
    expect(third.plan).toEqual({ create: [], update: [], people: [] });
  });
});

describe('rejectedRowsReport', () => {
  const preview = previewImport(importFixture('clients-windows-1250.csv'), []);

  it('is a semicolon CSV in UTF-8 with a BOM that reads back to the rejected rows and reasons', () => {
    const bytes = rejectedRowsReport(preview.headers, preview.rows.rejected, 'pl');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe('utf-8');
    const rows = parseCsv(decoded.text, ';');
    expect(rows[0]).toEqual(['Wiersz', ...preview.headers, 'Powody odrzucenia']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['5', '6', '7', '8']);
    expect(rows[1][1]).toBe('Zła Suma Kontrolna');
    expect(rows[1][9]).toContain('niepoprawna cyfra kontrolna NIP');
    expect(rows[4][9]).toContain('wierszu 3');
  });

  it('writes the reasons in English and neutralises formula-looking cells', () => {
    const rejected = [
      { rowNumber: 2, cells: ['=cmd|calc', 'x'], issues: [], reasons: [{ pl: 'zły', en: 'bad' }] },
    ];
    const rows = parseCsv(decodeText(rejectedRowsReport(['A', 'B'], rejected, 'en')).text, ';');
    expect(rows).toEqual([
      ['Row', 'A', 'B', 'Reasons for rejection'],
      ['2', "'=cmd|calc", 'x', 'bad'],
    ]);
  });
});
