import type { StoredRow, TableRows } from '../clients/client-rows';
import { isOpenTask, periodDays, type TaskPeriod } from './task-list';

/** How one owner or one stage is doing with the tasks due in a period. */
export interface TaskCompletion {
  /** The owner's name or the stage's; empty for tasks with none. */
  key: string;
  /** Tasks due in the period, cancelled ones left out. */
  due: number;
  /** Of those, done. */
  done: number;
  /** Of the done ones, completed on or before their due date. */
  doneOnTime: number;
  /** Of those due, still open and due before today. */
  overdue: number;
  /** done ÷ due, null when nothing was due. */
  doneRate: number | null;
  /** doneOnTime ÷ done, null when nothing was done. */
  onTimeRate: number | null;
}

export interface TaskSummary {
  total: TaskCompletion;
  byOwner: TaskCompletion[];
  byStage: TaskCompletion[];
}

interface Counts {
  due: number;
  done: number;
  doneOnTime: number;
  overdue: number;
}

/**
 * Completion over the tasks due in a period, for everyone and per owner and per stage (sorted by
 * name, the ones without an owner or stage last); `owner` keeps one person's tasks only.
 */
export function summarizeTasks(
  tables: TableRows,
  period: TaskPeriod,
  today: string,
  owner: string | null = null,
): TaskSummary {
  const { from, to } = periodDays(period, today);
  const total = emptyCounts();
  const byOwner = new Map<string, Counts>();
  const byStage = new Map<string, Counts>();
  for (const task of tables.tasks ?? []) {
    const due = task.dueDate;
    if (typeof due !== 'string' || due < from || due > to || task.status === 'cancelled') continue;
    if (owner !== null && task.owner !== owner) continue;
    const ownerKey = typeof task.owner === 'string' ? task.owner : '';
    const stageKey = typeof task.stage === 'string' ? task.stage : '';
    for (const counts of [total, countsOf(byOwner, ownerKey), countsOf(byStage, stageKey)]) {
      count(counts, task, due, today);
    }
  }
  return {
    total: completion('', total),
    byOwner: sortedCompletions(byOwner),
    byStage: sortedCompletions(byStage),
  };
}

function emptyCounts(): Counts {
  return { due: 0, done: 0, doneOnTime: 0, overdue: 0 };
}

function countsOf(groups: Map<string, Counts>, key: string): Counts {
  let counts = groups.get(key);
  if (!counts) groups.set(key, (counts = emptyCounts()));
  return counts;
}

function count(counts: Counts, task: StoredRow, due: string, today: string): void {
  counts.due++;
  if (task.status === 'done') {
    counts.done++;
    // A done task without its day is not known to be on time.
    if (typeof task.completedOn === 'string' && task.completedOn <= due) counts.doneOnTime++;
  } else if (isOpenTask(task) && due < today) {
    counts.overdue++;
  }
}

function completion(key: string, c: Counts): TaskCompletion {
  return {
    key,
    ...c,
    doneRate: c.due > 0 ? c.done / c.due : null,
    onTimeRate: c.done > 0 ? c.doneOnTime / c.done : null,
  };
}

function sortedCompletions(groups: Map<string, Counts>): TaskCompletion[] {
  return [...groups]
    .map(([key, counts]) => completion(key, counts))
    .sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : a.key.localeCompare(b.key, 'pl')));
}
