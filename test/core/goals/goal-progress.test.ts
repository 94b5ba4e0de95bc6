import type { StoredRow } from '../../../src/core/clients/client-rows';
import { checkedGoal } from '../../../src/core/goals/goal-checks';
import { goalProgress } from '../../../src/core/goals/goal-progress';
import { polishFailure } from '../products/polish-failure';

const row = (id: string, fields: Record<string, unknown>): StoredRow =>
  ({ id, version: 1, ...fields }) as StoredRow;

const goal = (fields: Record<string, unknown>) =>
  row('G1', { owner: 'Anna', periodStart: '2026-10-01', periodEnd: '2026-12-31', ...fields });

const tables = {
  clients: [
    row('C1', { owner: 'Anna', segment: 'GW', createdAt: '2026-10-05T10:00:00.000Z' }),
    row('C2', { owner: 'Anna', segment: 'IT', createdAt: '2026-09-30T22:30:00.000Z' }),
    row('C3', { owner: 'Piotr', segment: 'GW', createdAt: '2026-07-15T10:00:00.000Z' }),
  ],
  opportunities: [
    row('O1', {
      clientId: 'C1',
      owner: 'Anna',
      pipeline: 'Przetargi',
      status: 'won',
      closedOn: '2026-10-20',
      value: 5_000_000,
    }),
    row('O2', {
      clientId: 'C2',
      owner: 'Anna',
      pipeline: 'Szkolenia',
      status: 'won',
      closedOn: '2026-11-20',
      value: 1_000_000,
    }),
    row('O3', {
      clientId: 'C1',
      owner: 'Anna',
      pipeline: 'Przetargi',
      status: 'won',
      closedOn: '2026-12-20',
      value: 9_000_000,
    }),
    row('O4', {
      clientId: 'C1',
      owner: 'Anna',
      pipeline: 'Przetargi',
      status: 'lost',
      closedOn: '2026-10-21',
      value: 7_000_000,
    }),
    row('O5', {
      clientId: 'C3',
      owner: 'Anna',
      pipeline: 'Przetargi',
      status: 'won',
      closedOn: '2026-08-10',
      value: 2_000_000,
    }),
    row('O6', {
      clientId: 'C3',
      owner: 'Piotr',
      pipeline: 'Przetargi',
      status: 'won',
      closedOn: '2026-10-10',
      value: 3_000_000,
    }),
  ],
  opportunityLines: [row('L1', { opportunityId: 'O2', productId: 'P1' })],
  offers: [
    row('F1', { clientId: 'C1', owner: 'Anna', status: 'sent', issuedOn: '2026-10-02' }),
    row('F2', { clientId: 'C1', owner: 'Anna', status: 'draft', issuedOn: '2026-10-03' }),
    row('F3', { clientId: 'C2', owner: 'Anna', status: 'accepted', issuedOn: '2026-11-03' }),
  ],
  activities: [
    row('A1', { clientId: 'C1', owner: 'Anna', type: 'offerSent', occurredAt: '2026-10-02T09:00:00.000Z' }),
    row('A2', { clientId: 'C1', owner: 'Anna', type: 'offerSent', occurredAt: '2026-10-09T09:00:00.000Z' }),
    row('A3', { clientId: 'C1', owner: 'Anna', type: 'meeting', occurredAt: '2026-10-12T09:00:00.000Z' }),
    row('A4', { clientId: 'C2', owner: 'Anna', type: 'meeting', occurredAt: '2026-12-30T09:00:00.000Z' }),
  ],
};

describe('goal progress', () => {
  it('pro-rates the target over a partial period: 61 of 92 days gone by on 30 November', () => {
    const progress = goalProgress(tables, goal({ metric: 'wonValue', target: 90_000 }), '2026-11-30');
    expect(progress.state).toBe('running');
    expect(progress.elapsedShare).toBeCloseTo(61 / 92);
    expect(progress.dueByNow).toBeCloseTo((90_000 * 61) / 92);
    // O1 and O2 (50 000 + 10 000 zł); O3 closes after today, O4 is lost, O6 is Piotr's.
    expect(progress.actual).toBe(60_000);
    expect(progress.onTrack).toBe(true);
    expect(progress.share).toBeCloseTo(60_000 / 90_000);
  });

  it('shows the previous period of the same length beside the target', () => {
    const progress = goalProgress(tables, goal({ metric: 'wonValue', target: 90_000 }), '2026-11-30');
    expect(progress.previousPeriod).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(progress.previousActual).toBe(20_000);
  });

  it('counts nothing before the period starts and the whole period once it ended', () => {
    const upcoming = goalProgress(tables, goal({ metric: 'wonCount', target: 3 }), '2026-09-15');
    expect(upcoming).toMatchObject({
      state: 'upcoming',
      actual: 0,
      elapsedShare: 0,
      dueByNow: 0,
      onTrack: true,
    });
    const ended = goalProgress(tables, goal({ metric: 'wonCount', target: 4 }), '2027-02-01');
    expect(ended).toMatchObject({ state: 'ended', actual: 3, elapsedShare: 1, dueByNow: 4, onTrack: false });
  });

  it('is behind when the actual is under the pro-rated target, one day into the period', () => {
    const progress = goalProgress(tables, goal({ metric: 'wonCount', target: 92 }), '2026-10-01');
    expect(progress.elapsedShare).toBeCloseTo(1 / 92);
    expect(progress.dueByNow).toBeCloseTo(1);
    expect(progress).toMatchObject({ actual: 0, onTrack: false });
  });

  it('follows what the goal is linked to: pipeline, segment, product; a team goal counts everyone', () => {
    const at = '2026-12-31';
    expect(
      goalProgress(tables, goal({ metric: 'wonCount', target: 1, pipeline: 'Przetargi' }), at).actual,
    ).toBe(2);
    expect(goalProgress(tables, goal({ metric: 'wonCount', target: 1, segment: 'IT' }), at).actual).toBe(1);
    expect(goalProgress(tables, goal({ metric: 'wonCount', target: 1, productId: 'P1' }), at).actual).toBe(1);
    expect(goalProgress(tables, goal({ metric: 'wonCount', target: 1, owner: null }), at).actual).toBe(4);
  });

  it('counts new clients by the Warsaw day they were created', () => {
    // C2 was created at 00:30 on 1 October in Warsaw (22:30 UTC the day before).
    expect(goalProgress(tables, goal({ metric: 'newClients', target: 2 }), '2026-12-31').actual).toBe(2);
    expect(
      goalProgress(tables, goal({ metric: 'newClients', target: 2, owner: '' }), '2026-12-31').previousActual,
    ).toBe(1);
  });

  it('counts offers sent once: by their status, and offer-sent entries of days without such an offer', () => {
    // F1 (sent), F3 (accepted); A1 records F1's sending; A2 is another offer; F2 is a draft.
    expect(goalProgress(tables, goal({ metric: 'offersSent', target: 10 }), '2026-12-31').actual).toBe(3);
  });

  it('counts meetings from the history up to today', () => {
    expect(goalProgress(tables, goal({ metric: 'meetings', target: 10 }), '2026-12-29').actual).toBe(1);
    expect(goalProgress(tables, goal({ metric: 'meetings', target: 10 }), '2026-12-31').actual).toBe(2);
  });
});

describe('goal checks', () => {
  const fields = {
    description: 'Wygrać 10 przetargów',
    metric: 'wonCount',
    target: '10',
    periodStart: '01.10.2026',
    periodEnd: '31.12.2026',
  };

  it('takes typed dates and numbers', () => {
    expect(checkedGoal(fields, 'create')).toMatchObject({
      periodStart: '2026-10-01',
      periodEnd: '2026-12-31',
      target: 10,
    });
  });

  it('refuses a period ending before it starts and a target of zero, naming the fields', () => {
    expect(
      polishFailure(() => checkedGoal({ ...fields, periodEnd: '30.09.2026', target: '0' }, 'create')),
    ).toMatch(/Koniec okresu.*Wartość docelowa/);
    expect(() => checkedGoal({ periodEnd: '2026-09-01' }, 'update', { periodStart: '2026-10-01' })).toThrow(
      expect.objectContaining({ code: 'invalidRecord' }),
    );
  });
});
