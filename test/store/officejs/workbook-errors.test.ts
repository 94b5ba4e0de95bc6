import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { isRelacjeError } from '../../../src/core/errors';
import { META_SHEET } from '../../../src/core/schema';
import { openOfficeJsStore } from '../../../src/store/officejs/officejs-store';
import type { WorkbookStore } from '../../../src/store/port';
import { openXlsxStore } from '../../../src/store/xlsx/xlsx-store';
import { clientRecord } from '../../contract/store-contract';
import { ExcelModel } from './excel-model';

/** The error a promise fails with. */
async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

/** A workbook as `relacje init` writes it, changed by `edit` as a user might have. */
async function editedWorkbook(edit: (workbook: ExcelJS.Workbook) => void): Promise<ExcelJS.Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await ExcelModel.template('pl'));
  edit(workbook);
  return workbook.xlsx.writeBuffer();
}

/** What the .xlsx adapter says about this file, and what the Office.js adapter says about it open in Excel. */
async function bothErrors(content: ExcelJS.Buffer): Promise<{ xlsx: unknown; officejs: unknown }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'relacje-officejs-errors-'));
  try {
    const file = path.join(dir, 'klienci.xlsx');
    await fs.writeFile(file, new Uint8Array(content as ArrayBuffer));
    const xlsx = await failureOf(openXlsxStore(file, { readOnly: true }));
    const model = await ExcelModel.load(content);
    const officejs = await failureOf(openOfficeJsStore({ run: model.run }).readAll());
    return { xlsx, officejs };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

describe('Office.js store: a workbook that is not as Relacje made it', () => {
  test('a missing table is the same missingTable error as the .xlsx adapter gives', async () => {
    const content = await editedWorkbook((workbook) =>
      workbook.getWorksheet('Zadania')!.removeTable('tTasks'),
    );
    const { xlsx, officejs } = await bothErrors(content);
    expect(isRelacjeError(xlsx, 'missingTable')).toBe(true);
    expect(isRelacjeError(officejs, 'missingTable')).toBe(true);
    expect((officejs as Error).message).toBe((xlsx as Error).message);
    expect((officejs as Error).message).toContain('tTasks');
  });

  test('a renamed column is the same missingColumn error as the .xlsx adapter gives', async () => {
    const content = await editedWorkbook((workbook) => {
      const sheet = workbook.getWorksheet('Klienci')!;
      const column = sheet.getRow(1).values as unknown[];
      const at = column.indexOf('Nazwa');
      sheet.getRow(1).getCell(at).value = 'Nazwa firmy';
      const table = sheet.getTable('tClients') as unknown as { table: { columns: { name: string }[] } };
      table.table.columns[at - 1].name = 'Nazwa firmy';
    });
    const { xlsx, officejs } = await bothErrors(content);
    expect(isRelacjeError(xlsx, 'missingColumn')).toBe(true);
    expect(isRelacjeError(officejs, 'missingColumn')).toBe(true);
    expect((officejs as Error).message).toBe((xlsx as Error).message);
    expect((officejs as Error).message).toContain('Nazwa');
  });

  test('columns the user swapped are found again by their headers', async () => {
    const model = await ExcelModel.create('pl');
    const store = openOfficeJsStore({ run: model.run });
    await store.append('clients', [clientRecord(1, { city: 'Gdańsk' })]);
    await store.readAll();
    model.swapColumns('tClients', 'ID', 'Wersja');
    const [updated] = await store.update('clients', [
      { id: 'client-1', expectedVersion: 1, changes: { city: 'Sopot' } },
    ]);
    expect(updated).toMatchObject({ id: 'client-1', city: 'Sopot', version: 2 });
    expect((await store.readAll()).tables.clients).toEqual([updated]);
  });
});

describe('Office.js store: writes between our syncs', () => {
  const auditOfClient2 = {
    id: 'a-1',
    at: '2026-11-20T09:30:00.000Z',
    action: 'update',
    table: 'clients',
    recordId: 'client-2',
  };

  test.each<[string, (store: WorkbookStore) => Promise<unknown>]>([
    [
      'an update',
      (store) =>
        store.update('clients', [
          { id: 'client-1', expectedVersion: 1, changes: { city: 'Lublin' } },
          { id: 'client-2', expectedVersion: 1, changes: { city: 'Lublin' } },
        ]),
    ],
    [
      'a batch over two tables',
      (store) =>
        store.write([
          {
            table: 'clients',
            append: [clientRecord(3)],
            update: [{ id: 'client-2', expectedVersion: 1, changes: { city: 'Lublin' } }],
            remove: [{ id: 'client-1', expectedVersion: 1 }],
          },
          { table: 'audit', append: [auditOfClient2] },
        ]),
    ],
  ])(
    'a co-author changing a row between the check and the write of %s: conflict, nothing of ours stays',
    async (_, write) => {
      const model = await ExcelModel.create('pl');
      const store = openOfficeJsStore({ run: model.run });
      await store.append('clients', [clientRecord(1), clientRecord(2)]);
      await store.readAll();
      const first = model.syncs + 1;
      // A co-author edits client-2 after our check (the first sync) and before our write.
      model.beforeSync = (sync) => {
        if (sync === first + 1) model.typeInRow('tClients', 1, { Miejscowość: 'Kalisz', Wersja: 2 });
      };
      const error = await failureOf(write(store));
      expect(isRelacjeError(error, 'conflict')).toBe(true);
      expect((error as Error).message).toContain('client-2');
      model.beforeSync = undefined;
      const { tables } = await store.readAll();
      expect(tables.clients.map((r) => [r.id, r.city, r.version])).toEqual([
        ['client-1', null, 1],
        ['client-2', 'Kalisz', 2],
      ]);
      expect(tables.audit).toEqual([]);
    },
  );

  test('a co-author counting between our read and write: their number stays taken, we count on', async () => {
    const model = await ExcelModel.create('pl');
    const store = openOfficeJsStore({ run: model.run });
    expect(await store.nextCounter('offers')).toBe(1);
    const first = model.syncs + 1;
    model.beforeSync = (sync) => {
      if (sync !== first + 1) return;
      const meta = model.workbook.getWorksheet(META_SHEET)!;
      meta.eachRow((row) => {
        if (row.getCell(1).text === 'counter:offers') row.getCell(2).value = 5;
      });
    };
    expect(await store.nextCounter('offers')).toBe(6);
    expect((await store.readAll()).meta.counters).toEqual({ offers: 6 });
  });

  test('a retry of a record another store wrote is recognised by reading its row', async () => {
    const model = await ExcelModel.create('pl');
    const ours = openOfficeJsStore({ run: model.run });
    await ours.readAll();
    await openOfficeJsStore({ run: model.run }).append('clients', [clientRecord(1)]);
    const before = model.syncs;
    const [again] = await ours.append('clients', [clientRecord(1)]);
    expect(model.syncs - before).toBe(2);
    expect(again).toMatchObject({ id: 'client-1', version: 1 });
    expect(model.rowsOf('tClients')).toHaveLength(1);
    await expect(ours.append('clients', [clientRecord(1, { city: 'Inne' })])).rejects.toThrow(/client-1/);
  });
});

describe('the Excel model behind the tests', () => {
  test('a property not loaded, or loaded but not synced, reads as office-addin-mock says', async () => {
    const model = await ExcelModel.create('pl');
    await model.run(async (context) => {
      const header = context.workbook.tables.getItem('tClients').getHeaderRowRange();
      expect(header.values).toBe('Error, property was not loaded');
      header.load('values');
      expect(header.values).toBe('Error, context.sync() was not called');
      await context.sync();
      expect(header.values[0]).toContain('Nazwa');
      expect(header.address).toBe('Error, property was not loaded');
    });
  });

  test('text written through values is typed as Excel types it', async () => {
    const model = await ExcelModel.create('pl');
    await model.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Dashboard').getRange('A1:E1');
      range.values = [['=1+1', "'=1+1", '00123', "'00123", '+48 600']];
      await context.sync();
      const read = range.load('values,formulas');
      await context.sync();
      expect(read.values).toEqual([['', '=1+1', 123, '00123', '']]);
      expect(read.formulas[0][0]).toBe('=1+1');
    });
  });
});
