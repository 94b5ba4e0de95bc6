import {
  buildImportRows,
  changedFields,
  indexClients,
  matchClients,
  planImport,
  type ColumnMapping,
  type ExistingClient,
  type ImportDecision,
} from '../../../src/core/import';

const MAPPING: ColumnMapping = [
  'clients.name',
  'clients.nip',
  'clients.email',
  'clients.city',
  'clients.phone',
];
const rowsOf = (...data: string[][]) => buildImportRows(data, MAPPING).valid;

const existing = (id: string, fields: Record<string, string | null>): ExistingClient => ({
  id,
  version: 3,
  type: 'company',
  status: 'active',
  source: 'fair',
  ...fields,
});

const BASE: ExistingClient[] = [
  existing('c-nip', { name: 'Budimex Północ Sp. z o.o.', nip: '7251000685', email: null, city: null }),
  existing('c-mail', { name: 'Inna Nazwa', nip: null, email: 'Biuro@Zak.pl', city: 'Łódź' }),
  existing('c-name', { name: 'P.H.U. Żabka-Łąka s.c.', nip: null, email: null, city: 'Poznań' }),
  existing('c-other-nip', {
    name: 'Konflikt S.A.',
    nip: '7251001644',
    email: 'wspolny@biuro.pl',
    city: null,
  }),
];
const INDEX = indexClients(BASE);

describe('matching by name', () => {
  const matchedByName = (rowName: string, baseName: string) =>
    matchClients(rowsOf([rowName, '', '', '', '']), indexClients([existing('c', { name: baseName })])).get(2)
      ?.by;

  it.each([
    ['BUDIMEX POLNOC', 'Budimex Północ Sp. z o.o.'],
    ['Budimex Północ spółka z ograniczoną odpowiedzialnością', 'Budimex Północ sp. z o.o.'],
    ['Stocznia', '„Stocznia” S.A.'],
    ['kowalski i syn', 'Kowalski i Syn sp.j.'],
    ['zabka', 'Żabka s.c.'],
    ['PHU Nowak', 'P.H.U. Nowak'],
    ['nowak', 'Nowak Sp. z o.o. sp.k.'],
  ])('matches a row named %s to the client %s', (rowName, baseName) => {
    expect(matchedByName(rowName, baseName)).toBe('name');
  });

  it('tells different firms apart', () => {
    expect(matchedByName('Budimex Południe', 'Budimex Północ')).toBeUndefined();
  });
});

describe('matchClients', () => {
  it('matches by compact NIP first', () => {
    const matches = matchClients(rowsOf(['Zupełnie inna nazwa', 'PL 725-100-06-85', '', '', '']), INDEX);
    expect(matches.get(2)).toMatchObject({ by: 'nip', client: { id: 'c-nip' }, alsoMatching: 0 });
  });

  it('then by e-mail, ignoring case', () => {
    const matches = matchClients(rowsOf(['Żak', '', 'BIURO@zak.PL', '', '']), INDEX);
    expect(matches.get(2)).toMatchObject({ by: 'email', client: { id: 'c-mail' } });
  });

  it('then by name without case, diacritics, punctuation and legal form', () => {
    const matches = matchClients(rowsOf(['PHU Zabka Laka', '', '', '', '']), INDEX);
    expect(matches.get(2)).toMatchObject({ by: 'name', client: { id: 'c-name' } });
  });

  it('does not match a client whose NIP differs from the row’s', () => {
    const matches = matchClients(rowsOf(['Konflikt', '7251002603', 'wspolny@biuro.pl', '', '']), INDEX);
    expect(matches.has(2)).toBe(false);
  });

  it('leaves a new firm unmatched', () => {
    expect(matchClients(rowsOf(['Nowa Firma', '7251004795', 'a@b.pl', '', '']), INDEX).size).toBe(0);
  });

  it('says how many other clients share the key', () => {
    const twins = indexClients([existing('a', { name: 'Żak' }), existing('b', { name: 'ŻAK sp. z o.o.' })]);
    expect(matchClients(rowsOf(['Zak', '', '', '', '']), twins).get(2)).toMatchObject({
      client: { id: 'a' },
      alsoMatching: 1,
    });
  });
});

describe('planImport', () => {
  const row = rowsOf(['Budimex', '7251000685', 'nowy@budimex.pl', 'Gdańsk', '600100200']);
  const matches = matchClients(row, INDEX);
  const plan = (decision: ImportDecision) => planImport(row, matches, new Map([[2, decision]]));

  it('by default fills only the empty fields of the matched client, defaults left out', () => {
    expect(planImport(row, matches)).toEqual({
      create: [],
      update: [
        {
          id: 'c-nip',
          expectedVersion: 3,
          changes: { email: 'nowy@budimex.pl', city: 'Gdańsk', phone: '+48 600 100 200' },
        },
      ],
      people: [],
    });
  });

  it('overwrites non-empty fields in overwrite mode, but not with import defaults', () => {
    const { update } = plan({ action: 'update', mode: 'overwrite' });
    expect(update[0].changes).toEqual({
      name: 'Budimex',
      email: 'nowy@budimex.pl',
      city: 'Gdańsk',
      phone: '+48 600 100 200',
    });
  });

  it('skips a row', () => {
    expect(plan({ action: 'skip' })).toEqual({ create: [], update: [], people: [] });
  });

  it('adds a matched row as a new client when told to', () => {
    const { create, update } = plan({ action: 'addNew' });
    expect(update).toEqual([]);
    expect(create).toEqual([row[0].client]);
    expect(create[0]).toMatchObject({ status: 'lead', source: 'import', type: 'company' });
  });

  it('creates a row without a match', () => {
    const fresh = rowsOf(['Nowa', '', '', 'Kraków', '']);
    expect(planImport(fresh, matchClients(fresh, INDEX)).create).toEqual([fresh[0].client]);
  });

  it('makes one update of several rows for one client, the first filling an empty field', () => {
    const two = rowsOf(
      ['Budimex', '7251000685', '', 'Gdańsk', ''],
      ['Budimex Północ', '', 'x@budimex.pl', 'Sopot', ''],
    );
    const { update } = planImport(two, matchClients(two, INDEX));
    expect(update).toEqual([
      { id: 'c-nip', expectedVersion: 3, changes: { city: 'Gdańsk', email: 'x@budimex.pl' } },
    ]);
  });

  it('plans nothing for a row that changes nothing', () => {
    const same = rowsOf(['Inna Nazwa', '', 'biuro@zak.pl', 'Łódź', '']);
    const matched = matchClients(same, INDEX);
    expect(planImport(same, matched, new Map([[2, { action: 'update', mode: 'overwrite' }]]))).toEqual({
      create: [],
      update: [],
      people: [],
    });
  });

  it('adds a contact person once, to a new or a matched client', () => {
    const withPeople = buildImportRows(
      [
        ['Budimex', '7251000685', 'Anna', 'Nowak'],
        ['Budimex', '7251000685', 'Anna', 'Nowak'],
        ['Nowa Firma', '', 'Jan', 'Wiśniewski'],
      ],
      ['clients.name', 'clients.nip', 'people.firstName', 'people.lastName'],
    ).valid;
    const peoplePlan = planImport(withPeople, matchClients(withPeople, INDEX)).people;
    expect(peoplePlan).toEqual([
      { client: { existingId: 'c-nip' }, fields: { firstName: 'Anna', lastName: 'Nowak' }, rowNumber: 2 },
      { client: { createIndex: 0 }, fields: { firstName: 'Jan', lastName: 'Wiśniewski' }, rowNumber: 4 },
    ]);
    const again = planImport(withPeople.slice(0, 1), matchClients(withPeople, INDEX), new Map(), {
      existingPeople: [{ id: 'p-1', clientId: 'c-nip', firstName: 'ANNA', lastName: 'nowak' }],
    });
    expect(again.people).toEqual([]);
  });

  it('knows a person already at the client by e-mail, whatever the name is spelt like now', () => {
    const withPeople = buildImportRows(
      [
        ['Budimex Północ', 'Anna', 'Nowak-Lis', 'A.Nowak@Budimex.pl'],
        ['Budimex Północ', 'Piotr', 'Lis', 'piotr@budimex.pl'],
        ['Budimex Północ', 'P.', 'Lis', 'PIOTR@budimex.pl'],
      ],
      ['clients.name', 'people.firstName', 'people.lastName', 'people.email'],
    ).valid;
    const plan = planImport(withPeople, matchClients(withPeople, INDEX), new Map(), {
      existingPeople: [
        { id: 'p-1', clientId: 'c-nip', firstName: 'Anna', lastName: 'Nowak', email: 'a.nowak@budimex.pl' },
        // The same e-mail at another client is another person's record.
        { id: 'p-2', clientId: 'c-mail', firstName: 'Piotr', lastName: 'Lis', email: 'piotr@budimex.pl' },
      ],
    });
    expect(plan.people.map((p) => [p.client, p.fields.firstName, p.rowNumber])).toEqual([
      [{ existingId: 'c-nip' }, 'Piotr', 3],
    ]);
  });
});

describe('rows of one file for the same new firm', () => {
  const PEOPLE: ColumnMapping = ['clients.name', 'clients.email', 'people.firstName', 'people.lastName'];

  it('make one client with a contact person per row, as an Outlook export of two colleagues does', () => {
    const rows = buildImportRows(
      [
        ['Budimex Północ Sp. z o.o.', 'anna@budimex.pl', 'Anna', 'Nowak'],
        ['Budimex Północ', 'piotr@budimex.pl', 'Piotr', 'Lis'],
      ],
      PEOPLE,
    ).valid;
    const plan = planImport(rows, matchClients(rows, indexClients([])));
    expect(plan.create).toEqual([
      expect.objectContaining({ name: 'Budimex Północ Sp. z o.o.', email: 'anna@budimex.pl' }),
    ]);
    expect(plan.people.map((p) => [p.client, p.fields.firstName])).toEqual([
      [{ createIndex: 0 }, 'Anna'],
      [{ createIndex: 0 }, 'Piotr'],
    ]);
  });

  it('let a later row fill the gaps and replace defaults, never values given earlier', () => {
    const rows = buildImportRows(
      [
        ['Żak', '', 'Łódź', ''],
        ['ŻAK', 'biuro@zak.pl', 'Kraków', 'Aktywny'],
      ],
      ['clients.name', 'clients.email', 'clients.city', 'clients.status'],
    ).valid;
    expect(planImport(rows, matchClients(rows, indexClients([]))).create).toEqual([
      {
        name: 'Żak',
        city: 'Łódź',
        email: 'biuro@zak.pl',
        status: 'active',
        type: 'company',
        source: 'import',
      },
    ]);
  });

  it('are told apart by different NIPs, also once a client without a NIP took the first', () => {
    const rows = rowsOf(['Żak', '7251000685', '', '', ''], ['Żak', '7251001644', '', '', '']);
    const base = [existing('z', { name: 'Żak', nip: null })];
    const matches = matchClients(rows, indexClients(base));
    expect([...matches.keys()]).toEqual([2]);
    const plan = planImport(rows, matches);
    expect(plan.update).toEqual([{ id: 'z', expectedVersion: 3, changes: { nip: '7251000685' } }]);
    expect(plan.create.map((c) => c.nip)).toEqual(['7251001644']);
  });
});

describe('changedFields', () => {
  const row = { client: { name: 'A', city: 'Łódź', status: 'lead' }, defaulted: ['status'] };

  it('fills empty fields only', () => {
    expect(changedFields({ name: 'B', city: '' }, row, 'fill')).toEqual({ city: 'Łódź' });
  });

  it('overwrites what differs, but never with a default', () => {
    expect(changedFields({ name: 'B', city: 'Łódź', status: 'active' }, row, 'overwrite')).toEqual({
      name: 'A',
    });
  });
});
