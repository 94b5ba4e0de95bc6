/**
 * The CRM service's tests, written once and run over each real store adapter. Store calls are
 * counted by a wrapper around the adapter, so the round trips of every action are asserted.
 */
import { RelacjeError, isRelacjeError } from '../../src/core/errors';
import {
  previewImport,
  type ColumnMapping,
  type ExistingClient,
  type ExistingPerson,
} from '../../src/core/import';
import {
  isReadCancelled,
  type NewRecord,
  type RecordUpdate,
  type StoredRecord,
  type WorkbookStore,
} from '../../src/store/port';
import { createCrmService } from '../../src/services/store-crm-service';
import type { ClientImportPlan, CrmService } from '../../src/services/crm-service';

export interface ServiceStoreUnderTest {
  store: WorkbookStore;
  cleanup: () => Promise<void>;
}

type StoreMethod = 'readAll' | 'append' | 'update' | 'remove' | 'write' | 'nextCounter';
/** A method, or a method on one table such as `append:audit`. */
type FailingCall = StoreMethod | `${StoreMethod}:${string}`;

/** Records `method:table` (`nextCounter:name`) for every call, and can make one kind of call fail. */
export function countingStore(inner: WorkbookStore): {
  store: WorkbookStore;
  calls: string[];
  failOn: (call: FailingCall | undefined) => void;
  /** The calls `action` makes. */
  callsOf: (action: () => Promise<unknown>) => Promise<string[]>;
} {
  const calls: string[] = [];
  let failing: FailingCall | undefined;
  const refuse = (method: StoreMethod, table = '') => {
    if (failing === method || failing === `${method}:${table}`) {
      throw new RelacjeError('unavailable', { detail: `${method} refused by the test` });
    }
  };
  const store: WorkbookStore = {
    readAll: async (options) => {
      calls.push('readAll');
      refuse('readAll');
      return inner.readAll(options);
    },
    append: async (table, records) => {
      calls.push(`append:${table}`);
      refuse('append', table);
      return inner.append(table, records);
    },
    update: async (table, updates) => {
      calls.push(`update:${table}`);
      refuse('update', table);
      return inner.update(table, updates);
    },
    remove: async (table, refs) => {
      calls.push(`remove:${table}`);
      refuse('remove', table);
      return inner.remove(table, refs);
    },
    write: async (changes) => {
      const tables = changes.map((c) => c.table);
      calls.push(`write:${tables.join('+')}`);
      refuse('write');
      for (const table of tables) refuse('write', table);
      return inner.write(changes);
    },
    nextCounter: async (name) => {
      calls.push(`nextCounter:${name}`);
      refuse('nextCounter', name);
      return inner.nextCounter(name);
    },
    writeDashboard: (cells) => inner.writeDashboard(cells),
    close: () => inner.close(),
  };
  const callsOf = async (action: () => Promise<unknown>) => {
    calls.length = 0;
    await action();
    return [...calls];
  };
  return { store, calls, failOn: (call) => (failing = call), callsOf };
}

export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

const VALID_NIP = '5260001246';
const FIXED_NOW = new Date('2026-11-20T09:30:00.000Z');

function client(n: number, extra: Partial<NewRecord> = {}): NewRecord {
  return { id: `c-${n}`, name: `Przedsiębiorstwo Łódzkie ${n}`, type: 'company', status: 'lead', ...extra };
}

export function runCrmServiceSuite(name: string, factory: () => Promise<ServiceStoreUnderTest>): void {
  describe(`CRM service over ${name}`, () => {
    let subject: ServiceStoreUnderTest;
    let counted: ReturnType<typeof countingStore>;
    let service: CrmService;
    let ids: number;

    beforeEach(async () => {
      subject = await factory();
      counted = countingStore(subject.store);
      ids = 0;
      service = createCrmService({
        store: counted.store,
        user: 'Anna Wiśniewska',
        now: () => FIXED_NOW,
        newId: () => `new-${++ids}`,
      });
    });

    afterEach(async () => {
      await subject.cleanup();
    });

    const callsOf = (action: () => Promise<unknown>) => counted.callsOf(action);
    const rows = async (table: string) => (await subject.store.readAll()).tables[table];

    test('a cancelled load keeps the snapshot it had, tells no one, and the next load reads afresh', async () => {
      const heard: string[] = [];
      service.subscribe(() => heard.push('changed'));
      const cancelled = new AbortController();
      cancelled.abort();
      expect(isReadCancelled(await rejection(service.load({ signal: cancelled.signal })))).toBe(true);
      expect(service.snapshot).toBeNull();
      await service.load();
      const loaded = service.snapshot;
      await subject.store.append('clients', [client(1)]);
      // Cancelled at its first progress, the read had begun.
      const during = new AbortController();
      const progress: number[] = [];
      const failure = await rejection(
        service.load({
          signal: during.signal,
          onProgress: (done) => {
            progress.push(done);
            during.abort();
          },
        }),
      );
      expect(isReadCancelled(failure)).toBe(true);
      expect(progress.length).toBeGreaterThan(0);
      expect(service.snapshot).toBe(loaded);
      expect(heard).toEqual(['changed']);
      const told: [number, number][] = [];
      await service.load({ onProgress: (done, total) => told.push([done, total]) });
      expect(service.snapshot?.tables.clients.map((c) => c.id)).toEqual(['c-1']);
      expect(told[told.length - 1]).toEqual([told[0][1], told[0][1]]);
      expect(heard).toEqual(['changed', 'changed']);
    });

    test('load reads the workbook in one call and tells subscribers', async () => {
      const heard: number[] = [];
      const unsubscribe = service.subscribe(() => heard.push(service.snapshot?.tables.clients.length ?? -1));
      expect(await callsOf(() => service.load())).toEqual(['readAll']);
      expect(heard).toEqual([0]);
      await service.create('clients', client(1));
      expect(heard).toEqual([0, 1]);
      unsubscribe();
      await service.create('clients', client(2));
      expect(heard).toEqual([0, 1]);
      expect(service.snapshot?.tables.clients.map((c) => c.id)).toEqual(['c-1', 'c-2']);
    });

    test('create writes the record and its audit row in one call, ids from newId', async () => {
      await service.load();
      const before = service.snapshot;
      let created: StoredRecord | undefined;
      const calls = await callsOf(async () => {
        created = await service.create('clients', {
          name: 'Żuraw Sp. z o.o.',
          type: 'company',
          status: 'lead',
          nip: '526-000-12-46',
        });
      });
      expect(calls).toEqual(['write:clients+audit']);
      expect(created).toMatchObject({ id: 'new-1', nip: VALID_NIP, version: 1 });
      expect(await rows('clients')).toEqual([created]);
      const [audit] = await rows('audit');
      expect(audit).toMatchObject({
        action: 'create',
        table: 'clients',
        recordId: 'new-1',
        user: 'Anna Wiśniewska',
        at: FIXED_NOW.toISOString(),
      });
      // Immutable snapshot: the tables it did not touch are the same arrays.
      expect(service.snapshot).not.toBe(before);
      expect(service.snapshot?.tables.people).toBe(before?.tables.people);
      expect(service.snapshot?.tables.clients).not.toBe(before?.tables.clients);
    });

    test('when the audit row cannot be written the record is not written either, and the error is passed on', async () => {
      await service.load();
      const before = service.snapshot;
      const heard: number[] = [];
      service.subscribe(() => heard.push(service.snapshot?.tables.clients.length ?? -1));
      counted.failOn('write:audit');
      const error = await rejection(service.create('clients', client(1)));
      expect(isRelacjeError(error, 'unavailable')).toBe(true);
      expect(await rows('clients')).toEqual([]);
      expect(service.snapshot).toBe(before);
      expect(heard).toEqual([]);
    });

    test('an invalid NIP is invalidRecord naming the field, and nothing is written', async () => {
      await service.load();
      let error: unknown;
      const calls = await callsOf(async () => {
        error = await rejection(
          service.create('clients', {
            name: 'Firma',
            type: 'company',
            status: 'lead',
            nip: '526-000-12-47',
            email: 'nie-adres',
          }),
        );
      });
      expect(calls).toEqual([]);
      expect(isRelacjeError(error, 'invalidRecord')).toBe(true);
      const issues = (error as RelacjeError<'invalidRecord'>).params.issues;
      expect(issues.map((i) => [i.field, i.rule])).toEqual([
        ['nip', 'nipChecksum'],
        ['email', 'email'],
      ]);
      expect(issues[0].message.pl).toContain('NIP');
      expect(await rows('clients')).toEqual([]);
      expect(await rows('audit')).toEqual([]);
    });

    test('update writes in one call; a stale version is a conflict and changes nothing', async () => {
      await service.load();
      await service.create('clients', client(1));
      let updated: StoredRecord | undefined;
      const calls = await callsOf(async () => {
        updated = await service.update('clients', 'c-1', 1, { city: 'Kraków' });
      });
      expect(calls).toEqual(['write:clients+audit']);
      expect(updated).toMatchObject({ city: 'Kraków', version: 2 });
      const error = await rejection(service.update('clients', 'c-1', 1, { city: 'Gdańsk' }));
      expect(isRelacjeError(error, 'conflict')).toBe(true);
      expect((await rows('clients'))[0]).toMatchObject({ city: 'Kraków', version: 2 });
      expect(service.snapshot?.tables.clients[0]).toEqual(updated);
      const audit = await rows('audit');
      expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
      expect(JSON.parse(String(audit[1].details))).toEqual({ changes: { city: 'Kraków' } });
    });

    test('merge moves every reference, keeps the survivor values, writes history and audit, deletes the merged client', async () => {
      await subject.store.append('clients', [
        client(1, { nip: VALID_NIP, email: 'biuro@zuraw.pl', phone: '600100200' }),
        client(2, { email: 'kontakt@zuraw.pl', city: 'Łódź', industry: 'Budownictwo' }),
        client(3),
      ]);
      await subject.store.append('people', [
        { id: 'p-1', clientId: 'c-2', firstName: 'Jan', lastName: 'Nowak' },
        { id: 'p-2', clientId: 'c-2', firstName: 'Ewa', lastName: 'Lis' },
        { id: 'p-3', clientId: 'c-3', firstName: 'Olga', lastName: 'Wójcik' },
      ]);
      const at = '2026-11-01T10:00:00.000Z';
      await subject.store.append('activities', [
        { id: 'a-1', clientId: 'c-2', type: 'call', occurredAt: at, subject: 'Rozmowa' },
        { id: 'a-2', clientId: 'c-1', type: 'note', occurredAt: at, subject: 'Notatka' },
      ]);
      await subject.store.append('opportunities', [
        { id: 'o-1', clientId: 'c-2', name: 'Hala', pipeline: 'Sprzedaż', stage: 'Oferta', status: 'open' },
      ]);
      await subject.store.append('offers', [
        { id: 'f-1', number: 'OF/2026/001', clientId: 'c-2', issuedOn: '2026-11-02', status: 'sent' },
      ]);
      await subject.store.append('tasks', [
        { id: 't-1', title: 'Zadzwonić', priority: 'normal', status: 'todo', clientId: 'c-2' },
        { id: 't-2', title: 'Bez klienta', priority: 'low', status: 'todo' },
      ]);
      await subject.store.append('projects', [
        { id: 'j-1', name: 'Budowa', clientId: 'c-2', status: 'planned' },
      ]);
      await subject.store.append('surveys', [{ id: 's-1', name: 'Ankieta 2026', status: 'open' }]);
      await subject.store.append('surveyAnswers', [
        { id: 'r-1', surveyId: 's-1', clientId: 'c-2', question: 'Jakość' },
      ]);
      await subject.store.append('complaints', [
        { id: 'k-1', clientId: 'c-2', receivedOn: '2026-11-03', subject: 'Opóźnienie', status: 'received' },
      ]);
      await service.load();

      let survivor: StoredRecord | undefined;
      const calls = await callsOf(async () => {
        survivor = await service.mergeClients('c-1', 'c-2');
      });
      // Schema order: the tables are found from the schema's `ref` columns to clients.
      const referencing = [
        'people',
        'activities',
        'opportunities',
        'tasks',
        'offers',
        'projects',
        'surveyAnswers',
        'complaints',
      ];
      expect(calls).toEqual([`write:${['clients', ...referencing].join('+')}+audit`]);

      const after = await subject.store.readAll();
      expect(after.tables.clients.map((c) => c.id)).toEqual(['c-1', 'c-3']);
      expect(survivor).toMatchObject({
        id: 'c-1',
        email: 'biuro@zuraw.pl',
        nip: VALID_NIP,
        city: 'Łódź',
        industry: 'Budownictwo',
      });
      expect(after.tables.clients[0]).toEqual(survivor);
      for (const table of referencing) {
        expect(after.tables[table].filter((r) => r.clientId === 'c-2')).toEqual([]);
      }
      expect(after.tables.people.map((p) => [p.id, p.clientId])).toEqual([
        ['p-1', 'c-1'],
        ['p-2', 'c-1'],
        ['p-3', 'c-3'],
      ]);
      expect(after.tables.tasks.find((t) => t.id === 't-2')?.clientId).toBeNull();
      const history = after.tables.activities.filter((a) => a.type === 'merge');
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({
        clientId: 'c-1',
        owner: 'Anna Wiśniewska',
        occurredAt: FIXED_NOW.toISOString(),
      });
      expect(String(history[0].subject)).toContain('Przedsiębiorstwo Łódzkie 2');
      // The merged client's e-mail was not taken: the history keeps it.
      expect(String(history[0].details)).toContain('kontakt@zuraw.pl');
      const audit = after.tables.audit;
      expect(audit.every((a) => a.action === 'merge')).toBe(true);
      expect(audit.find((a) => a.recordId === 'c-2')?.details).toContain('kontakt@zuraw.pl');
      expect(audit.filter((a) => a.table === 'people').map((a) => a.recordId)).toEqual(['p-1', 'p-2']);
      expect(service.snapshot?.tables.clients.map((c) => c.id)).toEqual(['c-1', 'c-3']);
      expect(service.snapshot?.tables.people).toEqual(after.tables.people);
    });

    test('a merge takes the same calls however many records move', async () => {
      await subject.store.append('clients', [client(1), client(2)]);
      const many = Array.from({ length: 40 }, (_, i) => ({
        id: `p-${i}`,
        clientId: 'c-2',
        firstName: 'Jan',
        lastName: `Nowak ${i}`,
      }));
      await subject.store.append('people', many);
      await service.load();
      const calls = await callsOf(() => service.mergeClients('c-1', 'c-2'));
      expect(calls).toEqual(['write:clients+people+activities+audit']);
      expect((await rows('people')).every((p) => p.clientId === 'c-1')).toBe(true);
    });

    test('a merge the store refuses moves nothing, and merging again does it all', async () => {
      await subject.store.append('clients', [client(1), client(2, { city: 'Łódź' })]);
      await subject.store.append('people', [
        { id: 'p-1', clientId: 'c-2', firstName: 'Jan', lastName: 'Nowak' },
      ]);
      await service.load();
      const before = await subject.store.readAll();
      counted.failOn('write');
      expect(isRelacjeError(await rejection(service.mergeClients('c-1', 'c-2')), 'unavailable')).toBe(true);
      expect((await subject.store.readAll()).tables).toEqual(before.tables);
      counted.failOn(undefined);
      const calls = await callsOf(() => service.mergeClients('c-1', 'c-2'));
      expect(calls).toEqual(['write:clients+people+activities+audit']);
      expect((await rows('clients')).map((c) => [c.id, c.city])).toEqual([['c-1', 'Łódź']]);
      expect((await rows('people'))[0].clientId).toBe('c-1');
    });

    test('a merge refused on the survivor moves nothing', async () => {
      await subject.store.append('clients', [client(1), client(2, { city: 'Łódź' })]);
      await subject.store.append('people', [
        { id: 'p-1', clientId: 'c-2', firstName: 'Jan', lastName: 'Nowak' },
      ]);
      await service.load();
      await subject.store.update('clients', [
        { id: 'c-1', expectedVersion: 1, changes: { notes: 'zmiana obok' } },
      ]);
      expect(isRelacjeError(await rejection(service.mergeClients('c-1', 'c-2')), 'conflict')).toBe(true);
      expect((await rows('people'))[0].clientId).toBe('c-2');
      expect((await rows('clients')).map((c) => c.id)).toEqual(['c-1', 'c-2']);
    });

    test('import writes creates, updates and their audit in one call', async () => {
      await subject.store.append('clients', [client(1)]);
      await service.load();
      let outcome: unknown;
      const calls = await callsOf(async () => {
        outcome = await service.importClients({
          create: [
            { name: 'Nowa Firma', type: 'company', status: 'lead', source: 'import' },
            { name: 'Druga', type: 'person', status: 'lead' },
          ],
          update: [{ id: 'c-1', expectedVersion: 1, changes: { city: 'Poznań' } }],
        });
      });
      expect(calls).toEqual(['write:clients+people+audit']);
      expect(outcome).toEqual({ created: 2, updated: 1, peopleCreated: 0 });
      expect((await rows('clients')).map((c) => [c.id, c.city ?? null])).toEqual([
        ['c-1', 'Poznań'],
        ['new-1', null],
        ['new-2', null],
      ]);
      expect((await rows('audit')).map((a) => [a.action, a.recordId])).toEqual([
        ['create', 'new-1'],
        ['create', 'new-2'],
        ['update', 'c-1'],
      ]);
      expect(service.snapshot?.tables.clients.map((c) => c.id)).toEqual(['c-1', 'new-1', 'new-2']);
    });

    test('an import the store refuses leaves nothing behind, not even a client that was there before', async () => {
      await subject.store.append('clients', [client(1)]);
      await service.load();
      const before = service.snapshot;
      counted.failOn('write');
      const error = await rejection(
        service.importClients({
          // The same id and fields as the stored client: the store takes it as a retry.
          create: [client(1), client(10), client(11)],
          update: [{ id: 'c-1', expectedVersion: 1, changes: { city: 'Poznań' } }],
        }),
      );
      expect(isRelacjeError(error, 'unavailable')).toBe(true);
      expect(await rows('clients')).toEqual(before?.tables.clients);
      expect(await rows('audit')).toEqual([]);
      expect(service.snapshot).toBe(before);
    });

    test('an import with a conflict on an update also leaves nothing behind', async () => {
      await subject.store.append('clients', [client(1)]);
      await service.load();
      const error = await rejection(
        service.importClients({
          create: [client(10)],
          update: [{ id: 'c-1', expectedVersion: 7, changes: { city: 'Poznań' } }],
        }),
      );
      expect(isRelacjeError(error, 'conflict')).toBe(true);
      expect((await rows('clients')).map((c) => c.id)).toEqual(['c-1']);
    });

    test('an import with an invalid record names every bad field and writes nothing', async () => {
      await service.load();
      let error: unknown;
      const calls = await callsOf(async () => {
        error = await rejection(
          service.importClients({
            create: [client(10), client(11, { nip: '123', postalCode: 'abc' })],
            update: [],
          }),
        );
      });
      expect(calls).toEqual([]);
      const params = (error as RelacjeError<'invalidRecord'>).params;
      expect(params.issues.map((i) => i.field)).toEqual(['nip', 'postalCode']);
      expect(params.row).toBe(2);
    });

    const importWithPeople = (): ClientImportPlan => ({
      create: [client(10), client(11)],
      update: [{ id: 'c-1', expectedVersion: 1, changes: { city: 'Poznań' } }],
      people: [
        { client: { createIndex: 1 }, fields: { firstName: 'Łucja', lastName: 'Żak' }, rowNumber: 3 },
        { client: { existingId: 'c-1' }, fields: { firstName: 'Jan', lastName: 'Nowak' }, rowNumber: 4 },
        {
          client: { createIndex: 0 },
          fields: { firstName: 'Ewa', lastName: 'Lis', email: 'ewa@lis.pl' },
          rowNumber: 5,
        },
      ],
    });

    test('an import writes clients, their people, updates and their audit in one call', async () => {
      await subject.store.append('clients', [client(1)]);
      await service.load();
      let outcome: unknown;
      const calls = await callsOf(async () => {
        outcome = await service.importClients(importWithPeople());
      });
      expect(calls).toEqual(['write:clients+people+audit']);
      expect(outcome).toEqual({ created: 2, updated: 1, peopleCreated: 3 });
      const people = await rows('people');
      expect(people.map((p) => [p.lastName, p.clientId])).toEqual([
        ['Żak', 'c-11'],
        ['Nowak', 'c-1'],
        ['Lis', 'c-10'],
      ]);
      expect(new Set(people.map((p) => p.id)).size).toBe(3);
      expect((await rows('audit')).map((a) => [a.action, a.table, a.recordId])).toEqual([
        ['create', 'clients', 'c-10'],
        ['create', 'clients', 'c-11'],
        ...people.map((p) => ['create', 'people', p.id]),
        ['update', 'clients', 'c-1'],
      ]);
      expect(service.snapshot?.tables.people).toEqual(people);
    });

    test('the people of new clients without ids point at the ids the service gave them', async () => {
      await service.load();
      await service.importClients({
        create: [{ name: 'Bez Id', type: 'company', status: 'lead' }],
        update: [],
        people: [{ client: { createIndex: 0 }, fields: { firstName: 'Olga', lastName: 'Wójcik' } }],
      });
      const [created] = await rows('clients');
      expect(created.id).toBe('new-1');
      expect((await rows('people')).map((p) => [p.id, p.clientId])).toEqual([['new-2', 'new-1']]);
    });

    test('an import with an invalid person names its row and field and writes nothing', async () => {
      await subject.store.append('clients', [client(1)]);
      await service.load();
      const plan = importWithPeople();
      let error: unknown;
      const calls = await callsOf(async () => {
        error = await rejection(
          service.importClients({
            ...plan,
            people: [
              ...(plan.people ?? []),
              { client: { createIndex: 0 }, fields: { firstName: 'Adam', email: 'nie-adres' }, rowNumber: 9 },
            ],
          }),
        );
      });
      expect(calls).toEqual([]);
      expect(isRelacjeError(error, 'invalidRecord')).toBe(true);
      const params = (error as RelacjeError<'invalidRecord'>).params;
      expect(params.table).toBe('people');
      expect(params.row).toBe(9);
      expect(params.issues.map((i) => i.field)).toEqual(['lastName', 'email']);
      expect((await rows('clients')).map((c) => c.id)).toEqual(['c-1']);
      expect(await rows('people')).toEqual([]);
    });

    test('an import with people the store refuses leaves nothing of it', async () => {
      await subject.store.append('clients', [client(1)]);
      await subject.store.append('people', [
        { id: 'p-1', clientId: 'c-1', firstName: 'Jan', lastName: 'Nowak' },
      ]);
      await service.load();
      const before = service.snapshot;
      counted.failOn('write:people');
      const error = await rejection(service.importClients(importWithPeople()));
      expect(isRelacjeError(error, 'unavailable')).toBe(true);
      expect(await rows('clients')).toEqual(before?.tables.clients);
      expect(await rows('people')).toEqual(before?.tables.people);
      expect(await rows('audit')).toEqual([]);
      expect(service.snapshot).toBe(before);
    });

    test('the same file imported twice adds its people once', async () => {
      await subject.store.append('clients', [client(1)]);
      await service.load();
      const mapping: ColumnMapping = [
        'clients.name',
        'clients.city',
        'people.firstName',
        'people.lastName',
        'people.email',
      ];
      const file = [
        'Nazwa;Miasto;Imię;Nazwisko;E-mail',
        'Przedsiębiorstwo Łódzkie 1;Łódź;Anna;Nowak;anna@lodzkie.pl',
        'Żuraw Sp. z o.o.;Gdańsk;Piotr;Lis;piotr@zuraw.pl',
        'Żuraw Sp. z o.o.;;Ewa;Wójcik;',
      ].join('\n');
      const importFile = async () => {
        const tables = service.snapshot?.tables;
        const { plan } = previewImport(file, tables?.clients as ExistingClient[], {
          mapping,
          existingPeople: tables?.people as ExistingPerson[],
        });
        let outcome: unknown;
        const calls = await callsOf(async () => {
          outcome = await service.importClients(plan);
        });
        return { outcome, calls };
      };
      const first = await importFile();
      expect(first.outcome).toEqual({ created: 1, updated: 1, peopleCreated: 3 });
      expect(first.calls).toEqual(['write:clients+people+audit']);
      const clients = await rows('clients');
      const zuraw = clients.find((c) => c.name === 'Żuraw Sp. z o.o.')?.id;
      expect((await rows('people')).map((p) => [p.lastName, p.clientId])).toEqual([
        ['Nowak', 'c-1'],
        ['Lis', zuraw],
        ['Wójcik', zuraw],
      ]);
      const people = await rows('people');
      const second = await importFile();
      expect(second.outcome).toEqual({ created: 0, updated: 0, peopleCreated: 0 });
      expect(second.calls).toEqual([]);
      expect(await rows('people')).toEqual(people);
      expect(await rows('clients')).toEqual(clients);
    });

    test('updateClients writes a batch and its audit in one call', async () => {
      await subject.store.append('clients', [client(1), client(2), client(3)]);
      await service.load();
      const updates: RecordUpdate[] = [1, 2, 3].map((n) => ({
        id: `c-${n}`,
        expectedVersion: 1,
        changes: { segment: `S${n}`, abcClass: 'A' },
      }));
      let stored: StoredRecord[] = [];
      const calls = await callsOf(async () => {
        stored = await service.updateClients(updates);
      });
      expect(calls).toEqual(['write:clients+audit']);
      expect(stored.map((c) => [c.segment, c.version])).toEqual([
        ['S1', 2],
        ['S2', 2],
        ['S3', 2],
      ]);
      expect((await rows('audit')).map((a) => a.recordId)).toEqual(['c-1', 'c-2', 'c-3']);
      const invalid = await rejection(
        service.updateClients([{ id: 'c-1', expectedVersion: 2, changes: { abcClass: 'Z' } }]),
      );
      expect(isRelacjeError(invalid, 'invalidRecord')).toBe(true);
      expect((await rows('clients'))[0]).toMatchObject({ abcClass: 'A', version: 2 });
    });
  });
}
