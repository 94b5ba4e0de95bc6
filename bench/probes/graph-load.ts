// The Graph path: the Graph adapter over real HTTP on loopback to the local workbook server, which
// serves the given .xlsx (a copy: this probe writes to it). Times the full load and counts the HTTP
// requests of each operation from the server's own counter. Then the requests of a full load at
// 10,000, 50,000 and 100,000 clients (10 activities each), counted by the same server API over a
// synthetic workbook that reports those row counts with empty pages (so no 1,000,000 rows are
// generated, sent or decoded): with the local server's batch budget, and with Microsoft Graph's.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../src/server/workbook-server';
import { CURRENT_SCHEMA } from '../../src/core/schema';
import { openGraphStore } from '../../src/store/graph/graph-store';
import { GRAPH_BATCH_BYTES } from '../../src/store/graph/read-plan';
import type { NewRecord } from '../../src/store/port';
import { generatedRowCounts, startSyntheticServer } from '../../test/store/graph/synthetic-workbook';
import { median, millisecondsSince, reportProbe } from './probe-output';

const LOADS = Number(process.env.BENCH_GRAPH_LOADS ?? 3);

/** HTTP requests of one full load of a synthetic workbook of this many clients, as the server counts them. */
async function syntheticLoadRequests(clients: number, maxBatchBytes?: number): Promise<number> {
  const server = await startSyntheticServer(CURRENT_SCHEMA, generatedRowCounts(clients));
  try {
    await openGraphStore({
      baseUrl: server.url,
      workbook: '/me/drive/root:/synthetic.xlsx:',
      maxBatchBytes,
    }).readAll();
    return server.graph.stats.httpRequests;
  } finally {
    await server.close();
  }
}

const client = (id: string): NewRecord => ({ id, name: `Firma ${id}`, type: 'company', status: 'lead' });

async function main(file: string): Promise<void> {
  const staticDir = mkdtempSync(path.join(os.tmpdir(), 'relacje-bench-static-'));
  const server = await startServer({ port: 0, workbookFile: file, staticDir, log: () => undefined });
  const open = () =>
    openGraphStore({ baseUrl: server.url, workbook: `/me/drive/root:/${path.basename(file)}:` });
  const figures: Record<string, number> = {};
  const requestsOf = async (work: () => Promise<unknown>): Promise<{ requests: number; ms: number }> => {
    server.graph.resetStats();
    const start = process.hrtime.bigint();
    await work();
    return { requests: server.graph.stats.httpRequests, ms: millisecondsSince(start) };
  };
  try {
    // Cold: the server opens the .xlsx on the first request, as after `npm start`.
    const store = open();
    let rows = 0;
    const cold = await requestsOf(async () => {
      const snapshot = await store.readAll();
      rows = Object.values(snapshot.tables).reduce((sum, table) => sum + table.length, 0);
    });
    figures.rows = rows;
    figures.coldLoadMs = cold.ms;
    figures.loadRequests = cold.requests;
    // Warm: the workbook is open on the server, as for every pane after the first.
    const warm: number[] = [];
    for (let i = 0; i < LOADS; i += 1) warm.push((await requestsOf(() => open().readAll())).ms);
    figures.warmLoadMs = median(warm);

    const firstAppend = await requestsOf(() => store.append('clients', [client('bench-first')]));
    figures.firstWriteRequests = firstAppend.requests;
    const append1 = await requestsOf(() => store.append('clients', [client('bench-one')]));
    figures.append1Requests = append1.requests;
    figures.append1Ms = append1.ms;
    const thousand = Array.from({ length: 1000 }, (_, i) => client(`bench-k-${i}`));
    const append1000 = await requestsOf(() => store.append('clients', thousand));
    figures.append1000Requests = append1000.requests;
    figures.append1000Ms = append1000.ms;
    const update1 = await requestsOf(() =>
      store.update('clients', [{ id: 'bench-one', expectedVersion: 1, changes: { city: 'Gdańsk' } }]),
    );
    figures.update1Requests = update1.requests;
    figures.update1Ms = update1.ms;
    const remove1 = await requestsOf(() =>
      store.remove('clients', [{ id: 'bench-one', expectedVersion: 2 }]),
    );
    figures.remove1Requests = remove1.requests;
    figures.remove1Ms = remove1.ms;
    await store.close();
    for (const clients of [10_000, 50_000, 100_000]) {
      const size = `${clients / 1000}k`;
      figures[`loadRequests${size}`] = await syntheticLoadRequests(clients);
      figures[`loadRequests${size}GraphBudget`] = await syntheticLoadRequests(clients, GRAPH_BATCH_BYTES);
    }
  } finally {
    await server.close();
    rmSync(staticDir, { recursive: true, force: true });
  }
  reportProbe(figures);
}

void main(process.argv[2]);
