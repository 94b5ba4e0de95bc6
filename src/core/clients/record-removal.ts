import { RelacjeError } from '../errors';
import type { Locale } from '../i18n';
import type { RecordFields } from '../records';
import { CURRENT_SCHEMA } from '../schema';
import type { WorkbookSchema } from '../schema/types';
import { auditRow } from './audit-rows';
import type { TableWrites } from './client-merge';
import type { NewRow, StoredRow, TableRows } from './client-rows';
import { recordNoun, recordTitle, type CardRecordTable } from './record-titles';

export interface RemovalContext {
  /** ISO timestamp of the deletion. */
  at: string;
  user: string;
  newId: () => string;
  /** Language of the history entry: the user's. Default Polish. */
  locale?: Locale;
  schema?: WorkbookSchema;
}

export interface RecordRemovalPlan {
  /** Every write by table key: the deletion, what depended on the record, the history entry, the audit. */
  writes: Record<string, TableWrites>;
  /** The history entry written to the record's client, when it has one. */
  historyEntry?: NewRow;
}

/** A person's contact data is not copied into the audit: deleting them is often what GDPR asks. */
const AUDIT_KEEPS_ONLY_TITLE = new Set<CardRecordTable>(['people']);

/**
 * Plans the deletion of one record, pure, from the rows as read: the record removed at the version
 * the user saw, records that cannot exist without it (an offer's lines) removed with it, optional
 * references to it (an activity's person) cleared, a note in its client's history saying what was
 * deleted and by whom, and an audit row for each change, so one store write does all of it.
 */
export function planRecordRemoval(
  tables: TableRows,
  table: CardRecordTable,
  id: string,
  expectedVersion: number,
  context: RemovalContext,
): RecordRemovalPlan {
  const schema = context.schema ?? CURRENT_SCHEMA;
  const record = (tables[table] ?? []).find((row) => row.id === id);
  if (!record) throw new RelacjeError('recordNotFound', { table, id });
  if (record.version !== expectedVersion) {
    throw new RelacjeError('conflict', { table, id, expectedVersion, actualVersion: record.version });
  }
  const writes: Record<string, TableWrites> = {};
  const writesOf = (key: string) => (writes[key] ??= { updates: [], appends: [], removes: [] });
  const audit = (action: 'delete' | 'update', key: string, recordId: string, details: unknown) =>
    writesOf('audit').appends.push(
      auditRow({
        id: context.newId(),
        at: context.at,
        user: context.user,
        action,
        table: key,
        recordId,
        details,
      }),
    );

  const title = recordTitle(table, record);
  writesOf(table).removes.push({ id, expectedVersion });
  audit(
    'delete',
    table,
    id,
    AUDIT_KEEPS_ONLY_TITLE.has(table) ? { title } : { record: withoutTracking(record) },
  );
  for (const { table: other, row, required, columns } of dependentsOf(tables, schema, table, id)) {
    const ref = { id: row.id, expectedVersion: row.version };
    if (required) {
      writesOf(other).removes.push(ref);
      audit('delete', other, row.id, { with: { table, id }, record: withoutTracking(row) });
    } else {
      const changes = Object.fromEntries(columns.map((column) => [column, null]));
      writesOf(other).updates.push({ ...ref, changes });
      audit('update', other, row.id, { changes, removed: { table, id } });
    }
  }

  const clientId = record.clientId;
  if (typeof clientId !== 'string' || clientId === '') return { writes };
  const locale = context.locale ?? 'pl';
  const historyEntry: NewRow = {
    id: context.newId(),
    clientId,
    type: 'note',
    occurredAt: context.at,
    subject: removalSubject(table, title, locale),
    owner: context.user,
  };
  writesOf('activities').appends.push(historyEntry);
  return { writes, historyEntry };
}

/** "Usunięto zadanie: Zadzwonić" / "Deleted task: Call back". */
export function removalSubject(table: CardRecordTable, title: string, locale: Locale): string {
  const noun = recordNoun(table, locale);
  const what = locale === 'pl' ? `Usunięto ${noun}` : `Deleted ${noun}`;
  return title ? `${what}: ${title}` : what;
}

interface Dependent {
  table: string;
  row: StoredRow;
  /** The row cannot exist without the record (a required reference). */
  required: boolean;
  /** Its columns that point at the record. */
  columns: string[];
}

/** Rows that point at the record; a row pointing twice is listed once, as required if either is. */
function dependentsOf(tables: TableRows, schema: WorkbookSchema, table: string, id: string): Dependent[] {
  const found: Dependent[] = [];
  for (const other of schema.tables) {
    const columns = other.columns.filter((c) => c.type === 'ref' && c.refTable === table);
    if (columns.length === 0) continue;
    for (const row of tables[other.key] ?? []) {
      if (other.key === table && row.id === id) continue;
      const pointing = columns.filter((c) => row[c.key] === id);
      if (pointing.length === 0) continue;
      const required = pointing.some((c) => c.required);
      found.push({ table: other.key, row, required, columns: pointing.map((c) => c.key) });
    }
  }
  return found;
}

function withoutTracking(row: StoredRow): RecordFields {
  const { version: _v, createdAt: _c, updatedAt: _u, ...fields } = row;
  return fields;
}
