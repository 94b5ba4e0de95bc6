/**
 * The rules of records that every store adapter applies the same way, whatever it writes to: the
 * shape of a batch, a retried append told from a duplicate id, the version check, the record after
 * an update. Adapters differ in how they reach the rows, never in these.
 */
import { RelacjeError } from '../core/errors';
import { validateRecord } from '../core/records';
import { tableByKey, type TableSchema, type WorkbookSchema } from '../core/schema';
import type {
  BatchResult,
  NewRecord,
  RecordFields,
  RecordRef,
  RecordUpdate,
  StoredRecord,
  TableChanges,
  TableKey,
} from './port';
import { tableKeyOf } from './port';

/**
 * The batch as given, once it is known to name each table once and each record once per table
 * (a record appended and updated in one batch would depend on an order the port does not promise).
 */
export function checkedBatch(changes: readonly TableChanges[]): readonly TableChanges[] {
  const tables = new Set<string>();
  for (const change of changes) {
    if (tables.has(change.table)) throw new Error(`A batch names the table ${change.table} twice`);
    tables.add(change.table);
    const ids = new Set<string>();
    const named = [...(change.append ?? []), ...(change.update ?? []), ...(change.remove ?? [])];
    for (const { id } of named) {
      if (ids.has(id)) throw new RelacjeError('duplicateId', { table: change.table, id });
      ids.add(id);
    }
  }
  return changes;
}

/**
 * Which of the new records to write: one stored under its id already with the same fields is a
 * retry (its stored form is the result, nothing is written), with other fields a `duplicateId`.
 */
export function appendsOf(
  table: TableSchema,
  records: readonly StoredRecord[],
  storedUnder: (id: string) => StoredRecord | undefined,
): { results: StoredRecord[]; toWrite: StoredRecord[] } {
  const results: StoredRecord[] = [];
  const toWrite: StoredRecord[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    const existing = storedUnder(record.id);
    if (existing || seen.has(record.id)) {
      if (!existing || !sameFields(table, existing, record))
        throw new RelacjeError('duplicateId', { table: table.tableName, id: record.id });
      results.push(existing);
      continue;
    }
    seen.add(record.id);
    toWrite.push(record);
    results.push(record);
  }
  return { results, toWrite };
}

const TRACKING = new Set(['id', 'version', 'createdAt', 'updatedAt']);

/** Whether two records have the same fields, tracking fields aside: a retry of the same append. */
export function sameFields(table: TableSchema, a: RecordFields, b: RecordFields): boolean {
  return table.columns.every((c) => TRACKING.has(c.key) || (a[c.key] ?? null) === (b[c.key] ?? null));
}

/** The version check of an update or delete: the record must be there with the version read. */
export function checkVersion(
  table: TableSchema,
  ref: RecordRef,
  found: { version: number } | undefined,
): void {
  if (!found) throw new RelacjeError('recordNotFound', { table: table.tableName, id: ref.id });
  if (found.version !== ref.expectedVersion) throw conflictOf(table, ref, found.version);
}

export function conflictOf(table: TableSchema, ref: RecordRef, actualVersion: number): RelacjeError {
  return new RelacjeError('conflict', {
    table: table.tableName,
    id: ref.id,
    expectedVersion: ref.expectedVersion,
    actualVersion,
  });
}

/** The record an update leaves: the stored one with the validated changes and tracking fields over it. */
export function postImage(current: RecordFields, changes: RecordFields): StoredRecord {
  return { ...current, ...changes } as StoredRecord;
}

/** A new record validated and completed with every column, version 1 and its timestamps. */
export function completeRecord(
  table: TableSchema,
  schema: WorkbookSchema,
  input: NewRecord,
  stamp: string,
  row?: number,
): StoredRecord {
  const { id, version: _v, createdAt: _c, updatedAt: _u, ...fields } = input;
  const checked = validateRecord(table, { id, ...fields }, { mode: 'create', schema });
  if (!checked.ok)
    throw new RelacjeError('invalidRecord', { table: table.tableName, issues: checked.issues, row });
  const record: RecordFields = {};
  for (const column of table.columns) record[column.key] = checked.record[column.key] ?? null;
  return { ...record, version: 1, createdAt: stamp, updatedAt: stamp } as StoredRecord;
}

/** Each update's changes validated, with the version it will have and the time of the change. */
export function changesOf(
  table: TableSchema,
  schema: WorkbookSchema,
  updates: readonly RecordUpdate[],
  stamp: string,
): RecordFields[] {
  return updates.map((update) => {
    const checked = validateRecord(table, update.changes, { mode: 'update', schema });
    if (!checked.ok)
      throw new RelacjeError('invalidRecord', { table: table.tableName, issues: checked.issues });
    return { ...checked.record, version: update.expectedVersion + 1, updatedAt: stamp };
  });
}

/** One table's part of a batch, validated: nothing of it is written yet. */
export interface PreparedChanges {
  key: TableKey;
  table: TableSchema;
  /** The new records, complete (see `completeRecord`); retries are told apart later (`appendsOf`). */
  appends: StoredRecord[];
  updates: readonly RecordUpdate[];
  /** Each update's validated changes with its new version and time (`changesOf`). */
  changes: RecordFields[];
  removes: readonly RecordRef[];
}

/** Every record of a batch validated, before any adapter reads or writes a row for it. */
export function preparedBatch(
  schema: WorkbookSchema,
  changes: readonly TableChanges[],
  stamp: string,
): PreparedChanges[] {
  return checkedBatch(changes).map((change) => {
    const table = tableByKey(schema, change.table);
    const appends = change.append ?? [];
    const updates = change.update ?? [];
    return {
      key: change.table,
      table,
      appends: appends.map((input, index) =>
        completeRecord(table, schema, input, stamp, appends.length > 1 ? index + 1 : undefined),
      ),
      updates,
      changes: changesOf(table, schema, updates, stamp),
      removes: change.remove ?? [],
    };
  });
}

/**
 * The one-table calls of the port, each a batch of one table: for adapters whose `write` is
 * their only way to change records.
 */
export abstract class BatchWritingStore {
  abstract write(changes: readonly TableChanges[]): Promise<BatchResult[]>;

  async append(table: string, records: readonly NewRecord[]): Promise<StoredRecord[]> {
    return (await this.write([{ table: tableKeyOf(table), append: records }]))[0].appended;
  }

  async update(table: string, updates: readonly RecordUpdate[]): Promise<StoredRecord[]> {
    return (await this.write([{ table: tableKeyOf(table), update: updates }]))[0].updated;
  }

  async remove(table: string, refs: readonly RecordRef[]): Promise<void> {
    await this.write([{ table: tableKeyOf(table), remove: refs }]);
  }
}
