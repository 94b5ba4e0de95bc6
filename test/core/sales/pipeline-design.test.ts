import type { RelacjeError } from '../../../src/core/errors';
import {
  planPipelineSave,
  planReadyFunnel,
  type PipelineDraft,
} from '../../../src/core/sales/pipeline-design';
import { funnelTables, salesContext, stored, type Tables } from './sales-fixture';

const TENDER = 'Przetarg / generalne wykonawstwo';

/** The tender funnel as the designer reads it, with one open opportunity in its first stage. */
function designed(): { tables: Tables; draft: PipelineDraft } {
  const tables = funnelTables(['tender']);
  tables.opportunities = [
    stored({ id: 'o1', clientId: 'c1', name: 'Hala', pipeline: TENDER, stage: 'Ogłoszenie', status: 'open' }),
    stored({
      id: 'o2',
      clientId: 'c1',
      name: 'Most',
      pipeline: TENDER,
      stage: 'Negocjacje końcowe',
      status: 'won',
    }),
  ];
  tables.tasks = [
    stored({
      id: 't1',
      title: 'Zapisać ogłoszenie',
      opportunityId: 'o1',
      stage: 'Ogłoszenie',
      status: 'todo',
    }),
  ];
  tables.goals = [
    stored({ id: 'g1', description: 'Wygrać 3 przetargi', pipeline: TENDER, metric: 'wonCount', target: 3 }),
  ];
  const draft: PipelineDraft = {
    settings: tables.pipelines[0],
    stages: tables.stages.map((s) => ({
      fields: s,
      tasks: tables.stageTasks.filter((t) => t.stage === s.stage),
    })),
  };
  return { tables, draft };
}

const context = () => ({ ...salesContext(), locale: 'pl' as const });
const changed = (writes: ReturnType<typeof planPipelineSave>) =>
  Object.fromEntries(
    Object.entries(writes)
      .filter(([table]) => table !== 'audit')
      .map(([table, w]) => [
        table,
        {
          updates: w.updates.map((u) => [u.id, u.changes]),
          appends: w.appends.length,
          removes: w.removes.map((r) => r.id),
        },
      ]),
  );

test('a design saved as read writes nothing', () => {
  const { tables, draft } = designed();
  expect(planPipelineSave(tables, draft, context())).toEqual({});
});

test('a renamed pipeline and stage take their opportunities, tasks and goals along, each audited', () => {
  const { tables, draft } = designed();
  const first = draft.stages[0];
  const writes = planPipelineSave(
    tables,
    {
      previousName: TENDER,
      settings: { ...draft.settings, name: 'Przetargi publiczne' },
      stages: [
        { ...first, fields: { ...first.fields, stage: 'Ogłoszenie / zapytanie' } },
        ...draft.stages.slice(1),
      ],
    },
    context(),
  );
  const result = changed(writes);
  expect(result.opportunities.updates).toEqual([
    ['o1', { pipeline: 'Przetargi publiczne', stage: 'Ogłoszenie / zapytanie' }],
    ['o2', { pipeline: 'Przetargi publiczne' }],
  ]);
  expect(result.tasks.updates).toEqual([['t1', { stage: 'Ogłoszenie / zapytanie' }]]);
  expect(result.goals.updates).toEqual([['g1', { pipeline: 'Przetargi publiczne' }]]);
  expect(result.stages.updates).toHaveLength(5);
  expect(result.stageTasks.updates).toHaveLength(14);
  const audited = writes.audit.appends.length;
  expect(audited).toBe(1 + 2 + 1 + 1 + 5 + 14);
});

test('a stage left out is deleted with its tasks unless an open opportunity stands in it', () => {
  const { tables, draft } = designed();
  const withoutLast = planPipelineSave(tables, { ...draft, stages: draft.stages.slice(0, 4) }, context());
  expect(changed(withoutLast).stages.removes).toEqual([tables.stages[4].id]);
  expect(changed(withoutLast).stageTasks.removes).toHaveLength(3);
  let error: RelacjeError | undefined;
  try {
    planPipelineSave(tables, { ...draft, stages: draft.stages.slice(1) }, context());
  } catch (e) {
    error = e as RelacjeError;
  }
  expect([error?.code, error?.params]).toEqual([
    'stageInUse',
    { pipeline: TENDER, stage: 'Ogłoszenie', count: 1 },
  ]);
});

test('a new stage and task are appended in the order given; a taken name is refused', () => {
  const { tables, draft } = designed();
  const writes = planPipelineSave(
    tables,
    {
      ...draft,
      stages: [
        {
          fields: { stage: 'Rozeznanie rynku', probability: 5 },
          tasks: [{ title: 'Przejrzeć BZP', priority: 'low', dueInDays: 1 }],
        },
        ...draft.stages,
      ],
    },
    context(),
  );
  expect(writes.stages.appends).toEqual([
    expect.objectContaining({ pipeline: TENDER, stage: 'Rozeznanie rynku', order: 1 }),
  ]);
  expect(writes.stages.updates.map((u) => u.changes)).toEqual([
    { order: 2 },
    { order: 3 },
    { order: 4 },
    { order: 5 },
    { order: 6 },
  ]);
  expect(writes.stageTasks.appends).toEqual([
    expect.objectContaining({ stage: 'Rozeznanie rynku', title: 'Przejrzeć BZP' }),
  ]);
  expect(() => planReadyFunnel(tables, 'tender', undefined, context())).toThrow(
    expect.objectContaining({ code: 'pipelineExists' }),
  );
  expect(Object.keys(planReadyFunnel(tables, 'tender', 'Przetargi 2027', context()))).toEqual([
    'pipelines',
    'audit',
    'stages',
    'stageTasks',
  ]);
});
