import { isRelacjeError } from '../../../src/core/errors';
import {
  lostReasonsOf,
  pipelineNames,
  requiredFieldsOf,
  stageOf,
  stagesOf,
  stageTasksOf,
} from '../../../src/core/sales/pipeline-reading';
import { stored } from './sales-fixture';

const tables = {
  pipelines: [stored({ id: 'p1', name: 'Hurt', lostReasons: 'Cena; ; Termin ' })],
  stages: [
    stored({
      id: 's3',
      pipeline: 'Hurt',
      stage: 'Umowa',
      order: 3,
      requiredFields: 'value; Planowane zamknięcie;EXPECTED CLOSE',
    }),
    stored({ id: 'x1', pipeline: 'Detal', stage: 'Kontakt', order: 1 }),
    stored({
      id: 's1',
      pipeline: 'Hurt',
      stage: 'Kontakt',
      order: 1,
      entryTasks: 'Zadzwonić; Wysłać katalog',
    }),
    stored({ id: 's2', pipeline: 'Hurt', stage: 'Oferta', order: 2, requiredFields: 'Kwota' }),
  ],
  stageTasks: [
    stored({
      id: 't1',
      pipeline: 'Hurt',
      stage: 'Kontakt',
      title: 'Zadzwonić',
      priority: 'high',
      dueInDays: 1,
      ownerRole: 'Handlowiec',
    }),
    stored({
      id: 't2',
      pipeline: 'Detal',
      stage: 'Kontakt',
      title: 'Wysłać ulotkę',
      priority: 'low',
      dueInDays: 2,
    }),
  ],
};

test('the stages of one pipeline come in their order, never mixed with another pipeline', () => {
  expect(stagesOf(tables, 'Hurt').map((s) => s.id)).toEqual(['s1', 's2', 's3']);
  expect(stagesOf(tables, 'Detal').map((s) => s.id)).toEqual(['x1']);
  expect(pipelineNames(tables)).toEqual(['Hurt', 'Detal']);
});

test("a stage's tasks are its stage-task rows plus the older entry titles not among them", () => {
  expect(stageTasksOf(tables, 'Hurt', 'Kontakt')).toEqual([
    { title: 'Zadzwonić', ownerRole: 'Handlowiec', priority: 'high', dueInDays: 1 },
    { title: 'Wysłać katalog', ownerRole: null, priority: 'normal', dueInDays: null },
  ]);
  expect(stageTasksOf(tables, 'Hurt', 'Oferta')).toEqual([]);
});

test('required fields are read from keys or headers in either language, each once', () => {
  expect(requiredFieldsOf(tables.stages[0]).map((c) => c.key)).toEqual(['value', 'expectedClose']);
  expect(requiredFieldsOf(tables.stages[2])).toEqual([]);
});

test('a required field that is no field of an opportunity is an error naming it and the stage', () => {
  let error: unknown;
  try {
    requiredFieldsOf(tables.stages[3]);
  } catch (e) {
    error = e;
  }
  expect(isRelacjeError(error, 'unknownRequiredField') && error.params).toEqual({
    pipeline: 'Hurt',
    stage: 'Oferta',
    name: 'Kwota',
  });
  expect((error as Error).message).toContain('Kwota');
});

test('an unknown stage names the stages of the pipeline; an unknown pipeline is said so', () => {
  expect(() => stageOf(tables, 'Hurt', 'Kontakt ')).toThrow(/"Kontakt", "Oferta", "Umowa"/);
  expect(() => stageOf(tables, 'Hurt', 'Kontakt ')).toThrow(
    expect.objectContaining({ code: 'unknownStage' }),
  );
  expect(() => stageOf(tables, 'Eksport', 'Kontakt')).toThrow(
    expect.objectContaining({ code: 'unknownPipeline' }),
  );
});

test("a pipeline's lost reasons are its semicolon list, blanks left out", () => {
  expect(lostReasonsOf(tables, 'Hurt')).toEqual(['Cena', 'Termin']);
  expect(lostReasonsOf(tables, 'Detal')).toEqual([]);
});
