import {
  classifyAbc,
  planSegmentChanges,
  scoreRfm,
  segmentationAssignments,
  type ClientAssignment,
} from '../../../src/core/segmentation';
import { activity, client, factsOf, wonOpportunity } from './segmentation-fixtures';

const AT = '2025-12-31T18:00:00.000Z';

describe('planSegmentChanges', () => {
  const clients = [
    client('c1', { abcClass: 'B', segment: 'Przemysł', version: 7 }),
    client('c2', { abcClass: 'B', segment: null }),
    client('c3', { abcClass: 'A', rfmScore: '555' }),
    client('c4', { abcClass: '', keyAccount: null }),
    client('c5', { abcClass: 'C' }),
  ];

  test('only clients that really change get an update, with only the changed fields and the segmentation time', () => {
    const assignments = new Map<string, ClientAssignment>([
      ['c1', { abcClass: 'A', segment: 'Przemysł' }],
      ['c2', { abcClass: 'A', segment: 'Budownictwo' }],
      ['c3', { abcClass: 'A', rfmScore: '555' }],
      ['c4', { abcClass: null, keyAccount: null }],
      ['c5', { abcClass: 'B' }],
    ]);
    const plan = planSegmentChanges(clients, assignments, AT);
    expect(plan.updates).toEqual([
      { id: 'c1', expectedVersion: 7, changes: { abcClass: 'A', segmentedAt: AT } },
      { id: 'c2', expectedVersion: 3, changes: { abcClass: 'A', segment: 'Budownictwo', segmentedAt: AT } },
      { id: 'c5', expectedVersion: 3, changes: { abcClass: 'B', segmentedAt: AT } },
    ]);
    expect(plan.preview).toMatchObject({ changedClients: 3, unchangedClients: 2, unknownClients: 0 });
  });

  test('the preview counts who moves from which value to which, per field', () => {
    const assignments = new Map<string, ClientAssignment>([
      ['c1', { abcClass: 'A' }],
      ['c2', { abcClass: 'A', segment: 'Budownictwo' }],
      ['c3', { abcClass: 'B' }],
      ['c4', { abcClass: 'C', keyAccount: true }],
      ['c5', { abcClass: 'C' }],
      ['gone', { abcClass: 'A' }],
    ]);
    const { preview } = planSegmentChanges(clients, assignments, AT);
    expect(preview.transitions).toEqual([
      { field: 'abcClass', from: 'B', to: 'A', clients: 2 },
      { field: 'abcClass', from: 'A', to: 'B', clients: 1 },
      { field: 'abcClass', from: null, to: 'C', clients: 1 },
      { field: 'segment', from: null, to: 'Budownictwo', clients: 1 },
      { field: 'keyAccount', from: null, to: true, clients: 1 },
    ]);
    expect(preview).toMatchObject({ changedClients: 4, unchangedClients: 1, unknownClients: 1 });
  });

  test('clients without an assignment are left alone and not counted', () => {
    const plan = planSegmentChanges(clients, new Map([['c5', { abcClass: 'C' }]]), AT);
    expect(plan.updates).toEqual([]);
    expect(plan.preview).toEqual({
      changedClients: 0,
      unchangedClients: 1,
      unknownClients: 0,
      transitions: [],
    });
  });
});

describe('segmentationAssignments', () => {
  test('computed ABC classes, RFM scores and rule segments become one plan', () => {
    const clients = [
      client('c1', { abcClass: 'C', segment: 'Stary' }),
      client('c2', { abcClass: 'C', segment: 'Ręczny' }),
    ];
    const facts = factsOf(clients, {
      opportunities: [wonOpportunity('c1', 100_00, '2025-05-01')],
      activities: [activity('c1', '2025-12-30T10:00:00Z')],
    });
    const assignments = segmentationAssignments({
      abc: classifyAbc(facts),
      rfm: scoreRfm(facts),
      segments: ['Kluczowi', undefined],
    });
    expect([assignments(0, clients[0]), assignments(1, clients[1])]).toEqual([
      { abcClass: 'A', rfmScore: '333', segment: 'Kluczowi' },
      { abcClass: 'C', rfmScore: null },
    ]);
    const plan = planSegmentChanges(clients, assignments, AT);
    expect(plan.updates).toEqual([
      {
        id: 'c1',
        expectedVersion: 3,
        changes: { abcClass: 'A', segment: 'Kluczowi', rfmScore: '333', segmentedAt: AT },
      },
    ]);
  });
});

describe('segmentationAssignments with other clients than the facts', () => {
  test('a client is found by id when the clients are in another order than the facts', () => {
    const clients = [client('c1', { abcClass: 'C' }), client('c2', { abcClass: 'C' })];
    const facts = factsOf(clients, { opportunities: [wonOpportunity('c2', 100_00, '2025-05-01')] });
    const assignments = segmentationAssignments({
      abc: classifyAbc(facts),
      segments: [undefined, 'Kluczowi'],
      facts,
    });
    const plan = planSegmentChanges([clients[1], clients[0]], assignments, AT);
    expect(plan.updates).toEqual([
      { id: 'c2', expectedVersion: 3, changes: { abcClass: 'A', segment: 'Kluczowi', segmentedAt: AT } },
    ]);
  });
});

describe('segmentationAssignments over a period without data', () => {
  test('ABC over a period with no won value assigns no class, so no A or B client is downgraded', () => {
    const clients = [client('c1', { abcClass: 'A' }), client('c2', { abcClass: 'B' }), client('c3')];
    // A deal won before the period: the period itself holds no won value.
    const facts = factsOf(clients, { opportunities: [wonOpportunity('c1', 500_00, '2024-06-01')] });
    const abc = classifyAbc(facts);
    expect(abc.totalValue).toBe(0);
    const assignments = segmentationAssignments({ abc });
    expect(clients.map((c, index) => assignments(index, c))).toEqual([undefined, undefined, undefined]);
    const plan = planSegmentChanges(clients, assignments, AT);
    expect(plan.updates).toEqual([]);
    expect(plan.preview.transitions).toEqual([]);
  });

  test('RFM with no client scored clears no score', () => {
    const clients = [client('c1', { rfmScore: '545' }), client('c2', { rfmScore: '111' })];
    const rfm = scoreRfm(factsOf(clients));
    expect(rfm.scoredClients).toBe(0);
    expect(planSegmentChanges(clients, segmentationAssignments({ rfm }), AT).updates).toEqual([]);
  });

  test('with won value in the period, clients without it still become C', () => {
    const clients = [client('c1', { abcClass: 'C' }), client('c2', { abcClass: 'A' })];
    const facts = factsOf(clients, { opportunities: [wonOpportunity('c1', 500_00, '2025-06-01')] });
    const plan = planSegmentChanges(clients, segmentationAssignments({ abc: classifyAbc(facts) }), AT);
    expect(plan.updates.map((u) => [u.id, u.changes.abcClass])).toEqual([
      ['c1', 'A'],
      ['c2', 'C'],
    ]);
  });
});
