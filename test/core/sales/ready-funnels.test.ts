import { validateRecord } from '../../../src/core/records';
import { CURRENT_SCHEMA, enumByKey, tableByKey } from '../../../src/core/schema';
import {
  requiredFieldsOf,
  stagesOf,
  stageTasksOf,
  variantOfStageTask,
} from '../../../src/core/sales/pipeline-reading';
import { READY_FUNNELS, readyFunnelByKey, readyFunnelRows } from '../../../src/core/sales/ready-funnels';
import { funnelTables } from './sales-fixture';

const funnel = (key: string) => readyFunnelByKey(key)!;
const stageNames = (key: string, locale: 'pl' | 'en' = 'pl') => funnel(key).stages.map((s) => s.name[locale]);
const taskTitles = (key: string) => funnel(key).stages.flatMap((s) => s.tasks.map((t) => t.title.pl));

describe('the ready funnels', () => {
  test('are the tender, training and key-account funnels, named in Polish and English', () => {
    expect(READY_FUNNELS.map((f) => [f.key, f.name.pl, f.name.en])).toEqual([
      ['tender', 'Przetarg / generalne wykonawstwo', 'Tender / general contractor'],
      ['training', 'Usługa szkoleniowa', 'Training service'],
      ['keyAccount', 'Klient kluczowy', 'Key account'],
    ]);
  });

  test('the tender funnel runs notice → go/no-go → analysis and questions → offer → final negotiations', () => {
    expect(stageNames('tender')).toEqual([
      'Ogłoszenie',
      'Decyzja go/no-go',
      'Analiza i pytania do zamawiającego',
      'Oferta z kalkulacją',
      'Negocjacje końcowe',
    ]);
    expect(taskTitles('tender').join(' ')).toMatch(/e-Zamówienia \/ BZP \/ TED/);
    expect(taskTitles('tender')).toContain('Spisać protokół z negocjacji z kluczowymi ustaleniami');
    expect(funnel('tender').stages[3].requiredFields).toEqual(['value', 'expectedClose']);
  });

  test('the training funnel has the 13 steps, the forms F2–F7 as tasks and a contract step for 60 hours or more', () => {
    expect(stageNames('training')).toHaveLength(13);
    for (const form of ['F2', 'F3', 'F4', 'F5', 'F6', 'F7']) {
      expect(taskTitles('training').filter((t) => t.includes(`(${form})`))).toHaveLength(1);
    }
    const contract = funnel('training').stages.find((s) => s.name.pl === 'Akceptacja i umowa')!;
    expect(contract.tasks.map((t) => t.title.pl).join(' ')).toContain('od 60 godzin');
    expect(contract.requiredFields).toContain('personId');
  });

  test('the key-account funnel has the seven stages and a join task per cooperation variant', () => {
    expect(stageNames('keyAccount')).toEqual([
      'Strategia',
      'Gromadzenie i klasyfikacja danych',
      'Analiza i ocena',
      'Plan strategiczny dla klienta',
      'Planowanie działań',
      'Wspólne wdrożenie',
      'Monitorowanie i ocena',
    ]);
    const joins = funnel('keyAccount').stages.flatMap((s) =>
      s.tasks
        .map((t) => [s.name.pl, variantOfStageTask(t.title.pl), variantOfStageTask(t.title.en)])
        .filter(([, v]) => v),
    );
    expect(joins).toEqual([
      ['Gromadzenie i klasyfikacja danych', 'integration', 'integration'],
      ['Plan strategiczny dla klienta', 'cooperation', 'cooperation'],
      ['Planowanie działań', 'negotiation', 'negotiation'],
    ]);
  });

  test.each(READY_FUNNELS.map((f) => f.key))(
    '%s: probabilities rise, every stage has a goal, days and tasks, reasons for a loss',
    (key) => {
      const f = funnel(key);
      const probabilities = f.stages.map((s) => s.probability);
      expect(probabilities).toEqual([...probabilities].sort((a, b) => a - b));
      const priorities = new Set(enumByKey(CURRENT_SCHEMA, 'taskPriority').values.map((v) => v.key));
      for (const stage of f.stages) {
        expect([
          stage.goal.pl !== '',
          stage.goal.en !== '',
          stage.expectedDays > 0,
          stage.tasks.length > 0,
        ]).toEqual([true, true, true, true]);
        for (const t of stage.tasks)
          expect([priorities.has(t.priority), t.dueInDays >= 0]).toEqual([true, true]);
      }
      expect(f.lostReasons.length).toBeGreaterThanOrEqual(4);
      expect(new Set(stageNames(key, 'en')).size).toBe(f.stages.length);
    },
  );

  test.each(['pl', 'en'] as const)(
    'as rows in %s: valid records of their tables, read back as designed',
    (locale) => {
      for (const f of READY_FUNNELS) {
        const rows = readyFunnelRows(f, {
          locale,
          newId: (() => {
            let n = 0;
            return () => `id${++n}`;
          })(),
        });
        for (const table of ['pipelines', 'stages', 'stageTasks'] as const) {
          for (const row of rows[table]) {
            const result = validateRecord(tableByKey(CURRENT_SCHEMA, table), row, { mode: 'create' });
            expect(result.issues).toEqual([]);
          }
        }
        expect(rows.pipelines[0].name).toBe(f.name[locale]);
        expect(rows.pipelines[0].lostReasons).toBe(f.lostReasons.map((r) => r[locale]).join('; '));
      }
      const tables = funnelTables(['tender'], locale);
      const pipeline = funnel('tender').name[locale];
      const stages = stagesOf(tables, pipeline);
      expect(stages.map((s) => s.stage)).toEqual(stageNames('tender', locale));
      expect(stages.map((s) => requiredFieldsOf(s).map((c) => c.key))).toEqual(
        funnel('tender').stages.map((s) => s.requiredFields),
      );
      expect(
        stageTasksOf(tables, pipeline, String(stages[3].stage)).map((t) => [
          t.title,
          t.priority,
          t.dueInDays,
        ]),
      ).toEqual(funnel('tender').stages[3].tasks.map((t) => [t.title[locale], t.priority, t.dueInDays]));
    },
  );

  test('writes required fields as the headers of the workbook language', () => {
    const rows = readyFunnelRows(funnel('tender'), { locale: 'pl', newId: () => 'x' });
    expect(rows.stages[3].requiredFields).toBe('Wartość; Planowane zamknięcie');
    const en = readyFunnelRows(funnel('tender'), { locale: 'en', newId: () => 'x', name: 'Tenders 2027' });
    expect([en.stages[3].requiredFields, en.stages[0].pipeline, en.stageTasks[0].pipeline]).toEqual([
      'Value; Expected close',
      'Tenders 2027',
      'Tenders 2027',
    ]);
  });
});
