import type { NewRow } from './client-rows';

export type AuditAction = 'create' | 'update' | 'delete' | 'merge' | 'export' | 'erase';

export interface AuditEntry {
  id: string;
  at: string;
  user: string;
  action: AuditAction;
  table: string;
  recordId: string;
  /** Any JSON value; written as JSON text. */
  details: unknown;
}

/** The audit column's own limit: longer details are cut, marked with an ellipsis. */
const DETAILS_LIMIT = 32_000;

/** One row of `tAudit`. */
export function auditRow(entry: AuditEntry): NewRow {
  const json = JSON.stringify(entry.details) ?? '';
  const details = json.length > DETAILS_LIMIT ? `${json.slice(0, DETAILS_LIMIT - 1)}…` : json;
  return { ...entry, details };
}
