import { planTaskChange, type TaskChange } from '../core/tasks/task-changes';
import { warsawDay } from '../core/tasks/calendar-days';
import type { Locale } from '../core/i18n';
import type { WorkbookSchema } from '../core/schema/types';
import type { BatchResult, NewRecord, StoredRecord, TableChanges } from '../store/port';

/** What a task change wrote: the task as stored now, and its client's history entry if it has a client. */
export interface TaskChangeResult {
  task: StoredRecord;
  historyEntry?: StoredRecord;
}

/**
 * The task lists' writes, as the panes call them (`CrmService` extends it; the client card uses
 * them too). Each is one store write with its audit row and, when the task has a client, an entry
 * in the client's history (in `locale`, the workbook's by default); a task changed by someone
 * since `expectedVersion` is a `conflict`, and nothing is written.
 */
export interface TaskWork {
  /** Marks the task done on today's date (Europe/Warsaw). */
  completeTask(id: string, expectedVersion: number, options?: { locale?: Locale }): Promise<TaskChangeResult>;
  /** Sets a done or cancelled task back to do. */
  reopenTask(id: string, expectedVersion: number, options?: { locale?: Locale }): Promise<TaskChangeResult>;
  /** Moves the due date (`yyyy-mm-dd` or typed `dd.mm.rrrr`); a bad date is `invalidRecord`. */
  rescheduleTask(
    id: string,
    expectedVersion: number,
    dueDate: string,
    options?: { locale?: Locale },
  ): Promise<TaskChangeResult>;
}

/** The part of the service a task change needs. */
export interface TaskWriter {
  tasks: readonly StoredRecord[];
  now: Date;
  user: string;
  locale: Locale;
  newId(): string;
  schema: WorkbookSchema;
  writeAudited(changes: readonly TableChanges[], audit: readonly NewRecord[]): Promise<BatchResult[]>;
}

/** Applies the core's plan of a task change in the writer's one store call. */
export async function changeTask(
  writer: TaskWriter,
  id: string,
  expectedVersion: number,
  change: TaskChange,
): Promise<TaskChangeResult> {
  const plan = planTaskChange(writer.tasks, id, expectedVersion, change, {
    at: writer.now.toISOString(),
    today: warsawDay(writer.now),
    user: writer.user,
    newId: () => writer.newId(),
    locale: writer.locale,
    schema: writer.schema,
  });
  if (!plan.update) return { task: writer.tasks.find((t) => t.id === id) as StoredRecord };
  const history = plan.historyEntry;
  const results = await writer.writeAudited(
    [
      { table: 'tasks', update: [plan.update] },
      ...(history ? [{ table: 'activities' as const, append: [history] }] : []),
    ],
    plan.audit,
  );
  const task = results[0].updated[0];
  const historyEntry = results.find((r) => r.table === 'activities')?.appended[0];
  return historyEntry ? { task, historyEntry } : { task };
}
