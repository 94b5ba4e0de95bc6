import { isRelacjeError } from '../../../src/core/errors';
import { planTaskChange } from '../../../src/core/tasks/task-changes';
import { task } from './task-fixtures';

function context(locale: 'pl' | 'en' = 'pl') {
  let n = 0;
  return {
    at: '2026-12-04T10:00:00.000Z',
    today: '2026-12-04',
    user: 'Anna',
    newId: () => `N${++n}`,
    locale,
  };
}

describe('task changes', () => {
  const withClient = task({ title: 'Zadzwonić', dueDate: '2026-12-01', clientId: 'C1', opportunityId: 'O1' });
  const alone = task({ title: 'Porządki', dueDate: '2026-12-01' });

  it('completes a task with today as its day, a history entry for its client and an audit row', () => {
    const plan = planTaskChange([withClient], withClient.id, 1, { kind: 'complete' }, context());
    expect(plan.update).toEqual({
      id: withClient.id,
      expectedVersion: 1,
      changes: { status: 'done', completedOn: '2026-12-04' },
    });
    expect(plan.historyEntry).toMatchObject({
      clientId: 'C1',
      opportunityId: 'O1',
      type: 'note',
      subject: 'Wykonano zadanie: Zadzwonić',
      owner: 'Anna',
    });
    expect(plan.audit).toHaveLength(1);
    expect(JSON.parse(String(plan.audit[0].details))).toMatchObject({
      complete: true,
      previous: { status: 'todo', completedOn: null },
    });
  });

  it('reopens a done task, clearing its day; a task without a client gets no history entry', () => {
    const done = { ...alone, status: 'done', completedOn: '2026-12-02' };
    const plan = planTaskChange([done], done.id, 1, { kind: 'reopen' }, context('en'));
    expect(plan.update?.changes).toEqual({ status: 'todo', completedOn: null });
    expect(plan.historyEntry).toBeUndefined();
    expect(plan.audit).toHaveLength(1);
  });

  it('reschedules to a date typed the Polish way and says so in the history, in English too', () => {
    const plan = planTaskChange(
      [withClient],
      withClient.id,
      1,
      { kind: 'reschedule', dueDate: '11.12.2026' },
      context('en'),
    );
    expect(plan.update?.changes).toEqual({ dueDate: '2026-12-11' });
    expect(plan.historyEntry?.subject).toBe('Task "Zadzwonić" rescheduled: 2026-12-01 → 2026-12-11');
    const pl = planTaskChange(
      [withClient],
      withClient.id,
      1,
      { kind: 'reschedule', dueDate: '2026-12-11' },
      context(),
    );
    expect(pl.historyEntry?.subject).toBe('Przesunięto termin zadania „Zadzwonić”: 01.12.2026 → 11.12.2026');
  });

  it('refuses a date that does not exist, naming the field', () => {
    let caught: unknown;
    try {
      planTaskChange(
        [withClient],
        withClient.id,
        1,
        { kind: 'reschedule', dueDate: '31.02.2026' },
        context(),
      );
    } catch (error) {
      caught = error;
    }
    expect(isRelacjeError(caught) && caught.code).toBe('invalidRecord');
    expect(isRelacjeError(caught) && caught.messageIn('pl')).toContain('Termin');
  });

  it('refuses a task changed since it was read, and one deleted', () => {
    expect(() => planTaskChange([withClient], withClient.id, 0, { kind: 'complete' }, context())).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
    expect(() => planTaskChange([], withClient.id, 1, { kind: 'complete' }, context())).toThrow(
      expect.objectContaining({ code: 'recordNotFound' }),
    );
  });

  it('writes nothing when the task is already as asked', () => {
    const done = { ...alone, status: 'done', completedOn: '2026-12-02' };
    expect(planTaskChange([done], done.id, 1, { kind: 'complete' }, context())).toEqual({
      update: null,
      audit: [],
    });
  });
});
