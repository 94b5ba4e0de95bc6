import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { writeGeneratedWorkbook } from '../../src/dev/generated-workbook';
import { loadWorkbookFile } from '../../src/store/xlsx/workbook-file';
import { convertWithLibreOffice } from './soffice';

// LibreOffice writes its own flavour of OOXML (booleans as FALSE() formulas, its own styles):
// the lean reader must read a file LibreOffice saved exactly as the ExcelJS path does.
describe('a workbook saved by LibreOffice reads the same through the lean reader and ExcelJS', () => {
  let dir: string;
  let saved: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'relacje-lo-lean-'));
    const original = path.join(dir, 'crm.xlsx');
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
});
