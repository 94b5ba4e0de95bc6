import fc from 'fast-check';
import { unprotectText } from '../../../src/core/cell-safety';
import {
  buildImportRows,
  decodeSingleByte,
  encodeSingleByte,
  indexClients,
  matchClients,
  parseCsv,
  planImport,
  writeCsv,
  type ColumnMapping,
  type ExistingClient,
  type ImportPlan,
} from '../../../src/core/import';
import { PROPERTY_SEED } from '../arbitraries';

const RUNS = { seed: PROPERTY_SEED, numRuns: 300 };

describe('CSV and encodings', () => {
  const cell = fc.string({
    unit: fc.constantFrom('a', 'Ż', 'ś', ';', ',', '"', '\r', '\n', ' ', '=', '-', "'", '\t'),
  });

  it('writeCsv then parseCsv gives back every row, once formula protection is taken off', () => {
    const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(rows, (table) => {
        const read = parseCsv(writeCsv(table), ';').map((row) => row.map(unprotectText));
        expect(read).toEqual(table);
      }),
      RUNS,
    );
  });

  it.each(['windows-1250', 'iso-8859-2'] as const)(
    'encodes and decodes Polish text in %s unchanged',
    (encoding) => {
      const text = fc.string({
        unit: fc.constantFrom(...'aąbcćeęlłnńoósśzźżAĄCĆEĘLŁNŃOÓSŚZŹŻ ;,0'.split('')),
      });
      fc.assert(
        fc.property(text, (t) => {
          expect(decodeSingleByte(encodeSingleByte(t, encoding), encoding)).toBe(t);
        }),
        RUNS,
      );
    },
  );
});

/** A store's view after writing the plan: new clients get ids, updated ones a new version. */
function applyPlan(clients: readonly ExistingClient[], plan: ImportPlan): ExistingClient[] {
  const byId = new Map(clients.map((c) => [c.id, { ...c }]));
  for (const { id, expectedVersion, changes } of plan.update) {
    const client = byId.get(id);
    expect(client?.version).toBe(expectedVersion);
    Object.assign(client!, changes, { version: expectedVersion + 1 });
  }
  return [...byId.values(), ...plan.create.map((fields, i) => ({ ...fields, id: `new-${i}`, version: 1 }))];
}

describe('an import run twice', () => {
  // Small pools, so that rows share NIPs, e-mails and names with each other and with the base.
  const NIPS = ['5260001246', '7251000685', '7251001644', '7251002603'];
  const names = fc.constantFrom('Żak', 'ŻAK sp. z o.o.', 'Budimex', 'Alfa S.A.', 'alfa', 'Beta');
  const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: '' });
  const row = fc.tuple(
    names,
    optional(fc.constantFrom(...NIPS)),
    optional(fc.constantFrom('a@x.pl', 'A@X.pl', 'b@y.pl')),
    optional(fc.constantFrom('Łódź', 'Gdańsk', 'Kraków')),
    optional(fc.constantFrom('Aktywny', 'Potencjalny')),
  );
  const MAPPING: ColumnMapping = [
    'clients.name',
    'clients.nip',
    'clients.email',
    'clients.city',
    'clients.status',
  ];
  const baseClient = fc.record({
    name: names,
    nip: fc.option(fc.constantFrom(...NIPS), { nil: null }),
    email: fc.option(fc.constantFrom('a@x.pl', 'b@y.pl', 'c@z.pl'), { nil: null }),
    city: fc.option(fc.constantFrom('Łódź', 'Poznań'), { nil: null }),
  });

  it('plans nothing the second time with the choices the wizard offers first, whatever the file and the base', () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 12 }),
        fc.array(baseClient, { maxLength: 6 }),
        (data, baseFields) => {
          const base = baseFields.map((fields, i) => ({
            ...fields,
            id: `c-${i}`,
            version: 1,
            type: 'company',
            status: 'active',
          }));
          const { valid } = buildImportRows(data, MAPPING);
          const first = planImport(valid, matchClients(valid, indexClients(base)));
          const after = applyPlan(base, first);
          const second = planImport(valid, matchClients(valid, indexClients(after)));
          expect(second).toEqual({ create: [], update: [], people: [] });
        },
      ),
      RUNS,
    );
  });
});
