import type { StoredRow } from '../../../src/core/clients/client-rows';
import {
  funnelDraftOf,
  funnelProblems,
  pipelineDesignOf,
  type FunnelDraft,
} from '../../../src/ui/sales/funnel-draft';

const row = (id: string, fields: Record<string, string | number | null>): StoredRow => ({
  id,
  version: 3,
  ...fields,
});

const tables = {
  pipelines: [row('p1', { name: 'B2B', lostReasons: 'Cena; Termin', clientType: 'company' })],
  stages: [
    row('s1', {
      pipeline: 'B2B',
      stage: 'Kontakt',
      order: 1,
      probability: 10,
      expectedDays: 7,
      requiredFields: 'Wartość',
    }),
  ],
  stageTasks: [
    row('t1', { pipeline: 'B2B', stage: 'Kontakt', title: 'Zadzwonić', priority: 'high', dueInDays: 2 }),
  ],
};

describe('the funnel designer’s draft', () => {
  it('reads a pipeline with its stages, required fields as keys, tasks and lost reasons one a line', () => {
    const draft = funnelDraftOf(tables, 'B2B');
    expect(draft).toMatchObject({
      previousName: 'B2B',
      settingsId: 'p1',
      lostReasons: 'Cena\nTermin',
      clientType: 'company',
    });
    expect(draft.stages).toEqual([
      expect.objectContaining({
        id: 's1',
        stage: 'Kontakt',
        probability: '10',
        expectedDays: '7',
        requiredFields: ['value'],
      }),
    ]);
    expect(draft.stages[0].tasks).toEqual([
      expect.objectContaining({ id: 't1', title: 'Zadzwonić', priority: 'high', dueInDays: '2' }),
    ]);
  });

  it('names each problem where it is: a missing name, a stage name twice, days that are no whole number', () => {
    const draft: FunnelDraft = {
      ...funnelDraftOf(tables, 'B2B'),
      name: '',
      stages: [
        {
          stage: 'A',
          probability: '150',
          goal: '',
          expectedDays: '2,5',
          requiredFields: [],
          tasks: [{ title: '', ownerRole: '', priority: 'normal', dueInDays: '-1' }],
        },
        { stage: 'a', probability: '', goal: '', expectedDays: '', requiredFields: [], tasks: [] },
      ],
    };
    expect(funnelProblems(draft, [])).toEqual({
      name: 'pipelineNameMissing',
      'stages.0.probability': 'badPercent',
      'stages.0.expectedDays': 'badDays',
      'stages.0.tasks.0.title': 'taskTitleMissing',
      'stages.0.tasks.0.dueInDays': 'badDays',
      'stages.1.stage': 'stageNameTwice',
    });
    expect(funnelProblems({ ...draft, name: 'Inny', stages: [] }, ['Inny'])).toEqual({
      name: 'pipelineNameTaken',
      stages: 'noStages',
    });
  });

  it('saves numbers as numbers, required fields by their headers in the workbook’s language, ids kept', () => {
    const design = pipelineDesignOf({ ...funnelDraftOf(tables, 'B2B'), name: 'B2B nowy' }, 'en');
    expect(design.previousName).toBe('B2B');
    expect(design.settings).toMatchObject({
      id: 'p1',
      version: 3,
      name: 'B2B nowy',
      lostReasons: 'Cena; Termin',
    });
    expect(design.stages[0].fields).toMatchObject({
      id: 's1',
      stage: 'Kontakt',
      probability: 10,
      expectedDays: 7,
      requiredFields: 'Value',
    });
    expect(design.stages[0].tasks[0]).toMatchObject({
      id: 't1',
      pipeline: 'B2B nowy',
      stage: 'Kontakt',
      dueInDays: 2,
    });
  });
});
