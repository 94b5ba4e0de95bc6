import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { isRelacjeError, type ErrorCode } from '../../../src/core/errors';
import { CURRENT_SCHEMA, SCHEMA_V1 } from '../../../src/core/schema';
import { createXlsxWorkbook, openXlsxStore } from '../../../src/store/xlsx/xlsx-store';
import {
  inspectWorkbookFile,
  loadWorkbookFile,
  repairWorkbookFile,
} from '../../../src/store/xlsx/workbook-file';
import { clientRecord } from '../../contract/store-contract';

const FIXTURE_V1 = path.join(__dirname, '..', '..', 'fixtures', 'schema-v1.xlsx');

let dir: string;
let file: string;

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'relacje-format-'));
  file = path.join(dir, 'crm.xlsx');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function withExcel(edit: (workbook: ExcelJS.Workbook) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  edit(workbook);
  await workbook.xlsx.writeFile(file);
}

interface TableModelLike {
  tableRef: string;
  columns: { name: string }[];
}

function clientsTable(workbook: ExcelJS.Workbook): { sheet: ExcelJS.Worksheet; model: TableModelLike } {
  const sheet = workbook.worksheets.find((s) => 'tClients' in (s as unknown as { tables: object }).tables)!;
  const model = (sheet as unknown as { tables: Record<string, { table: TableModelLike }> }).tables.tClients
    .table;
  return { sheet, model };
}

async function loadError(target = file): Promise<unknown> {
  return loadWorkbookFile(target).then(
    () => undefined,
    (e: unknown) => e,
  );
}

function expectCode(error: unknown, code: ErrorCode): void {
  expect(isRelacjeError(error, code)).toBe(true);
}

async function workbookWithClients(): Promise<void> {
  await createXlsxWorkbook(file, { locale: 'pl' });
  const store = await openXlsxStore(file);
  await store.append('clients', [clientRecord(1, { city: 'Toruń' }), clientRecord(2, { city: 'Olsztyn' })]);
  await store.close();
}

describe('the workbook a user opens', () => {
  test('every table is a named Excel table with headers in the workbook language and a frozen header', async () => {
    await createXlsxWorkbook(file, { locale: 'pl' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    for (const table of CURRENT_SCHEMA.tables) {
      const sheet = workbook.getWorksheet(table.sheet.pl)!;
      const model = (sheet as unknown as { tables: Record<string, { table: TableModelLike }> }).tables[
        table.tableName
      ].table;
      expect(model.columns.map((c) => c.name)).toEqual(table.columns.map((c) => c.header.pl));
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    }
    const validations = (
      workbook.getWorksheet('Klienci') as unknown as {
        dataValidations: { model: Record<string, { formulae: string[] }> };
      }
    ).dataValidations.model;
    expect(Object.values(validations).some((v) => v.formulae[0].includes('Potencjalny'))).toBe(true);
  });

  test("the user's own column inside a table and own sheet survive every write", async () => {
    await workbookWithClients();
    await withExcel((workbook) => {
      const { sheet, model } = clientsTable(workbook);
      const column = model.columns.length + 1;
      sheet.getRow(1).getCell(column).value = 'Moja kolumna';
      sheet.getRow(2).getCell(column).value = 'notatka do klienta 1';
      sheet.getRow(3).getCell(column).value = { formula: '1+1', result: 2 };
      model.columns.push({ name: 'Moja kolumna' });
      model.tableRef = model.tableRef.replace(/:[A-Z]+/, `:${sheet.getColumn(column).letter}`);
      workbook.addWorksheet('Plan urlopów').getCell('C3').value = 'Jan — lipiec';
    });
    for (let round = 0; round < 2; round += 1) {
      const store = await openXlsxStore(file);
      await store.update('clients', [
        { id: 'client-1', expectedVersion: round + 1, changes: { city: `Miasto ${round}` } },
      ]);
      await store.append('clients', [clientRecord(10 + round)]);
      await store.close();
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const { sheet, model } = clientsTable(workbook);
    const column = model.columns.findIndex((c) => c.name === 'Moja kolumna') + 1;
    expect(column).toBeGreaterThan(0);
    expect(sheet.getRow(2).getCell(column).value).toBe('notatka do klienta 1');
    expect(sheet.getRow(3).getCell(column).value).toMatchObject({ formula: '1+1' });
    expect(workbook.getWorksheet('Plan urlopów')!.getCell('C3').value).toBe('Jan — lipiec');
  });

  test('an English workbook reads with English headers, a Polish one with Polish headers', async () => {
    await createXlsxWorkbook(file, { locale: 'en' });
    const store = await openXlsxStore(file);
    await store.append('clients', [clientRecord(1, { status: 'Active' })]);
    await store.close();
    const loaded = await loadWorkbookFile(file);
    expect(loaded.meta.locale).toBe('en');
    expect(loaded.state.tables.clients[0]).toMatchObject({ status: 'active' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.getWorksheet('Clients')!.getRow(2).values).toContain('Active');
  });

  test('formula-like text is written as string cells, never as formulas', async () => {
    await createXlsxWorkbook(file, { locale: 'pl' });
    const store = await openXlsxStore(file);
    await store.append('clients', [clientRecord(1, { name: '=SUM(1,2)', notes: '@cmd' })]);
    await store.close();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const row = workbook.getWorksheet('Klienci')!.getRow(2);
    const cells: ExcelJS.Cell[] = [];
    row.eachCell((cell) => cells.push(cell));
    expect(cells.some((c) => c.value === '=SUM(1,2)' && c.type === ExcelJS.ValueType.String)).toBe(true);
    expect(cells.every((c) => c.type !== ExcelJS.ValueType.Formula)).toBe(true);
  });
});

describe('bad files get clear errors', () => {
  test('a missing file', async () => expectCode(await loadError(), 'workbookNotFound'));

  test('an empty file', async () => {
    writeFileSync(file, '');
    const error = await loadError();
    expectCode(error, 'notAWorkbook');
    expect((error as Error).message).toContain('crm.xlsx');
  });

  test('a text file named .xlsx', async () => {
    writeFileSync(file, 'Nazwa;NIP\nFirma;123\n');
    expectCode(await loadError(), 'notAWorkbook');
  });

  test('an old .xls file is told apart from a damaged one', async () => {
    writeFileSync(file, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const error = await loadError();
    expectCode(error, 'notAWorkbook');
    expect((error as Error).message).toContain('.xls');
  });

  test('a ZIP archive without a workbook inside', async () => {
    const zip = new ExcelJS.Workbook();
    zip.addWorksheet('x');
    const bytes = Buffer.from((await zip.xlsx.writeBuffer()) as ArrayBuffer);
    // The same archive with its workbook part renamed away.
    writeFileSync(
      file,
      Buffer.from(bytes.toString('latin1').replaceAll('xl/workbook.xml', 'xl/notebook.xml'), 'latin1'),
    );
    const error = await loadError();
    expectCode(error, 'notAWorkbook');
    expect((error as Error).message).toContain('xl/workbook.xml');
  });

  test('a _meta value of the wrong kind names the sheet and the row', async () => {
    await workbookWithClients();
    await withExcel((workbook) => {
      const meta = workbook.getWorksheet('_meta')!;
      meta.eachRow((row) => {
        if (row.getCell(1).value === 'locale') row.getCell(2).value = 'de';
      });
    });
    const error = await loadError();
    expectCode(error, 'badCell');
    expect((error as Error).message).toContain('_meta');
    expect((error as Error).message).toContain('de');
  });

  test('a spreadsheet that is not a Relacje workbook names the table it lacks', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Arkusz1').getCell('A1').value = 'klienci';
    await workbook.xlsx.writeFile(file);
    const error = await loadError();
    expectCode(error, 'missingTable');
    expect((error as Error).message).toContain('tClients');
  });

  test('a renamed column names the sheet and the column', async () => {
    await workbookWithClients();
    await withExcel((workbook) => {
      const { sheet, model } = clientsTable(workbook);
      const index = model.columns.findIndex((c) => c.name === 'Nazwa');
      model.columns[index].name = 'Nazwa firmy';
      sheet.getRow(1).getCell(index + 1).value = 'Nazwa firmy';
    });
    const error = await loadError();
    expectCode(error, 'missingColumn');
    expect((error as Error).message).toContain('"Nazwa"');
    expect((error as Error).message).toContain('Klienci');
  });

  test('text in a money column and an impossible date name sheet, column and row', async () => {
    await createXlsxWorkbook(file, { locale: 'pl' });
    const store = await openXlsxStore(file);
    await store.append('clients', [clientRecord(1)]);
    await store.append('opportunities', [
      {
        id: 'o-1',
        clientId: 'client-1',
        name: 'Hala',
        pipeline: 'B2B',
        stage: 'Oferta',
        status: 'open',
        value: 100000,
      },
    ]);
    await store.close();
    await withExcel((workbook) => {
      const sheet = workbook.getWorksheet('Szanse')!;
      const header = sheet.getRow(1).values as unknown[];
      sheet.getRow(2).getCell(header.indexOf('Wartość')).value = 'sto tysięcy';
      sheet.getRow(2).getCell(header.indexOf('Planowane zamknięcie')).value = '31.02.2026';
    });
    const error = await loadError();
    expectCode(error, 'badCell');
    expect((error as Error).message).toMatch(/Szanse.*Wartość.*row 2.*sto tysięcy/);
    const problems = await inspectWorkbookFile(file);
    expect(problems.map((p) => p.code)).toEqual(['badCell', 'badCell']);
    expect(problems[1].messageIn('pl')).toContain('31.02.2026');
  });

  test('a workbook of a newer schema is refused, not misread', async () => {
    await createXlsxWorkbook(file, { locale: 'pl' });
    await withExcel((workbook) => {
      const meta = workbook.getWorksheet('_meta')!;
      meta.eachRow((row) => {
        if (row.getCell(1).value === 'schemaVersion') row.getCell(2).value = 99;
      });
    });
    expectCode(await loadError(), 'newerSchema');
  });
});

describe('migration and repair', () => {
  test('a version 1 workbook is upgraded without losing a cell', async () => {
    copyFileSync(FIXTURE_V1, file);
    const before = new ExcelJS.Workbook();
    await before.xlsx.readFile(file);
    const store = await openXlsxStore(file);
    const snapshot = await store.readAll();
    await store.close();
    expect(SCHEMA_V1.version).toBe(1);
    expect(snapshot.meta.schemaVersion).toBe(CURRENT_SCHEMA.version);
    expect(snapshot.tables.segments).toEqual([]);
    expect(snapshot.tables.clients.map((c) => [c.id, c.name, c.rfmScore])).toEqual([
      ['c-1', 'Budimex Północ Sp. z o.o.', null],
      ['c-2', 'Szkolenia Żak', null],
    ]);
    expect(snapshot.tables.clients[1].notes).toBe('=nie formuła');
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(file);
    // Every non-empty cell of every sheet the v1 file had is still there, with the same value.
    before.eachSheet((sheet) => {
      const upgraded = after.getWorksheet(sheet.name)!;
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (sheet.name === '_meta' && cell.address === 'B2') return; // the schema version itself
          expect([cell.address, upgraded.getCell(cell.address).value]).toEqual([cell.address, cell.value]);
        }),
      );
    });
    expect(after.getWorksheet('Segmenty')).toBeDefined();
    const header = after.getWorksheet('Klienci')!.getRow(1).values as unknown[];
    expect(header).toEqual(expect.arrayContaining(['Moja ocena', 'Wynik RFM', 'Data segmentacji']));
  });

  test('repair restores a deleted table and column and keeps the data; inspect lists every problem first', async () => {
    await workbookWithClients();
    await withExcel((workbook) => {
      workbook.removeWorksheet(workbook.getWorksheet('Zadania')!.id);
      const { sheet, model } = clientsTable(workbook);
      const index = model.columns.findIndex((c) => c.name === 'Miejscowość');
      model.columns[index].name = 'Miasto';
      sheet.getRow(1).getCell(index + 1).value = 'Miasto';
    });
    const problems = await inspectWorkbookFile(file);
    expect(problems.map((p) => p.code).sort()).toEqual(['missingColumn', 'missingTable']);
    const report = await repairWorkbookFile(file);
    expect(report.changes.map((c) => c.en).join('\n')).toMatch(/tTasks[\s\S]*City|City[\s\S]*tTasks/);
    expect(await inspectWorkbookFile(file)).toEqual([]);
    const store = await openXlsxStore(file, { readOnly: true });
    const { tables } = await store.readAll();
    expect(tables.clients.map((c) => c.name)).toEqual([clientRecord(1).name, clientRecord(2).name]);
    expect(tables.tasks).toEqual([]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const values = workbook
      .getWorksheet('Klienci')!
      .getColumn((workbook.getWorksheet('Klienci')!.getRow(1).values as unknown[]).indexOf('Miasto')).values;
    expect(values).toEqual(expect.arrayContaining(['Toruń', 'Olsztyn']));
  });
});
