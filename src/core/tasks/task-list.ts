import type { FieldValue } from '../records';
import type { StoredRow, TableRows } from '../clients/client-rows';
import { foldText } from '../clients/text-fold';
import { addDays, weekOf, type DayRange } from './calendar-days';
import { isStale } from '../sales/board';

/** Which tasks a list shows: due today, this week, overdue, or in a range the user chose. */
export type TaskPeriod =
  { kind: 'today' } | { kind: 'week' } | { kind: 'overdue' } | { kind: 'range'; from: string; to: string };

export type TaskPriority = 'low' | 'normal' | 'high' | 'urgent';

export interface TaskQuery {
  period: TaskPeriod;
  /** Whose tasks: one owner's (mine), or everyone's when null (the team's). */
  owner: string | null;
  /** The day it is in Warsaw (`warsawDay`): what today, this week and overdue count from. */
  today: string;
}

/** A task of a list with what the list marks on it. */
export interface TaskEntry {
  task: StoredRow;
  /** Not done nor cancelled and due before today. */
  overdue: boolean;
  /** Its opportunity has been longer in its stage than the stage's expected duration. */
  stale: boolean;
}

const PRIORITY_RANK: Record<string, number> = { urgent: 0, high: 1, normal: 2, low: 3 };
const OPEN = new Set<FieldValue | undefined>(['todo', 'inProgress']);

/** Whether the task still has to be done (to do or in progress). */
export function isOpenTask(task: StoredRow): boolean {
  return OPEN.has(task.status);
}

/** The days a period covers; overdue is every day before today. */
export function periodDays(period: TaskPeriod, today: string): DayRange {
  switch (period.kind) {
    case 'today':
      return { from: today, to: today };
    case 'week':
      return weekOf(today);
    case 'overdue':
      return { from: '0000-01-01', to: addDays(today, -1) };
    case 'range':
      return period.from <= period.to
        ? { from: period.from, to: period.to }
        : { from: period.to, to: period.from };
  }
}

/**
 * The tasks of a period, most urgent first, then by due date (then title); an overdue list holds
 * only tasks still open. One pass over the tasks, then a sort of what matched by a key made once
 * per task (priority rank and due date as one number, then the folded title).
 */
export function listTasks(tables: TableRows, query: TaskQuery): TaskEntry[] {
  const { from, to } = periodDays(query.period, query.today);
  const onlyOpen = query.period.kind === 'overdue';
  const stale = staleOpportunityIds(tables, query.today);
  const found: { order: number; title: string; entry: TaskEntry }[] = [];
  for (const task of tables.tasks ?? []) {
    const due = task.dueDate;
    if (typeof due !== 'string' || due < from || due > to) continue;
    if (query.owner !== null && task.owner !== query.owner) continue;
    const open = OPEN.has(task.status);
    if (onlyOpen && !open) continue;
    const entry = {
      task,
      overdue: open && due < query.today,
      stale: open && typeof task.opportunityId === 'string' && stale.has(task.opportunityId),
    };
    // Priority and day in one number; titles folded (no case, no diacritics) for ties, since a
    // collator's compare on every tie of a long list is too slow.
    const day = Number(due.slice(0, 4)) * 10_000 + Number(due.slice(5, 7)) * 100 + Number(due.slice(8, 10));
    const order = (PRIORITY_RANK[String(task.priority)] ?? 2) * 100_000_000 + day;
    found.push({ order, title: foldText(String(task.title ?? '')), entry });
  }
  return sortedByOrderThenTitle(found).map((f) => f.entry);
}

/** Room for the index beside the order in one float (orders stay below 5·10⁸, so under 2⁵³). */
const INDEX_SPAN = 2 ** 21;
const byTitle = (a: { title: string }, b: { title: string }) =>
  a.title === b.title ? 0 : a.title < b.title ? -1 : 1;

/**
 * By order, then title: the orders sorted as numbers natively (order and index packed in one
 * float), then each run of one order by title — a comparator sort of 50,000 lists was most of
 * the overdue list's time.
 */
function sortedByOrderThenTitle<T extends { order: number; title: string }>(items: T[]): T[] {
  if (items.length >= INDEX_SPAN) return items.sort((a, b) => a.order - b.order || byTitle(a, b));
  const keys = new Float64Array(items.length);
  for (let i = 0; i < items.length; i += 1) keys[i] = items[i].order * INDEX_SPAN + i;
  keys.sort();
  const sorted = Array.from(keys, (key) => items[key % INDEX_SPAN]);
  for (let start = 0; start < sorted.length;) {
    let end = start + 1;
    while (end < sorted.length && sorted[end].order === sorted[start].order) end += 1;
    if (end - start > 1) {
      const run = sorted.slice(start, end).sort(byTitle);
      for (let i = 0; i < run.length; i += 1) sorted[start + i] = run[i];
    }
    start = end;
  }
  return sorted;
}

/**
 * Open opportunities longer in their stage than the stage's expected days (the sales core's
 * `isStale`, one rule for the board, the card and the task list): what the task list marks stale.
 */
export function staleOpportunityIds(tables: TableRows, today: string): Set<string> {
  const expected = new Map<string, number>();
  for (const stage of tables.stages ?? []) {
    if (typeof stage.expectedDays === 'number' && stage.expectedDays > 0) {
      expected.set(`${String(stage.pipeline)}\u0000${String(stage.stage)}`, stage.expectedDays);
    }
  }
  const stale = new Set<string>();
  if (expected.size === 0) return stale;
  for (const opportunity of tables.opportunities ?? []) {
    const days = expected.get(`${String(opportunity.pipeline)}\u0000${String(opportunity.stage)}`);
    if (isStale(opportunity, days, today)) stale.add(opportunity.id);
  }
  return stale;
}
