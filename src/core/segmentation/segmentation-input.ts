import type { FieldValue, RecordFields } from '../records';

/**
 * A row of any table as segmentation reads it: an id and plain fields. Store records
 * (`StoredRecord`) fit this shape, and so do hand-built records in tests.
 */
export type SegmentationRow = Readonly<RecordFields> & { readonly id: string };

/** A client as segmentation reads it; `version` is needed to write changes back. */
export type SegmentationClient = SegmentationRow & { readonly version: number };

/** A range of days, both ends included, each `yyyy-mm-dd`. */
export interface DateWindow {
  from: string;
  to: string;
}

/**
 * A change to one client, applied only if it still has `expectedVersion`. The same shape as the
 * store port's `RecordUpdate` (the core does not import the store).
 */
export interface ClientUpdate {
  id: string;
  expectedVersion: number;
  changes: RecordFields;
}

/** The field as text, or null when it is empty or not text. */
export function textField(row: Readonly<RecordFields>, field: string): string | null {
  const value = row[field];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The field as a finite number, or null. */
export function numberField(row: Readonly<RecordFields>, field: string): number | null {
  const value = row[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Null for every kind of empty a workbook cell can give: missing, null, '' . */
export function emptyAsNull(value: FieldValue | undefined): FieldValue {
  return value === undefined || value === '' ? null : value;
}
