import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ID_COLUMN, TRACKING_COLUMNS, type TableSchema, type WorkbookSchema } from '../../../src/core/schema';
import { startServer, type RunningServer } from '../../../src/server/workbook-server';
import { openGraphStore } from '../../../src/store/graph/graph-store';
import type { StoredRecord } from '../../../src/store/port';
import { createWorkbook, writeWorkbookFile } from '../../../src/store/xlsx/workbook-file';

const TABLES = 10;
const ROWS = 10_000;

/** Ten tables of a name and the tracking columns: the shape matters here, not the CRM. */
const SCHEMA: WorkbookSchema = {
  version: 1,
  enums: [],
  tables: Array.from({ length: TABLES }, (_, t): TableSchema => ({
    key: `t${t}`,
    tableName: `tTable${t}`,
    sheet: { pl: `Arkusz ${t}`, en: `Sheet ${t}` },
    columns: [
      ID_COLUMN,
      { key: 'name', type: 'text', required: true, header: { pl: 'Nazwa', en: 'Name' } },
      ...TRACKING_COLUMNS,
    ],
  })),
};

const stamp = '2026-11-22T10:00:00.000Z';
const row = (t: number, i: number): StoredRecord => ({
  id: `t${t}-${i}`,
  name: `Wiersz ${i} tabeli ${t}`,
  version: 1,
  createdAt: stamp,
  updatedAt: stamp,
});

let dir: string;
let server: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'relacje-requests-'));
  const file = path.join(dir, 'duzy.xlsx');
  const loaded = createWorkbook('pl', SCHEMA);
  const tables = Object.fromEntries(
    SCHEMA.tables.map((t, n) => [t.key, Array.from({ length: ROWS }, (_, i) => row(n, i))]),
  );
  await writeWorkbookFile(file, loaded, { ...loaded.state, tables });
  server = await startServer({ port: 0, workbookFile: file, staticDir: dir, log: () => undefined });
}, 120_000);

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

test(`loading ${TABLES} tables × ${ROWS} rows takes 4 HTTP requests; appending 1,000 rows takes one`, async () => {
  const store = openGraphStore({
    baseUrl: server.url,
    workbook: '/me/drive/root:/duzy.xlsx:',
    schema: SCHEMA,
  });
  server.graph.resetStats();
  const snapshot = await store.readAll();
  expect(Object.values(snapshot.tables).map((rows) => rows.length)).toEqual(Array(TABLES).fill(ROWS));
  expect(snapshot.tables.t3[4321]).toMatchObject({ id: 't3-4321', name: 'Wiersz 4321 tabeli 3' });
  // Pages of 5,000: the headers, first pages and _meta (21 reads) in two batches; the second
  // pages in one; one more to find the tables end there. Four, whatever each row holds.
  expect(server.graph.stats.httpRequests).toBe(4);
  expect(server.graph.stats.operations).toBe(TABLES * 2 + 1 + TABLES + TABLES);

  const batch = (from: number) =>
    Array.from({ length: 1000 }, (_, i) => ({ id: `new-${from + i}`, name: `Nowy ${from + i}` }));
  server.graph.resetStats();
  await store.append('t0', batch(0));
  // The first write of an adapter opens its workbook session.
  expect(server.graph.stats.log.map((r) => r.path.split('/workbook/')[1])).toEqual([
    'createSession',
    "tables('tTable0')/rows",
  ]);
  server.graph.resetStats();
  await store.append('t0', batch(1000));
  expect(server.graph.stats.httpRequests).toBe(1);

  const again = await openGraphStore({
    baseUrl: server.url,
    workbook: '/me/drive/root:/duzy.xlsx:',
    schema: SCHEMA,
  }).readAll();
  expect(again.tables.t0).toHaveLength(ROWS + 2000);
  await store.close();
}, 120_000);
