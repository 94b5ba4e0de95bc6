/**
 * The in-memory Excel's cells (ExcelJS's model), as Graph and Office.js read them: the test
 * emulation of Excel behind office-addin-mock. The product's own engine does not use ExcelJS.
 */
import type ExcelJS from 'exceljs';
import { rawFromExcel } from '../../../src/store/xlsx/cell-value';
import { parseRange } from '../../../src/store/xlsx/package/cell-ref';
import type { StoredCell } from '../../../src/store/xlsx/engine/cell-writes';
import type { GraphValue } from '../../../src/server/document/graph-values';

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A cell as Graph reads it in `values`: a formula gives its last result, a date its serial number. */
export function graphValueOf(value: ExcelJS.CellValue | undefined): GraphValue {
  const raw = rawFromExcel(value);
  if (raw === null || raw === undefined) return '';
  if (raw instanceof Date) return (raw.getTime() - EXCEL_EPOCH_MS) / DAY_MS;
  return raw;
}

/** A cell as Graph reads it in `formulas`: the formula with its `=`, or the value. */
export function graphFormulaOf(value: ExcelJS.CellValue | undefined): GraphValue {
  if (value && typeof value === 'object' && 'formula' in value && typeof value.formula === 'string') {
    return `=${value.formula}`;
  }
  return graphValueOf(value);
}

/** The ExcelJS value for a stored cell. */
export function excelValueOf(cell: StoredCell): ExcelJS.CellValue {
  if (cell !== null && typeof cell === 'object') return { formula: cell.formula } as ExcelJS.CellFormulaValue;
  return cell;
}

/** The bounds (1-based) of every non-empty cell of a sheet, or undefined when it is empty. */
export function usedBoundsOf(
  worksheet: ExcelJS.Worksheet,
): { top: number; left: number; bottom: number; right: number } | undefined {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  worksheet.eachRow((row, r) => {
    row.eachCell((cell, c) => {
      if (graphFormulaOf(cell.value) === '') return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    });
  });
  return bottom === 0 ? undefined : { top, left, bottom, right };
}

/** `A1`, `B2:D10`, `$A$1:$B$2` → 1-based bounds. */
export function parseAddress(address: string): { top: number; left: number; bottom: number; right: number } {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const range = parseRange(local.replace(/\$/g, ''));
  if (!range) throw new Error(`The address ${address} is not a valid range address.`);
  return range;
}
