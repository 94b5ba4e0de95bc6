import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { BodyRow } from '../../src/store/xlsx/package/package-types';
import { patchSheet } from '../../src/store/xlsx/package/sheet-patch';
import { patchTablePart, readTablePart } from '../../src/store/xlsx/package/table-part';
import { libreOfficeLines } from './patched-package';
import { convertWithLibreOffice } from './soffice';

// Files come from other programs: a workbook LibreOffice saved (its shared formulas, its styles, its
// way of writing cells and rows) takes a patch that deletes a row in the middle and adds one.
describe('a sheet LibreOffice saved takes a patch and opens again', () => {
  let dir: string;
  let lines: string[];
  let patched: string;
  let original: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'relacje-lo-saved-patch-'));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Dane');
    sheet.addTable({
      name: 'tData',
      ref: 'A1',
      columns: [{ name: 'Nazwa' }, { name: 'Kwota' }, { name: 'Stała' }],
      rows: ['a', 'b', 'c', 'd', 'e'].map((name, i) => [name, i + 1, { formula: '$E$1*2', result: 14 }]),
    });
    sheet.getCell('E1').value = 7;
    const first = path.join(dir, 'excel.xlsx');
    await workbook.xlsx.writeFile(first);
    const savedDir = path.join(dir, 'saved');
    await mkdir(savedDir);
    await convertWithLibreOffice(dir, 'xlsx:Calc MS Excel 2007 XML', savedDir, [first]);
    const zip = await JSZip.loadAsync(await readFile(path.join(savedDir, 'excel.xlsx')));
    const sheetPart = 'xl/worksheets/sheet1.xml';
    const tablePart = Object.keys(zip.files).find((name) => /^xl\/tables\/table\d+\.xml$/.test(name))!;
    original = await zip.file(sheetPart)!.async('string');
    const table = readTablePart(await zip.file(tablePart)!.async('string'));
    expect(table.ref).toBe('A1:C6');
    const keep = (origin: number): BodyRow => ({ origin, cells: [undefined, undefined, undefined] });
    const patch = patchSheet(
      Buffer.from(original),
      {
        top: 1,
        left: 1,
        right: 3,
        oldBottom: 6,
        totalsRowCount: 0,
        rows: [keep(2), keep(3), keep(5), keep(6), { origin: 0, cells: ['f', 6, { formula: '$E$1*2' }] }],
        calculatedFormulas: [],
        columnStyles: [],
      },
      { date1904: false, isDateStyle: () => false },
    );
    patched = [...patch.chunks].join('');
    expect(patch.result().formulasMoved).toBe(true);
    zip.file(sheetPart, patched);
    zip.file(tablePart, patchTablePart(await zip.file(tablePart)!.async('string'), { ref: 'A1:C6' }));
    lines = await libreOfficeLines(dir, zip, 'Dane');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('shows the rows without the deleted one, with their formulas', () => {
    expect(lines).toEqual([
      'Nazwa,Kwota,Stała,,7',
      'a,1,14,,',
      'b,2,14,,',
      'd,4,14,,',
      'e,5,14,,',
      'f,6,14,,',
    ]);
  });

  it('keeps the attributes LibreOffice gives every row', () => {
    expect(patched).toContain('<row r="4" customFormat="false" ht="15" hidden="false"');
  });
});
