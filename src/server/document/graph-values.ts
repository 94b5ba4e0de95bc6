import { isoDateToSerial } from '../../core/cells';
import type { CellValue } from '../../store/xlsx/package/package-types';
import { GraphFailure } from '../graph-errors';

export { isUnchanged, type CellWrite, type StoredCell } from '../../store/xlsx/engine/cell-writes';
import type { CellWrite } from '../../store/xlsx/engine/cell-writes';

/** A cell as Graph's `values` carry it: `""` for an empty cell, dates as serial numbers. */
export type GraphValue = string | number | boolean;

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

/** An engine cell as Graph reads it in `values`: `""` for an empty one. */
export function graphValueOf(value: CellValue | undefined): GraphValue {
  return value === null || value === undefined ? '' : value;
}

/** An engine cell as Graph reads it in `formulas`: the formula with its `=`, or the value. */
export function graphFormulaOf(value: CellValue | undefined, formula: string | undefined): GraphValue {
  return formula !== undefined ? `=${formula}` : graphValueOf(value);
}
