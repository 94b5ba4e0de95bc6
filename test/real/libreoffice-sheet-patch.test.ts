import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { BodyRow } from '../../src/store/xlsx/package/package-types';
import { patchSheet } from '../../src/store/xlsx/package/sheet-patch';
import { patchTablePart, readTablePart } from '../../src/store/xlsx/package/table-part';
import { setFullCalcOnLoad } from '../../src/store/xlsx/package/workbook-parts';
import { libreOfficeLines } from './patched-package';

const TOTAL = 'tSales[[#This Row],[Qty]]*tSales[[#This Row],[Price]]';

// The sheet and table parts rewritten by the package layer, the rest of an ExcelJS file as it was:
// LibreOffice must open it and show the table's new rows, the moved cells and the computed formulas.
describe('a sheet patched at the XML level opens in LibreOffice with the new rows', () => {
  let dir: string;
  let lines: string[];
  let patchedSheet: string;
  let original: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'relacje-lo-patch-'));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sprzedaż');
    sheet.addTable({
      name: 'tSales',
      ref: 'A1',
      headerRow: true,
      columns: [{ name: 'Name' }, { name: 'Qty' }, { name: 'Price' }, { name: 'Total' }],
      rows: [
        ['a', 1, 2, { formula: TOTAL, result: 2 }],
        ['b', 2, 2, { sharedFormula: 'D2', result: 4 }],
        ['c', 3, 2, { sharedFormula: 'D2', result: 6 }],
        ['d', 4, 2, { sharedFormula: 'D2', result: 8 }],
      ],
    });
    sheet.getCell('F2').value = 'beside';
    sheet.getCell('F4').value = 'beside the deleted row';
    sheet.getCell('A8').value = 'below';
    for (let r = 2; r <= 5; r += 1) {
      sheet.getCell(`B${r}`).dataValidation = {
        type: 'whole',
        operator: 'greaterThan',
        formulae: [0],
        allowBlank: true,
      };
    }
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const sheetPart = 'xl/worksheets/sheet1.xml';
    const tableName = Object.keys(zip.files).find((name) => /^xl\/tables\/table\d+\.xml$/.test(name))!;
    const table = readTablePart(await zip.file(tableName)!.async('string'));
    original = await zip.file(sheetPart)!.async('string');
    const keep = (origin: number): BodyRow => ({
      origin,
      cells: [undefined, undefined, undefined, undefined],
    });
    const rows: BodyRow[] = [
      keep(2),
      { origin: 3, cells: [undefined, 10, undefined, { formula: TOTAL }] },
      keep(5),
      { origin: 0, cells: ['Żółw _x0041_', 3, 2, undefined] },
      { origin: 0, cells: ['Łoś', 1, 0.5, undefined] },
    ];
    const patch = patchSheet(
      Buffer.from(original),
      {
        top: 1,
        left: 1,
        right: 4,
        oldBottom: 5,
        totalsRowCount: 0,
        rows,
        calculatedFormulas: [undefined, undefined, undefined, TOTAL],
        columnStyles: [],
      },
      { date1904: false, isDateStyle: () => false },
    );
    patchedSheet = [...patch.chunks].join('');
    zip.file(sheetPart, patchedSheet);
    zip.file(tableName, patchTablePart(await zip.file(tableName)!.async('string'), { ref: 'A1:D6' }));
    zip.file('xl/workbook.xml', setFullCalcOnLoad(await zip.file('xl/workbook.xml')!.async('string')));
    expect(table.columns.map((c) => c.name)).toEqual(['Name', 'Qty', 'Price', 'Total']);
    lines = await libreOfficeLines(dir, zip, 'Sprzedaż', { recalculate: true });
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('shows the new body, computes the calculated column in new rows and keeps cells beside the table', () => {
    expect(lines).toEqual([
      'Name,Qty,Price,Total,,',
      'a,1,2,2,,beside',
      'b,10,2,20,,',
      'd,4,2,8,,beside the deleted row',
      'Żółw _x0041_,3,2,6,,',
      'Łoś,1,0.5,0.5,,',
      ',,,,,',
      ',,,,,',
      'below,,,,,',
    ]);
  });

  it('wrote the shared formula group the delete split as plain formulas', () => {
    expect(original).toContain('t="shared"');
    expect(patchedSheet).not.toContain('t="shared"');
  });

  it('moves the validation of the data rows with them', () => {
    expect(patchedSheet).toContain('sqref="B2:B6"');
  });
});
