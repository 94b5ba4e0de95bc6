// Where a full load over the Graph path spends its time, against the xlsx adapter reading the same
// file: the server opening the .xlsx, the server's own work per request, the HTTP and JSON between
// them, and the adapter decoding rows into records. Server and pane share this process, so the
// split is by wall time inside each part (the server's answer and the pane's decode run in turn).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GraphWorkbookApi } from '../../src/server/graph-api';
import { startServer } from '../../src/server/workbook-server';
import { GraphWorkbookStore, openGraphStore } from '../../src/store/graph/graph-store';
import { openXlsxStore } from '../../src/store/xlsx/xlsx-store';
import { median, millisecondsSince, reportProbe } from './probe-output';

const LOADS = Number(process.env.BENCH_GRAPH_LOADS ?? 3);

type Timed = { ms: number };

/** Adds the wall time of each call of a prototype's async method to `into`. */
function timeMethod(prototype: object, name: string, into: Timed): void {
  const methods = prototype as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const original = methods[name];
  methods[name] = async function timed(this: unknown, ...args: unknown[]) {
    const start = process.hrtime.bigint();
    try {
      return await original.apply(this, args);
    } finally {
      into.ms += millisecondsSince(start);
    }
  };
}

async function main(file: string): Promise<void> {
  const figures: Record<string, number> = {};
  const server = { ms: 0 };
  const decode = { ms: 0 };
  timeMethod(GraphWorkbookApi.prototype, 'handle', server);
  timeMethod(GraphWorkbookStore.prototype, 'decodeTable', decode);

  const xlsxStart = process.hrtime.bigint();
  const xlsx = await openXlsxStore(file, { readOnly: true });
  const direct = await xlsx.readAll();
  figures.xlsxReadAllMs = millisecondsSince(xlsxStart);
  await xlsx.close();
  figures.rows = Object.values(direct.tables).reduce((sum, rows) => sum + rows.length, 0);

  const staticDir = mkdtempSync(path.join(os.tmpdir(), 'relacje-bench-static-'));
  const running = await startServer({ port: 0, workbookFile: file, staticDir, log: () => undefined });
  const open = () =>
    openGraphStore({
      baseUrl: running.url,
      workbook: `/me/drive/root:/${path.basename(file)}:`,
      // As the standalone pane waits for the local server: a big workbook's open takes longer than
      // Graph's 30 s per request, and a timed-out first request would be counted and timed again.
      requestTimeoutMs: 5 * 60_000,
    });
  const load = async () => {
    server.ms = 0;
    decode.ms = 0;
    running.graph.resetStats();
    const start = process.hrtime.bigint();
    await open().readAll();
    const total = millisecondsSince(start);
    return { total, server: server.ms, decode: decode.ms, requests: running.graph.stats.httpRequests };
  };
  try {
    // Cold: the first request opens the .xlsx on the server, as after `npm start`.
    const cold = await load();
    figures.coldLoadMs = cold.total;
    figures.coldServerMs = cold.server;
    figures.loadRequests = cold.requests;
    const warm = [];
    for (let i = 0; i < LOADS; i += 1) warm.push(await load());
    figures.warmLoadMs = median(warm.map((w) => w.total));
    figures.warmServerMs = median(warm.map((w) => w.server));
    figures.warmDecodeMs = median(warm.map((w) => w.decode));
    figures.warmTransportMs = figures.warmLoadMs - figures.warmServerMs - figures.warmDecodeMs;
    figures.openMs = figures.coldServerMs - figures.warmServerMs;
    figures.warmToXlsx = figures.warmLoadMs / figures.xlsxReadAllMs;
    figures.coldToXlsx = figures.coldLoadMs / figures.xlsxReadAllMs;
  } finally {
    await running.close();
    rmSync(staticDir, { recursive: true, force: true });
  }
  reportProbe(figures);
}

void main(process.argv[2]);
