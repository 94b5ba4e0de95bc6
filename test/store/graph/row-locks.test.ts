import { HELD, LOCK_RANGE, lockCellOf } from '../../../src/store/graph/row-locks';
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

const metaSheet = () => `${harness.server.url}v1.0${WORKBOOK}/workbook/worksheets('_meta')`;

/** Leaves a client's lock held, as a pane that stopped between locking the row and writing it would. */
async function leaveRowLocked(id = 'client-1'): Promise<void> {
  const answer = await fetch(`${metaSheet()}/range(address='${lockCellOf('tClients', id)}')`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ values: [[HELD]] }),
  });
  expect(answer.status).toBe(200);
}

/** The lock column of `_meta` as the server holds it: every slot, empty when no lock is held. */
async function lockCells(): Promise<string[]> {
  const range = (await (await fetch(`${metaSheet()}/range(address='${LOCK_RANGE}')`)).json()) as {
    values: unknown[][];
  };
  return range.values.map(([cell]) => String(cell));
}

/** Every cell of the clients table, header included, as Graph answers it. */
async function clientCells(): Promise<unknown[][]> {
  return ((await (await fetch(`${clientsTable()}/range`)).json()) as { values: unknown[][] }).values;
}

describe('Graph adapter: rows locked while they are saved', () => {
  test('an update of a row another writer holds waits; a lock left behind is taken over after its lease', async () => {
    const store = harness.store();
    await store.append('clients', [clientRecord(1), clientRecord(2)]);
    const cells = await clientCells();
    await leaveRowLocked();
    // The lock is not in the table: a user (or another program) reading it sees every cell as it was.
    expect(await clientCells()).toEqual(cells);
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
    expect(new Set(await lockCells())).toEqual(new Set(['']));
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
    expect(new Set(await lockCells())).toEqual(new Set(['']));
  });

  test("locks are written to the hidden _meta sheet only: a table's cells change by the write itself", async () => {
    const store = harness.store();
    await store.append('clients', [clientRecord(1), clientRecord(2)]);
    const before = await clientCells();
    const realFetch = global.fetch;
    const subRequests: { method: string; url: string; body?: unknown }[] = [];
    const fetchSpy = jest.spyOn(global, 'fetch').mockImplementation((input, init) => {
      const body = JSON.parse(String(init?.body ?? '{}')) as { requests?: typeof subRequests };
      subRequests.push(...(body.requests ?? []));
      return realFetch(input, init);
    });
    try {
      await store.update('clients', [{ id: 'client-1', expectedVersion: 1, changes: { city: 'Toruń' } }]);
    } finally {
      fetchSpy.mockRestore();
    }
    const writes = subRequests.filter((r) => r.method !== 'GET');
    // Take the lock; write the row; give the lock back: nothing else is written, and no sentinel anywhere.
    expect(writes.map((r) => [r.method, decodeURIComponent(r.url).split('/workbook/')[1]])).toEqual([
      ['PATCH', `worksheets('_meta')/range(address='${LOCK_RANGE}')`],
      ['PATCH', "tables('tClients')/rows/itemAt(index=0)"],
      ['PATCH', `worksheets('_meta')/range(address='${LOCK_RANGE}')`],
    ]);
    expect(JSON.stringify(subRequests)).not.toContain('1900-01-01');
    const after = await clientCells();
    expect(after[2]).toEqual(before[2]);
    const changed = before[1].flatMap((cell, c) => (after[1][c] === cell ? [] : [String(before[0][c])]));
    expect(changed.sort()).toEqual(['Miejscowość', 'Wersja', 'Zmieniono'].sort());
    expect(new Set(await lockCells())).toEqual(new Set(['']));
  });

  test('a record whose lock slot is held for another record waits too, and takes the slot over after the lease', async () => {
    // Two ids of one slot, found by trying: the slot is a hash, the same for every writer.
    const slotOf = (id: string) => lockCellOf('tClients', id);
    const ids = Array.from({ length: 2000 }, (_, n) => `client-${n}`);
    const first = ids.find((id, i) => ids.slice(i + 1).some((other) => slotOf(other) === slotOf(id)))!;
    const second = ids.find((id) => id !== first && slotOf(id) === slotOf(first))!;
    const store = harness.store();
    await store.append('clients', [
      clientRecord(Number(first.slice(7))),
      clientRecord(Number(second.slice(7))),
    ]);
    await leaveRowLocked(first);
    // The other record's update waits for the slot (held for the first), then takes it over after the lease.
    const [updated] = await store.update('clients', [
      { id: second, expectedVersion: 1, changes: { city: 'Gniezno' } },
    ]);
    expect(updated).toMatchObject({ id: second, version: 2, city: 'Gniezno' });
    expect(harness.waits.reduce((a, b) => a + b, 0)).toBeGreaterThan(30_000);
    expect(new Set(await lockCells())).toEqual(new Set(['']));
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
