// A bulk client import through the standalone path: the CRM service's `importClients` over the
// Graph adapter, real HTTP on loopback, the local workbook server and its journaled .xlsx, and the
// same rows through `store.append` alone. Each size starts from a fresh, empty workbook; the time
// per size should grow with the rows (linear: 4× the rows, about 4× the time).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../src/server/workbook-server';
import { createCrmService } from '../../src/services/store-crm-service';
import { openGraphStore } from '../../src/store/graph/graph-store';
import type { NewRecord } from '../../src/store/port';
import { createXlsxWorkbook } from '../../src/store/xlsx/xlsx-store';
import { median, millisecondsSince, reportProbe } from './probe-output';

const SIZES = (process.env.BENCH_BULK_SIZES ?? '2500,5000,10000,20000').split(',').map(Number);
/** Each size this many times, its median reported (the machine may be shared). */
const ROUNDS = Number(process.env.BENCH_BULK_ROUNDS ?? 1);

const CITIES = ['Warszawa', 'Kraków', 'Łódź', 'Wrocław', 'Poznań', 'Gdańsk'];

const clients = (count: number, prefix: string): NewRecord[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i}`,
    name: `Przedsiębiorstwo Łódzkie ${prefix} ${i}`,
    type: 'company',
    status: i % 3 === 0 ? 'active' : 'lead',
    city: CITIES[i % CITIES.length],
    email: `biuro${i}@firma-${prefix}.pl`,
  }));

async function timedImport(dir: string, rows: number, through: 'service' | 'store'): Promise<number> {
  const file = path.join(dir, `${through}-${rows}.xlsx`);
  await createXlsxWorkbook(file, { locale: 'pl', overwrite: true });
  const staticDir = path.join(dir, 'static');
  mkdirSync(staticDir, { recursive: true });
  const server = await startServer({
    port: 0,
    workbookFile: file,
    staticDir,
    // The server's own fold settings, as under `npm start`: folds during the import are its cost.
    log: () => undefined,
  });
  try {
    const store = openGraphStore({
      baseUrl: server.url,
      workbook: `/me/drive/root:/${path.basename(file)}:`,
    });
    const records = clients(rows, through);
    if (through === 'service') {
      const service = createCrmService({ store, user: 'bench@relacje.pl' });
      await service.load();
      const start = process.hrtime.bigint();
      await service.importClients({ create: records, update: [] });
      return millisecondsSince(start);
    }
    await store.readAll();
    const start = process.hrtime.bigint();
    await store.append('clients', records);
    return millisecondsSince(start);
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'relacje-bench-bulk-'));
  const figures: Record<string, number> = {};
  try {
    for (const rows of SIZES) {
      const imports: number[] = [];
      const appends: number[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        imports.push(await timedImport(dir, rows, 'service'));
        appends.push(await timedImport(dir, rows, 'store'));
      }
      figures[`import${rows}Ms`] = median(imports);
      figures[`append${rows}Ms`] = median(appends);
    }
    // Linear work grows as the rows do: the largest size against a quarter of it, when measured.
    const large = Math.max(...SIZES);
    const small = SIZES.includes(large / 4) ? large / 4 : Math.min(...SIZES);
    figures.rowsGrowth = large / small;
    figures.importGrowth = figures[`import${large}Ms`] / figures[`import${small}Ms`];
    figures.appendGrowth = figures[`append${large}Ms`] / figures[`append${small}Ms`];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  reportProbe(figures);
}

void main();
