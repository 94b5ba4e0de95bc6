/* eslint-disable office-addins/load-object-before-read -- ExcelJS cells of the emulation, not Office.js proxies */
import type ExcelJS from 'exceljs';
import { colCache, rangeOf, type TableModel } from '../../../src/store/xlsx/table-sheet';
import { keptCellOf } from '../../../src/store/xlsx/table-reader';
import { isUnchanged, type CellWrite, type GraphValue } from '../../../src/server/document/graph-values';
import { excelValueOf, graphValueOf } from './excel-cells';

/**
 * One Excel table (ListObject) on its sheet, read and changed in place as Excel does it: rows are
 * inserted and deleted within the table's columns, so cells beside the table stay where they are,
 * and cells below it within its columns move with it.
 */
export class TableArea {
  constructor(
    readonly sheet: ExcelJS.Worksheet,
    readonly model: TableModel,
  ) {}

  get name(): string {
    return this.model.name;
  }

  /** A new table over the header row at `at` (its cells hold the headers), with one blank data row. */
  static add(
    sheet: ExcelJS.Worksheet,
    at: { top: number; left: number; right: number },
    name: string,
  ): TableArea {
    const headers = Array.from({ length: at.right - at.left + 1 }, (_, j) =>
      String(graphValueOf(sheet.getRow(at.top).getCell(at.left + j).value)),
    );
    sheet.addTable({
      name,
      ref: `${colCache.n2l(at.left)}${at.top}`,
      headerRow: true,
      columns: headers.map((header) => ({ name: header })),
      rows: [headers.map(() => null)],
    });
    return tablesOf(sheet.workbook).find((t) => t.name === name)!;
  }

  rename(name: string): void {
    const tables = (this.sheet as unknown as { tables: Record<string, unknown> }).tables;
    const entry = tables[this.model.name];
    delete tables[this.model.name];
    tables[name] = entry;
    this.model.name = name;
  }

  /** A column at the table's right end: its header, empty cells below (cells to its right are not moved). */
  addColumn(header: string): void {
    const { top, left, bottom, right } = this.bounds;
    this.sheet.getRow(top).getCell(right + 1).value = header;
    this.model.columns.push({ name: header } as TableModel['columns'][number]);
    this.model.tableRef = colCache.encode(top, left, bottom, right + 1);
    if (this.model.autoFilterRef)
      this.model.autoFilterRef = colCache.encode(top, left, bottom - this.totalsRows, right + 1);
  }

  /** The table's cells, header and totals rows included, 1-based. */
  get bounds() {
    return rangeOf(this.model.tableRef);
  }

  get width(): number {
    const { left, right } = this.bounds;
    return right - left + 1;
  }

  private get totalsRows(): number {
    return this.model.totalsRow ? 1 : 0;
  }

  /** Rows between the header and the totals row, the blank row of an empty table included. */
  private get areaRows(): number {
    const { top, bottom } = this.bounds;
    return bottom - top - this.totalsRows;
  }

  /** Data rows; an Excel table always keeps one row, which counts only when something is in it. */
  get rowCount(): number {
    const rows = this.areaRows;
    if (rows === 1 && this.isBlankRow(0)) return 0;
    return rows;
  }

  headers(): string[] {
    const { top, left } = this.bounds;
    const row = this.sheet.getRow(top);
    return Array.from({ length: this.width }, (_, j) => {
      const value = graphValueOf(row.findCell(left + j)?.value);
      return value === '' ? (this.model.columns[j]?.name ?? '') : String(value);
    });
  }

  /** Data rows `skip` … `skip + take - 1`, as Graph's `values`. */
  rows(skip: number, take: number): GraphValue[][] {
    const end = Math.min(this.rowCount, skip + take);
    // The table's address is parsed once per page, not once per row.
    const { top, left, right } = this.bounds;
    const out: GraphValue[][] = [];
    for (let i = skip; i < end; i += 1) out.push(this.valuesOfRow(top + 1 + i, left, right));
    return out;
  }

  rowValues(index: number): GraphValue[] {
    const { top, left, right } = this.bounds;
    return this.valuesOfRow(top + 1 + index, left, right);
  }

  private valuesOfRow(rowNumber: number, left: number, right: number): GraphValue[] {
    const row = this.sheet.findRow(rowNumber);
    const values: GraphValue[] = new Array<GraphValue>(right - left + 1);
    for (let c = left; c <= right; c += 1) values[c - left] = graphValueOf(row?.findCell(c)?.value);
    return values;
  }

  /** Inserts rows before data row `index` (at the end for null); returns the first new row's index. */
  insertRows(index: number | null, rows: readonly (readonly CellWrite[])[]): number {
    const count = this.rowCount;
    const at = index ?? count;
    const { top, left, right, bottom } = this.bounds;
    // An empty table's blank row is taken by the first new row rather than kept above it.
    const reuse = count === 0 && this.areaRows === 1 ? 1 : 0;
    const grow = rows.length - reuse;
    if (grow > 0) {
      this.shiftCells(top + 1 + at + reuse, left, right, grow);
      this.setBottom(bottom + grow);
    }
    rows.forEach((values, i) => this.writeRow(at + i, values, true));
    return at;
  }

  updateRow(index: number, values: readonly CellWrite[]): void {
    this.writeRow(index, values, false);
  }

  deleteRow(index: number): void {
    const { top, left, right, bottom } = this.bounds;
    if (this.areaRows === 1) {
      // The table keeps its one row, emptied, as Excel does when its last row is deleted.
      this.writeRow(
        0,
        Array.from({ length: this.width }, () => null),
        true,
      );
      return;
    }
    this.shiftCells(top + 2 + index, left, right, -1);
    this.setBottom(bottom - 1);
  }

  private writeRow(index: number, values: readonly CellWrite[], fresh: boolean): void {
    const { top, left } = this.bounds;
    const row = this.sheet.getRow(top + 1 + index);
    // New rows take the look of the table's first data row, as Excel's do (date formats above all).
    // They share its style objects, as ExcelJS's own cells of one look do: a fold then renders each
    // look once instead of once per new cell, and a bulk insert holds no copy per cell.
    const pattern = fresh && index > 0 ? this.sheet.getRow(top + 1) : undefined;
    for (let j = 0; j < this.width; j += 1) {
      const write = values[j] === undefined ? null : values[j];
      const cell = row.getCell(left + j);
      if (isUnchanged(write)) continue;
      cell.value = excelValueOf(write);
      if (pattern) cell.style = pattern.getCell(left + j).style;
    }
  }

  private isBlankRow(index: number): boolean {
    return this.rowValues(index).every((value) => value === '');
  }

  /**
   * Moves the cells of columns `left`…`right` from row `from` to the end of the sheet by `delta`
   * rows (down when positive), values and looks together; rows left behind are emptied.
   */
  private shiftCells(from: number, left: number, right: number, delta: number): void {
    const last = this.sheet.rowCount;
    if (last < from) return;
    const move = (r: number) => {
      const source = this.sheet.findRow(r);
      const target = this.sheet.getRow(r + delta);
      for (let c = left; c <= right; c += 1) {
        const kept = keptCellOf(source?.findCell(c));
        const cell = target.getCell(c);
        cell.value = kept.value;
        cell.style = kept.style;
      }
    };
    if (delta > 0) for (let r = last; r >= from; r -= 1) move(r);
    else for (let r = from; r <= last; r += 1) move(r);
    const vacated = delta > 0 ? [from, from + delta - 1] : [last + delta + 1, last];
    for (let r = vacated[0]; r <= vacated[1]; r += 1) {
      const row = this.sheet.findRow(r);
      for (let c = left; row && c <= right; c += 1) {
        const cell = row.findCell(c);
        if (cell) {
          cell.value = null;
          cell.style = {};
        }
      }
    }
  }

  /** Moves the table's last row to `bottom`, and its filter and list validations with it. */
  private setBottom(bottom: number): void {
    const { top, left, right, bottom: oldBottom } = this.bounds;
    this.model.tableRef = colCache.encode(top, left, bottom, right);
    const lastData = bottom - this.totalsRows;
    if (this.model.autoFilterRef) this.model.autoFilterRef = colCache.encode(top, left, lastData, right);
    const validations = (this.sheet as unknown as { dataValidations: { model: Record<string, unknown> } })
      .dataValidations.model;
    const oldLastData = oldBottom - this.totalsRows;
    for (const [address, validation] of Object.entries(validations)) {
      const range = rangeOf(address);
      // A validation that covered the data rows of table columns covers them still.
      if (range.top !== top + 1 || range.bottom !== oldLastData || range.left < left || range.right > right)
        continue;
      delete validations[address];
      validations[colCache.encode(top + 1, range.left, lastData, range.right)] = validation;
    }
  }
}

/** Every table of the workbook, by name. */
export function tablesOf(workbook: ExcelJS.Workbook): TableArea[] {
  return workbook.worksheets.flatMap((sheet) => {
    const tables = (sheet as unknown as { tables: Record<string, { table: TableModel }> }).tables;
    return Object.values(tables).map((t) => new TableArea(sheet, t.table));
  });
}
