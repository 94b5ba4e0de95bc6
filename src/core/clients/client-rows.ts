import type { FieldValue, RecordFields } from '../records';
import { CURRENT_SCHEMA } from '../schema';
import type { WorkbookSchema } from '../schema/types';

/**
 * Rows as a store keeps them, described here so the core needs nothing from the store layer; the
 * store port's `StoredRecord`, `RecordUpdate`, `RecordRef` and `NewRecord` have the same shapes.
 */
export interface StoredRow extends RecordFields {
  id: string;
  version: number;
}

export interface NewRow extends RecordFields {
  id: string;
}

export interface RowUpdate {
  id: string;
  expectedVersion: number;
  changes: RecordFields;
}

export interface RowRef {
  id: string;
  expectedVersion: number;
}

/** Every table's rows by table key, as in a workbook snapshot. */
export type TableRows = Readonly<Record<string, readonly StoredRow[]>>;

/** A field with nothing in it: absent, null or blank text. */
export function isEmptyValue(value: FieldValue | undefined): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

export interface ClientReference {
  table: string;
  column: string;
}

/** The columns of other tables that point at a client, read from the schema. */
export function clientReferences(schema: WorkbookSchema = CURRENT_SCHEMA): ClientReference[] {
  return schema.tables.flatMap((table) =>
    table.columns
      .filter((column) => column.type === 'ref' && column.refTable === 'clients')
      .map((column) => ({ table: table.key, column: column.key })),
  );
}

/** The same, grouped: table key → its columns that point at a client. */
export function clientReferencesByTable(schema: WorkbookSchema = CURRENT_SCHEMA): Map<string, string[]> {
  const byTable = new Map<string, string[]>();
  for (const { table, column } of clientReferences(schema)) {
    byTable.set(table, [...(byTable.get(table) ?? []), column]);
  }
  return byTable;
}
