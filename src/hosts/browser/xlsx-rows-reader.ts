import type { RawCell } from '../../core/cells';
import { rawFromExcel } from '../../store/xlsx/cell-value';
import { cellKey, type SheetRows } from '../../ui/import/spreadsheet-rows';

/** A cell as the import reads it: text, as the user typed it; dates as `yyyy-mm-dd`. */
function cellText(raw: RawCell): string {
  if (raw === null || raw === undefined) return '';
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  return String(raw);
}

/**
 * The first worksheet of an .xlsx file as rows of cell texts, trailing empty rows dropped, with
 * the cells that held numbers.
 * ExcelJS is imported on first use, so it is a chunk of its own that only an .xlsx import loads.
 */
export async function readXlsxRows(bytes: ArrayBuffer): Promise<SheetRows> {
  const { default: ExcelJS } = await import(/* webpackChunkName: "exceljs" */ 'exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const sheet = workbook.worksheets[0];
  const numberCells = new Set<string>();
  if (!sheet) return { rows: [], numberCells };
  const rows: string[][] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= width; column++) {
      const raw = rawFromExcel(row.getCell(column).value);
      if (typeof raw === 'number') numberCells.add(cellKey(rowNumber - 1, column - 1));
      cells.push(cellText(raw));
    }
    rows[rowNumber - 1] = cells;
  });
  const filled = Array.from(rows, (row) => row ?? new Array<string>(width).fill(''));
  while (filled.length > 0 && filled[filled.length - 1].every((cell) => cell.trim() === '')) filled.pop();
  return { rows: filled, numberCells };
}
