import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createXlsxWorkbook, openXlsxStore } from '../../src/store/xlsx/xlsx-store';
import type { WorkbookStore } from '../../src/store/port';
import { runStoreContract } from './store-contract';

runStoreContract('xlsx file', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'relacje-contract-'));
  const file = path.join(dir, 'crm.xlsx');
  await createXlsxWorkbook(file, { locale: 'pl' });
  let current: WorkbookStore = await openXlsxStore(file, { foldAfterIdleMs: 60_000 });
  return {
    store: current,
    reopen: async () => {
      await current.close();
      current = await openXlsxStore(file, { foldAfterIdleMs: 60_000 });
      return current;
    },
    cleanup: async () => {
      await current.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
