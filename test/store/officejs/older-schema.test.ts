import { promises as fs, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { CURRENT_SCHEMA, SCHEMA_V2 } from '../../../src/core/schema';
import { openOfficeJsStore } from '../../../src/store/officejs/officejs-store';
import type { StoredRecord } from '../../../src/store/port';
import { createWorkbook, writeWorkbookFile } from '../../../src/store/xlsx/workbook-file';
import { ExcelModel } from './excel-model';

const stamp = '2026-11-20T09:00:00.000Z';
const OPPORTUNITY: StoredRecord = {
  id: 'o-1',
  clientId: 'c-1',
  name: 'Dostawa pieczywa',
  pipeline: 'Sprzedaż B2B',
  stage: 'Oferta',
  status: 'open',
  version: 1,
  createdAt: stamp,
  updatedAt: stamp,
};
const CLIENT: StoredRecord = {
  ...OPPORTUNITY,
  id: 'c-1',
  name: 'Piekarnia Żak',
  type: 'company',
  status: 'active',
};

/** A workbook saved by Relacje of schema version 2, as the add-in finds it in Excel. */
async function olderWorkbook(): Promise<ExcelModel> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'relacje-office-older-'));
  try {
    const file = path.join(dir, 'stary.xlsx');
    const older = createWorkbook('pl', SCHEMA_V2);
    await writeWorkbookFile(file, older, {
      ...older.state,
      tables: { ...older.state.tables, clients: [CLIENT], opportunities: [OPPORTUNITY] },
    });
    return ExcelModel.load((await fs.readFile(file)) as unknown as ExcelJS.Buffer);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('Office.js store over a workbook of an earlier schema', () => {
  test('the first read completes it in Excel (new tables, new columns, the version), keeping every row', async () => {
    const model = await olderWorkbook();
    const store = openOfficeJsStore({ run: model.run });
    const before = model.syncs;
    const snapshot = await store.readAll();
    // The read that found a table missing (two syncs: it, and the one naming it), three of the
    // upgrade, and the read again.
    expect(model.syncs - before).toBe(6);
    expect(snapshot.meta.schemaVersion).toBe(CURRENT_SCHEMA.version);
    expect(snapshot.tables.clients).toEqual([expect.objectContaining({ id: 'c-1', name: 'Piekarnia Żak' })]);
    expect(snapshot.tables.opportunities).toEqual([
      expect.objectContaining({ ...OPPORTUNITY, stageEnteredOn: null, personId: null }),
    ]);
    for (const key of ['pipelines', 'stageTasks', 'opportunityLines', 'tenders'])
      expect(snapshot.tables[key]).toEqual([]);
    expect(model.headersOf('tTenders')).toEqual(
      CURRENT_SCHEMA.tables.find((t) => t.key === 'tenders')!.columns.map((c) => c.header.pl),
    );
    expect(model.headersOf('tOpportunities')).toEqual(expect.arrayContaining(['W etapie od', 'ID osoby']));
    expect(model.worksheet('Przetargi')).not.toBeNull();

    await store.write([
      { table: 'pipelines', append: [{ id: 'p-1', name: 'Przetargi', active: true }] },
      {
        table: 'opportunities',
        update: [{ id: 'o-1', expectedVersion: 1, changes: { stageEnteredOn: '2026-11-21' } }],
      },
    ]);
    const reopened = openOfficeJsStore({ run: model.run });
    const again = model.syncs;
    const read = await reopened.readAll();
    expect(model.syncs - again).toBe(1);
    expect(read.tables.pipelines).toEqual([expect.objectContaining({ id: 'p-1', name: 'Przetargi' })]);
    expect(read.tables.opportunities[0]).toMatchObject({ stageEnteredOn: '2026-11-21', version: 2 });
  });

  test('a sheet of the user with the name a new table takes is kept: the table goes to a sheet of its own', async () => {
    const model = await olderWorkbook();
    model.workbook.addWorksheet('Przetargi').getCell('A1').value = 'Moje notatki';
    await openOfficeJsStore({ run: model.run }).readAll();
    expect(model.worksheet('Przetargi')!.getCell('A1').value).toBe('Moje notatki');
    expect(model.table('tTenders')!.sheet.name).toBe('Przetargi (2)');
  });
});
