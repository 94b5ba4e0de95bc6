import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createCellContext } from '../../src/core/cells';
import { CURRENT_SCHEMA, tableByKey } from '../../src/core/schema';
import { writeGeneratedWorkbook } from '../../src/dev/generated-workbook';
import { LeanWorkbook } from '../../src/store/xlsx/lean-workbook';
import { readTableRecords } from '../../src/store/xlsx/table-reader';
import { loadWorkbookFile } from '../../src/store/xlsx/workbook-file';
import { convertWithLibreOffice } from './soffice';

// LibreOffice writes its own flavour of OOXML (booleans as FALSE() formulas, its own styles):
// the lean reader must read a file LibreOffice saved exactly as the ExcelJS path does.
describe('a workbook saved by LibreOffice reads the same through the lean reader and ExcelJS', () => {
  let dir: string;
  let original: string;
  let saved: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'relacje-lo-lean-'));
    original = path.join(dir, 'crm.xlsx');
    await writeGeneratedWorkbook(original, { seed: 5, clients: 60, activitiesPerClient: 2, locale: 'pl' });
    const outDir = path.join(dir, 'saved');
    await mkdir(outDir);
    await convertWithLibreOffice(dir, 'xlsx:Calc MS Excel 2007 XML', outDir, [original]);
    saved = path.join(outDir, 'crm.xlsx');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives the same records, read without ExcelJS', async () => {
    const now = () => new Date('2026-01-01T00:00:00.000Z');
    const lean = await loadWorkbookFile(saved, { now });
    const excel = await loadWorkbookFile(saved, { now, withExcelJs: true });
    expect(lean.excel).toBeUndefined();
    expect(excel.excel).toBeDefined();
    expect(lean.state.tables).toEqual(excel.state.tables);
    expect(lean.meta).toEqual(excel.meta);
    expect(lean.state.tables.clients).toHaveLength(60);
  });

  it('read permissively, gives every client as written, FALSE() key-account flags included', async () => {
    const clients = tableByKey(CURRENT_SCHEMA, 'clients');
    const clientsOf = async (file: string, permissive: boolean) => {
      const lean = new LeanWorkbook(await readFile(file), { permissive });
      for (const sheet of lean.sheets) {
        const table = lean.tablesOf(sheet).find((t) => t.name === clients.tableName);
        if (!table) continue;
        return readTableRecords(clients, lean.cells(sheet, table), table, {
          context: createCellContext(CURRENT_SCHEMA, 'pl'),
          now: '2026-01-01T00:00:00.000Z',
        }).records;
      }
      throw new Error('no clients table');
    };
    const written = await clientsOf(original, false);
    const read = await clientsOf(saved, true);
    expect(read).toEqual(written);
    expect(read.map((c) => c.keyAccount)).toContain(false);
    // ExcelJS's reading, which the default mode mirrors, loses them: a falsy cached result is no value.
    const asExcelJs = await clientsOf(saved, false);
    expect(asExcelJs.map((c) => c.keyAccount)).not.toContain(false);
  });
});
