import { isRelacjeError } from '../../../src/core/errors';
import { openXlsxStore } from '../../../src/store/xlsx/xlsx-store';
import { clientRecord, expectRelacjeError } from '../../contract/store-contract';
import { startGraphHarness, type GraphHarness } from './graph-harness';

let harness: GraphHarness;

beforeEach(async () => {
  harness = await startGraphHarness();
});

afterEach(async () => {
  await harness.close();
});

async function clientIdsInFile(): Promise<string[]> {
  await harness.server.close();
  const store = await openXlsxStore(harness.file, { readOnly: true });
  const ids = (await store.readAll()).tables.clients.map((c) => c.id);
  await store.close();
  return ids;
}

describe('Graph adapter under faults of the local server', () => {
  test('a throttled read waits the Retry-After the server asked for, then succeeds', async () => {
    harness.server.graph.faults.add(
      { kind: 'throttle', status: 429, retryAfterSeconds: 2.5 },
      { pathIncludes: '$batch' },
    );
    const snapshot = await harness.store().readAll();
    expect(snapshot.tables.clients).toEqual([]);
    expect(harness.waits).toEqual([2500]);
  });

  test('a 503 on an append is retried after its Retry-After and writes the row once', async () => {
    const store = harness.store();
    await store.readAll();
    harness.server.graph.faults.add(
      { kind: 'throttle', status: 503, retryAfterSeconds: 1 },
      { method: 'POST', pathIncludes: '/rows' },
    );
    await store.append('clients', [clientRecord(1)]);
    expect(harness.waits).toEqual([1000]);
    expect(await clientIdsInFile()).toEqual(['client-1']);
  });

  test('without Retry-After the back-off grows, and a write that stays throttled gives up with a clear error', async () => {
    const store = harness.store({ retryWithinMs: 10_000, backoffMs: 400 });
    await store.readAll();
    harness.server.graph.faults.add(
      { kind: 'fail', status: 429, code: 'TooManyRequests' },
      { method: 'POST', pathIncludes: '/rows', times: 100 },
    );
    const error = await expectRelacjeError(store.append('clients', [clientRecord(1)]), 'throttled');
    expect(error.message).toMatch(/try again|spróbuj/i);
    // Exponential with jitter: each wait within [step/2, step], the steps doubling, all within the budget.
    harness.waits.forEach((wait, i) => {
      expect(wait).toBeGreaterThanOrEqual((400 * 2 ** i) / 2);
      expect(wait).toBeLessThanOrEqual(400 * 2 ** i);
    });
    expect(harness.waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(10_000);
    expect(await clientIdsInFile()).toEqual([]);
  });

  test('an append whose answer is lost after it was applied leaves exactly one row', async () => {
    const store = harness.store();
    await store.readAll();
    harness.server.graph.faults.add({ kind: 'dropAfterApply' }, { method: 'POST', pathIncludes: '/rows' });
    const [stored] = await store.append('clients', [clientRecord(1), clientRecord(2)].slice(0, 1));
    expect(stored.id).toBe('client-1');
    expect((await harness.store().readAll()).tables.clients.map((c) => c.id)).toEqual(['client-1']);
    expect(await clientIdsInFile()).toEqual(['client-1']);
  });

  test('an append answered too late counts as lost: checked by id, not written again', async () => {
    const store = harness.store({ requestTimeoutMs: 300 });
    await store.readAll();
    harness.server.graph.faults.add({ kind: 'delay', ms: 1500 }, { method: 'POST', pathIncludes: '/rows' });
    await store.append('clients', [clientRecord(7)]);
    expect(await clientIdsInFile()).toEqual(['client-7']);
  });

  test('an expired workbook session is created again and the write goes through once', async () => {
    const store = harness.store();
    await store.append('clients', [clientRecord(1)]);
    harness.server.graph.resetStats();
    harness.server.graph.faults.add({ kind: 'expireSessions' }, { method: 'POST', pathIncludes: '/rows' });
    await store.append('clients', [clientRecord(2)]);
    const calls = harness.server.graph.stats.log.map(
      (entry) => `${entry.method} ${entry.path.split('/workbook/')[1]}`,
    );
    expect(calls).toEqual([
      "POST tables('tClients')/rows",
      'POST createSession',
      "POST tables('tClients')/rows",
    ]);
    expect(await clientIdsInFile()).toEqual(['client-1', 'client-2']);
  });

  test('403 becomes a readable "no permission to the workbook" error in Polish and English', async () => {
    harness.server.graph.faults.add({ kind: 'fail', status: 403, code: 'AccessDenied' });
    const error = await expectRelacjeError(harness.store().readAll(), 'noPermission');
    expect(isRelacjeError(error) && error.messageIn('pl')).toMatch(/uprawnie/i);
    expect(isRelacjeError(error) && error.messageIn('en')).toMatch(/permission/i);
  });

  test('a workbook locked for editing is a "workbook in use" error', async () => {
    harness.server.graph.faults.add(
      { kind: 'fail', status: 409, code: 'EditModeCannotAcquireLock' },
      { method: 'POST', pathIncludes: '/rows' },
    );
    await expectRelacjeError(harness.store().append('clients', [clientRecord(1)]), 'workbookInUse');
  });

  test('a workbook that is not there is "workbook not found"', async () => {
    await expectRelacjeError(
      harness.store({ workbook: '/me/drive/root:/inny.xlsx:' }).readAll(),
      'workbookNotFound',
    );
  });
});

describe('Graph adapter: a batch that fails midway', () => {
  test('is taken back: new rows deleted, changed rows given their cells back, deleted rows appended again', async () => {
    const store = harness.store();
    await store.append('clients', [clientRecord(1), clientRecord(2)]);
    await store.append('people', [{ id: 'p-1', clientId: 'client-1', firstName: 'Jan', lastName: 'Nowak' }]);
    const before = await store.readAll();
    // The last write of the batch, the audit's append, is refused.
    harness.server.graph.faults.add(
      { kind: 'fail', status: 403, code: 'AccessDenied' },
      { method: 'POST', pathIncludes: "tAudit')/rows" },
    );
    const audit = {
      id: 'a-1',
      at: '2026-11-20T09:30:00.000Z',
      action: 'update',
      table: 'clients',
      recordId: 'client-1',
    };
    await expectRelacjeError(
      store.write([
        {
          table: 'clients',
          append: [clientRecord(3)],
          update: [{ id: 'client-1', expectedVersion: 1, changes: { city: 'Kalisz' } }],
        },
        { table: 'people', remove: [{ id: 'p-1', expectedVersion: 1 }] },
        { table: 'audit', append: [audit] },
      ]),
      'noPermission',
    );
    const after = await store.readAll();
    expect(after.tables).toEqual(before.tables);
    // Nothing is left half done: the same batch goes through once the fault is gone.
    const [clients] = await store.write([
      { table: 'clients', update: [{ id: 'client-1', expectedVersion: 1, changes: { city: 'Kalisz' } }] },
      { table: 'audit', append: [audit] },
    ]);
    expect(clients.updated[0]).toMatchObject({ city: 'Kalisz', version: 2 });
    expect(await clientIdsInFile()).toEqual(['client-1', 'client-2']);
  });
});
