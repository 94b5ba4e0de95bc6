import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../src/server/workbook-server';
import { createXlsxWorkbook, openXlsxStore } from '../../src/store/xlsx/xlsx-store';
import { runSeed } from '../reliability/random';
import { bundleChild } from '../reliability/child-process';
import { runServerCycles, SERVER_CHILD } from '../reliability/server-crash';
import { runStoreLane, STORE_WRITER } from '../reliability/store-crash';
import { convertWithLibreOffice } from './soffice';

/*
 * Workbooks left by kill -9 (test/reliability) opened by LibreOffice: the .xlsx as the last kill
 * left it must open, and once the store (or the server) has replayed and folded the journal, the
 * clients LibreOffice reads are the ones the store reads.
 */
const SEED = runSeed();
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1';

/** The ID column (the first) of a clients sheet exported to CSV, below its header. */
function idsOfCsv(text: string): string[] {
  const firstFields = text.split(/\r?\n/).map((line) => line.split(',')[0].replace(/^"|"$/g, ''));
  const header = firstFields.indexOf('ID');
  expect(header).toBeGreaterThanOrEqual(0);
  return firstFields.slice(header + 1).filter((id) => id !== '');
}

function clientsCsv(outDir: string, file: string): string {
  const base = path.basename(file, '.xlsx');
  const name = readdirSync(outDir).find((n) => n === `${base}-Klienci.csv` || n === `${base}-Clients.csv`);
  if (!name)
    throw new Error(`LibreOffice wrote no clients sheet for ${base}: ${readdirSync(outDir).join(', ')}`);
  return readFileSync(path.join(outDir, name), 'utf8');
}

async function storeIds(file: string): Promise<string[]> {
  const store = await openXlsxStore(file, { readOnly: true });
  try {
    return (await store.readAll()).tables.clients.map((c) => c.id).sort();
  } finally {
    await store.close();
  }
}

describe(`LibreOffice opens the workbooks kill -9 left (seed ${SEED})`, () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'relacje-reliability-lo-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the xlsx store: as the kills left them, and folded', async () => {
    const raw: string[] = [];
    const folded: string[] = [];
    const work = path.join(dir, 'store');
    mkdirSync(work);
    await runStoreLane({
      dir: work,
      writer: bundleChild(STORE_WRITER, work),
      seed: SEED,
      lane: 0,
      kills: 8,
      workbookEvery: 4,
      onWorkbookDone: async (file) => {
        const base = path.basename(file, '.xlsx');
        raw.push(path.join(dir, `${base}-raw.xlsx`));
        copyFileSync(file, raw[raw.length - 1]);
        // Opening for writing replays the journal; closing folds it into the .xlsx.
        await (await openXlsxStore(file)).close();
        folded.push(file);
      },
    });
    const outDir = path.join(dir, 'csv-store');
    mkdirSync(outDir);
    await convertWithLibreOffice(dir, CSV_FILTER, outDir, [...raw, ...folded]);
    // The copies have no journal beside them: the store reads the .xlsx alone, as LibreOffice does.
    for (const file of [...raw, ...folded])
      expect(idsOfCsv(clientsCsv(outDir, file)).sort()).toEqual(await storeIds(file));
  });

  test('the local server: as the kills left it, and folded', async () => {
    const file = path.join(dir, 'serwer.xlsx');
    await createXlsxWorkbook(file, { locale: 'pl' });
    await runServerCycles({ file, seed: SEED, kills: 4, server: bundleChild(SERVER_CHILD, dir) });
    const raw = path.join(dir, 'serwer-raw.xlsx');
    copyFileSync(file, raw);
    // A first request replays what the last kill left; closing folds it into the .xlsx.
    const server = await startServer({ port: 0, workbookFile: file, staticDir: dir, log: () => undefined });
    const answer = await fetch(`${server.url}v1.0/me/drive/root:/serwer.xlsx:/workbook/tables/tClients/rows`);
    const rows = ((await answer.json()) as { value: { values: unknown[][] }[] }).value;
    await server.close();
    const served = rows.map((row) => String(row.values[0][0])).sort();
    expect(served.length).toBeGreaterThan(0);

    const outDir = path.join(dir, 'csv-server');
    mkdirSync(outDir);
    await convertWithLibreOffice(dir, CSV_FILTER, outDir, [raw, file]);
    // As the last kill left it, the .xlsx holds the rows of its last fold: rows the server served.
    const inRaw = idsOfCsv(clientsCsv(outDir, raw));
    expect(inRaw.filter((id) => !served.includes(id))).toEqual([]);
    expect(idsOfCsv(clientsCsv(outDir, file)).sort()).toEqual(served);
  });
});
