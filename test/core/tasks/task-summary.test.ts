import { summarizeTasks } from '../../../src/core/tasks/task-summary';
import { task } from './task-fixtures';

describe('task completion per owner and per stage', () => {
  const tasks = [
    task({
      owner: 'Anna',
      stage: 'Oferta',
      dueDate: '2026-12-01',
      status: 'done',
      completedOn: '2026-11-30',
    }),
    task({
      owner: 'Anna',
      stage: 'Oferta',
      dueDate: '2026-12-02',
      status: 'done',
      completedOn: '2026-12-05',
    }),
    task({ owner: 'Anna', stage: 'Analiza', dueDate: '2026-12-03', status: 'todo' }),
    task({ owner: 'Anna', stage: null, dueDate: '2026-12-20', status: 'todo' }),
    task({ owner: 'Piotr', stage: 'Oferta', dueDate: '2026-12-04', status: 'inProgress' }),
    task({ owner: 'Piotr', stage: 'Oferta', dueDate: '2026-12-04', status: 'cancelled' }),
    task({ owner: null, stage: 'Analiza', dueDate: '2026-12-05', status: 'done', completedOn: '2026-12-05' }),
    task({ owner: 'Piotr', stage: 'Oferta', dueDate: '2027-01-04', status: 'todo' }),
  ];
  const december = { kind: 'range', from: '2026-12-01', to: '2026-12-31' } as const;

  it('counts done ÷ due, on time ÷ done and overdue, cancelled tasks left out', () => {
    const { total } = summarizeTasks({ tasks }, december, '2026-12-10');
    expect(total).toMatchObject({ due: 6, done: 3, doneOnTime: 2, overdue: 2 });
    expect(total.doneRate).toBeCloseTo(0.5);
    expect(total.onTimeRate).toBeCloseTo(2 / 3);
  });

  it('splits them per owner and per stage, those without one last', () => {
    const summary = summarizeTasks({ tasks }, december, '2026-12-10');
    expect(summary.byOwner.map((o) => [o.key, o.due, o.done, o.doneOnTime, o.overdue])).toEqual([
      ['Anna', 4, 2, 1, 1],
      ['Piotr', 1, 0, 0, 1],
      ['', 1, 1, 1, 0],
    ]);
    expect(summary.byStage.map((s) => [s.key, s.due, s.done, s.overdue])).toEqual([
      ['Analiza', 2, 1, 1],
      ['Oferta', 3, 2, 1],
      ['', 1, 0, 0],
    ]);
    expect(summary.byOwner[1].onTimeRate).toBeNull();
    expect(summary.byOwner[1].doneRate).toBe(0);
  });

  it("keeps one owner's tasks when asked", () => {
    const { total, byOwner } = summarizeTasks({ tasks }, december, '2026-12-10', 'Piotr');
    expect(total).toMatchObject({ due: 1, done: 0, overdue: 1 });
    expect(byOwner.map((o) => o.key)).toEqual(['Piotr']);
  });

  it('gives no rate when nothing was due', () => {
    const { total } = summarizeTasks({ tasks }, { kind: 'today' }, '2026-06-01');
    expect(total).toMatchObject({ due: 0, doneRate: null, onTimeRate: null });
  });
});
