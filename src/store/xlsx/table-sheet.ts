import type ExcelJS from 'exceljs';
import type { CellFieldValue } from '../../core/cells';
import type { Locale } from '../../core/i18n';
import type { ColumnSchema, TableSchema } from '../../core/schema';

/* eslint-disable @typescript-eslint/no-require-imports -- ExcelJS exposes these only by path */
export const colCache = require('exceljs/lib/utils/col-cache') as {
  decode(
    ref: string,
  ): { top: number; left: number; bottom: number; right: number } | { row: number; col: number };
  encode(top: number, left: number, bottom: number, right: number): string;
  n2l(col: number): string;
};
const TableClass = require('exceljs/lib/doc/table') as new () => { table: TableModel };
/* eslint-enable @typescript-eslint/no-require-imports */

interface TableColumnModel {
  name: string;
  filterButton?: boolean;
  [attribute: string]: unknown;
}

/** ExcelJS's model of one Excel table (ListObject), as it reads and writes it. */
export interface TableModel {
  name: string;
  displayName?: string;
  tableRef: string;
  autoFilterRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns: TableColumnModel[];
  style?: Record<string, unknown>;
}

/** A cell of the user's that moves with its record: its value, look and note. */
export interface KeptCell {
  value: ExcelJS.CellValue;
  style: Partial<ExcelJS.Style>;
  note?: ExcelJS.Comment | string;
}

/** A formula the user put into one of our columns, kept while the record's value is its result. */
export interface KeptFormula {
  formula: string;
  value: CellFieldValue;
}

/** Where a table sits and which of its columns are ours; the user's own columns are kept by record id. */
export interface TableLayout {
  sheet: ExcelJS.Worksheet;
  model: TableModel;
  top: number;
  left: number;
  /** In sheet order: a schema column key, or undefined for a column the user added. */
  columnKeys: (string | undefined)[];
  /** Cells of the user's columns, by record id, in the order of `columnKeys`' undefined entries. */
  userCells: Map<string, KeptCell[]>;
  /** Formulas in our columns: record id → column key → formula. */
  formulas: Map<string, Map<string, KeptFormula>>;
  /** The table's totals row, one cell per table column, when it has one. */
  totals?: KeptCell[];
  /** Data rows the table had when read, so a shrinking table clears what it no longer covers. */
  dataRows: number;
}

export const TABLE_STYLE = { theme: 'TableStyleMedium2', showRowStripes: true };
export const MONEY_FORMAT = '#,##0.00';
export const DATE_FORMAT = 'dd.mm.yyyy';

/** The number format a column's cells get, if any. */
export function numberFormatOf(column: ColumnSchema | undefined): string | undefined {
  return column?.type === 'money' ? MONEY_FORMAT : column?.type === 'date' ? DATE_FORMAT : undefined;
}

// Widths in characters, wide enough for a typical value of the type without wasting the screen.
const WIDTH_BY_TYPE: Partial<Record<ColumnSchema['type'], number>> = {
  id: 28,
  ref: 28,
  date: 12,
  datetime: 24,
  money: 14,
  integer: 9,
  number: 11,
  percent: 9,
  boolean: 9,
  enum: 16,
};

export function columnWidthOf(column: ColumnSchema, locale: Locale): number {
  const typical = WIDTH_BY_TYPE[column.type] ?? ((column.maxLength ?? 0) > 1000 ? 40 : 20);
  return Math.min(50, Math.max(typical, column.header[locale].length + 3));
}

/** The table called `tableName` (case-insensitive, as Excel compares names) on whatever sheet holds it. */
export function findTableModel(
  workbook: ExcelJS.Workbook,
  tableName: string,
): { sheet: ExcelJS.Worksheet; model: TableModel } | undefined {
  const wanted = tableName.toLowerCase();
  for (const sheet of workbook.worksheets) {
    const tables = (sheet as unknown as { tables: Record<string, { table: TableModel }> }).tables;
    for (const name of Object.keys(tables)) {
      if (name.toLowerCase() === wanted) return { sheet, model: tables[name].table };
    }
  }
  return undefined;
}

export function rangeOf(ref: string): { top: number; left: number; bottom: number; right: number } {
  const decoded = colCache.decode(ref);
  return 'top' in decoded
    ? decoded
    : { top: decoded.row, left: decoded.col, bottom: decoded.row, right: decoded.col };
}

/** Adds an empty table for `table` on a new sheet named in `locale`, header row frozen. */
export function addTableSheet(workbook: ExcelJS.Workbook, table: TableSchema, locale: Locale): TableLayout {
  const sheet = workbook.addWorksheet(uniqueSheetName(workbook, table.sheet[locale]), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const headers = table.columns.map((c) => c.header[locale]);
  const model: TableModel = {
    name: table.tableName,
    displayName: table.tableName,
    tableRef: colCache.encode(1, 1, 2, headers.length),
    headerRow: true,
    totalsRow: false,
    columns: headers.map((name) => ({ name, filterButton: true })),
    style: { ...TABLE_STYLE },
  };
  const holder = new TableClass();
  holder.table = model;
  (sheet as unknown as { tables: Record<string, unknown> }).tables[table.tableName] = holder;
  table.columns.forEach((column, i) => (sheet.getColumn(i + 1).width = columnWidthOf(column, locale)));
  return {
    sheet,
    model,
    top: 1,
    left: 1,
    columnKeys: table.columns.map((c) => c.key),
    userCells: new Map(),
    formulas: new Map(),
    dataRows: 1,
  };
}

function uniqueSheetName(workbook: ExcelJS.Workbook, wanted: string): string {
  let name = wanted;
  for (let n = 2; workbook.getWorksheet(name); n += 1) name = `${wanted} (${n})`;
  return name;
}

/**
 * Appends schema columns the table lacks (a migration or a repair) after its last column. When
 * the user keeps something in the sheet column a new table column needs, that content and
 * everything right of it moves one column right instead of being overwritten.
 */
export function addMissingColumns(layout: TableLayout, table: TableSchema, locale: Locale): ColumnSchema[] {
  const present = new Set(layout.columnKeys.filter((k): k is string => k !== undefined));
  const added = table.columns.filter((c) => !present.has(c.key));
  for (const column of added) {
    const sheetColumn = layout.left + layout.columnKeys.length;
    if (columnHasContent(layout.sheet, sheetColumn)) layout.sheet.spliceColumns(sheetColumn, 0, []);
    layout.columnKeys.push(column.key);
    layout.model.columns.push({ name: column.header[locale], filterButton: true });
    layout.totals?.push({ value: null, style: {} });
    layout.sheet.getColumn(sheetColumn).width = columnWidthOf(column, locale);
  }
  return added;
}

function columnHasContent(sheet: ExcelJS.Worksheet, column: number): boolean {
  let found = false;
  sheet.eachRow((row) => {
    const value = row.findCell(column)?.value;
    if (value !== null && value !== undefined && value !== '') found = true;
  });
  return found;
}
