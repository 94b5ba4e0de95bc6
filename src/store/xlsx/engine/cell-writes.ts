import type { CellValue } from '../package/package-types';

/** What a write puts into one cell: a value, a formula (without `=`), or nothing (null). */
export type StoredCell = CellValue | { formula: string };

/** One cell of a written row: a new content, or the cell left as it is (`null` in Graph writes). */
export type CellWrite = StoredCell | { unchanged: true };

export const UNCHANGED: CellWrite = Object.freeze({ unchanged: true as const });

export function isUnchanged(write: CellWrite | undefined): write is { unchanged: true } {
  return write !== null && typeof write === 'object' && 'unchanged' in write;
}

export function isFormulaWrite(write: CellWrite | undefined): write is { formula: string } {
  return write !== null && typeof write === 'object' && 'formula' in write;
}
