import { scoreRfm } from '../../../src/core/segmentation';
import { activity, client, factsOf, wonOpportunity } from './segmentation-fixtures';

/** Client `ci` (i = 1…n): i activities, the last one (n − i) days before today, won value i × 100 zł. */
function rankedBase(n: number) {
  const clients = Array.from({ length: n }, (_, i) => client(`c${i + 1}`));
  const activities = clients.flatMap((c, i) =>
    Array.from({ length: i + 1 }, (_, k) =>
      activity(c.id, `2025-${String(1 + k).padStart(2, '0')}-0${1 + (k % 9)}T10:00:00Z`),
    ).concat(activity(c.id, `2025-12-${String(31 - (n - 1 - i)).padStart(2, '0')}T09:00:00Z`)),
  );
  const opportunities = clients.map((c, i) => wonOpportunity(c.id, (i + 1) * 100_00, '2025-02-01'));
  return factsOf(clients, { activities, opportunities });
}

describe('scoreRfm quintiles', () => {
  test('five clients with distinct values score 1 to 5 on each measure', () => {
    const result = scoreRfm(rankedBase(5));
    expect(result.rows.map((row) => row.score)).toEqual(['111', '222', '333', '444', '555']);
    expect(result.rows[4]).toMatchObject({
      recencyDays: 0,
      frequency: 6,
      monetary: 500_00,
      r: 5,
      f: 5,
      m: 5,
    });
    expect(result.rows[0].recencyDays).toBe(4);
    expect(result.scoredClients).toBe(5);
  });

  test('ten distinct clients fill each quintile with two', () => {
    const result = scoreRfm(rankedBase(10));
    expect(result.rows.map((row) => row.m)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(result.rows.map((row) => row.r)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  test('equal values get equal scores; a base where all are equal scores 3', () => {
    const clients = [client('c1'), client('c2'), client('c3')];
    const activities = clients.map((c) => activity(c.id, '2025-12-01T10:00:00Z'));
    const result = scoreRfm(factsOf(clients, { activities }));
    expect(result.rows.map((row) => row.score)).toEqual(['333', '333', '333']);
  });

  test('a lone tie at the bottom shares one score below the others', () => {
    const clients = ['c1', 'c2', 'c3', 'c4'].map((id) => client(id));
    const opportunities = [wonOpportunity('c4', 10_00, '2025-03-01')];
    const activities = clients.map((c) => activity(c.id, '2025-12-01T10:00:00Z'));
    const result = scoreRfm(factsOf(clients, { activities, opportunities }));
    // Three clients without revenue: mid-rank 1.5 of 4 → 2; the one with revenue: 3.5 of 4 → 5.
    expect(result.rows.map((row) => row.m)).toEqual([2, 2, 2, 5]);
  });

  test('repeated values given out of order score by their mid-rank among all clients', () => {
    const frequencies = [3, 1, 2, 3, 1, 5, 3, 2, 1, 4];
    const clients = frequencies.map((_, i) => client(`c${i + 1}`));
    const activities = clients.flatMap((c, i) =>
      Array.from({ length: frequencies[i] }, (_, k) => activity(c.id, `2025-0${1 + k}-15T10:00:00Z`)),
    );
    const result = scoreRfm(factsOf(clients, { activities }));
    // Of 10: three 1s (mid-rank 1.5 → 1), two 2s (4 → 3), three 3s (6.5 → 4), one 4 (8.5 → 5), one 5 (9.5 → 5).
    expect(result.rows.map((row) => row.f)).toEqual([4, 1, 3, 4, 1, 5, 4, 3, 1, 5]);
  });

  test('clients last seen today tie with each other above those seen earlier', () => {
    const clients = ['c1', 'c2', 'c3', 'c4'].map((id) => client(id));
    const activities = [
      activity('c1', '2025-12-31T08:00:00Z'),
      activity('c2', '2025-12-31T16:00:00Z'),
      activity('c3', '2025-12-30T10:00:00Z'),
      activity('c4', '2025-12-26T10:00:00Z'),
    ];
    const result = scoreRfm(factsOf(clients, { activities }));
    expect(result.rows.map((row) => row.recencyDays)).toEqual([0, 0, 1, 5]);
    // Mid-ranks of 4: 5 days 0.5 → 1, 1 day 1.5 → 2, today 3 → 4 for both.
    expect(result.rows.map((row) => row.r)).toEqual([4, 4, 2, 1]);
  });
});

describe('scoreRfm with missing data', () => {
  test('a client with no activity and no won deal gets no scores and is left out of the quintiles', () => {
    const clients = [client('quiet'), client('c1'), client('c2')];
    const activities = [activity('c1', '2025-12-30T10:00:00Z'), activity('c2', '2025-06-30T10:00:00Z')];
    const result = scoreRfm(factsOf(clients, { activities }));
    expect(result.rowOf('quiet')).toEqual({
      clientId: 'quiet',
      recencyDays: null,
      frequency: 0,
      monetary: 0,
      r: null,
      f: null,
      m: null,
      score: null,
    });
    expect(result.scoredClients).toBe(2);
    expect(result.rowOf('c1')?.r).toBe(4);
    expect(result.rowOf('c2')?.r).toBe(2);
  });

  test('recency counts from the later of the last activity and the last won deal, ignoring days after today', () => {
    const clients = [client('c1'), client('c2')];
    const result = scoreRfm(
      factsOf(
        clients,
        {
          activities: [activity('c1', '2025-11-01T10:00:00Z'), activity('c1', '2026-01-15T10:00:00Z')],
          opportunities: [wonOpportunity('c1', 5_00, '2025-11-21'), wonOpportunity('c2', 5_00, '2024-12-01')],
        },
        { from: '2025-01-01', to: '2026-12-31' },
        '2025-12-01',
      ),
    );
    expect(result.rowOf('c1')?.recencyDays).toBe(10);
    // The activity after today still counts in the window's frequency.
    expect(result.rowOf('c1')?.frequency).toBe(2);
    // A deal before the window gives recency, not value.
    expect(result.rowOf('c2')).toMatchObject({ recencyDays: 365, monetary: 0, frequency: 0 });
  });

  test('a client whose only data lies after today is scored, with the worst recency', () => {
    const clients = [client('future'), client('c1')];
    const activities = [activity('future', '2025-12-20T10:00:00Z'), activity('c1', '2025-11-30T10:00:00Z')];
    const result = scoreRfm(
      factsOf(clients, { activities }, { from: '2025-01-01', to: '2025-12-31' }, '2025-12-01'),
    );
    expect(result.rowOf('future')).toMatchObject({ recencyDays: null, r: 2, f: 3 });
    expect(result.rowOf('c1')?.r).toBe(4);
  });
});
