// Task lists over a generated task table: a week, a month across the year end, the overdue list
// and the per-owner/per-stage summary, against one bare pass over the same tasks in the same run.
import type { StoredRow } from '../../src/core/clients/client-rows';
import { addDays } from '../../src/core/tasks/calendar-days';
import { listTasks, type TaskPeriod } from '../../src/core/tasks/task-list';
import { summarizeTasks } from '../../src/core/tasks/task-summary';
import { SeededRandom } from '../../src/dev/seeded-random';
import { median, millisecondsSince, reportProbe } from './probe-output';

const TASKS = Number(process.env.BENCH_TASKS ?? 200_000);
const ROUNDS = 15;
const TODAY = '2026-12-30';
const OWNERS = ['Anna Wiśniewska', 'Tomasz Kaczmarek', 'Magdalena Lis', 'Paweł Zając', 'Joanna Baran'];
const STAGES = ['Ogłoszenie', 'Go/no-go', 'Analiza', 'Oferta', 'Negocjacje', null];
const PRIORITIES = ['low', 'normal', 'high', 'urgent'];
const STATUSES = ['todo', 'inProgress', 'done', 'cancelled'];

/** Tasks due over two years around today, seeded. */
function generatedTasks(count: number): StoredRow[] {
  const random = new SeededRandom(13);
  const pick = <T>(list: readonly T[]) => list[random.int(0, list.length - 1)];
  return Array.from({ length: count }, (_, i) => {
    const dueDate = addDays('2026-01-01', random.int(0, 729));
    const status = pick(STATUSES);
    return {
      id: `T${i}`,
      version: 1,
      title: `Zadanie ${i}`,
      owner: pick(OWNERS),
      priority: pick(PRIORITIES),
      dueDate,
      status,
      completedOn: status === 'done' ? addDays(dueDate, random.int(-3, 3)) : null,
      clientId: null,
      opportunityId: null,
      stage: pick(STAGES),
    };
  });
}

function medianMs(work: () => unknown): { ms: number; result: unknown } {
  const times: number[] = [];
  let result: unknown;
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    result = work();
    times.push(millisecondsSince(start));
  }
  return { ms: median(times), result };
}

function main(): void {
  const tables = { tasks: generatedTasks(TASKS) };
  const list = (period: TaskPeriod, owner: string | null = null) =>
    medianMs(() => listTasks(tables, { period, owner, today: TODAY }));
  // The floor: one pass that only compares due dates, as any list of a period must.
  const baseline = medianMs(() => {
    let n = 0;
    for (const task of tables.tasks) if (String(task.dueDate) >= '2026-12-28') n++;
    return n;
  });
  const week = list({ kind: 'week' });
  const myWeek = list({ kind: 'week' }, OWNERS[0]);
  const yearEnd = list({ kind: 'range', from: '2026-12-15', to: '2027-01-15' });
  const overdue = list({ kind: 'overdue' });
  const summary = medianMs(() =>
    summarizeTasks(tables, { kind: 'range', from: '2026-12-01', to: '2026-12-31' }, TODAY),
  );
  const count = (r: { result: unknown }) => (r.result as unknown[]).length;
  reportProbe({
    tasks: TASKS,
    baselinePassMs: baseline.ms,
    teamWeekMs: week.ms,
    teamWeekListed: count(week),
    myWeekMs: myWeek.ms,
    myWeekListed: count(myWeek),
    yearEndMonthMs: yearEnd.ms,
    yearEndMonthListed: count(yearEnd),
    overdueMs: overdue.ms,
    overdueListed: count(overdue),
    monthSummaryMs: summary.ms,
    weekVsBaseline: week.ms / baseline.ms,
  });
}

main();
