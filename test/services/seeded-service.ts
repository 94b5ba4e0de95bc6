import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CrmService } from '../../src/services/crm-service';
import { createCrmService } from '../../src/services/store-crm-service';
import type { NewRecord, StoredRecord, WorkbookStore } from '../../src/store/port';
import { createXlsxWorkbook, openXlsxStore } from '../../src/store/xlsx/xlsx-store';
import { countingStore } from './crm-service-suite';

/** A CRM service over a real .xlsx store in a fresh folder, seeded, its store calls counted. */
export interface SeededService {
  store: WorkbookStore;
  counted: ReturnType<typeof countingStore>;
  service: CrmService;
  /** A table as the store holds it now. */
  rows(table: string): Promise<StoredRecord[]>;
  close(): Promise<void>;
}

export async function openSeededService(
  seed: Readonly<Record<string, NewRecord[]>>,
  options: { user: string; now: Date; newId?: (n: number) => string },
): Promise<SeededService> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'relacje-service-'));
  const file = path.join(dir, 'klienci.xlsx');
  await createXlsxWorkbook(file, { locale: 'pl' });
  const store = await openXlsxStore(file, { foldAfterIdleMs: 60_000 });
  for (const [table, rows] of Object.entries(seed)) await store.append(table, rows);
  const counted = countingStore(store);
  let ids = 0;
  const newId = options.newId ?? ((n: number) => `new-${n}`);
  const service = createCrmService({
    store: counted.store,
    user: options.user,
    now: () => options.now,
    newId: () => newId(++ids),
  });
  await service.load();
  return {
    store,
    counted,
    service,
    rows: async (table) => (await store.readAll()).tables[table],
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
