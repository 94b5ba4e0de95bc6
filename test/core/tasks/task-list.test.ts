import {
  listTasks,
  periodDays,
  staleOpportunityIds,
  type TaskEntry,
} from '../../../src/core/tasks/task-list';
import { task } from './task-fixtures';

const titles = (entries: TaskEntry[]) => entries.map((e) => e.task.title);

describe('task lists', () => {
  const tasks = [
    task({ title: 'a', dueDate: '2026-12-31', owner: 'Anna' }),
    task({ title: 'b', dueDate: '2027-01-01', owner: 'Anna', priority: 'urgent' }),
    task({ title: 'c', dueDate: '2027-01-03', owner: 'Piotr', priority: 'high' }),
    task({ title: 'd', dueDate: '2027-01-04', owner: 'Anna' }),
    task({ title: 'e', dueDate: '2026-12-27', owner: 'Anna', priority: 'low' }),
    task({ title: 'f', dueDate: '2026-12-20', owner: 'Anna', status: 'done', completedOn: '2026-12-20' }),
    task({ title: 'g', dueDate: '2026-11-30', owner: 'Piotr', status: 'inProgress' }),
    task({ title: 'h', dueDate: null, owner: 'Anna' }),
    task({ title: 'i', dueDate: '2026-12-29', owner: 'Anna', status: 'cancelled' }),
  ];
  const tables = { tasks };

  it("lists today's tasks only", () => {
    const today = listTasks(tables, { period: { kind: 'today' }, owner: null, today: '2027-01-01' });
    expect(titles(today)).toEqual(['b']);
  });

  it('lists the Monday-to-Sunday week across the year end, most urgent first, then by due date', () => {
    const week = listTasks(tables, { period: { kind: 'week' }, owner: null, today: '2026-12-30' });
    // 28.12.2026 (Monday) to 03.01.2027 (Sunday); the cancelled one is listed as it is, no mark.
    expect(titles(week)).toEqual(['b', 'c', 'i', 'a']);
    expect(week.find((e) => e.task.title === 'i')?.overdue).toBe(false);
  });

  it("keeps one owner's tasks (mine) or everyone's (the team's)", () => {
    const mine = listTasks(tables, { period: { kind: 'week' }, owner: 'Anna', today: '2026-12-30' });
    expect(titles(mine)).toEqual(['b', 'i', 'a']);
  });

  it('lists overdue tasks: open and due before today, with the mark', () => {
    const overdue = listTasks(tables, { period: { kind: 'overdue' }, owner: null, today: '2027-01-02' });
    expect(titles(overdue)).toEqual(['b', 'g', 'a', 'e']);
    expect(overdue.every((e) => e.overdue)).toBe(true);
  });

  it('lists a chosen range across month and year ends, either end given first', () => {
    const range = { kind: 'range', from: '2027-01-04', to: '2026-12-27' } as const;
    const listed = listTasks(tables, { period: range, owner: null, today: '2026-12-01' });
    expect(titles(listed)).toEqual(['b', 'c', 'i', 'a', 'd', 'e']);
    expect(periodDays(range, '2026-12-01')).toEqual({ from: '2026-12-27', to: '2027-01-04' });
    expect(listed.some((e) => e.overdue)).toBe(false);
  });

  it('marks tasks of an opportunity longer in its stage than expected as stale', () => {
    const staleTables = {
      tasks: [
        task({ title: 'x', dueDate: '2026-12-10', opportunityId: 'O1' }),
        task({ title: 'y', dueDate: '2026-12-10', opportunityId: 'O2' }),
        task({ title: 'z', dueDate: '2026-12-10', opportunityId: 'O1', status: 'done' }),
      ],
      stages: [{ id: 'S1', version: 1, pipeline: 'P', stage: 'Oferta', expectedDays: 14 }],
      opportunities: [
        {
          id: 'O1',
          version: 1,
          pipeline: 'P',
          stage: 'Oferta',
          status: 'open',
          stageEnteredOn: '2026-11-20',
        },
        {
          id: 'O2',
          version: 1,
          pipeline: 'P',
          stage: 'Oferta',
          status: 'open',
          stageEnteredOn: '2026-11-27',
        },
      ],
    };
    expect([...staleOpportunityIds(staleTables, '2026-12-10')]).toEqual(['O1']);
    const listed = listTasks(staleTables, { period: { kind: 'today' }, owner: null, today: '2026-12-10' });
    expect(listed.map((e) => [e.task.title, e.stale])).toEqual([
      ['x', true],
      ['y', false],
      ['z', false],
    ]);
  });
});

describe('the order of a long list', () => {
  it('is priority, then due date, then the title without case or diacritics, as a plain sort gives it', () => {
    const priorities = ['low', 'normal', 'high', 'urgent'];
    const words = ['Zadzwonić', 'zadzwonic', 'Ąkcja', 'akcja', 'Wysłać ofertę', 'wyslac'];
    const many = Array.from({ length: 3000 }, (_, i) =>
      task({
        title: `${words[(i * 7) % words.length]} ${i % 5}`,
        dueDate: `2026-12-${String(1 + ((i * 13) % 28)).padStart(2, '0')}`,
        priority: priorities[(i * 3) % 4],
        owner: 'Anna',
      }),
    );
    const listed = listTasks(
      { tasks: many },
      { period: { kind: 'overdue' }, owner: null, today: '2027-01-01' },
    );
    const rank: Record<string, number> = { urgent: 0, high: 1, normal: 2, low: 3 };
    const fold = (t: unknown) =>
      String(t).toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l');
    const expected = [...many].sort(
      (a, b) =>
        rank[String(a.priority)] - rank[String(b.priority)] ||
        String(a.dueDate).localeCompare(String(b.dueDate)) ||
        (fold(a.title) < fold(b.title) ? -1 : fold(a.title) > fold(b.title) ? 1 : 0),
    );
    expect(listed).toHaveLength(3000);
    expect(listed.map((e) => [e.task.priority, e.task.dueDate, fold(e.task.title)])).toEqual(
      expected.map((t) => [t.priority, t.dueDate, fold(t.title)]),
    );
  });
});
