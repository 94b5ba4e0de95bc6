import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../src/server/workbook-server';
import { openGraphStore } from '../../src/store/graph/graph-store';
import { createXlsxWorkbook, openXlsxStore } from '../../src/store/xlsx/xlsx-store';
import { runCrmServiceSuite, type ServiceStoreUnderTest } from './crm-service-suite';
import { runOfferCreationSuite } from './offer-creation-suite';

async function newWorkbook(prefix: string): Promise<{ dir: string; file: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const file = path.join(dir, 'klienci.xlsx');
  await createXlsxWorkbook(file, { locale: 'pl' });
  return { dir, file };
}

async function xlsxFileStore(): Promise<ServiceStoreUnderTest> {
  const { dir, file } = await newWorkbook('relacje-crm-xlsx-');
  const store = await openXlsxStore(file, { foldAfterIdleMs: 60_000 });
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function graphStoreOverLocalServer(): Promise<ServiceStoreUnderTest> {
  const { dir, file } = await newWorkbook('relacje-crm-graph-');
  const server = await startServer({ port: 0, workbookFile: file, staticDir: dir, log: () => undefined });
  const store = openGraphStore({ baseUrl: server.url, workbook: '/me/drive/root:/klienci.xlsx:' });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

for (const [name, factory] of [
  ['the xlsx file store', xlsxFileStore],
  ['the Graph store and the local workbook server', graphStoreOverLocalServer],
] as const) {
  runCrmServiceSuite(name, factory);
  runOfferCreationSuite(name, factory);
}
