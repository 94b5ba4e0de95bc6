import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { writeGeneratedWorkbook } from '../../src/dev/generated-workbook';
import { startServer, type RunningServer } from '../../src/server/workbook-server';
import { createXlsxWorkbook, openXlsxStore } from '../../src/store/xlsx/xlsx-store';
import { ZipEntries } from '../../src/store/xlsx/zip-entries';
import { clientRecord } from '../contract/store-contract';
import { addDashboardChart } from '../store/engine/package-fixtures';
import { convertWithLibreOffice } from './soffice';

const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1';

/**
 * Measured on main before the patching engine: a workbook saved by LibreOffice took appends (201)
 * but every fold failed inside ExcelJS, later opens failed, and the acknowledged rows were lost.
 */
describe('a workbook LibreOffice saved takes writes, keeps them, and LibreOffice opens the result', () => {
  let dir: string;
  let saved: string;
  let generated: Map<string, unknown>;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'relacje-lo-writes-'));
    const original = path.join(dir, 'crm.xlsx');
    await writeGeneratedWorkbook(original, { seed: 7, clients: 40, activitiesPerClient: 2, locale: 'pl' });
    const read = await openXlsxStore(original, { readOnly: true });
    generated = new Map((await read.readAll()).tables.clients.map((c) => [c.id, c.keyAccount]));
    await read.close();
    const outDir = path.join(dir, 'saved');
    await mkdir(outDir);
    await convertWithLibreOffice(dir, 'xlsx:Calc MS Excel 2007 XML', outDir, [original]);
    saved = path.join(outDir, 'crm.xlsx');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('through the store: append, update and remove are folded, reopened and shown by LibreOffice', async () => {
    let store = await openXlsxStore(saved, { foldAfterIdleMs: 3_600_000 });
    const before = (await store.readAll()).tables.clients;
    expect(before).toHaveLength(40);
    await store.append('clients', [clientRecord(1, { name: 'Nowa Firma Żółwik', city: 'Łomża' })]);
    await store.update('clients', [
      { id: before[0].id, expectedVersion: before[0].version, changes: { city: 'Świnoujście' } },
    ]);
    await store.remove('clients', [{ id: before[1].id, expectedVersion: before[1].version }]);
    await store.fold();
    await store.append('clients', [clientRecord(2, { name: 'Druga Nowa Firma' })]);
    await store.close();

    store = await openXlsxStore(saved, { foldAfterIdleMs: 3_600_000 });
    const after = (await store.readAll()).tables.clients;
    await store.close();
    expect(after).toHaveLength(41);
    expect(after.find((c) => c.id === before[0].id)?.city).toBe('Świnoujście');
    expect(after.some((c) => c.id === before[1].id)).toBe(false);
    expect(after.map((c) => c.name)).toEqual(
      expect.arrayContaining(['Nowa Firma Żółwik', 'Druga Nowa Firma']),
    );
    // Booleans LibreOffice saved as FALSE()/TRUE() formulas read as the values they were.
    expect([...generated.values()]).toEqual(expect.arrayContaining([true, false]));
    for (const client of after.filter((c) => generated.has(c.id))) {
      expect({ id: client.id, keyAccount: client.keyAccount }).toEqual({
        id: client.id,
        keyAccount: generated.get(client.id),
      });
    }

    const csvDir = path.join(dir, 'csv-store');
    await mkdir(csvDir);
    await convertWithLibreOffice(dir, CSV_FILTER, csvDir, [saved]);
    const clientsCsv = await readFile(path.join(csvDir, 'crm-Klienci.csv'), 'utf8');
    expect(clientsCsv).toContain('Nowa Firma Żółwik');
    expect(clientsCsv).toContain('Świnoujście');
    expect(clientsCsv).not.toContain(before[1].name);
  });

  it('through the local server: rows posted over Graph are in the file after the server stops', async () => {
    const served = path.join(dir, 'served.xlsx');
    await rm(served, { force: true });
    await import('node:fs/promises').then((fs) => fs.copyFile(saved, served));
    const server: RunningServer = await startServer({ port: 0, workbookFile: served, staticDir: dir });
    const tables = `${server.url}v1.0/me/drive/root:/served.xlsx:/workbook/tables`;
    const columns = (await (await fetch(`${tables}/tClients/columns`)).json()) as {
      value: { name: string }[];
    };
    const row = columns.value.map((c) =>
      c.name === 'ID'
        ? 'graph-1'
        : c.name === 'Nazwa'
          ? 'Firma z Graph'
          : c.name === 'Rodzaj'
            ? 'Firma'
            : c.name === 'Status'
              ? 'Potencjalny'
              : null,
    );
    const posted = await fetch(`${tables}/tClients/rows`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ index: null, values: [row] }),
    });
    expect(posted.status).toBe(201);
    await server.close();

    const store = await openXlsxStore(served, { readOnly: true });
    const clients = (await store.readAll()).tables.clients;
    await store.close();
    expect(clients.find((c) => c.id === 'graph-1')?.name).toBe('Firma z Graph');
  });
});

describe('a chart survives writes and folds, and LibreOffice still shows it', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'relacje-lo-chart-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('opens the folded workbook with its chart', async () => {
    const file = path.join(dir, 'wykres.xlsx');
    await createXlsxWorkbook(file, { locale: 'pl' });
    await addDashboardChart(file);
    const store = await openXlsxStore(file, { foldAfterIdleMs: 3_600_000 });
    for (let i = 0; i < 20; i += 1) {
      await store.append('clients', [clientRecord(i)]);
      await store.writeDashboard([
        { ref: 'A1', value: 'Nowe' },
        { ref: 'B1', value: i + 1 },
        { ref: 'A2', value: 'Wygrane' },
        { ref: 'B2', value: 3 },
      ]);
      await store.fold();
    }
    await store.close();
    const outDir = path.join(dir, 'ods');
    await mkdir(outDir);
    await convertWithLibreOffice(dir, 'ods', outDir, [file]);
    const ods = new ZipEntries(await readFile(path.join(outDir, 'wykres.ods')));
    const charts = ods.names().filter((name) => /^Object \d+\/content\.xml$/.test(name));
    expect(charts).toHaveLength(1);
    expect(ods.read(charts[0])!.toString('utf8')).toContain('Lejek sprzedaży');
  });
});
