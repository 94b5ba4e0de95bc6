/**
 * The shapes shared by the package layer (ZIP, sheet and table-part patching) and the workbook
 * engine above it. The package layer knows OOXML, not the CRM.
 */

/** A cell's value as the engine holds it: dates are serial numbers of the 1900 date system. */
export type CellValue = string | number | boolean | null;

/** A formula written into a cell, with the result to cache beside it (none: Excel computes it). */
export interface FormulaCell {
  /** Without the leading `=`. */
  formula: string;
  value?: CellValue;
}

/**
 * One cell of a table's new body row: `undefined` keeps the cell of the row's `origin` as it is
 * (byte for byte, moved to the new row number); `null` clears it; a value or formula replaces it.
 * A new row (origin 0) with an `undefined` cell gets the column's calculated formula, if any.
 */
export type BodyCell = CellValue | FormulaCell | undefined;

export interface BodyRow {
  /** The sheet row number this row had in the original sheet XML, 0 for a row that is new. */
  origin: number;
  /** One entry per table column, left to right. */
  cells: readonly BodyCell[];
}

/** 1-based, inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** What a table part (`xl/tables/tableN.xml`) says. */
export interface TablePartInfo {
  name: string;
  /** e.g. `A1:K101`, header and totals rows included. */
  ref: string;
  headerRowCount: number;
  totalsRowCount: number;
  columns: { id: number; name: string; calculatedColumnFormula?: string }[];
}

export function isFormulaCell(cell: BodyCell): cell is FormulaCell {
  return cell !== null && typeof cell === 'object';
}
