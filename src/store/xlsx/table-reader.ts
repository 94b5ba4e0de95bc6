import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { decodeCell, type CellContext, type CellFieldValue } from '../../core/cells';
import { RelacjeError } from '../../core/errors';
import type { ColumnSchema, TableSchema } from '../../core/schema';
import { resolveHeaders } from '../../core/table-layout';
import type { StoredRecord } from '../port';
import { displayOfRaw, rawFromExcel } from './cell-value';
import { rangeOf, type KeptCell, type KeptFormula, type TableLayout, type TableModel } from './table-sheet';

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

/**
 * Reads one table into records in one pass over its rows, each cell found through a
 * header → column index map built once. A row counts when any of its cells in the table holds
 * something, so a note typed only into the user's own column is never dropped.
 */
export function readTable(
  table: TableSchema,
  found: { sheet: ExcelJS.Worksheet; model: TableModel },
  options: ReadTableOptions,
): { layout: TableLayout; records: StoredRecord[] } {
  const { sheet, model } = found;
  const range = rangeOf(model.tableRef);
  const headerRow = sheet.getRow(range.top);
  const headers: string[] = [];
  for (let c = range.left; c <= range.right; c += 1) {
    headers.push(
      displayOfRaw(rawFromExcel(headerRow.findCell(c)?.value)) || model.columns[c - range.left]?.name || '',
    );
  }
  const resolution = resolveHeaders(table, headers, options.aliases);
  const fail = (error: RelacjeError) => {
    if (!options.problems) throw error;
    options.problems.push(error);
  };
  for (const duplicate of resolution.duplicates) {
    fail(
      new RelacjeError('duplicateColumn', {
        table: table.tableName,
        sheet: sheet.name,
        column: headers[duplicate.index],
      }),
    );
  }
  for (const missing of resolution.missing) {
    if (options.addedColumns?.has(missing.key)) continue;
    fail(
      new RelacjeError('missingColumn', {
        table: table.tableName,
        sheet: sheet.name,
        column: missing.header[options.context.locale],
      }),
    );
  }
  // A second column with one of our headers is kept as the user's: its cells are not lost.
  const columnKeys = headers.map(() => undefined as string | undefined);
  resolution.indexByKey.forEach((index, key) => (columnKeys[index] = key));
  const readable: Readable[] = table.columns.flatMap((column) => {
    const index = resolution.indexByKey.get(column.key);
    return index === undefined ? [] : [{ column, col: range.left + index, header: headers[index] }];
  });
  const userCols = columnKeys.flatMap((key, i) => (key === undefined ? [range.left + i] : []));

  const records: StoredRecord[] = [];
  const userCells = new Map<string, KeptCell[]>();
  const formulas = new Map<string, Map<string, KeptFormula>>();
  const seenIds = new Set<string>();
  const lastDataRow = range.bottom - (model.totalsRow ? 1 : 0);
  for (let r = range.top + 1; r <= lastDataRow; r += 1) {
    const row = sheet.findRow(r);
    if (!row) continue;
    const read = readRecord(row, readable, options, sheet.name, fail);
    const kept = userCols.map((c) => keptCellOf(row.findCell(c)));
    if (read.empty && kept.every((k) => isBlank(k.value))) continue;
    const record = completeRecord(read.record, options.now);
    // A row copied in Excel carries its original's id; it becomes a record of its own.
    if (seenIds.has(record.id)) record.id = randomUUID();
    seenIds.add(record.id);
    records.push(record);
    if (userCols.length) userCells.set(record.id, kept);
    if (read.formulas) formulas.set(record.id, read.formulas);
  }
  const totalsRow = model.totalsRow ? sheet.findRow(range.bottom) : undefined;
  const layout: TableLayout = {
    sheet,
    model,
    top: range.top,
    left: range.left,
    columnKeys,
    userCells,
    formulas,
    totals: model.totalsRow
      ? headers.map((_, j) => keptCellOf(totalsRow?.findCell(range.left + j)))
      : undefined,
    dataRows: lastDataRow - range.top,
  };
  return { layout, records };
}

function readRecord(
  row: ExcelJS.Row,
  readable: readonly Readable[],
  options: ReadTableOptions,
  sheetName: string,
  fail: (error: RelacjeError) => void,
): { record: Record<string, CellFieldValue>; empty: boolean; formulas?: Map<string, KeptFormula> } {
  const record: Record<string, CellFieldValue> = {};
  let empty = true;
  let formulas: Map<string, KeptFormula> | undefined;
  for (const { column, col, header } of readable) {
    const cell = row.findCell(col);
    const raw = rawFromExcel(cell?.value);
    if (!isBlank(raw)) empty = false;
    const decoded = decodeCell(column, raw, options.context);
    if (decoded.ok) {
      record[column.key] = decoded.value;
      if (cell?.type === ExcelJS.ValueType.Formula) {
        formulas ??= new Map();
        formulas.set(column.key, { formula: cell.formula, value: decoded.value });
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
  if (cell.type === ExcelJS.ValueType.Formula) {
    value = { formula: cell.formula, result: cell.result } as ExcelJS.CellFormulaValue;
  }
  return cell.note === undefined
    ? { value, style: cell.style }
    : { value, style: cell.style, note: cell.note };
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}
