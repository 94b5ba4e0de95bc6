import fc from 'fast-check';
import type { StoredRow } from '../../../src/core/clients/client-rows';
import {
  buildClientSearchIndex,
  filterOptions,
  queryWords,
  searchClients,
  type ClientQuery,
  type ClientSort,
} from '../../../src/core/clients/client-search';
import { foldText } from '../../../src/core/clients/text-fold';
import { PROPERTY_SEED } from '../arbitraries';

let n = 0;
function client(fields: Partial<StoredRow>): StoredRow {
  n += 1;
  return { id: `c-${n}`, version: 1, name: `Klient ${n}`, type: 'company', status: 'lead', ...fields };
}

const byName: ClientSort = { field: 'name', direction: 'asc' };
const names = (rows: readonly StoredRow[]) => rows.map((r) => r.name);

describe('client search', () => {
  const base = [
    client({
      name: 'Łódzkie Zakłady Kowalskie sp. z o.o.',
      city: 'Łódź',
      nip: '5260001246',
      email: 'biuro@lzk.pl',
    }),
    client({
      name: 'Kowalski Jan',
      city: 'Kraków',
      email: 'jan.kowalski@wp.pl',
      status: 'active',
      owner: 'Anna',
    }),
    client({
      name: 'Żuraw Budownictwo S.A.',
      city: 'Gdańsk',
      nip: '7740001454',
      status: 'active',
      owner: 'Paweł',
    }),
    client({ name: 'Ćma Serwis', city: 'Poznań', segment: 'VIP', industry: 'IT' }),
    client({ name: 'Cyna Handel', city: 'Łomża', abcClass: 'A', source: 'fair' }),
  ];
  const index = buildClientSearchIndex(base);

  test('ignores case and Polish diacritics on both sides', () => {
    expect(names(searchClients(index, { text: 'lodz' }, byName))).toEqual([
      'Łódzkie Zakłady Kowalskie sp. z o.o.',
    ]);
    expect(names(searchClients(index, { text: 'ŁÓDŹ' }, byName))).toEqual([
      'Łódzkie Zakłady Kowalskie sp. z o.o.',
    ]);
    expect(names(searchClients(index, { text: 'zuraw' }, byName))).toEqual(['Żuraw Budownictwo S.A.']);
    expect(names(searchClients(index, { text: 'ćma' }, byName))).toEqual(['Ćma Serwis']);
  });

  test('every word must match, in any field', () => {
    expect(names(searchClients(index, { text: 'kowal' }, byName))).toEqual([
      'Kowalski Jan',
      'Łódzkie Zakłady Kowalskie sp. z o.o.',
    ]);
    expect(names(searchClients(index, { text: 'kowal krak' }, byName))).toEqual(['Kowalski Jan']);
    expect(names(searchClients(index, { text: 'kowal gdansk' }, byName))).toEqual([]);
    expect(names(searchClients(index, { text: '  lzk.pl  ' }, byName))).toEqual([
      'Łódzkie Zakłady Kowalskie sp. z o.o.',
    ]);
  });

  test('a NIP matches typed compact, with dashes, with spaces, with PL, or by its beginning', () => {
    for (const text of [
      '5260001246',
      '526-000-12-46',
      '526 000 12 46',
      'PL 526-000-12-46',
      '526-00',
      '52600',
    ]) {
      expect(names(searchClients(index, { text }, byName))).toEqual(['Łódzkie Zakłady Kowalskie sp. z o.o.']);
    }
    expect(queryWords('774-000')).toEqual(['774000']);
  });

  test('filters narrow by exact value, together with the text', () => {
    expect(names(searchClients(index, { text: '', status: 'active' }, byName))).toEqual([
      'Kowalski Jan',
      'Żuraw Budownictwo S.A.',
    ]);
    expect(names(searchClients(index, { text: 'kow', status: 'active', owner: 'Anna' }, byName))).toEqual([
      'Kowalski Jan',
    ]);
    expect(names(searchClients(index, { text: '', segment: 'VIP', industry: 'IT' }, byName))).toEqual([
      'Ćma Serwis',
    ]);
    expect(names(searchClients(index, { text: '', abcClass: 'A', source: 'fair' }, byName))).toEqual([
      'Cyna Handel',
    ]);
    expect(searchClients(index, { text: '', status: 'inactive' }, byName)).toEqual([]);
  });

  test('names sort in Polish order; the other direction reverses it', () => {
    const ascending = names(searchClients(index, { text: '' }, byName));
    expect(ascending).toEqual([
      'Cyna Handel',
      'Ćma Serwis',
      'Kowalski Jan',
      'Łódzkie Zakłady Kowalskie sp. z o.o.',
      'Żuraw Budownictwo S.A.',
    ]);
    expect(names(searchClients(index, { text: '' }, { field: 'name', direction: 'desc' }))).toEqual(
      [...ascending].reverse(),
    );
  });

  test('clients without the sort value come last in both directions, equal values keep workbook order', () => {
    const rows = [
      client({ name: 'B', owner: 'Zenon' }),
      client({ name: 'A', owner: null }),
      client({ name: 'C', owner: 'Adam' }),
      client({ name: 'D', owner: 'Zenon' }),
      client({ name: 'E', owner: 'Adam' }),
    ];
    const own = buildClientSearchIndex(rows);
    expect(names(searchClients(own, { text: '' }, { field: 'owner', direction: 'asc' }))).toEqual([
      'C',
      'E',
      'B',
      'D',
      'A',
    ]);
    expect(names(searchClients(own, { text: '' }, { field: 'owner', direction: 'desc' }))).toEqual([
      'B',
      'D',
      'C',
      'E',
      'A',
    ]);
  });

  test('timestamps sort by time', () => {
    const rows = [
      client({ name: 'Later', createdAt: '2026-05-02T10:00:00.000Z' }),
      client({ name: 'Earlier', createdAt: '2025-12-31T23:59:59.000Z' }),
    ];
    const own = buildClientSearchIndex(rows);
    expect(names(searchClients(own, { text: '' }, { field: 'createdAt', direction: 'asc' }))).toEqual([
      'Earlier',
      'Later',
    ]);
  });

  test('filter options are the distinct values in Polish order', () => {
    expect(filterOptions(base)).toEqual({ owners: ['Anna', 'Paweł'], industries: ['IT'], segments: ['VIP'] });
    expect(
      filterOptions([
        client({ owner: 'Łucja' }),
        client({ owner: 'Lena' }),
        client({ owner: 'Mirek' }),
        client({ owner: 'Lena' }),
      ]).owners,
    ).toEqual(['Lena', 'Łucja', 'Mirek']);
  });

  test('searching repeatedly over one index gives what a plain filter and a stable sort give', () => {
    const word = fc.constantFrom('kow', 'ło', 'lo', 'sp', 'a', 'zz', '526', 'dź', 'poz', 'k k');
    const row = fc.record({
      name: fc.constantFrom('Kowal', 'Łoś', 'Losowa sp. z o.o.', 'Akme', 'Dźwig', 'Kłos', 'kowalik'),
      city: fc.constantFrom('Poznań', 'Łódź', 'Kraków', null),
      nip: fc.constantFrom('5260001246', null),
      status: fc.constantFrom('lead', 'active'),
    });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 30 }),
        fc.array(word, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (rows, texts, onlyActive) => {
          const clients = rows.map((r, i) => ({ id: `r${i}`, version: 1, type: 'company', ...r }));
          const own = buildClientSearchIndex(clients);
          for (const text of texts) {
            const query: ClientQuery = { text, ...(onlyActive ? { status: 'active' } : {}) };
            const expected = clients
              .filter((c) => !onlyActive || c.status === 'active')
              .filter((c) =>
                queryWords(text).every((w) =>
                  [c.name, c.nip ?? '', c.city ?? ''].some((f) => foldText(f).includes(w)),
                ),
              )
              .sort((a, b) => a.name.localeCompare(b.name, 'pl', { sensitivity: 'base', numeric: true }));
            expect(searchClients(own, query, byName).map((c) => c.id)).toEqual(expected.map((c) => c.id));
          }
        },
      ),
      { seed: PROPERTY_SEED, numRuns: 200 },
    );
  });

  test('an index built from the previous one sorts exactly as one built afresh', () => {
    const sorts: ClientSort[] = [
      byName,
      { field: 'name', direction: 'desc' },
      { field: 'owner', direction: 'asc' },
      { field: 'createdAt', direction: 'desc' },
    ];
    const value = fc.constantFrom('Kowal', 'Łoś', 'Losowa', 'Akme', null, 'Ćma');
    const row = fc.record({ name: fc.constantFrom('Kowal', 'Łoś', 'Losowa', 'Akme', 'Ćma'), owner: value });
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('change' as const), at: fc.nat(), row }),
      fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('add' as const), row }),
      fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 25 }), fc.array(edit, { maxLength: 6 }), (rows, edits) => {
        let seq = 0;
        const make = (r: { name: string; owner: string | null }) => ({
          id: `r${++seq}`,
          version: 1,
          createdAt: `2026-01-0${(seq % 9) + 1}T00:00:00.000Z`,
          ...r,
        });
        const before: StoredRow[] = rows.map(make);
        const first = buildClientSearchIndex(before);
        for (const sort of sorts) searchClients(first, { text: '' }, sort);
        const after = [...before];
        for (const e of edits) {
          if (e.kind === 'add') after.push(make(e.row));
          else if (after.length === 0) continue;
          else if (e.kind === 'change')
            after[e.at % after.length] = { ...after[e.at % after.length], ...e.row };
          else if (e.kind === 'remove') after.splice(e.at % after.length, 1);
          else after.push(...after.splice(e.at % after.length, 1));
        }
        const carried = buildClientSearchIndex(after, first);
        const fresh = buildClientSearchIndex(after, null);
        // By default the index built last is carried over.
        const implicit = buildClientSearchIndex(after);
        for (const sort of sorts) {
          const ids = (index: typeof fresh) => searchClients(index, { text: '' }, sort).map((c) => c.id);
          expect(ids(carried)).toEqual(ids(fresh));
          expect(ids(implicit)).toEqual(ids(fresh));
        }
      }),
      { seed: PROPERTY_SEED, numRuns: 300 },
    );
  });
});
