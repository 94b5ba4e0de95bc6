import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CURRENT_SCHEMA,
  ID_COLUMN,
  TRACKING_COLUMNS,
  type TableSchema,
  type WorkbookSchema,
} from '../../../src/core/schema';
import { writeGeneratedWorkbook } from '../../../src/dev/generated-workbook';
import { startServer, type RunningServer } from '../../../src/server/workbook-server';
import { openGraphStore, type GraphStoreOptions } from '../../../src/store/graph/graph-store';
import {
  DEFAULT_PAGE_ROWS,
  defaultReadBudget,
  GRAPH_BATCH_BYTES,
  LOCAL_BATCH_BYTES,
  pagesOf,
  ReadQueue,
  type ReadBudget,
} from '../../../src/store/graph/read-plan';
import type { StoredRecord } from '../../../src/store/port';
import { createWorkbook, writeWorkbookFile } from '../../../src/store/xlsx/workbook-file';
import { generatedRowCounts, startSyntheticServer } from './synthetic-workbook';

/** The batches a load plans for tables of these sizes, each size answered in its batch. */
function plannedBatches(schema: WorkbookSchema, rows: Record<string, number>, budget: ReadBudget): number[] {
  const queue = new ReadQueue(budget);
  queue.addSmall({ id: 'meta', method: 'GET', url: '_meta' });
  for (const table of schema.tables) queue.addSmall({ id: `n:${table.key}`, method: 'GET', url: 'size' });
  for (const table of schema.tables) queue.addSmall({ id: `h:${table.key}`, method: 'GET', url: 'header' });
  const sizes: number[] = [];
  for (let batch = queue.next(); batch.length > 0; batch = queue.next()) {
    sizes.push(batch.length);
    for (const request of batch) {
      const table = schema.tables.find((t) => `n:${t.key}` === request.id);
      if (!table) continue;
      const columns = table.columns.length;
      const pages = pagesOf(table.key, rows[table.key] ?? 0, columns, budget);
      queue.addPages(pages, columns, (page) => ({
        id: `r:${table.key}:${page.skip}`,
        method: 'GET',
        url: 'rows',
      }));
    }
  }
  return sizes;
}

const LOCAL = defaultReadBudget('http://127.0.0.1:3000/');

/**
 * Progress told from the first batch on, ending with all done. The total is the tables' sizes:
 * an empty table's is one (its blank data row), so the total may pass the rows by that much.
 */
function expectProgressEndingAt(progress: readonly [number, number][], rows: number): void {
  const [done, total] = progress[progress.length - 1];
  expect(done).toBe(total);
  expect(total).toBeGreaterThanOrEqual(rows);
  expect(total).toBeLessThanOrEqual(rows + CURRENT_SCHEMA.tables.length);
  expect(new Set(progress.map(([, t]) => t))).toEqual(new Set([total]));
}

describe('a full load over Graph takes a few requests, not one per page', () => {
  test('the defaults: pages of 100,000 rows, 320 MiB a batch on loopback, 4 MB against Microsoft Graph', () => {
    expect(LOCAL).toEqual({ pageRows: DEFAULT_PAGE_ROWS, batchBytes: LOCAL_BATCH_BYTES });
    expect(defaultReadBudget('http://localhost:3000/')).toEqual(LOCAL);
    expect(defaultReadBudget('https://graph.microsoft.com/')).toEqual({
      pageRows: DEFAULT_PAGE_ROWS,
      batchBytes: GRAPH_BATCH_BYTES,
    });
  });

  // 20 tables: `_meta` and 19 sizes fill the first batch; the headers and pages take three more.
  test.each([
    [0, 4],
    [10_000, 4],
    [50_000, 4],
    [100_000, 4],
  ])(
    'planned for %i clients (10 activities each) against the local server: %i batches',
    (clients, batches) => {
      const sizes = plannedBatches(CURRENT_SCHEMA, generatedRowCounts(clients), LOCAL);
      expect(sizes).toHaveLength(batches);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(20);
    },
  );

  test('a table of 1,000,000 rows of 13 columns is 10 pages, all in one batch', () => {
    const pages = pagesOf('activities', 1_000_000, 13, LOCAL);
    expect(pages).toHaveLength(10);
    const queue = new ReadQueue(LOCAL);
    queue.addPages(pages, 13, (page) => ({ id: String(page.skip), method: 'GET', url: 'rows' }));
    expect(queue.next()).toHaveLength(10);
    expect(queue.next()).toEqual([]);
  });

  test('against Microsoft Graph a batch holds about 4 MB of rows: requests grow with the rows instead', () => {
    const graph = defaultReadBudget('https://graph.microsoft.com/');
    const pages = pagesOf('activities', 1_000_000, 13, graph);
    // 15,384 rows of 13 cells at 20 bytes: just under 4 MB a page, one page a batch.
    expect(pages[0].top).toBe(15_384);
    expect(pages).toHaveLength(66);
    expect(plannedBatches(CURRENT_SCHEMA, generatedRowCounts(0), graph)).toHaveLength(4);
    expect(plannedBatches(CURRENT_SCHEMA, generatedRowCounts(10_000), graph).length).toBeLessThan(20);
  });

  test.each([
    [10_000, 4],
    [50_000, 4],
    [100_000, 4],
  ])(
    'a workbook of %i clients (10 activities each): the local server counts %i HTTP requests for a load',
    async (clients, requests) => {
      // The server's own API over a workbook that says it holds that many rows (its pages are empty).
      const server = await startSyntheticServer(CURRENT_SCHEMA, generatedRowCounts(clients));
      try {
        const snapshot = await openGraphStore({
          baseUrl: server.url,
          workbook: '/me/drive/root:/synthetic.xlsx:',
        }).readAll();
        expect(snapshot.tables.activities).toEqual([]);
        expect(server.graph.stats.httpRequests).toBe(requests);
        expect(server.graph.stats.httpRequests).toBeLessThanOrEqual(5);
        const pageReads = server.graph.stats.log.filter((r) => r.path.includes('/rows?'));
        const tablePages = (table: string) => pageReads.filter((r) => r.path.includes(`tables('${table}')`));
        expect(tablePages('tActivities')).toHaveLength(Math.ceil((clients * 10) / DEFAULT_PAGE_ROWS));
        expect(tablePages('tClients')).toHaveLength(Math.ceil(clients / DEFAULT_PAGE_ROWS));
      } finally {
        await server.close();
      }
    },
  );
});

describe('request counts of loads of real workbooks through the local server', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'relacje-requests-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function loadCounted(
    file: string,
    options: Partial<GraphStoreOptions> = {},
  ): Promise<{ requests: number; rows: Record<string, number>; progress: [number, number][] }> {
    const server = await startServer({ port: 0, workbookFile: file, staticDir: dir, log: () => undefined });
    try {
      const progress: [number, number][] = [];
      const store = openGraphStore({
        baseUrl: server.url,
        workbook: `/me/drive/root:/${path.basename(file)}:`,
        ...options,
      });
      const snapshot = await store.readAll({ onProgress: (done, total) => progress.push([done, total]) });
      await store.close();
      const rows = Object.fromEntries(
        Object.entries(snapshot.tables).map(([key, table]) => [key, table.length]),
      );
      return { requests: server.graph.stats.httpRequests, rows, progress };
    } finally {
      await server.close();
    }
  }

  test.each([0, 200, 1_000])(
    'a generated workbook of %i clients loads in 4 requests: sizes and headers, then every page',
    async (clients) => {
      const file = path.join(dir, `generated-${clients}.xlsx`);
      const written = await writeGeneratedWorkbook(file, { clients, seed: 7, activitiesPerClient: 10 });
      const { requests, rows, progress } = await loadCounted(file);
      expect(Object.values(rows).reduce((sum, n) => sum + n, 0)).toBe(written);
      expect(requests).toBe(4);
      expectProgressEndingAt(progress, written);
    },
    60_000,
  );

  test('100 clients and 1,000 activities in pages of 50 rows and batches of 1/1000 the budget load as 100,000 and 1,000,000 would: 5 requests', async () => {
    const file = path.join(dir, 'scaled.xlsx');
    const written = await writeGeneratedWorkbook(file, { clients: 100, seed: 7, activitiesPerClient: 10 });
    const scaled = { pageSize: 50, maxBatchBytes: Math.floor(LOCAL_BATCH_BYTES / 1000) };
    const { requests, rows, progress } = await loadCounted(file, scaled);
    expect(rows.activities).toBe(1000);
    expect(requests).toBe(5);
    expect(requests).toBe(
      plannedBatches(CURRENT_SCHEMA, rows, { pageRows: scaled.pageSize, batchBytes: scaled.maxBatchBytes })
        .length,
    );
    // Progress after each batch once every table is counted, ending at every row.
    expect(progress.length).toBeGreaterThan(1);
    expectProgressEndingAt(progress, written);
  }, 60_000);

  test('10 tables × 10,000 rows load in 2 requests; appending 1,000 rows takes one', async () => {
    const TABLES = 10;
    const ROWS = 10_000;
    // Ten tables of a name and the tracking columns: the shape matters here, not the CRM.
    const schema: WorkbookSchema = {
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
    const file = path.join(dir, 'duzy.xlsx');
    const loaded = createWorkbook('pl', schema);
    const tables = Object.fromEntries(
      schema.tables.map((t, n) => [t.key, Array.from({ length: ROWS }, (_, i) => row(n, i))]),
    );
    await writeWorkbookFile(file, loaded, { ...loaded.state, tables });
    const server: RunningServer = await startServer({
      port: 0,
      workbookFile: file,
      staticDir: dir,
      log: () => undefined,
    });
    try {
      const open = () =>
        openGraphStore({ baseUrl: server.url, workbook: '/me/drive/root:/duzy.xlsx:', schema });
      const store = open();
      server.graph.resetStats();
      const snapshot = await store.readAll();
      expect(Object.values(snapshot.tables).map((rows) => rows.length)).toEqual(Array(TABLES).fill(ROWS));
      expect(snapshot.tables.t3[4321]).toMatchObject({ id: 't3-4321', name: 'Wiersz 4321 tabeli 3' });
      // `_meta`, ten sizes and nine headers; the last header and the ten pages.
      expect(server.graph.stats.httpRequests).toBe(2);
      expect(server.graph.stats.operations).toBe(1 + TABLES + TABLES + TABLES);

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
      expect((await open().readAll()).tables.t0).toHaveLength(ROWS + 2000);
      await store.close();
    } finally {
      await server.close();
    }
  }, 120_000);
});
