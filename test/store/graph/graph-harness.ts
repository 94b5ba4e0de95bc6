import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from '../../../src/server/workbook-server';
import {
  openGraphStore,
  type GraphStoreOptions,
  type GraphWorkbookStore,
} from '../../../src/store/graph/graph-store';
import { createXlsxWorkbook } from '../../../src/store/xlsx/xlsx-store';

/** A local workbook server over a fresh workbook, and Graph adapters pointed at it. */
export interface GraphHarness {
  server: RunningServer;
  file: string;
  /** Waits the adapters asked for, in ms, instead of sleeping them. */
  waits: number[];
  store(options?: Partial<GraphStoreOptions>): GraphWorkbookStore;
  close(): Promise<void>;
}

export const WORKBOOK = '/me/drive/root:/klienci.xlsx:';

export async function startGraphHarness(): Promise<GraphHarness> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'relacje-graph-'));
  const file = path.join(dir, 'klienci.xlsx');
  await createXlsxWorkbook(file, { locale: 'pl' });
  const server = await startServer({ port: 0, workbookFile: file, staticDir: dir, log: () => undefined });
  const waits: number[] = [];
  const stores: GraphWorkbookStore[] = [];
  return {
    server,
    file,
    waits,
    store(options = {}) {
      const store = openGraphStore({
        baseUrl: server.url,
        workbook: WORKBOOK,
        sleep: async (ms) => {
          waits.push(ms);
        },
        ...options,
      });
      stores.push(store);
      return store;
    },
    async close() {
      await Promise.all(stores.map((s) => s.close()));
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
