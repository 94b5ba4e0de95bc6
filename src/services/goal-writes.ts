import { checkedGoal } from '../core/goals/goal-checks';
import { RelacjeError } from '../core/errors';
import type { AuditAction } from '../core/clients/audit-rows';
import type { BatchResult, NewRecord, RecordFields, StoredRecord, TableChanges } from '../store/port';

/**
 * SMART goals, as the Goals view calls them (`CrmService` extends it): checked in the core (the
 * period in order, a target above zero), one store write with its audit row.
 */
export interface GoalWork {
  /** Adds a goal: an owner's, or the team's when `owner` is empty. */
  addGoal(fields: RecordFields): Promise<StoredRecord>;
  /** Changes a goal read at `expectedVersion`; someone's newer change is a `conflict`. */
  updateGoal(id: string, expectedVersion: number, changes: RecordFields): Promise<StoredRecord>;
}

/** The part of the service the goals' writes need. */
export interface GoalWriter {
  goals: readonly StoredRecord[];
  newId(): string;
  auditEntry(action: AuditAction, table: string, recordId: string, details: unknown): NewRecord;
  writeAudited(changes: readonly TableChanges[], audit: readonly NewRecord[]): Promise<BatchResult[]>;
}

export async function addGoal(writer: GoalWriter, fields: RecordFields): Promise<StoredRecord> {
  const record = { ...checkedGoal(fields, 'create'), id: writer.newId() };
  const [{ appended }] = await writer.writeAudited(
    [{ table: 'goals', append: [record] }],
    [writer.auditEntry('create', 'goals', record.id, { fields: record })],
  );
  return appended[0];
}

export async function updateGoal(
  writer: GoalWriter,
  id: string,
  expectedVersion: number,
  changes: RecordFields,
): Promise<StoredRecord> {
  const goal = writer.goals.find((g) => g.id === id);
  if (!goal) throw new RelacjeError('recordNotFound', { table: 'goals', id });
  if (goal.version !== expectedVersion) {
    throw new RelacjeError('conflict', { table: 'goals', id, expectedVersion, actualVersion: goal.version });
  }
  const checked = checkedGoal(changes, 'update', goal);
  const [{ updated }] = await writer.writeAudited(
    [{ table: 'goals', update: [{ id, expectedVersion, changes: checked }] }],
    [writer.auditEntry('update', 'goals', id, { changes: checked })],
  );
  return updated[0];
}
