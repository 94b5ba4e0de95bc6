import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from '../../src/server/workbook-server';
import { openGraphStore } from '../../src/store/graph/graph-store';
import type { WorkbookStore } from '../../src/store/port';
import { createXlsxWorkbook } from '../../src/store/xlsx/xlsx-store';
import { runStoreContract } from './store-contract';

/** The Graph adapter against the local workbook server, over real HTTP on loopback. */
runStoreContract('Microsoft Graph (local workbook server)', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'relacje-graph-contract-'));
  const file = path.join(dir, 'klienci.xlsx');
  await createXlsxWorkbook(file, { locale: 'pl' });
  let server: RunningServer = await startServer({
    port: 0,
    workbookFile: file,
    staticDir: dir,
    log: () => undefined,
  });
  // Pages of 10 rows, so that reads of more rows than that go on in further rounds.
  const open = () =>
    openGraphStore({ baseUrl: server.url, workbook: '/me/drive/root:/klienci.xlsx:', pageSize: 10 });
  let current: WorkbookStore = open();
  return {
    store: current,
    reopen: async () => {
      await current.close();
      // The server folds its journal into the .xlsx and starts again from the file alone.
      await server.close();
      server = await startServer({ port: 0, workbookFile: file, staticDir: dir, log: () => undefined });
      current = open();
      return current;
    },
    cleanup: async () => {
      await current.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
