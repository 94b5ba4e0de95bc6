import type ExcelJS from 'exceljs';
import { isoDateToSerial } from '../../core/cells';
import { rawFromExcel } from '../../store/xlsx/cell-value';
import { GraphFailure } from '../graph-errors';

/** A cell as Graph's `values` carry it: `""` for an empty cell, dates as serial numbers. */
export type GraphValue = string | number | boolean;

/** What a write puts into one cell, after Excel's typing of the written value. */
export type StoredCell = string | number | boolean | null | { formula: string };

/** One cell of a written row: a new content, or the cell left as it is (`null` in Graph writes). */
export type CellWrite = StoredCell | { unchanged: true };

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^([+-]?(\d+\.?\d*|\.\d+))%$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Types a written value the way Excel types what is typed into a cell, which is what Graph does:
 * a leading apostrophe keeps the rest as text, `=` starts a formula, numbers, percentages, ISO
 * dates and TRUE/FALSE become values of their kind, `""` clears the cell and `null` leaves it.
 */
export function cellWriteOf(value: unknown, where: string): CellWrite {
  if (value === null || value === undefined) return { unchanged: true };
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalidValue(where, String(value));
    return value;
  }
  if (typeof value !== 'string') throw invalidValue(where, JSON.stringify(value));
  if (value === '') return null;
  if (value.startsWith("'")) return value.slice(1);
  if (value.startsWith('=') && value.length > 1) return { formula: value.slice(1) };
  const text = value.trim();
  if (NUMBER.test(text)) return Number(text);
  const percent = PERCENT.exec(text);
  if (percent) return Number(percent[1]) / 100;
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  if (ISO_DATE.test(text)) return isoDateToSerial(text) ?? value;
  return value;
}

function invalidValue(where: string, shown: string): GraphFailure {
  return new GraphFailure(
    400,
    'InvalidArgument',
    `The value ${shown} at ${where} is not a valid cell value.`,
  );
}

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

export function isUnchanged(write: CellWrite): write is { unchanged: true } {
  return write !== null && typeof write === 'object' && 'unchanged' in write;
}
