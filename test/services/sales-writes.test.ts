import { isRelacjeError } from '../../src/core/errors';
import type { CrmService } from '../../src/services/crm-service';
import type { NewRecord, StoredRecord, WorkbookStore } from '../../src/store/port';
import { countingStore, rejection } from './crm-service-suite';
import { openSeededService, type SeededService } from './seeded-service';

/* The sales process over the real xlsx store: each step one write, with its history entry and audit. */

// 23:30 UTC on 4 December is 5 December in Warsaw: the day the stage is entered and tasks count from.
const AT = new Date('2026-12-04T23:30:00.000Z');
const TENDER = 'Przetarg / generalne wykonawstwo';
let store: WorkbookStore;
let counted: ReturnType<typeof countingStore>;
let service: CrmService;

const seed: Record<string, NewRecord[]> = {
  clients: [{ id: 'c1', name: 'Gmina Zawiercie', type: 'institution', status: 'active' }],
  people: [{ id: 'p1', clientId: 'c1', firstName: 'Ewa', lastName: 'Nowak' }],
};

let seeded: SeededService;

beforeEach(async () => {
  seeded = await openSeededService(seed, {
    user: 'Anna Wiśniewska',
    now: AT,
    newId: (n) => `n${String(n).padStart(3, '0')}`,
  });
  ({ store, counted, service } = seeded);
});

afterEach(() => seeded.close());

const rows = (table: string) => seeded.rows(table);
const opportunity = async (id: string) =>
  (await rows('opportunities')).find((o) => o.id === id) as StoredRecord;

test('a ready funnel is added in one write: its settings, stages in order and stage tasks', async () => {
  const calls = await counted.callsOf(() => service.addReadyFunnel('tender'));
  expect(calls).toEqual(['write:pipelines+stages+stageTasks+audit']);
  expect((await rows('pipelines')).map((p) => p.name)).toEqual([TENDER]);
  expect((await rows('stages')).map((s) => [s.order, s.stage, s.probability])).toEqual([
    [1, 'Ogłoszenie', 10],
    [2, 'Decyzja go/no-go', 20],
    [3, 'Analiza i pytania do zamawiającego', 30],
    [4, 'Oferta z kalkulacją', 50],
    [5, 'Negocjacje końcowe', 75],
  ]);
  expect((await rows('stageTasks')).length).toBe(14);
  const again = await rejection(service.addReadyFunnel('tender'));
  expect(isRelacjeError(again, 'pipelineExists')).toBe(true);
  expect(isRelacjeError(await rejection(service.addReadyFunnel('retail')), 'unknownReadyFunnel')).toBe(true);
});

test('an opportunity goes through two stages to won with a project card; the workbook holds its tasks and history', async () => {
  await service.addReadyFunnel('tender');
  let calls = await counted.callsOf(async () => {
    const entry = await service.createOpportunity({
      fields: {
        id: 'o1',
        clientId: 'c1',
        personId: 'p1',
        name: 'Przebudowa drogi gminnej',
        pipeline: TENDER,
      },
      tender: {
        noticeSource: 'e-Zamówienia',
        noticeUrl: 'https://ezamowienia.gov.pl/ogloszenie/1',
        submissionDeadline: '2026-12-20',
      },
    });
    expect(entry.opportunity).toMatchObject({
      id: 'o1',
      stage: 'Ogłoszenie',
      probability: 10,
      version: 1,
      owner: 'Anna Wiśniewska',
    });
    expect(entry.createdTasks.map((t) => [t.title, t.dueDate])).toEqual([
      ['Zapisać ogłoszenie z linkiem (e-Zamówienia / BZP / TED) i terminami', '2026-12-06'],
      ['Pobrać dokumentację przetargową i wzór umowy', '2026-12-07'],
      ['Termin składania ofert', '2026-12-20'],
    ]);
  });
  expect(calls).toEqual(['write:opportunities+tasks+tenders+activities+audit']);

  calls = await counted.callsOf(async () => {
    const entry = await service.moveOpportunity('o1', 1, 'Decyzja go/no-go', { expectedClose: '2027-01-29' });
    expect(entry.createdTasks).toHaveLength(2);
    expect(entry.opportunity).toMatchObject({
      stage: 'Decyzja go/no-go',
      probability: 20,
      stageEnteredOn: '2026-12-05',
      version: 2,
    });
  });
  expect(calls).toEqual(['write:opportunities+tasks+activities+audit']);
  const moved = await service.moveOpportunity('o1', 2, 'Oferta z kalkulacją', { value: 120_000_000 });
  expect(moved.createdTasks).toHaveLength(4);
  const back = await service.moveOpportunity('o1', 3, 'Decyzja go/no-go');
  expect(back.createdTasks).toEqual([]);

  calls = await counted.callsOf(() =>
    service.winOpportunity('o1', 4, { project: { name: 'Droga gminna', manager: 'Paweł Zając' } }),
  );
  expect(calls).toEqual(['write:opportunities+projects+activities+audit']);
  expect(await opportunity('o1')).toMatchObject({
    status: 'won',
    probability: 100,
    closedOn: '2026-12-05',
    version: 5,
  });
  expect((await rows('projects')).map((p) => [p.name, p.manager, p.clientId, p.status])).toEqual([
    ['Droga gminna', 'Paweł Zając', 'c1', 'planned'],
  ]);
  const tasks = (await rows('tasks')).filter((t) => t.opportunityId === 'o1');
  expect(tasks.map((t) => t.stage)).toEqual([
    'Ogłoszenie',
    'Ogłoszenie',
    null,
    'Decyzja go/no-go',
    'Decyzja go/no-go',
    'Oferta z kalkulacją',
    'Oferta z kalkulacją',
    'Oferta z kalkulacją',
    'Oferta z kalkulacją',
  ]);
  const history = (await rows('activities')).filter((a) => a.opportunityId === 'o1');
  expect(history.map((a) => [a.type, a.subject, a.personId])).toEqual([
    ['opportunity', 'Nowa szansa „Przebudowa drogi gminnej” w etapie „Ogłoszenie”', 'p1'],
    ['opportunity', 'Szansa „Przebudowa drogi gminnej”: etap „Ogłoszenie” → „Decyzja go/no-go”', 'p1'],
    [
      'opportunity',
      'Szansa „Przebudowa drogi gminnej”: etap „Decyzja go/no-go” → „Oferta z kalkulacją”',
      'p1',
    ],
    [
      'opportunity',
      'Szansa „Przebudowa drogi gminnej”: etap „Oferta z kalkulacją” → „Decyzja go/no-go”',
      'p1',
    ],
    ['opportunity', 'Szansa „Przebudowa drogi gminnej” wygrana; karta projektu „Droga gminna”', 'p1'],
  ]);
  expect((await rows('tenders'))[0]).toMatchObject({ opportunityId: 'o1', noticeSource: 'e-Zamówienia' });
  const audit = (await rows('audit')).filter((a) => a.recordId === 'o1');
  expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update', 'update', 'update']);
});

test('a refused step writes nothing: missing stage fields, open offers, a lost reason not on the list', async () => {
  await service.addReadyFunnel('tender');
  await service.createOpportunity({ fields: { id: 'o1', clientId: 'c1', name: 'Hala', pipeline: TENDER } });
  await store.append('offers', [
    {
      id: 'f1',
      number: 'OF/2026/001',
      clientId: 'c1',
      opportunityId: 'o1',
      issuedOn: '2026-12-01',
      status: 'sent',
    },
  ]);
  await service.load();
  const before = await store.readAll();
  const missing = await rejection(service.moveOpportunity('o1', 1, 'Oferta z kalkulacją'));
  expect(isRelacjeError(missing, 'missingStageFields') && missing.messageIn('pl')).toBe(
    'Szansa „Hala” nie może wejść do etapu „Oferta z kalkulacją”: uzupełnij „Wartość”, „Planowane zamknięcie”.',
  );
  const open = await rejection(service.winOpportunity('o1', 1));
  expect(isRelacjeError(open, 'offersNotClosed') && open.params.open).toEqual(['OF/2026/001']);
  expect(
    isRelacjeError(await rejection(service.loseOpportunity('o1', 1, 'Pogoda')), 'unknownLostReason'),
  ).toBe(true);
  expect(isRelacjeError(await rejection(service.loseOpportunity('o1', 1, '')), 'lostReasonRequired')).toBe(
    true,
  );
  expect(
    isRelacjeError(await rejection(service.moveOpportunity('o1', 9, 'Decyzja go/no-go')), 'conflict'),
  ).toBe(true);
  const invalid = await rejection(
    service.moveOpportunity('o1', 1, 'Decyzja go/no-go', { expectedClose: '31.02.2027' }),
  );
  expect(isRelacjeError(invalid, 'invalidRecord')).toBe(true);
  expect(await store.readAll()).toEqual(before);
});

test('lost with a reason from the list and a note, then reopened in its stage', async () => {
  await service.addReadyFunnel('tender');
  await service.createOpportunity({ fields: { id: 'o1', clientId: 'c1', name: 'Hala', pipeline: TENDER } });
  const lost = await service.loseOpportunity(
    'o1',
    1,
    'unieważnienie postępowania',
    'Zamawiający nie miał środków',
  );
  expect(lost).toMatchObject({
    status: 'lost',
    lostReason: 'Unieważnienie postępowania',
    lostNote: 'Zamawiający nie miał środków',
    probability: 0,
  });
  const reopened = await service.reopenOpportunity('o1', 2);
  expect(reopened).toMatchObject({
    status: 'open',
    stage: 'Ogłoszenie',
    probability: 10,
    lostReason: null,
    closedOn: null,
  });
  const subjects = (await rows('activities')).map((a) => a.subject);
  expect(subjects.slice(-2)).toEqual([
    'Szansa „Hala” przegrana: Unieważnienie postępowania',
    'Szansa „Hala” otwarta ponownie w etapie „Ogłoszenie”',
  ]);
  expect(service.snapshot?.tables.opportunities.find((o) => o.id === 'o1')).toEqual(reopened);
});

test('an edit replaces the lines and sums the value; a saved design renames a stage and its opportunities and their tasks follow', async () => {
  await service.addReadyFunnel('tender');
  await service.createOpportunity({ fields: { id: 'o1', clientId: 'c1', name: 'Hala', pipeline: TENDER } });
  const edited = await service.updateOpportunity('o1', 1, { name: 'Hala stalowa' }, [
    { description: 'Konstrukcja', quantity: 10, unit: 't', netPrice: 1_150_000, vatRate: '23' },
  ]);
  expect(edited).toMatchObject({ name: 'Hala stalowa', value: 11_500_000, version: 2 });
  expect((await rows('opportunityLines')).map((l) => [l.opportunityId, l.lineNo, l.quantity])).toEqual([
    ['o1', 1, 10],
  ]);

  const snapshot = service.snapshot!;
  const stages = snapshot.tables.stages;
  const design = {
    settings: snapshot.tables.pipelines[0],
    stages: stages.map((s, i) => ({
      fields: i === 0 ? { ...s, stage: 'Ogłoszenie / zapytanie' } : s,
      tasks: snapshot.tables.stageTasks.filter((t) => t.stage === s.stage),
    })),
  };
  const calls = await counted.callsOf(() => service.savePipeline(design));
  expect(calls).toEqual(['write:opportunities+stages+stageTasks+tasks+audit']);
  expect(await opportunity('o1')).toMatchObject({ stage: 'Ogłoszenie / zapytanie' });
  const tasks = (await rows('tasks')).filter((t) => t.opportunityId === 'o1');
  expect(tasks.map((t) => t.stage)).toEqual(['Ogłoszenie / zapytanie', 'Ogłoszenie / zapytanie']);
  expect((await rows('stageTasks')).filter((t) => t.stage === 'Ogłoszenie / zapytanie')).toHaveLength(2);
  expect(
    await counted.callsOf(() =>
      service.savePipeline({
        ...design,
        stages: design.stages.map((s, i) => (i === 0 ? { ...s, fields: { ...s.fields, version: 2 } } : s)),
      }),
    ),
  ).toEqual([]);
  const withoutFirst = { ...design, stages: design.stages.slice(1) };
  expect(isRelacjeError(await rejection(service.savePipeline(withoutFirst)), 'stageInUse')).toBe(true);
});

test('dropped on the stage it stands in, an opportunity is not written', async () => {
  await service.addReadyFunnel('tender');
  await service.createOpportunity({ fields: { id: 'o1', clientId: 'c1', name: 'Hala', pipeline: TENDER } });
  let entry: Awaited<ReturnType<CrmService['moveOpportunity']>> | undefined;
  const calls = await counted.callsOf(async () => {
    entry = await service.moveOpportunity('o1', 1, 'Ogłoszenie');
  });
  expect(calls).toEqual([]);
  expect(entry).toEqual({ opportunity: await opportunity('o1'), createdTasks: [] });
});
