import { columnLetters, columnNumber } from '../core/cell-address';
import type { DashboardCell } from './port';
import type { SheetWrite } from './table-rows';

const CELL_REF = /^([A-Z]{1,3})(\d{1,7})$/;

/**
 * The smallest range holding every Dashboard cell, and its formulas grid (`""` where nothing
 * goes): formulas with their `=`, text quoted so that it stays text.
 */
export function dashboardGrid(cells: readonly DashboardCell[]): { address: string; grid: SheetWrite[][] } {
  const placed = cells.map((cell) => {
    const m = CELL_REF.exec(cell.ref.toUpperCase());
    if (!m) throw new Error(`Not a cell address: ${cell.ref}`);
    return { row: Number(m[2]), col: columnNumber(m[1]), cell };
  });
  const top = Math.min(...placed.map((p) => p.row));
  const bottom = Math.max(...placed.map((p) => p.row));
  const left = Math.min(...placed.map((p) => p.col));
  const right = Math.max(...placed.map((p) => p.col));
  const grid: SheetWrite[][] = Array.from({ length: bottom - top + 1 }, () =>
    Array.from({ length: right - left + 1 }, () => ''),
  );
  for (const { row, col, cell } of placed) {
    const value = cell.formula !== undefined ? `=${cell.formula.replace(/^=/, '')}` : cell.value;
    grid[row - top][col - left] =
      value === null || value === undefined ? '' : typeof value === 'string' ? `'${value}` : value;
  }
  return { address: `${columnLetters(left)}${top}:${columnLetters(right)}${bottom}`, grid };
}
