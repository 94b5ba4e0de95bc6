import type { BodyCell, CellValue, TablePartInfo } from '../package/package-types';
import { isUnchanged, type CellWrite } from './cell-writes';

/**
 * One data row of a table as the engine holds it: the cells' values (formulas by their cached
 * result), the formulas where there are any, and where the row came from in the file.
 */
export interface EngineRow {
  values: CellValue[];
  /** Formula text (no `=`) per column, only for rows that have formulas. */
  formulas?: (string | undefined)[];
  /** The sheet row it was read from in the file as last folded; 0 for a row written since. */
  origin: number;
  /** Columns written since the last fold (all, for a new row); undefined: none. */
  changed?: boolean[];
  /** Position in the table, kept current by the table (see `indexOf`). */
  index: number;
}

/**
 * An Excel table (ListObject) as the engine holds it: its place on the sheet, its columns, and its
 * data rows. Rows change as Excel changes them: inserted or deleted within the table, never reordered.
 */
export class EngineTable {
  rows: EngineRow[] = [];
  /** Rows whose `index` may be stale start here (after an insert or delete in the middle). */
  private staleFrom = Infinity;
  /** Something changed since the last fold. */
  dirty = false;

  constructor(
    readonly name: string,
    readonly sheetName: string,
    /** The table part, e.g. `xl/tables/table1.xml`. */
    readonly part: string,
    public info: TablePartInfo,
    /** The header row and left column on the sheet (1-based). */
    public top: number,
    readonly left: number,
    /** Header texts as the header cells show them. */
    public headers: string[],
    /** The last row of the table in the file as last folded (totals row included). */
    public foldedBottom: number,
  ) {}

  get width(): number {
    return this.headers.length;
  }

  get right(): number {
    return this.left + this.width - 1;
  }

  get totalsRowCount(): number {
    return this.info.totalsRowCount;
  }

  get rowCount(): number {
    return this.rows.length;
  }

  /** The bottom row of the table as it stands now (an empty table keeps one blank data row). */
  get bottom(): number {
    return this.top + Math.max(this.rows.length, 1) + this.totalsRowCount;
  }

  /** The calculated-column formula of each column, for new rows. */
  calculatedFormulas(): (string | undefined)[] {
    return this.headers.map((_, j) => this.info.columns[j]?.calculatedColumnFormula);
  }

  indexOf(row: EngineRow): number {
    if (row.index >= this.staleFrom) this.reindex();
    return row.index;
  }

  private reindex(): void {
    for (let i = this.staleFrom; i < this.rows.length; i += 1) this.rows[i].index = i;
    this.staleFrom = Infinity;
  }

  /** Inserts before data row `index` (at the end for null); returns the new rows. */
  insertRows(index: number | null, writes: readonly (readonly CellWrite[])[]): EngineRow[] {
    const at = index ?? this.rows.length;
    const calculated = this.calculatedFormulas();
    const created = writes.map((write, i) => {
      const row: EngineRow = {
        values: new Array<CellValue>(this.width).fill(null),
        origin: 0,
        changed: new Array<boolean>(this.width).fill(true),
        index: at + i,
      };
      for (let j = 0; j < this.width; j += 1) {
        const cell = write[j];
        if (cell === undefined || isUnchanged(cell)) {
          if (calculated[j] !== undefined) setFormula(row, j, calculated[j]!, this.width);
          continue;
        }
        writeCell(row, j, cell, this.width);
      }
      return row;
    });
    // One by one: a spread of a million rows would overflow the call stack.
    if (at === this.rows.length) for (const row of created) this.rows.push(row);
    else {
      this.rows = this.rows.slice(0, at).concat(created, this.rows.slice(at));
      this.staleFrom = Math.min(this.staleFrom, at);
    }
    this.dirty = true;
    return created;
  }

  updateRow(index: number, write: readonly CellWrite[]): void {
    const row = this.rows[index];
    for (let j = 0; j < this.width; j += 1) {
      const cell = write[j];
      if (cell === undefined || isUnchanged(cell)) continue;
      writeCell(row, j, cell, this.width);
      (row.changed ??= new Array<boolean>(this.width).fill(false))[j] = true;
    }
    this.dirty = true;
  }

  deleteRow(index: number): void {
    this.rows.splice(index, 1);
    this.staleFrom = Math.min(this.staleFrom, index);
    this.dirty = true;
  }

  /** After a fold wrote the table: each row now stands at its own sheet row, nothing pending. */
  folded(): void {
    this.reindex();
    this.rows.forEach((row, i) => {
      row.origin = this.top + 1 + i;
      row.changed = undefined;
    });
    this.foldedBottom = this.bottom;
    this.dirty = false;
  }

  /** The row's cells as the sheet patcher takes them: unchanged cells are copied from the file. */
  bodyCells(row: EngineRow): BodyCell[] {
    const cells: BodyCell[] = new Array<BodyCell>(this.width);
    for (let j = 0; j < this.width; j += 1) {
      if (row.origin !== 0 && !row.changed?.[j]) cells[j] = undefined;
      else {
        const formula = row.formulas?.[j];
        cells[j] = formula !== undefined ? { formula, value: row.values[j] } : row.values[j];
      }
    }
    return cells;
  }
}

function writeCell(row: EngineRow, j: number, cell: Exclude<CellWrite, { unchanged: true }>, width: number) {
  if (cell !== null && typeof cell === 'object') {
    setFormula(row, j, cell.formula, width);
    return;
  }
  row.values[j] = cell;
  if (row.formulas) row.formulas[j] = undefined;
}

function setFormula(row: EngineRow, j: number, formula: string, width: number): void {
  (row.formulas ??= new Array<string | undefined>(width).fill(undefined))[j] = formula;
  // Excel computes the value; until then the cell reads as empty.
  row.values[j] = null;
}
