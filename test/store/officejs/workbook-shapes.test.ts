import { CURRENT_SCHEMA, DASHBOARD_SHEET, META_SHEET } from '../../../src/core/schema';
import { isRelacjeError } from '../../../src/core/errors';
import { openOfficeJsStore } from '../../../src/store/officejs/officejs-store';
import { clientRecord } from '../../contract/store-contract';
import { ExcelModel } from './excel-model';

describe('Office.js store: workbooks as users leave them', () => {
  test('a row typed in by hand gets an id on the next readAll, written back in one more sync', async () => {
    const model = await ExcelModel.create('pl');
    const store = openOfficeJsStore({ run: model.run, now: () => new Date('2026-12-01T10:00:00Z') });
    await store.append('clients', [clientRecord(1)]);
    model.typeNewRow('tClients', { Nazwa: 'Piekarnia Żak', Rodzaj: 'Firma', Status: 'Potencjalny' });
    const before = model.syncs;
    const { tables } = await store.readAll();
    expect(model.syncs - before).toBe(2);
    const typed = tables.clients[1];
    expect(typed).toMatchObject({ name: 'Piekarnia Żak', type: 'company', status: 'lead', version: 1 });
    expect(typed.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(typed.createdAt).toBe('2026-12-01T10:00:00.000Z');
    // The id is in the workbook now: the next read gives the same record, in one sync.
    const again = model.syncs;
    expect((await store.readAll()).tables.clients[1]).toEqual(typed);
    expect(model.syncs - again).toBe(1);
    const [updated] = await store.update('clients', [
      { id: typed.id, expectedVersion: 1, changes: { city: 'Łomża' } },
    ]);
    expect(updated).toMatchObject({ name: 'Piekarnia Żak', city: 'Łomża', version: 2 });
  });

  test('a workbook without _meta reads with the defaults and gets a hidden _meta at the first counter', async () => {
    const model = await ExcelModel.create('pl');
    model.workbook.removeWorksheet(model.workbook.getWorksheet(META_SHEET)!.id);
    const store = openOfficeJsStore({ run: model.run });
    const { meta } = await store.readAll();
    expect(meta).toMatchObject({ locale: 'pl', offerNumberFormat: 'OF/{YYYY}/{NNN}', counters: {} });
    expect(await store.nextCounter('offers-2026')).toBe(1);
    expect(model.workbook.getWorksheet(META_SHEET)!.state).toBe('hidden');
    expect(await store.nextCounter('offers-2026')).toBe(2);
    const reopened = openOfficeJsStore({ run: model.run });
    expect((await reopened.readAll()).meta).toMatchObject({
      counters: { 'offers-2026': 2 },
      offerNumberFormat: 'OF/{YYYY}/{NNN}',
    });
  });

  test('an emptied _meta sheet is filled again at the first counter', async () => {
    const model = await ExcelModel.create('pl');
    const meta = model.workbook.getWorksheet(META_SHEET)!;
    meta.eachRow((row) => row.eachCell((cell) => (cell.value = null)));
    const store = openOfficeJsStore({ run: model.run });
    expect(await store.nextCounter('offers')).toBe(1);
    expect(await store.nextCounter('offers')).toBe(2);
    expect((await openOfficeJsStore({ run: model.run }).readAll()).meta).toMatchObject({
      schemaVersion: CURRENT_SCHEMA.version,
      counters: { offers: 2 },
    });
  });

  test('a deleted Dashboard sheet is made again; each write clears the cells of the one before', async () => {
    const model = await ExcelModel.create('pl');
    model.workbook.removeWorksheet(model.workbook.getWorksheet(DASHBOARD_SHEET)!.id);
    const store = openOfficeJsStore({ run: model.run });
    await store.writeDashboard([
      { ref: 'B2', value: 'Klienci' },
      { ref: 'C2', formula: 'ROWS(tClients[[#Data],[ID]])' },
      { ref: 'D3', value: 12.5 },
    ]);
    await store.writeDashboard([{ ref: 'A1', value: '=nie formuła' }]);
    const syncs = await model.run(async (context) => {
      const used = context.workbook.worksheets
        .getItem(DASHBOARD_SHEET)
        .getUsedRange(false)
        .load('address,formulas');
      await context.sync();
      return { address: used.address, formulas: used.formulas };
    });
    expect(syncs).toEqual({ address: 'Dashboard!A1', formulas: [['=nie formuła']] });
  });

  test('Excel refusing access is the noPermission error; other Office failures say what Excel said', async () => {
    const refusing = openOfficeJsStore({
      run: () => Promise.reject(Object.assign(new Error('Access denied'), { code: 'AccessDenied' })),
      workbookName: 'klienci.xlsx',
    });
    const denied = await refusing.readAll().catch((e: unknown) => e);
    expect(isRelacjeError(denied, 'noPermission')).toBe(true);
    expect((denied as Error).message).toContain('klienci.xlsx');
    const failing = openOfficeJsStore({
      run: () => Promise.reject(Object.assign(new Error('Something broke'), { code: 'GeneralException' })),
    });
    const failed = await failing.append('clients', [clientRecord(1)]).catch((e: unknown) => e);
    expect(isRelacjeError(failed, 'unavailable')).toBe(true);
    expect((failed as Error).message).toContain('GeneralException');
  });
});
