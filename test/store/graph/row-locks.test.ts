import { clientRecord, expectRelacjeError } from '../../contract/store-contract';
import { startGraphHarness, WORKBOOK, type GraphHarness } from './graph-harness';

let harness: GraphHarness;

beforeEach(async () => {
  harness = await startGraphHarness();
});

afterEach(async () => {
  await harness.close();
});

const clientsTable = () => `${harness.server.url}v1.0${WORKBOOK}/workbook/tables('tClients')`;

/** Leaves the first client row as a pane that stopped between locking it and writing it would. */
async function leaveRowLocked(): Promise<void> {
  const header = (await (await fetch(`${clientsTable()}/headerRowRange`)).json()) as { values: string[][] };
  const updatedAt = header.values[0].indexOf('Zmieniono');
  const values = header.values[0].map((_, c) => (c === updatedAt ? "'1900-01-01T00:00:00.000Z" : null));
  const answer = await fetch(`${clientsTable()}/rows/itemAt(index=0)`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ values: [values] }),
  });
  expect(answer.status).toBe(200);
}

describe('Graph adapter: rows locked while they are saved', () => {
  test('an update of a row another writer holds waits; a lock left behind is taken over after its lease', async () => {
    const store = harness.store();
    await store.append('clients', [clientRecord(1), clientRecord(2)]);
    await leaveRowLocked();
    const [updated] = await store.update('clients', [
      { id: 'client-1', expectedVersion: 1, changes: { city: 'Toruń' } },
    ]);
    expect(updated).toMatchObject({ id: 'client-1', version: 2, city: 'Toruń' });
    // Short waits first, growing; taken over only once they add up to more than the 30 s lease.
    expect(harness.waits[0]).toBe(50);
    expect(harness.waits.reduce((a, b) => a + b, 0)).toBeGreaterThan(30_000);
    const rows = (await harness.store().readAll()).tables.clients;
    expect(rows.map((r) => [r.id, r.version, r.city])).toEqual([
      ['client-1', 2, 'Toruń'],
      ['client-2', 1, null],
    ]);
    expect(rows[0].updatedAt).toBe(updated.updatedAt);
  });

  test('a stale update of a row left locked takes the lock over, is a conflict, and unlocks the row', async () => {
    const store = harness.store();
    await store.append('clients', [clientRecord(1)]);
    await store.update('clients', [{ id: 'client-1', expectedVersion: 1, changes: { city: 'Kielce' } }]);
    await leaveRowLocked();
    await expectRelacjeError(
      store.update('clients', [{ id: 'client-1', expectedVersion: 1, changes: { city: 'Opole' } }]),
      'conflict',
    );
    const [row] = (await harness.store().readAll()).tables.clients;
    expect(row).toMatchObject({ version: 2, city: 'Kielce' });
    expect(row.updatedAt).not.toBe('1900-01-01T00:00:00.000Z');
  });

  test('an update finds its row again when rows above it were removed by another writer, past the end of the table', async () => {
    const store = harness.store();
    await store.append('clients', [clientRecord(1), clientRecord(2), clientRecord(3)]);
    const other = harness.store();
    await other.readAll();
    await other.remove('clients', [
      { id: 'client-1', expectedVersion: 1 },
      { id: 'client-2', expectedVersion: 1 },
    ]);
    // The first store still has client-3 at row 2, which is now past the table's one row.
    const [updated] = await store.update('clients', [
      { id: 'client-3', expectedVersion: 1, changes: { city: 'Łomża' } },
    ]);
    expect(updated).toMatchObject({ id: 'client-3', version: 2, city: 'Łomża' });
    expect(harness.waits).toEqual([]);
    const rows = (await harness.store().readAll()).tables.clients;
    expect(rows.map((r) => [r.id, r.version, r.city])).toEqual([['client-3', 2, 'Łomża']]);
  });

  test('a version-checked write takes two requests: lock and check, then write', async () => {
    const store = harness.store();
    await store.append('clients', [clientRecord(1)]);
    harness.server.graph.resetStats();
    await store.update('clients', [{ id: 'client-1', expectedVersion: 1, changes: { city: 'Płock' } }]);
    expect(harness.server.graph.stats.httpRequests).toBe(2);
    harness.server.graph.resetStats();
    await store.remove('clients', [{ id: 'client-1', expectedVersion: 2 }]);
    expect(harness.server.graph.stats.httpRequests).toBe(2);
    expect((await harness.store().readAll()).tables.clients).toEqual([]);
  });
});
