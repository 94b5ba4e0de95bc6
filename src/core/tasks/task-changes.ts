import { auditRow } from '../clients/audit-rows';
import type { NewRow, RowUpdate, StoredRow } from '../clients/client-rows';
import { RelacjeError } from '../errors';
import type { Locale } from '../i18n';
import { validateRecord, type RecordFields } from '../records';
import { CURRENT_SCHEMA, tableByKey } from '../schema';
import type { WorkbookSchema } from '../schema/types';
import { formatDate } from '../validation/dates';

/** What the user does to a task from a list or the client card. */
export type TaskChange = { kind: 'complete' } | { kind: 'reopen' } | { kind: 'reschedule'; dueDate: string };

export interface TaskChangeContext {
  /** ISO timestamp of the change. */
  at: string;
  /** The day it is in Warsaw: a completed task's `completedOn`. */
  today: string;
  user: string;
  newId: () => string;
  /** Language of the history entry: the user's. */
  locale: Locale;
  schema?: WorkbookSchema;
}

/** One store batch: the task's update, its client's history entry (when it has a client), the audit. */
export interface TaskChangePlan {
  /** Null when the task is already as asked (completing a done task): nothing to write. */
  update: RowUpdate | null;
  historyEntry?: NewRow;
  audit: NewRow[];
}

/**
 * Plans one change of a task read at `expectedVersion`, pure: completing sets `done` and the day,
 * reopening sets it back to do (the day cleared), rescheduling moves the due date (typed
 * `dd.mm.rrrr` or `yyyy-mm-dd`; a bad date is `invalidRecord` naming the field).
 */
export function planTaskChange(
  tasks: readonly StoredRow[],
  id: string,
  expectedVersion: number,
  change: TaskChange,
  context: TaskChangeContext,
): TaskChangePlan {
  const schema = context.schema ?? CURRENT_SCHEMA;
  const task = tasks.find((row) => row.id === id);
  if (!task) throw new RelacjeError('recordNotFound', { table: 'tasks', id });
  if (task.version !== expectedVersion) {
    throw new RelacjeError('conflict', { table: 'tasks', id, expectedVersion, actualVersion: task.version });
  }
  const wanted = changesOf(task, change, context.today);
  const checked = validateRecord(tableByKey(schema, 'tasks'), wanted, { mode: 'update', schema });
  if (!checked.ok) throw new RelacjeError('invalidRecord', { table: 'tasks', issues: checked.issues });
  const changes = checked.record;
  if (Object.keys(changes).every((field) => task[field] === changes[field])) {
    return { update: null, audit: [] };
  }
  const previous = Object.fromEntries(Object.keys(changes).map((field) => [field, task[field] ?? null]));
  const audit = [
    auditRow({
      id: context.newId(),
      at: context.at,
      user: context.user,
      action: 'update',
      table: 'tasks',
      recordId: id,
      details: { [change.kind]: true, changes, previous },
    }),
  ];
  const update = { id, expectedVersion, changes };
  const clientId = task.clientId;
  if (typeof clientId !== 'string' || clientId === '') return { update, audit };
  const historyEntry: NewRow = {
    id: context.newId(),
    clientId,
    opportunityId: typeof task.opportunityId === 'string' ? task.opportunityId : null,
    type: 'note',
    occurredAt: context.at,
    subject: taskChangeSubject(change.kind, String(task.title ?? ''), context.locale, {
      from: typeof task.dueDate === 'string' ? task.dueDate : null,
      to: typeof changes.dueDate === 'string' ? changes.dueDate : null,
    }),
    owner: context.user,
  };
  return { update, historyEntry, audit };
}

function changesOf(task: StoredRow, change: TaskChange, today: string): RecordFields {
  switch (change.kind) {
    case 'complete':
      return task.status === 'done' ? {} : { status: 'done', completedOn: today };
    case 'reopen':
      return task.status === 'todo' ? {} : { status: 'todo', completedOn: null };
    case 'reschedule':
      return { dueDate: change.dueDate };
  }
}

/** The history entry's subject: "Wykonano zadanie: Zadzwonić" / "Task done: Call back". */
export function taskChangeSubject(
  kind: TaskChange['kind'],
  title: string,
  locale: Locale,
  dates: { from: string | null; to: string | null } = { from: null, to: null },
): string {
  const day = (iso: string | null) =>
    iso ? formatDate(iso, locale) : locale === 'pl' ? 'bez terminu' : 'no date';
  if (kind === 'complete') return locale === 'pl' ? `Wykonano zadanie: ${title}` : `Task done: ${title}`;
  if (kind === 'reopen') return locale === 'pl' ? `Wznowiono zadanie: ${title}` : `Task reopened: ${title}`;
  return locale === 'pl'
    ? `Przesunięto termin zadania „${title}”: ${day(dates.from)} → ${day(dates.to)}`
    : `Task "${title}" rescheduled: ${day(dates.from)} → ${day(dates.to)}`;
}
