import { decodeCell, encodeCell, type CellContext } from '../core/cells';
import { RelacjeError } from '../core/errors';
import type { Locale } from '../core/i18n';
import type { TableSchema, WorkbookSchema } from '../core/schema';
import { planMigration } from '../core/schema/migrations';
import { resolveHeaders } from '../core/table-layout';
import type { RecordFields, StoredRecord } from './port';

/**
 * The rows of our tables as Excel's values APIs carry them (Graph's `values`, Office.js
 * `range.values`): shared by every adapter that talks to Excel rather than to a file.
 */

/** A cell as a values API carries it: `""` for an empty cell, dates as serial numbers. */
export type SheetValue = string | number | boolean;
/** A cell to write: `null` leaves the cell as it is, `""` clears it. */
export type SheetWrite = SheetValue | null;

/** Where a table's columns sit, found by header text, and which sheet and row it starts on. */
export interface TableRowsLayout {
  table: TableSchema;
  sheet: string;
  /** The header's row number on the sheet (1-based). */
  headerRow: number;
  headers: string[];
  width: number;
  indexByKey: Map<string, number>;
  /** Columns a newer schema added that this workbook of an older one lacks (see `SchemaGaps`). */
  lacking?: { columns: ReadonlySet<string>; version: number; supported: number };
}

/**
 * What a workbook of an older schema may lack when an adapter reads it as it is (Graph and
 * Office.js do not rewrite a workbook to upgrade it): the tables and columns its migrations add.
 */
export interface SchemaGaps {
  version: number;
  supported: number;
  tables: ReadonlySet<string>;
  columns: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The gaps of a workbook of `version`; none when it is of the current one. */
export function schemaGapsOf(version: number, schema: WorkbookSchema): SchemaGaps {
  const plan = planMigration(Math.min(version, schema.version), schema);
  const columns = new Map([...plan.newColumns].map(([table, added]) => [table, new Set(added.keys())]));
  return { version, supported: schema.version, tables: plan.newTables, columns };
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
  headerRange: { address: string; values: SheetValue[][] },
  locale: Locale = 'pl',
  gaps?: SchemaGaps,
): TableRowsLayout {
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
  const mayLack = gaps?.columns.get(table.key);
  const lacking = resolution.missing.filter((c) => mayLack?.has(c.key));
  const missing = resolution.missing.find((c) => !mayLack?.has(c.key));
  if (missing) {
    throw new RelacjeError('missingColumn', {
      table: table.tableName,
      sheet,
      column: missing.header[locale],
    });
  }
  const layout: TableRowsLayout = {
    table,
    sheet,
    headerRow: row,
    headers,
    width: headers.length,
    indexByKey: resolution.indexByKey,
  };
  if (gaps && lacking.length > 0) {
    layout.lacking = {
      columns: new Set(lacking.map((c) => c.key)),
      version: gaps.version,
      supported: gaps.supported,
    };
  }
  return layout;
}

/**
 * A row of the table as a record, or undefined for a row with nothing in our columns. A cell that
 * does not fit its column is a `badCell` error naming sheet, column and row.
 */
export function recordOfRow(
  layout: TableRowsLayout,
  values: readonly SheetValue[],
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
  layout: TableRowsLayout,
  fields: Readonly<RecordFields>,
  context: CellContext,
  newRow: boolean,
): SheetWrite[] {
  const row: SheetWrite[] = Array.from({ length: layout.width }, () => (newRow ? '' : null));
  for (const column of layout.table.columns) {
    if (!Object.prototype.hasOwnProperty.call(fields, column.key)) continue;
    const index = layout.indexByKey.get(column.key);
    if (index === undefined) {
      const value = fields[column.key];
      if (value === null || value === undefined || value === '') continue;
      const { version, supported } = layout.lacking!;
      throw new RelacjeError('upgradeNeeded', {
        table: layout.table.tableName,
        column: column.header[context.locale],
        version,
        supported,
      });
    }
    const encoded = encodeCell(column, fields[column.key], context);
    row[index] = encoded === null ? '' : typeof encoded === 'string' ? textLiteral(encoded) : encoded;
  }
  return row;
}

export function idAndVersionOf(
  layout: TableRowsLayout,
  values: readonly SheetValue[],
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

/**
 * Text as a values API must be sent to stay that text: behind an apostrophe, which Excel keeps
 * out of the cell, so it never runs as a formula (`=`, `+`, `-`, `@`) nor turns into a number or
 * a date, leading zeros and all.
 */
export function textLiteral(text: string): string {
  return `'${text}`;
}

/** A value read back, as it must be written to stay what it is (text stays text). */
export function literal(value: SheetValue): SheetWrite {
  return typeof value === 'string' && value !== '' ? textLiteral(value) : value;
}

/** Whether two rows hold the same record, tracking fields included. */
export function sameRow(table: TableSchema, a: RecordFields, b: RecordFields): boolean {
  return table.columns.every((c) => (a[c.key] ?? null) === (b[c.key] ?? null));
}

/** A row as read, by its index among the table's data rows. */
export interface IndexedRecord {
  index: number;
  record: RecordFields;
}

/**
 * A table's rows as records. A second row identical to one already read, tracking fields
 * included, is a write that was applied twice (its first answer was lost and it arrived late):
 * it is not a record. Rows without an id of their own (typed by hand, or copied with their
 * original's id) are `unclaimed`: the adapter gives them one.
 */
export function recordsOfRows(
  layout: TableRowsLayout,
  rows: readonly (readonly SheetValue[])[],
  context: CellContext,
): {
  known: Map<string, IndexedRecord & { record: StoredRecord }>;
  records: StoredRecord[];
  unclaimed: IndexedRecord[];
} {
  const known = new Map<string, IndexedRecord & { record: StoredRecord }>();
  const records: StoredRecord[] = [];
  const unclaimed: IndexedRecord[] = [];
  rows.forEach((values, index) => {
    const record = recordOfRow(layout, values, index, context);
    if (!record) return;
    const twin = typeof record.id === 'string' ? known.get(record.id) : undefined;
    if (twin && sameRow(layout.table, twin.record, record)) return;
    if (typeof record.id !== 'string' || record.id === '' || twin) {
      unclaimed.push({ index, record });
      return;
    }
    const stored = asStored(record);
    known.set(stored.id, { index, record: stored });
    records.push(stored);
  });
  return { known, records, unclaimed };
}

/** The tracking fields a row typed by hand gets when Relacje first reads it. */
export function claimFieldsOf(record: RecordFields, stamp: string): RecordFields {
  return {
    id: globalThis.crypto.randomUUID(),
    version: typeof record.version === 'number' ? record.version : 1,
    createdAt: typeof record.createdAt === 'string' ? record.createdAt : stamp,
    updatedAt: stamp,
  };
}

/** Items in groups of at most `limit` bytes by `sizeOf` (an item larger than that goes alone). */
export function chunksBySize<T>(items: readonly T[], limit: number, sizeOf: (item: T) => number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (current.length > 0 && bytes + size > limit) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

const encoder = new TextEncoder();

/** The bytes a text takes in a request (UTF-8). */
export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}
