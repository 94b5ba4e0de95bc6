/**
 * The store contract: what every adapter of the WorkbookStore port promises. Written once; each
 * adapter runs it with a factory that gives a fresh, empty workbook per test.
 */
import { isRelacjeError, type ErrorCode } from '../../src/core/errors';
import { CURRENT_SCHEMA } from '../../src/core/schema';
import { isReadCancelled, type NewRecord, type TableChanges, type WorkbookStore } from '../../src/store/port';

export interface StoreUnderTest {
  store: WorkbookStore;
  /** Closes the store and opens the same workbook again, when the adapter can. */
  reopen?: () => Promise<WorkbookStore>;
  cleanup: () => Promise<void>;
}

export async function expectRelacjeError(promise: Promise<unknown>, code: ErrorCode): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isRelacjeError(error, code)).toBe(true);
  return error as Error;
}

export async function expectCancelled(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isReadCancelled(error)).toBe(true);
}

/** A client that passes validation; `n` makes the name and the id unique. */
export function clientRecord(n: number, extra: Partial<NewRecord> = {}): NewRecord {
  return {
    id: `client-${n}`,
    name: `Przedsiębiorstwo Łódzkie ${n}`,
    type: 'company',
    status: 'lead',
    ...extra,
  };
}

// Excel would run these as formulas if they were typed in; the store must keep them as text.
export const FORMULA_LIKE_TEXTS = [
  '=1+1',
  '+48 600 100 200',
  '-5',
  '@SUM(A1)',
  '\tzakładka',
  '\rpowrót',
  "'cytat",
  '=HYPERLINK("http://x")',
];

export function runStoreContract(name: string, factory: () => Promise<StoreUnderTest>): void {
  describe(`store contract: ${name}`, () => {
    let subject: StoreUnderTest;
    let store: WorkbookStore;

    beforeEach(async () => {
      subject = await factory();
      store = subject.store;
    });

    afterEach(async () => {
      await subject.cleanup();
    });

    test('readAll returns every table of the schema and the meta', async () => {
      const snapshot = await store.readAll();
      expect(Object.keys(snapshot.tables).sort()).toEqual(CURRENT_SCHEMA.tables.map((t) => t.key).sort());
      for (const rows of Object.values(snapshot.tables)) expect(rows).toEqual([]);
      expect(snapshot.meta.schemaVersion).toBe(CURRENT_SCHEMA.version);
      expect(['pl', 'en']).toContain(snapshot.meta.locale);
      expect(snapshot.meta.offerNumberFormat).toMatch(/\{N+\}/);
    });

    test('appended records come back normalised, with version 1 and timestamps', async () => {
      const [stored] = await store.append('clients', [
        clientRecord(1, { nip: 'PL 526-000-12-46', city: 'Gdańsk', postalCode: '80243', keyAccount: true }),
      ]);
      expect(stored).toMatchObject({
        id: 'client-1',
        nip: '5260001246',
        postalCode: '80-243',
        keyAccount: true,
        version: 1,
      });
      expect(Date.parse(stored.createdAt)).not.toBeNaN();
      expect(stored.updatedAt).toBe(stored.createdAt);
      const { tables } = await store.readAll();
      expect(tables.clients).toEqual([stored]);
    });

    test('records of several tables round-trip with Polish letters, money, dates and enums', async () => {
      await store.append('clients', [clientRecord(1)]);
      await store.append('opportunities', [
        {
          id: 'opp-1',
          clientId: 'client-1',
          name: 'Modernizacja hali — żółta strefa',
          pipeline: 'Sprzedaż B2B',
          stage: 'Negocjacje',
          value: '12 345,67 zł',
          probability: 60,
          expectedClose: '31.12.2026',
          status: 'Otwarta',
        },
      ]);
      await store.append('tasks', [
        {
          id: 'task-1',
          title: 'Zadzwonić do pani Łucji',
          priority: 'high',
          status: 'todo',
          dueDate: '2026-11-30',
          clientId: 'client-1',
        },
      ]);
      const { tables } = await store.readAll();
      expect(tables.opportunities[0]).toMatchObject({
        name: 'Modernizacja hali — żółta strefa',
        value: 1234567,
        expectedClose: '2026-12-31',
        status: 'open',
        probability: 60,
      });
      expect(tables.tasks[0]).toMatchObject({
        title: 'Zadzwonić do pani Łucji',
        priority: 'high',
        dueDate: '2026-11-30',
      });
    });

    test('an invalid record is refused with the field named, and nothing of the call is written', async () => {
      const error = await expectRelacjeError(
        store.append('clients', [clientRecord(1), clientRecord(2, { nip: '1234567890' })]),
        'invalidRecord',
      );
      expect(error.message).toContain('NIP');
      expect(error.message).toContain('1234567890');
      expect((await store.readAll()).tables.clients).toEqual([]);
    });

    test('appending the same record again is a retry: no second row', async () => {
      const first = await store.append('clients', [clientRecord(1)]);
      const again = await store.append('clients', [clientRecord(1)]);
      expect(again).toEqual(first);
      expect((await store.readAll()).tables.clients).toHaveLength(1);
    });

    test('an id already used by a different record is a duplicateId error', async () => {
      await store.append('clients', [clientRecord(1)]);
      await expectRelacjeError(
        store.append('clients', [clientRecord(1, { name: 'Inna firma' })]),
        'duplicateId',
      );
      expect((await store.readAll()).tables.clients[0].name).toBe(clientRecord(1).name);
    });

    test('update with the version read applies and increments the version', async () => {
      const [stored] = await store.append('clients', [clientRecord(1)]);
      const [updated] = await store.update('clients', [
        { id: stored.id, expectedVersion: 1, changes: { status: 'active', city: 'Kraków' } },
      ]);
      expect(updated).toMatchObject({
        status: 'active',
        city: 'Kraków',
        version: 2,
        createdAt: stored.createdAt,
      });
      expect((await store.readAll()).tables.clients).toEqual([updated]);
    });

    test('update with a stale version is a conflict naming the row, and changes nothing', async () => {
      await store.append('clients', [clientRecord(1)]);
      await store.update('clients', [{ id: 'client-1', expectedVersion: 1, changes: { city: 'Poznań' } }]);
      const error = await expectRelacjeError(
        store.update('clients', [{ id: 'client-1', expectedVersion: 1, changes: { city: 'Wrocław' } }]),
        'conflict',
      );
      expect(error.message).toContain('client-1');
      const [row] = (await store.readAll()).tables.clients;
      expect(row).toMatchObject({ city: 'Poznań', version: 2 });
    });

    test('a multi-record update with one conflict applies none', async () => {
      await store.append('clients', [clientRecord(1), clientRecord(2)]);
      await expectRelacjeError(
        store.update('clients', [
          { id: 'client-1', expectedVersion: 1, changes: { city: 'Lublin' } },
          { id: 'client-2', expectedVersion: 7, changes: { city: 'Lublin' } },
        ]),
        'conflict',
      );
      const rows = (await store.readAll()).tables.clients;
      expect(rows.map((r) => [r.city, r.version])).toEqual([
        [null, 1],
        [null, 1],
      ]);
    });

    test('update cannot clear a required field or touch the tracking fields', async () => {
      await store.append('clients', [clientRecord(1)]);
      await expectRelacjeError(
        store.update('clients', [{ id: 'client-1', expectedVersion: 1, changes: { name: '' } }]),
        'invalidRecord',
      );
      await expectRelacjeError(
        store.update('clients', [{ id: 'client-1', expectedVersion: 1, changes: { version: 9 } }]),
        'invalidRecord',
      );
      expect((await store.readAll()).tables.clients[0]).toMatchObject({
        name: clientRecord(1).name,
        version: 1,
      });
    });

    test('remove checks the version; a missing record is recordNotFound', async () => {
      await store.append('clients', [clientRecord(1), clientRecord(2)]);
      await expectRelacjeError(store.remove('clients', [{ id: 'client-1', expectedVersion: 3 }]), 'conflict');
      await store.remove('clients', [{ id: 'client-1', expectedVersion: 1 }]);
      expect((await store.readAll()).tables.clients.map((r) => r.id)).toEqual(['client-2']);
      await expectRelacjeError(
        store.remove('clients', [{ id: 'client-1', expectedVersion: 1 }]),
        'recordNotFound',
      );
      await expectRelacjeError(
        store.update('clients', [{ id: 'nobody', expectedVersion: 1, changes: { city: 'Opole' } }]),
        'recordNotFound',
      );
    });

    test('nextCounter is monotonic per name', async () => {
      expect(await store.nextCounter('offers-2026')).toBe(1);
      expect(await store.nextCounter('offers-2026')).toBe(2);
      expect(await store.nextCounter('offers-2027')).toBe(1);
      expect(await store.nextCounter('offers-2026')).toBe(3);
      expect((await store.readAll()).meta.counters).toMatchObject({ 'offers-2026': 3, 'offers-2027': 1 });
    });

    test('formula-like text is stored as text and read back exactly', async () => {
      const records = FORMULA_LIKE_TEXTS.map((text, i) => clientRecord(i, { name: text, notes: text }));
      await store.append('clients', records);
      const rows = (await store.readAll()).tables.clients;
      expect(rows.map((r) => [r.name, r.notes])).toEqual(FORMULA_LIKE_TEXTS.map((t) => [t, t]));
    });

    test('writeDashboard is accepted and does not disturb the tables', async () => {
      await store.append('clients', [clientRecord(1)]);
      await store.writeDashboard([
        { ref: 'A1', value: 'Oferty zaakceptowane / przygotowane' },
        { ref: 'B1', formula: 'COUNTIFS(tOffers[Status],"Zaakceptowana")' },
      ]);
      expect((await store.readAll()).tables.clients).toHaveLength(1);
    });

    test('a cancelled readAll rejects with ReadCancelled, changes nothing, and the store reads on', async () => {
      await store.append('clients', [clientRecord(1), clientRecord(2)]);
      const before = await store.readAll();
      const cancelledBefore = new AbortController();
      cancelledBefore.abort();
      await expectCancelled(store.readAll({ signal: cancelledBefore.signal }));
      // Cancelled while the read goes on: at its first progress, before it could finish.
      const cancelledDuring = new AbortController();
      const progress: number[] = [];
      await expectCancelled(
        store.readAll({
          signal: cancelledDuring.signal,
          onProgress: (done) => {
            progress.push(done);
            cancelledDuring.abort();
          },
        }),
      );
      expect(progress.length).toBeGreaterThan(0);
      expect(await store.readAll()).toEqual(before);
      await store.append('clients', [clientRecord(3)]);
      expect((await store.readAll()).tables.clients.map((c) => c.id)).toEqual([
        'client-1',
        'client-2',
        'client-3',
      ]);
    });

    test('readAll tells its progress: the same total, done never decreasing, ending at the total', async () => {
      await store.append(
        'clients',
        Array.from({ length: 25 }, (_, i) => clientRecord(i + 1)),
      );
      await store.append('people', [
        { id: 'person-1', clientId: 'client-1', firstName: 'Anna', lastName: 'Nowak' },
      ]);
      const calls: [number, number][] = [];
      const snapshot = await store.readAll({ onProgress: (done, total) => calls.push([done, total]) });
      expect(snapshot.tables.clients).toHaveLength(25);
      expect(calls.length).toBeGreaterThan(0);
      const total = calls[0][1];
      expect(total).toBeGreaterThanOrEqual(26);
      for (const [i, [done, callTotal]] of calls.entries()) {
        expect(callTotal).toBe(total);
        expect(done).toBeLessThanOrEqual(total);
        if (i > 0) expect(done).toBeGreaterThanOrEqual(calls[i - 1][0]);
      }
      expect(calls[calls.length - 1]).toEqual([total, total]);
    });

    const auditRecord = (n: number, recordId: string) => ({
      id: `audit-${n}`,
      at: '2026-11-20T09:30:00.000Z',
      user: 'Anna Wiśniewska',
      action: 'create',
      table: 'clients',
      recordId,
    });

    test('a batch over several tables lands whole, and survives closing and opening again', async () => {
      await store.append('clients', [clientRecord(1), clientRecord(2)]);
      const results = await store.write([
        {
          table: 'clients',
          append: [clientRecord(3, { notes: '=1+1' })],
          update: [{ id: 'client-1', expectedVersion: 1, changes: { city: 'Kraków' } }],
          remove: [{ id: 'client-2', expectedVersion: 1 }],
        },
        { table: 'audit', append: [auditRecord(1, 'client-3'), auditRecord(2, 'client-1')] },
      ]);
      expect(
        results.map((r) => [r.table, r.appended.map((a) => a.id), r.updated.map((u) => u.version)]),
      ).toEqual([
        ['clients', ['client-3'], [2]],
        ['audit', ['audit-1', 'audit-2'], []],
      ]);
      expect(results[0].updated[0]).toMatchObject({
        id: 'client-1',
        city: 'Kraków',
        name: clientRecord(1).name,
      });
      const after = await store.readAll();
      expect(after.tables.clients.map((c) => [c.id, c.city, c.version])).toEqual([
        ['client-1', 'Kraków', 2],
        ['client-3', null, 1],
      ]);
      expect(after.tables.clients[1].notes).toBe('=1+1');
      expect(after.tables.audit.map((a) => a.recordId)).toEqual(['client-3', 'client-1']);
      if (!subject.reopen) return;
      store = await subject.reopen();
      expect((await store.readAll()).tables).toEqual(after.tables);
    });

    /** The first table's part of the batches refused below: a new client and an update. */
    const clientChanges: TableChanges = {
      table: 'clients',
      append: [clientRecord(2)],
      update: [{ id: 'client-1', expectedVersion: 1, changes: { city: 'Opole' } }],
    };

    test.each<[string, TableChanges, ErrorCode]>([
      [
        'an invalid record',
        { table: 'people', append: [{ id: 'person-2', clientId: 'client-1', firstName: 'Jan' }] },
        'invalidRecord',
      ],
      [
        'a conflicting version',
        { table: 'people', update: [{ id: 'person-1', expectedVersion: 4, changes: { role: 'Prezes' } }] },
        'conflict',
      ],
    ])('%s in the last table of a batch leaves nothing of it', async (_, last, code) => {
      await store.append('clients', [clientRecord(1)]);
      await store.append('people', [
        { id: 'person-1', clientId: 'client-1', firstName: 'Anna', lastName: 'Nowak' },
      ]);
      const before = await store.readAll();
      await expectRelacjeError(
        store.write([clientChanges, { table: 'audit', append: [auditRecord(1, 'client-2')] }, last]),
        code,
      );
      expect((await store.readAll()).tables).toEqual(before.tables);
    });

    test('a batch sent again duplicates nothing', async () => {
      const batch: TableChanges[] = [
        { table: 'clients', append: [clientRecord(1), clientRecord(2)] },
        { table: 'audit', append: [auditRecord(1, 'client-1'), auditRecord(2, 'client-2')] },
      ];
      const first = await store.write(batch);
      const again = await store.write(batch);
      expect(again).toEqual(first);
      const { tables } = await store.readAll();
      expect(tables.clients.map((c) => c.id)).toEqual(['client-1', 'client-2']);
      expect(tables.audit.map((a) => a.id)).toEqual(['audit-1', 'audit-2']);
    });

    test('everything survives closing and opening the workbook again', async () => {
      if (!subject.reopen) return expect(subject.reopen).toBeUndefined();
      await store.append('clients', [
        clientRecord(1, { nip: '5260001246' }),
        clientRecord(2, { notes: '=2+2' }),
      ]);
      await store.update('clients', [{ id: 'client-1', expectedVersion: 1, changes: { status: 'active' } }]);
      await store.remove('clients', [{ id: 'client-2', expectedVersion: 1 }]);
      await store.nextCounter('offers');
      const before = await store.readAll();
      store = await subject.reopen();
      const after = await store.readAll();
      expect(after.tables).toEqual(before.tables);
      expect(after.meta.counters).toEqual(before.meta.counters);
    });
  });
}
