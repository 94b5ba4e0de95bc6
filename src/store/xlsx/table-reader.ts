import { randomUUID } from 'node:crypto';
import type ExcelJS from 'exceljs';
import { decodeCell, type CellContext, type CellFieldValue, type RawCell } from '../../core/cells';
import { RelacjeError } from '../../core/errors';
import type { ColumnSchema, TableSchema } from '../../core/schema';
import { resolveHeaders } from '../../core/table-layout';
import type { StoredRecord } from '../port';
import { displayOfRaw, rawFromExcel } from './cell-value';
import { rangeOf, type KeptCell, type KeptFormula, type TableLayout, type TableModel } from './table-sheet';

/** `ExcelJS.ValueType.Formula`, without loading ExcelJS for its enumeration. */
const FORMULA = 6 as ExcelJS.ValueType.Formula;

export interface ReadTableOptions {
  context: CellContext;
  /** Columns that may be absent because a migration adds them now. */
  addedColumns?: ReadonlySet<string>;
  aliases?: ReadonlyMap<string, readonly string[]>;
  now: string;
  /** Collect problems instead of throwing the first; undecodable cells are kept as they are. */
  problems?: RelacjeError[];
}

interface Readable {
  column: ColumnSchema;
  col: number;
  header: string;
}

/** One cell as the table reader needs it, whichever parser read the file. */
export interface SourceCell {
  /** The value after formulas are replaced by their results, rich text by its plain text. */
  raw: RawCell;
  /** Nothing in the cell: no value, no formula, or an empty string. */
  blank: boolean;
  formula: boolean;
  /** The formula as written, without `=` (a normal cell or a shared formula's master; the lean reader). */
  formulaText?: string;
}

export interface SourceRow {
  number: number;
  cell(col: number): SourceCell | undefined;
}

/** A sheet's rows: ExcelJS's model of it, or the lean reader's pass over its XML. */
export interface CellSource {
  name: string;
  /** Visits every row between `from` and `to` (inclusive) the sheet has, in order. */
  eachRow(from: number, to: number, visit: (row: SourceRow) => void): void;
}

/** What a table definition says about where the table is. */
export type TableShape = Pick<TableModel, 'tableRef' | 'totalsRow'> & {
  columns: readonly { name: string }[];
};

/** A table's records, and where in the sheet each came from (for building its layout). */
export interface TableRead {
  records: StoredRecord[];
  /** The sheet row each record was read from. */
  rows: number[];
  top: number;
  left: number;
  width: number;
  /** In sheet order: a schema column key, or undefined for a column the user added. */
  columnKeys: (string | undefined)[];
  /** Cells of our columns holding a formula: record id → column key → the value read. */
  formulaValues: Map<string, Map<string, CellFieldValue>>;
  lastDataRow: number;
}

/**
 * Reads one table into records in one pass over its rows, each cell found through a
 * header → column index map built once. A row counts when any of its cells in the table holds
 * something, so a note typed only into the user's own column is never dropped.
 */
export function readTableRecords(
  table: TableSchema,
  source: CellSource,
  shape: TableShape,
  options: ReadTableOptions,
): TableRead {
  const range = rangeOf(shape.tableRef);
  const fail = (error: RelacjeError) => {
    if (!options.problems) throw error;
    options.problems.push(error);
  };
  const lastDataRow = range.bottom - (shape.totalsRow ? 1 : 0);
  const records: StoredRecord[] = [];
  const rows: number[] = [];
  const formulaValues = new Map<string, Map<string, CellFieldValue>>();
  const seenIds = new Set<string>();
  let columns: { readable: Readable[]; userCols: number[]; columnKeys: (string | undefined)[] } | undefined;
  const resolve = (headerRow: SourceRow | undefined) => {
    const headers: string[] = [];
    for (let c = range.left; c <= range.right; c += 1) {
      headers.push(
        displayOfRaw(headerRow?.cell(c)?.raw ?? null) || shape.columns[c - range.left]?.name || '',
      );
    }
    return resolveColumns(table, headers, range.left, source.name, options, fail);
  };
  source.eachRow(range.top, Math.max(range.top, lastDataRow), (row) => {
    if (row.number === range.top) {
      columns = resolve(row);
      return;
    }
    if (row.number > lastDataRow) return;
    columns ??= resolve(undefined);
    const read = readRecord(row, columns.readable, options, source.name, fail);
    if (read.empty && columns.userCols.every((c) => row.cell(c)?.blank ?? true)) return;
    const record = completeRecord(read.record, options.now);
    // A row copied in Excel carries its original's id; it becomes a record of its own.
    if (seenIds.has(record.id)) record.id = randomUUID();
    seenIds.add(record.id);
    records.push(record);
    rows.push(row.number);
    if (read.formulas) formulaValues.set(record.id, read.formulas);
  });
  columns ??= resolve(undefined);
  return {
    records,
    rows,
    top: range.top,
    left: range.left,
    width: range.right - range.left + 1,
    columnKeys: columns.columnKeys,
    formulaValues,
    lastDataRow,
  };
}

function resolveColumns(
  table: TableSchema,
  headers: string[],
  left: number,
  sheetName: string,
  options: ReadTableOptions,
  fail: (error: RelacjeError) => void,
): { readable: Readable[]; userCols: number[]; columnKeys: (string | undefined)[] } {
  const resolution = resolveHeaders(table, headers, options.aliases);
  for (const duplicate of resolution.duplicates) {
    fail(
      new RelacjeError('duplicateColumn', {
        table: table.tableName,
        sheet: sheetName,
        column: headers[duplicate.index],
      }),
    );
  }
  for (const missing of resolution.missing) {
    if (options.addedColumns?.has(missing.key)) continue;
    fail(
      new RelacjeError('missingColumn', {
        table: table.tableName,
        sheet: sheetName,
        column: missing.header[options.context.locale],
      }),
    );
  }
  // A second column with one of our headers is kept as the user's: its cells are not lost.
  const columnKeys = headers.map(() => undefined as string | undefined);
  resolution.indexByKey.forEach((index, key) => (columnKeys[index] = key));
  const readable: Readable[] = table.columns.flatMap((column) => {
    const index = resolution.indexByKey.get(column.key);
    return index === undefined ? [] : [{ column, col: left + index, header: headers[index] }];
  });
  const userCols = columnKeys.flatMap((key, i) => (key === undefined ? [left + i] : []));
  return { readable, userCols, columnKeys };
}

/** ExcelJS's model of a sheet as a `CellSource`. */
export function excelCellSource(sheet: ExcelJS.Worksheet): CellSource {
  return {
    name: sheet.name,
    eachRow(from, to, visit) {
      for (let r = from, last = Math.min(to, sheet.rowCount); r <= last; r += 1) {
        const row = sheet.findRow(r);
        if (!row) continue;
        visit({
          number: r,
          cell(col) {
            const cell = row.findCell(col);
            if (!cell) return undefined;
            const value = cell.value;
            return { raw: rawFromExcel(value), blank: isBlank(value), formula: cell.type === FORMULA };
          },
        });
      }
    },
  };
}

/** Reads a table from ExcelJS's model: its records and the layout a later write keeps. */
export function readTable(
  table: TableSchema,
  found: { sheet: ExcelJS.Worksheet; model: TableModel },
  options: ReadTableOptions,
): { layout: TableLayout; records: StoredRecord[] } {
  const read = readTableRecords(table, excelCellSource(found.sheet), found.model, options);
  return { layout: layoutOf(found, read), records: read.records };
}

/**
 * The layout a write needs, from ExcelJS's model of the file `read` was read from: the user's
 * cells, formulas and the totals row, by record id.
 */
export function layoutOf(
  found: { sheet: ExcelJS.Worksheet; model: TableModel },
  read: TableRead,
): TableLayout {
  const { sheet, model } = found;
  const userCols = read.columnKeys.flatMap((key, i) => (key === undefined ? [read.left + i] : []));
  const colOfKey = new Map<string, number>();
  read.columnKeys.forEach((key, i) => key !== undefined && colOfKey.set(key, read.left + i));
  const userCells = new Map<string, KeptCell[]>();
  const formulas = new Map<string, Map<string, KeptFormula>>();
  read.records.forEach((record, i) => {
    const row = sheet.findRow(read.rows[i]);
    if (userCols.length)
      userCells.set(
        record.id,
        userCols.map((c) => keptCellOf(row?.findCell(c))),
      );
    const values = read.formulaValues.get(record.id);
    if (!values) return;
    const kept = new Map<string, KeptFormula>();
    values.forEach((value, key) => {
      const cell = row?.findCell(colOfKey.get(key)!);
      if (cell?.type === FORMULA) kept.set(key, { formula: cell.formula, value });
    });
    formulas.set(record.id, kept);
  });
  const totalsRow = model.totalsRow ? sheet.findRow(read.lastDataRow + 1) : undefined;
  return {
    sheet,
    model,
    top: read.top,
    left: read.left,
    columnKeys: read.columnKeys,
    userCells,
    formulas,
    totals: model.totalsRow
      ? read.columnKeys.map((_, j) => keptCellOf(totalsRow?.findCell(read.left + j)))
      : undefined,
    dataRows: read.lastDataRow - read.top,
  };
}

function readRecord(
  row: SourceRow,
  readable: readonly Readable[],
  options: ReadTableOptions,
  sheetName: string,
  fail: (error: RelacjeError) => void,
): { record: Record<string, CellFieldValue>; empty: boolean; formulas?: Map<string, CellFieldValue> } {
  const record: Record<string, CellFieldValue> = {};
  let empty = true;
  let formulas: Map<string, CellFieldValue> | undefined;
  for (const { column, col, header } of readable) {
    const cell = row.cell(col);
    const raw = cell ? cell.raw : null;
    if (!isBlank(raw)) empty = false;
    const decoded = decodeCell(column, raw, options.context);
    if (decoded.ok) {
      record[column.key] = decoded.value;
      if (cell?.formula) {
        formulas ??= new Map();
        formulas.set(column.key, decoded.value);
      }
    } else {
      fail(
        new RelacjeError('badCell', {
          sheet: sheetName,
          column: header,
          row: row.number,
          value: displayOfRaw(raw),
          expected: decoded.expected,
        }),
      );
      // Kept as it is, so that a lenient load (inspect, repair) writes back what it found.
      record[column.key] = raw instanceof Date ? raw.toISOString() : (raw as string | number | boolean);
    }
  }
  return { record, empty, formulas };
}

/**
 * Rows typed into the sheet by hand have no id or tracking fields yet; they get them here and
 * keep them from the next write on.
 */
function completeRecord(record: Record<string, CellFieldValue>, now: string): StoredRecord {
  if (typeof record.id !== 'string' || record.id === '') record.id = randomUUID();
  if (typeof record.version !== 'number') record.version = 1;
  if (typeof record.createdAt !== 'string') record.createdAt = now;
  if (typeof record.updatedAt !== 'string') record.updatedAt = record.createdAt;
  return record as StoredRecord;
}

/**
 * A cell as it can be written elsewhere. A shared formula names its master cell, which may be
 * on a row that moves or goes away, so it is kept as the formula it stands for in this cell.
 */
export function keptCellOf(cell: ExcelJS.Cell | undefined): KeptCell {
  if (!cell) return { value: null, style: {} };
  let value = cell.value;
  if (cell.type === FORMULA) {
    value = { formula: cell.formula, result: cell.result } as ExcelJS.CellFormulaValue;
  }
  return cell.note === undefined
    ? { value, style: cell.style }
    : { value, style: cell.style, note: cell.note };
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}
