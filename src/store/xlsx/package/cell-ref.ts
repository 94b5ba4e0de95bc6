import { columnLetters } from '../../../core/cell-address';
import type { CellRange } from './package-types';

/** The grid of an .xlsx worksheet (Excel 2007 and later). */
export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;

/** `1` → `A`, `28` → `AB`. */
export const columnName = columnLetters;

/** `AB` → 28 (either case); NaN for anything that is not a column of the grid. */
export function columnNumber(letters: string): number {
  if (letters.length === 0 || letters.length > 3) return NaN;
  let col = 0;
  for (let i = 0; i < letters.length; i += 1) {
    const code = letters.charCodeAt(i) | 0x20;
    if (code < 0x61 || code > 0x7a) return NaN;
    col = col * 26 + (code - 0x60);
  }
  return col <= MAX_COL ? col : NaN;
}

export function cellRef(row: number, col: number): string {
  return `${columnName(col)}${row}`;
}

const CELL = /^([A-Za-z]{1,3})(\d{1,7})$/;

export function parseCellRef(ref: string): { row: number; col: number } | undefined {
  const match = CELL.exec(ref);
  if (!match) return undefined;
  const col = columnNumber(match[1]);
  const row = Number(match[2]);
  return col > 0 && row >= 1 && row <= MAX_ROW ? { row, col } : undefined;
}

/** `A1:B2`, or a single cell `A1`, as a range; undefined for anything else. */
export function parseRange(ref: string): CellRange | undefined {
  const colon = ref.indexOf(':');
  const first = parseCellRef(colon < 0 ? ref : ref.slice(0, colon));
  const last = colon < 0 ? first : parseCellRef(ref.slice(colon + 1));
  if (!first || !last) return undefined;
  return {
    top: Math.min(first.row, last.row),
    left: Math.min(first.col, last.col),
    bottom: Math.max(first.row, last.row),
    right: Math.max(first.col, last.col),
  };
}

/** The range as a sheet writes it: a single cell without the colon. */
export function rangeRef(range: CellRange): string {
  const first = cellRef(range.top, range.left);
  return range.top === range.bottom && range.left === range.right
    ? first
    : `${first}:${cellRef(range.bottom, range.right)}`;
}
