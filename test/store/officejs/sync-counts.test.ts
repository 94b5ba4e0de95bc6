import { CURRENT_SCHEMA } from '../../../src/core/schema';
import { generateDataset } from '../../../src/dev/generator';
import { openOfficeJsStore } from '../../../src/store/officejs/officejs-store';
import type { WorkbookStore } from '../../../src/store/port';
import { clientRecord } from '../../contract/store-contract';
import { ExcelModel } from './excel-model';

/** The context.sync calls one store call makes, and what it returns. */
async function syncsOf<T>(model: ExcelModel, call: () => Promise<T>): Promise<{ syncs: number; result: T }> {
  const before = model.syncs;
  const result = await call();
  return { syncs: model.syncs - before, result };
}

/** A workbook as a user's would be after a while: every table with rows, thousands in all. */
async function filledWorkbook(): Promise<{ model: ExcelModel; store: WorkbookStore; rows: number }> {
  const model = await ExcelModel.create('pl');
  const store = openOfficeJsStore({ run: model.run });
  const dataset = generateDataset({ seed: 11, clients: 300 });
  let rows = 0;
  for (const [table, records] of Object.entries(dataset)) {
    if (records.length === 0) continue;
    await store.append(table, records);
    rows += records.length;
  }
  return { model, store, rows };
}

/** Every kind of store call once, with the syncs each took. */
async function syncsPerCall(model: ExcelModel, store: WorkbookStore, n: number) {
  const readAll = await syncsOf(model, () => store.readAll());
  const thousand = Array.from({ length: 1000 }, (_, i) => clientRecord(100_000 * n + i));
  const append1000 = await syncsOf(model, () => store.append('clients', thousand));
  const append1 = await syncsOf(model, () => store.append('clients', [clientRecord(100_000 * n + 5000)]));
  const update = await syncsOf(model, () =>
    store.update('clients', [
      { id: thousand[10].id, expectedVersion: 1, changes: { city: 'Toruń' } },
      { id: thousand[900].id, expectedVersion: 1, changes: { city: 'Płock' } },
    ]),
  );
  const remove = await syncsOf(model, () =>
    store.remove('clients', [
      { id: thousand[20].id, expectedVersion: 1 },
      { id: thousand[30].id, expectedVersion: 1 },
    ]),
  );
  const counterNew = await syncsOf(model, () => store.nextCounter(`offers-${n}`));
  const counterNext = await syncsOf(model, () => store.nextCounter(`offers-${n}`));
  const dashboard = await syncsOf(model, () =>
    store.writeDashboard([
      { ref: 'A1', value: 'Oferty zaakceptowane' },
      { ref: 'B1', formula: 'COUNTIFS(tOffers[Status],"Zaakceptowana")' },
    ]),
  );
  const retry = await syncsOf(model, () => store.append('clients', [thousand[999]]));
  return {
    counts: {
      readAll: readAll.syncs,
      append1000: append1000.syncs,
      append1: append1.syncs,
      update: update.syncs,
      remove: remove.syncs,
      counterNew: counterNew.syncs,
      counterNext: counterNext.syncs,
      dashboard: dashboard.syncs,
      retry: retry.syncs,
    },
    snapshot: readAll.result,
    updated: update.result,
    counters: [counterNew.result, counterNext.result],
  };
}

const EXPECTED = {
  readAll: 1,
  append1000: 2,
  append1: 2,
  update: 2,
  remove: 2,
  counterNew: 2,
  counterNext: 2,
  dashboard: 1,
  retry: 1,
};

describe('Office.js store: context.sync per call, whatever the number of rows', () => {
  test('an empty workbook', async () => {
    const model = await ExcelModel.create('pl');
    const store = openOfficeJsStore({ run: model.run });
    const { counts, updated, counters } = await syncsPerCall(model, store, 1);
    expect(counts).toEqual(EXPECTED);
    expect(updated.map((r) => [r.city, r.version])).toEqual([
      ['Toruń', 2],
      ['Płock', 2],
    ]);
    expect(counters).toEqual([1, 2]);
    expect(model.rowsOf('tClients')).toHaveLength(1001 - 2);
  });

  test('a workbook with every table filled, thousands of rows in all', async () => {
    const { model, store, rows } = await filledWorkbook();
    expect(rows).toBeGreaterThan(3000);
    const { counts, snapshot } = await syncsPerCall(model, store, 2);
    expect(counts).toEqual(EXPECTED);
    expect(Object.keys(snapshot.tables).length).toBe(CURRENT_SCHEMA.tables.length);
    expect(CURRENT_SCHEMA.tables.length).toBeGreaterThanOrEqual(13);
    expect(Object.values(snapshot.tables).reduce((n, t) => n + t.length, 0)).toBe(rows);
  });

  test('1,000 rows go in one rows.add, with calculation suspended for it', async () => {
    const model = await ExcelModel.create('pl');
    const store = openOfficeJsStore({ run: model.run });
    const records = Array.from({ length: 1000 }, (_, i) => clientRecord(i));
    await store.append('clients', records);
    expect(model.rowsAdds).toBe(1);
    expect(model.calculationSuspensions).toBe(1);
    await store.append('clients', [clientRecord(5000)]);
    expect(model.rowsAdds).toBe(2);
    expect(model.calculationSuspensions).toBe(1);
  });

  test('a store that has not read the workbook yet needs no extra sync to write', async () => {
    const model = await ExcelModel.create('pl');
    await openOfficeJsStore({ run: model.run }).append('clients', [clientRecord(1), clientRecord(3)]);
    const fresh = () => openOfficeJsStore({ run: model.run });
    expect((await syncsOf(model, () => fresh().append('clients', [clientRecord(2)]))).syncs).toBe(2);
    const update = () =>
      fresh().update('clients', [{ id: 'client-1', expectedVersion: 1, changes: { city: 'Opole' } }]);
    expect((await syncsOf(model, update)).syncs).toBe(2);
    const remove = () => fresh().remove('clients', [{ id: 'client-2', expectedVersion: 1 }]);
    expect((await syncsOf(model, remove)).syncs).toBe(2);
    // A retry this store never saw written: compared with the row read in the first sync, nothing written.
    const retry = await syncsOf(model, () => fresh().append('clients', [clientRecord(3)]));
    expect(retry.syncs).toBe(1);
    expect(retry.result[0]).toMatchObject({ id: 'client-3', version: 1 });
    expect(model.rowsOf('tClients')).toHaveLength(2);
  });

  test('a batch over several tables is two syncs, whatever the tables and rows; a conflict undoes it all', async () => {
    const { model, store } = await filledWorkbook();
    const { tables } = await store.readAll();
    const [first, second] = tables.clients;
    const person = tables.people[0];
    const audit = (n: number, recordId: string) => ({
      id: `audit-batch-${n}`,
      at: '2026-11-20T09:30:00.000Z',
      action: 'update',
      table: 'clients',
      recordId,
    });
    const batch = await syncsOf(model, () =>
      store.write([
        {
          table: 'clients',
          append: Array.from({ length: 200 }, (_, i) => clientRecord(700_000 + i)),
          update: [{ id: first.id, expectedVersion: first.version, changes: { city: 'Toruń' } }],
          remove: [{ id: second.id, expectedVersion: second.version }],
        },
        {
          table: 'people',
          update: [{ id: person.id, expectedVersion: person.version, changes: { role: 'Prezes' } }],
        },
        { table: 'audit', append: [audit(1, first.id), audit(2, second.id)] },
      ]),
    );
    expect(batch.syncs).toBe(2);
    expect(batch.result.map((r) => [r.table, r.appended.length, r.updated.length])).toEqual([
      ['clients', 200, 1],
      ['people', 0, 1],
      ['audit', 2, 0],
    ]);
    const after = await store.readAll();
    expect(after.tables.clients).toHaveLength(tables.clients.length + 199);
    expect(after.tables.people[0]).toMatchObject({ role: 'Prezes', version: person.version + 1 });
  });

  test('an append above the request limit is sent in requests under it, one sync each', async () => {
    const limit = 64 * 1024;
    const model = await ExcelModel.create('pl', { requestLimitBytes: limit });
    const store = openOfficeJsStore({ run: model.run, maxPayloadBytes: limit - 1024 });
    const records = Array.from({ length: 1000 }, (_, i) =>
      clientRecord(i, { notes: `Notatka ${i}: ${'ż'.repeat(100)}` }),
    );
    const { syncs } = await syncsOf(model, () => store.append('clients', records));
    // 1,000 rows of about 400 bytes: 400 kB in requests of at most 63 kB.
    expect(model.rowsAdds).toBeGreaterThanOrEqual(7);
    expect(syncs).toBe(1 + model.rowsAdds);
    const stored = (await store.readAll()).tables.clients;
    expect(stored.map((r) => r.id)).toEqual(records.map((r) => r.id));
    expect(stored[999].notes).toBe(records[999].notes);
  });

  test('the model refuses a request above its limit, as Excel on the web does', async () => {
    const model = await ExcelModel.create('pl', { requestLimitBytes: 16 * 1024 });
    const store = openOfficeJsStore({ run: model.run, maxPayloadBytes: 1024 * 1024 });
    const records = Array.from({ length: 200 }, (_, i) => clientRecord(i));
    await expect(store.append('clients', records)).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
    expect(model.rowsOf('tClients')).toEqual([]);
  });
});

describe('Office.js store: a workbook larger than one answer of Excel on the web', () => {
  test('readAll reads the rows again in blocks when the one-sync answer is refused', async () => {
    const { model, store, rows } = await filledWorkbook();
    const expected = await store.readAll();
    const limited = await ExcelModel.load(await model.workbook.xlsx.writeBuffer(), {
      responseLimitBytes: 256 * 1024,
    });
    const blocks = openOfficeJsStore({ run: limited.run, maxCellsPerRead: 5000 });
    const { syncs, result } = await syncsOf(limited, () => blocks.readAll());
    expect(result).toEqual(expected);
    // The refused sync, one for headers, sizes and _meta, then syncs of at most 5,000 cells,
    // each answer under the limit (the model refuses any other).
    const cells = CURRENT_SCHEMA.tables.reduce((n, t) => {
      const width = limited.headersOf(t.tableName).length;
      return n + Math.max(1, limited.rowsOf(t.tableName).length) * width;
    }, 0);
    expect(rows).toBeGreaterThan(3000);
    expect(syncs).toBeGreaterThanOrEqual(2 + Math.ceil(cells / 5000));
    expect(syncs).toBeLessThanOrEqual(2 + Math.ceil(cells / 5000) + CURRENT_SCHEMA.tables.length);
  });
});
