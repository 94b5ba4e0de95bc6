import {
  buildBoard,
  daysInStage,
  isStale,
  stageEntryDay,
  weightedValue,
} from '../../../src/core/sales/board';
import { stored } from './sales-fixture';

const stages = [
  stored({ id: 's2', pipeline: 'Hurt', stage: 'Oferta', order: 2, probability: 50, expectedDays: 10 }),
  stored({ id: 's1', pipeline: 'Hurt', stage: 'Kontakt', order: 1, probability: 10, expectedDays: 5 }),
  stored({ id: 'x1', pipeline: 'Detal', stage: 'Kontakt', order: 1, probability: 20 }),
];
const clients = [
  stored({ id: 'c1', name: 'A', segment: 'Budownictwo' }),
  stored({ id: 'c2', name: 'B', segment: 'IT' }),
];
let n = 0;
const opp = (fields: Record<string, string | number | null>, updatedAt?: string) =>
  stored(
    {
      id: `o${++n}`,
      pipeline: 'Hurt',
      status: 'open',
      currency: 'PLN',
      clientId: 'c1',
      owner: 'Anna',
      ...fields,
    },
    updatedAt,
  );
const opportunities = [
  opp({
    stage: 'Kontakt',
    value: 100_000,
    probability: 10,
    expectedClose: '2027-01-20',
    stageEnteredOn: '2026-11-28',
  }),
  opp({
    stage: 'Kontakt',
    value: 50_001,
    probability: 33,
    expectedClose: '2026-12-31',
    stageEnteredOn: '2026-11-30',
    clientId: 'c2',
    owner: 'Paweł',
  }),
  opp(
    { stage: 'Oferta', value: 200_000, probability: 50, expectedClose: '2027-01-05', stageEnteredOn: null },
    '2026-11-23T23:30:00.000Z',
  ),
  opp({
    stage: 'Oferta',
    value: 999,
    probability: 50,
    currency: 'EUR',
    expectedClose: null,
    stageEnteredOn: '2026-12-01',
  }),
  opp({ stage: 'Usunięty etap', value: 1, probability: 1 }),
  opp({ stage: 'Oferta', status: 'won', value: 300_000, closedOn: '2026-11-15' }),
  opp({
    stage: 'Kontakt',
    status: 'lost',
    value: 70_000,
    closedOn: '2026-11-20',
    clientId: 'c2',
    owner: 'Paweł',
  }),
  opp({ stage: 'Kontakt', status: 'lost', value: 80_000, closedOn: '2026-12-02' }),
  opp({ pipeline: 'Detal', stage: 'Kontakt', value: 5_000_000, probability: 20 }),
];
const tables = { stages, clients, opportunities };
const TODAY = '2026-12-04';

test('the weighted value is value × probability in grosze, rounded', () => {
  expect(weightedValue(opportunities[1])).toBe(16_500);
  expect(weightedValue(stored({ id: 'z', value: 1000 }))).toBe(0);
});

test('an opportunity is stale when longer in its stage than the expected days, counted from its entry day', () => {
  expect([daysInStage(opportunities[0], TODAY), isStale(opportunities[0], 5, TODAY)]).toEqual([6, true]);
  expect([daysInStage(opportunities[1], TODAY), isStale(opportunities[1], 5, TODAY)]).toEqual([4, false]);
  expect(isStale(opportunities[0], null, TODAY)).toBe(false);
  expect(isStale(opportunities[5], 1, TODAY)).toBe(false);
});

test('without an entry day, from the Warsaw calendar day it was last changed (23:30 UTC is the next day)', () => {
  expect(stageEntryDay(opportunities[2])).toBe('2026-11-24');
  expect(isStale(opportunities[2], 10, TODAY)).toBe(false);
  expect(isStale(opportunities[2], 9, TODAY)).toBe(true);
  const summer = stored({ id: 'y', status: 'open' }, '2026-07-14T22:15:00.000Z');
  expect(stageEntryDay(summer)).toBe('2026-07-15');
  expect(stageEntryDay(stored({ id: 'w' }, '2026-07-14T21:59:00.000Z'))).toBe('2026-07-14');
});

test("groups the pipeline's open opportunities by its stages in order, with count, sum, weighted sum and stale count", () => {
  const board = buildBoard(tables, 'Hurt', { today: TODAY });
  expect(
    board.columns.map((c) => [
      c.stage,
      c.count,
      c.sum,
      c.weighted,
      c.stale,
      c.opportunities.map((o) => o.id),
    ]),
  ).toEqual([
    ['Kontakt', 2, 150_001, 26_500, 1, ['o1', 'o2']],
    ['Oferta', 2, 200_000, 100_000, 0, ['o3', 'o4']],
  ]);
  expect(board.unplaced.map((o) => o.id)).toEqual(['o5']);
  expect(board.notSummed).toBe(1);
});

test('forecasts the open opportunities by expected-close month, those without a date last', () => {
  const board = buildBoard(tables, 'Hurt', { today: TODAY });
  expect(board.forecast).toEqual([
    { month: '2026-12', count: 1, sum: 50_001, weighted: 16_500 },
    { month: '2027-01', count: 2, sum: 300_000, weighted: 110_000 },
    { month: '', count: 1, sum: 0, weighted: 0 },
  ]);
});

test('the win rate is won ÷ closed, and the filters narrow every figure', () => {
  const all = buildBoard(tables, 'Hurt', { today: TODAY });
  expect([all.won, all.lost, all.winRate]).toEqual([
    { count: 1, sum: 300_000 },
    { count: 2, sum: 150_000 },
    1 / 3,
  ]);
  const pawel = buildBoard(tables, 'Hurt', { today: TODAY, filters: { owner: 'Paweł' } });
  expect([pawel.columns.map((c) => c.count), pawel.winRate]).toEqual([[1, 0], 0]);
  const it = buildBoard(tables, 'Hurt', { today: TODAY, filters: { segment: 'IT' } });
  expect(it.columns.map((c) => c.opportunities.map((o) => o.id))).toEqual([['o2'], []]);
  const december = buildBoard(tables, 'Hurt', { today: TODAY, filters: { closeMonth: '2026-12' } });
  expect([december.columns.map((c) => c.count), december.lost.count, december.won.count]).toEqual([
    [1, 0],
    1,
    0,
  ]);
  expect(buildBoard(tables, 'Brak', { today: TODAY }).columns).toEqual([]);
});
