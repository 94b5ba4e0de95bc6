import type { TableWrites } from '../core/clients/client-merge';
import { planRecordRemoval, type RemovalContext } from '../core/clients/record-removal';
import type { CardRecordTable } from '../core/clients/record-titles';
import type { TableRows } from '../core/clients/client-rows';
import {
  tableKeyOf,
  type BatchResult,
  type NewRecord,
  type StoredRecord,
  type TableChanges,
} from '../store/port';

/** What a deletion left: the entry it wrote to the client's history, when the record had a client. */
export interface RecordRemoval {
  historyEntry?: StoredRecord;
}

/** The store-facing part of the service a deletion needs: its rows, and a write with audit rows. */
export interface RemovalWriter {
  tables: TableRows;
  writeAudited(changes: readonly TableChanges[], audit: readonly NewRecord[]): Promise<BatchResult[]>;
}

/**
 * Deletes one record of the client card with everything the core's plan says goes with it (its
 * dependants, the history entry, the audit rows) in the writer's one store call: all or nothing.
 */
export async function removeRecord(
  writer: RemovalWriter,
  table: CardRecordTable,
  id: string,
  expectedVersion: number,
  context: RemovalContext,
): Promise<RecordRemoval> {
  const plan = planRecordRemoval(writer.tables, table, id, expectedVersion, context);
  const { audit, ...others } = plan.writes;
  const results = await writer.writeAudited(tableChangesOf(others, table), audit?.appends ?? []);
  const entryId = plan.historyEntry?.id;
  const historyEntry = results
    .find((r) => r.table === 'activities')
    ?.appended.find((row) => row.id === entryId);
  return historyEntry ? { historyEntry } : {};
}

/** A plan's writes as the store's batch, the table named `first` first (the one the user acted on). */
export function tableChangesOf(writes: Record<string, TableWrites>, first?: string): TableChanges[] {
  const keys = Object.keys(writes).sort((a, b) => Number(b === first) - Number(a === first));
  return keys.map((key) => ({
    table: tableKeyOf(key),
    update: writes[key].updates,
    append: writes[key].appends,
    remove: writes[key].removes,
  }));
}
