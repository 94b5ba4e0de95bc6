import { decodeCell, encodeCell, type CellContext } from '../../core/cells';
import { RelacjeError } from '../../core/errors';
import type { TableSchema } from '../../core/schema';
import { resolveHeaders } from '../../core/table-layout';
import type { RecordFields, StoredRecord } from '../port';

/** A cell as Graph's `values` carry it. */
export type GraphValue = string | number | boolean;
/** A cell to write: `null` leaves the cell as it is, `""` clears it. */
export type GraphWrite = GraphValue | null;

/** Where a table's columns sit, found by header text, and which sheet and row it starts on. */
export interface GraphTableLayout {
  table: TableSchema;
  sheet: string;
  /** The header's row number on the sheet (1-based). */
  headerRow: number;
  headers: string[];
  width: number;
  indexByKey: Map<string, number>;
}

/** `Klienci!A1:Z1` or `'Moje klienci'!B3:C3` → the sheet and the first row. */
function sheetAndRowOf(address: string): { sheet: string; row: number } {
  const bang = address.lastIndexOf('!');
  const sheet = address
    .slice(0, bang)
    .replace(/^'(.*)'$/, '$1')
    .replace(/''/g, "'");
  const row = Number(/\d+/.exec(address.slice(bang + 1))?.[0] ?? '1');
  return { sheet, row };
}

/** The layout from a table's header row range; a missing or doubled column is the product's error. */
export function layoutOf(
  table: TableSchema,
  headerRange: { address: string; values: GraphValue[][] },
): GraphTableLayout {
  const headers = (headerRange.values[0] ?? []).map(String);
  const { sheet, row } = sheetAndRowOf(headerRange.address);
  const resolution = resolveHeaders(table, headers);
  const duplicate = resolution.duplicates[0];
  if (duplicate) {
    throw new RelacjeError('duplicateColumn', {
      table: table.tableName,
      sheet,
      column: headers[duplicate.index],
    });
  }
  const missing = resolution.missing[0];
  if (missing) {
    throw new RelacjeError('missingColumn', { table: table.tableName, sheet, column: missing.header.pl });
  }
  return { table, sheet, headerRow: row, headers, width: headers.length, indexByKey: resolution.indexByKey };
}

/**
 * A row of the table as a record, or undefined for a row with nothing in our columns. A cell that
 * does not fit its column is a `badCell` error naming sheet, column and row.
 */
export function recordOfRow(
  layout: GraphTableLayout,
  values: readonly GraphValue[],
  index: number,
  context: CellContext,
): RecordFields | undefined {
  const record: RecordFields = {};
  let empty = true;
  for (const column of layout.table.columns) {
    const raw = values[layout.indexByKey.get(column.key) ?? -1];
    if (raw !== '' && raw !== undefined) empty = false;
    const decoded = decodeCell(column, raw === undefined ? null : raw, context);
    if (!decoded.ok) {
      throw new RelacjeError('badCell', {
        sheet: layout.sheet,
        column: column.header[context.locale],
        row: layout.headerRow + 1 + index,
        value: String(raw),
        expected: decoded.expected,
      });
    }
    record[column.key] = decoded.value;
  }
  return empty ? undefined : record;
}

/**
 * The row to write for these fields: each given field encoded as Excel would hold it; text
 * prefixed with an apostrophe so Excel keeps it as typed (never a formula, never a number that
 * loses its leading zeros). Columns not given are left as they are (`null`), or empty (`""`)
 * in a new row.
 */
export function rowOfFields(
  layout: GraphTableLayout,
  fields: Readonly<RecordFields>,
  context: CellContext,
  newRow: boolean,
): GraphWrite[] {
  const row: GraphWrite[] = Array.from({ length: layout.width }, () => (newRow ? '' : null));
  for (const column of layout.table.columns) {
    if (!Object.prototype.hasOwnProperty.call(fields, column.key)) continue;
    const encoded = encodeCell(column, fields[column.key], context);
    row[layout.indexByKey.get(column.key)!] =
      encoded === null ? '' : typeof encoded === 'string' ? `'${encoded}` : encoded;
  }
  return row;
}

export function idAndVersionOf(
  layout: GraphTableLayout,
  values: readonly GraphValue[],
): { id: string; version: number } {
  const id = values[layout.indexByKey.get('id')!];
  const version = values[layout.indexByKey.get('version')!];
  return {
    id: id === undefined ? '' : String(id),
    version: typeof version === 'number' ? version : Number(version),
  };
}

export function asStored(record: RecordFields): StoredRecord {
  return record as StoredRecord;
}
