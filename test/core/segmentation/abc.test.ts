import fc from 'fast-check';
import { classifyAbc, type AbcClass } from '../../../src/core/segmentation';
import { PROPERTY_SEED } from '../arbitraries';
import { acceptedOffer, client, clientsWithValues, factsOf, wonOpportunity } from './segmentation-fixtures';

const classesOf = (values: readonly number[]) =>
  classifyAbc(clientsWithValues(values)).rows.map((row) => [row.clientId, row.abcClass]);

describe('classifyAbc boundaries', () => {
  test('a client ending exactly at 80% is A; the next, starting exactly at 80%, is B; one starting at 95% is C', () => {
    expect(classesOf([80_00, 15_00, 5_00])).toEqual([
      ['c1', 'A'],
      ['c2', 'B'],
      ['c3', 'C'],
    ]);
  });

  test('a client whose cumulative share starts below 80% and ends above it is A', () => {
    const result = classifyAbc(clientsWithValues([50_00, 40_00, 10_00]));
    expect(result.rows.map((row) => row.abcClass)).toEqual(['A', 'A', 'B']);
    expect(result.rows[1]).toMatchObject({ cumulativeShareBefore: 0.5, cumulativeShare: 0.9 });
  });

  test('a client straddling 95% is B, the one after it C', () => {
    expect(classesOf([70_00, 20_00, 8_00, 2_00]).map(([, abcClass]) => abcClass)).toEqual([
      'A',
      'A',
      'B',
      'C',
    ]);
  });

  test('shares and class totals are returned for the UI', () => {
    const result = classifyAbc(clientsWithValues([80_00, 15_00, 5_00]));
    expect(result.totalValue).toBe(100_00);
    expect(result.rows.map((row) => row.share)).toEqual([0.8, 0.15, 0.05]);
    expect(result.classes.A).toEqual({ clients: 1, value: 80_00, valueShare: 0.8, clientShare: 1 / 3 });
    expect(result.classes.C).toMatchObject({ clients: 1, value: 5_00 });
    expect(result.rowOf('c2')?.rank).toBe(2);
    expect(result.byIndex[2]?.clientId).toBe('c3');
  });

  test('custom thresholds move the boundaries', () => {
    const result = classifyAbc(clientsWithValues([60_00, 30_00, 10_00]), { a: 50, b: 90 });
    expect(result.rows.map((row) => row.abcClass)).toEqual(['A', 'B', 'C']);
  });
});

describe('classifyAbc ties', () => {
  test('equal values rank by name, then id', () => {
    const clients = [
      client('z', { name: 'Beta' }),
      client('y', { name: 'Alfa' }),
      client('x', { name: 'Alfa' }),
    ];
    const opportunities = clients.map((c) => wonOpportunity(c.id, 10_00, '2025-03-03'));
    const result = classifyAbc(factsOf(clients, { opportunities }));
    expect(result.rows.map((row) => row.clientId)).toEqual(['x', 'y', 'z']);
  });

  test('a tie straddling 80% takes the class of where it starts: both tied clients are A', () => {
    const result = classifyAbc(clientsWithValues([60_00, 20_00, 20_00]));
    expect(result.rows.map((row) => row.abcClass)).toEqual(['A', 'A', 'A']);
  });

  test('a tie starting exactly at 80% is B as a whole', () => {
    expect(classesOf([80_00, 10_00, 10_00]).map(([, abcClass]) => abcClass)).toEqual(['A', 'B', 'B']);
  });
});

describe('classifyAbc without revenue', () => {
  test('an empty window makes every client C with zero shares', () => {
    const clients = [client('c1'), client('c2')];
    const opportunities = [
      wonOpportunity('c1', 100_00, '2024-12-31'),
      wonOpportunity('c2', 50_00, '2026-01-01'),
    ];
    const result = classifyAbc(factsOf(clients, { opportunities }));
    expect(result.totalValue).toBe(0);
    expect(result.rows.map((row) => [row.abcClass, row.share, row.cumulativeShare])).toEqual([
      ['C', 0, 0],
      ['C', 0, 0],
    ]);
    expect(result.classes.A.valueShare).toBe(0);
  });

  test('all-zero revenue makes every client C', () => {
    expect(classesOf([0, 0, 0]).map(([, abcClass]) => abcClass)).toEqual(['C', 'C', 'C']);
  });

  test('no clients at all gives empty rows and empty classes', () => {
    const result = classifyAbc(factsOf([]));
    expect(result.rows).toEqual([]);
    expect(result.classes.C).toEqual({ clients: 0, value: 0, valueShare: 0, clientShare: 0 });
  });

  test('clients with no value are C even when others have revenue', () => {
    expect(classesOf([10_00, 0]).map(([, abcClass]) => abcClass)).toEqual(['A', 'C']);
  });
});

describe('won value', () => {
  const clients = [client('c1'), client('c2'), client('c3')];

  test('the window includes both end days; open, lost and foreign-currency deals do not count', () => {
    const facts = factsOf(clients, {
      opportunities: [
        wonOpportunity('c1', 1_00, '2025-01-01'),
        wonOpportunity('c1', 2_00, '2025-12-31'),
        wonOpportunity('c1', 4_00, '2025-06-01', { status: 'lost' }),
        wonOpportunity('c1', 8_00, '2025-06-01', { status: 'open', closedOn: null }),
        wonOpportunity('c1', 16_00, '2025-06-01', { currency: 'EUR' }),
        wonOpportunity('unknown', 32_00, '2025-06-01'),
      ],
    });
    expect(facts.wonValue[0]).toBe(3_00);
    expect(facts.wonDeals[0]).toBe(2);
    expect(facts.foreignCurrencyDeals).toBe(1);
  });

  test('an accepted offer counts only when it belongs to no opportunity, so a won deal is not counted twice', () => {
    const won = wonOpportunity('c1', 500_00, '2025-05-05');
    const facts = factsOf(clients, {
      opportunities: [won],
      offers: [
        acceptedOffer('c1', 500_00, '2025-05-01', { opportunityId: won.id }),
        acceptedOffer('c2', 70_00, '2025-05-01'),
        acceptedOffer('c3', 90_00, '2025-05-01', { status: 'sent' }),
      ],
    });
    expect([...facts.wonValue]).toEqual([500_00, 70_00, 0]);
  });
});

describe('classifyAbc properties', () => {
  const rank: Record<AbcClass, number> = { A: 0, B: 1, C: 2 };

  test('A, B and C partition the clients; A holds ≥ 80%, A and B ≥ 95%, and A is as small as ties allow', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5_000_000 }), { maxLength: 60 }), (values) => {
        const result = classifyAbc(clientsWithValues(values));
        expect(result.rows).toHaveLength(values.length);
        expect(new Set(result.rows.map((row) => row.clientId)).size).toBe(values.length);
        const { A, B, C } = result.classes;
        expect(A.clients + B.clients + C.clients).toBe(values.length);
        const total = values.reduce((sum, v) => sum + v, 0);
        if (total > 0) {
          expect(A.value * 100).toBeGreaterThanOrEqual(80 * total);
          expect((A.value + B.value) * 100).toBeGreaterThanOrEqual(95 * total);
          const aRows = result.rows.filter((row) => row.abcClass === 'A');
          const lastValue = aRows[aRows.length - 1].value;
          const withoutLastTie = aRows
            .filter((row) => row.value !== lastValue)
            .reduce((s, r) => s + r.value, 0);
          expect(withoutLastTie * 100).toBeLessThan(80 * total);
        } else {
          expect(C.clients).toBe(values.length);
        }
        result.rows.forEach((row, i) => {
          if (row.value === 0) expect(row.abcClass).toBe('C');
          const next = result.rows[i + 1];
          if (next) {
            expect(next.value).toBeLessThanOrEqual(row.value);
            expect(rank[next.abcClass]).toBeGreaterThanOrEqual(rank[row.abcClass]);
            if (next.value === row.value) expect(next.abcClass).toBe(row.abcClass);
          }
        });
      }),
      { seed: PROPERTY_SEED, numRuns: 200 },
    );
  });
});

describe('repeated client ids', () => {
  test('a repeated id keeps its first row and is ranked once', () => {
    const clients = [client('c1', { name: 'Pierwszy' }), client('c2'), client('c1', { name: 'Powtórzony' })];
    const result = classifyAbc(
      factsOf(clients, { opportunities: [wonOpportunity('c1', 10_00, '2025-02-02')] }),
    );
    expect(result.rows.map((row) => [row.clientId, row.name])).toEqual([
      ['c1', 'Pierwszy'],
      ['c2', 'Klient c2'],
    ]);
    expect(result.byIndex[2]).toBeUndefined();
  });
});
