import type { RelacjeError } from '../../../src/core/errors';
import {
  planOpportunityCreation,
  planOpportunityLoss,
  planOpportunityMove as planMove,
  planOpportunityReopen,
  planOpportunityUpdate,
  planOpportunityWin,
  type SalesPlan,
} from '../../../src/core/sales/opportunity-transitions';
import { applied, funnelTables, salesContext, stored, type Tables } from './sales-fixture';

/** A move into another stage: always a plan. */
const planOpportunityMove = (...args: Parameters<typeof planMove>) => planMove(...args) as SalesPlan;

const TENDER = 'Przetarg / generalne wykonawstwo';
const KEY_ACCOUNT = 'Klient kluczowy';

function thrown(work: () => unknown): RelacjeError {
  try {
    work();
  } catch (error) {
    return error as RelacjeError;
  }
  throw new Error('expected an error');
}

const appended = (plan: SalesPlan, table: string) => plan.writes[table]?.appends ?? [];
const history = (plan: SalesPlan) => appended(plan, 'activities');

/** A tender opportunity created in the notice stage, the tables after it, and its id. */
function created(tables: Tables = funnelTables(['tender', 'keyAccount']), fields = {}) {
  const plan = planOpportunityCreation(
    tables,
    {
      fields: { clientId: 'c1', name: 'Hala w Kielcach', pipeline: TENDER, owner: 'Paweł Zając', ...fields },
    },
    salesContext(),
  );
  return { plan, tables: applied(tables, plan.writes), id: plan.opportunityId };
}

const opportunity = (tables: Tables, id: string) => tables.opportunities.find((o) => o.id === id)!;

describe('creating an opportunity', () => {
  test("starts in the pipeline's first stage with its probability, PLN and the stage's tasks", () => {
    const { plan, tables, id } = created();
    expect(opportunity(tables, id)).toMatchObject({
      stage: 'Ogłoszenie',
      probability: 10,
      currency: 'PLN',
      status: 'open',
      owner: 'Paweł Zając',
      stageEnteredOn: '2026-12-04',
    });
    expect(appended(plan, 'tasks').map((t) => [t.title, t.owner, t.dueDate, t.stage, t.priority])).toEqual([
      [
        'Zapisać ogłoszenie z linkiem (e-Zamówienia / BZP / TED) i terminami',
        'Paweł Zając',
        '2026-12-05',
        'Ogłoszenie',
        'high',
      ],
      ['Pobrać dokumentację przetargową i wzór umowy', 'Paweł Zając', '2026-12-06', 'Ogłoszenie', 'normal'],
    ]);
    expect(plan.createdTaskIds).toEqual(appended(plan, 'tasks').map((t) => t.id));
  });

  test('keeps a probability the user gave, takes a named stage, and the user as owner when none is given', () => {
    const { tables, id } = created(undefined, {
      stage: 'Decyzja go/no-go',
      probability: 35,
      owner: null,
      expectedClose: '2027-01-15',
    });
    expect(opportunity(tables, id)).toMatchObject({
      stage: 'Decyzja go/no-go',
      probability: 35,
      owner: 'Anna Wiśniewska',
    });
  });

  test("checks the start stage's required fields", () => {
    const error = thrown(() => created(undefined, { stage: 'Oferta z kalkulacją' }));
    expect(error.code).toBe('missingStageFields');
    expect(error.messageIn('pl')).toContain('„Wartość”, „Planowane zamknięcie”');
  });

  test('sums its value from its lines when not given', () => {
    const plan = planOpportunityCreation(
      funnelTables(['tender']),
      {
        fields: { clientId: 'c1', name: 'Konstrukcja', pipeline: TENDER },
        lines: [
          { description: 'Stal', quantity: 3, unit: 't', netPrice: 1_150_000, vatRate: '23', discount: 10 },
          { description: 'Montaż', quantity: 2, unit: 'godz.', netPrice: 18_000, vatRate: '23' },
        ],
      },
      salesContext(),
    );
    expect(appended(plan, 'opportunities')[0].value).toBe(3_105_000 + 36_000);
    expect(appended(plan, 'opportunityLines').map((l) => l.lineNo)).toEqual([1, 2]);
  });

  test("turns a tender's deadlines still ahead into tasks on their days", () => {
    const plan = planOpportunityCreation(
      funnelTables(['tender']),
      {
        fields: { clientId: 'c1', name: 'Droga gminna', pipeline: TENDER },
        tender: {
          noticeSource: 'BZP',
          questionsDeadline: '2026-12-01',
          submissionDeadline: '2026-12-18',
          openingDate: '2026-12-18',
        },
      },
      salesContext(),
    );
    expect(appended(plan, 'tenders')[0]).toMatchObject({
      opportunityId: plan.opportunityId,
      noticeSource: 'BZP',
    });
    expect(
      appended(plan, 'tasks')
        .slice(2)
        .map((t) => [t.title, t.dueDate, t.priority]),
    ).toEqual([
      ['Termin składania ofert', '2026-12-18', 'urgent'],
      ['Otwarcie ofert', '2026-12-18', 'normal'],
    ]);
  });

  test('due dates are calendar days across the year end', () => {
    const plan = planOpportunityCreation(
      funnelTables(['tender']),
      { fields: { clientId: 'c1', name: 'Sylwester', pipeline: TENDER } },
      salesContext('pl', '2026-12-31'),
    );
    expect(appended(plan, 'tasks').map((t) => t.dueDate)).toEqual(['2027-01-01', '2027-01-02']);
  });
});

describe('moving an opportunity', () => {
  test("creates exactly the stage's tasks, once: moving back and in again creates none", () => {
    const start = created();
    const toGo = planOpportunityMove(
      start.tables,
      start.id,
      1,
      'Decyzja go/no-go',
      { expectedClose: '2027-02-01' },
      salesContext(),
    );
    expect(appended(toGo, 'tasks').map((t) => t.title)).toEqual([
      'Ocenić kryteria go/no-go z wagami (doświadczenie, potencjał kadrowy, marża, ryzyko)',
      'Podjąć decyzję o udziale w postępowaniu',
    ]);
    let tables = applied(start.tables, toGo.writes);
    const back = planOpportunityMove(tables, start.id, 2, 'Ogłoszenie', {}, salesContext());
    expect(appended(back, 'tasks')).toEqual([]);
    tables = applied(tables, back.writes);
    const again = planOpportunityMove(tables, start.id, 3, 'Decyzja go/no-go', {}, salesContext());
    expect(appended(again, 'tasks')).toEqual([]);
    expect(applied(tables, again.writes).tasks.filter((t) => t.opportunityId === start.id)).toHaveLength(4);
  });

  test('due dates count from the entry day; the owner is the opportunity’s', () => {
    const start = created();
    const move = planOpportunityMove(
      start.tables,
      start.id,
      1,
      'Analiza i pytania do zamawiającego',
      { expectedClose: '2027-02-01' },
      salesContext('pl', '2027-02-26'),
    );
    expect(appended(move, 'tasks').map((t) => [t.dueDate, t.owner])).toEqual([
      ['2027-03-01', 'Paweł Zając'],
      ['2027-03-03', 'Paweł Zając'],
      ['2027-03-03', 'Paweł Zając'],
    ]);
    expect(move.writes.opportunities.updates[0].changes).toMatchObject({
      stageEnteredOn: '2027-02-26',
      probability: 30,
    });
  });

  test('checks the required fields of the stage, naming them; the same step may fill them in', () => {
    const start = created();
    const error = thrown(() =>
      planOpportunityMove(
        start.tables,
        start.id,
        1,
        'Oferta z kalkulacją',
        { value: 5_000_000 },
        salesContext(),
      ),
    );
    expect([error.code, error.params]).toEqual([
      'missingStageFields',
      {
        opportunity: 'Hala w Kielcach',
        stage: 'Oferta z kalkulacją',
        fields: [{ pl: 'Planowane zamknięcie', en: 'Expected close' }],
      },
    ]);
    const move = planOpportunityMove(
      start.tables,
      start.id,
      1,
      'Oferta z kalkulacją',
      { value: 5_000_000, expectedClose: '2027-03-31' },
      salesContext(),
    );
    expect(move.writes.opportunities.updates[0].changes).toMatchObject({
      value: 5_000_000,
      expectedClose: '2027-03-31',
      stage: 'Oferta z kalkulacją',
      probability: 50,
    });
  });

  test('into the stage it stands in: no entry, only the changes given', () => {
    const start = created();
    expect(planMove(start.tables, start.id, 1, 'Ogłoszenie', {}, salesContext())).toBeNull();
    const edit = planOpportunityMove(
      start.tables,
      start.id,
      1,
      'Ogłoszenie',
      { value: 100 },
      salesContext('pl', '2026-12-20'),
    )!;
    expect(edit.writes.opportunities.updates[0].changes).toEqual({ value: 100 });
    expect(appended(edit, 'tasks')).toEqual([]);
    expect(history(edit)[0].subject).toBe('Zmieniono szansę „Hala w Kielcach”');
  });

  test("never into another pipeline's stage", () => {
    const start = created();
    const error = thrown(() =>
      planOpportunityMove(start.tables, start.id, 1, 'Strategia', {}, salesContext()),
    );
    expect(error.code).toBe('unknownStage');
    expect(error.messageIn('pl')).toContain('„Ogłoszenie”');
  });

  test('keeps a probability the user set; the stage’s applies otherwise', () => {
    const start = created(undefined, { probability: 15 });
    const move = planOpportunityMove(
      start.tables,
      start.id,
      1,
      'Decyzja go/no-go',
      { expectedClose: '2027-01-01' },
      salesContext(),
    );
    expect(move.writes.opportunities.updates[0].changes.probability).toBe(15);
  });

  test('refuses a closed opportunity and a version someone else changed', () => {
    const start = created();
    const lost = applied(
      start.tables,
      planOpportunityLoss(start.tables, start.id, 1, 'Decyzja no-go', null, salesContext()).writes,
    );
    expect(
      thrown(() => planOpportunityMove(lost, start.id, 2, 'Decyzja go/no-go', {}, salesContext())).code,
    ).toBe('opportunityClosed');
    expect(
      thrown(() => planOpportunityMove(start.tables, start.id, 7, 'Decyzja go/no-go', {}, salesContext()))
        .code,
    ).toBe('conflict');
  });

  test("creates a cooperation variant's task only for a client of that variant", () => {
    const tables = funnelTables(['keyAccount']);
    const join = (clientId: string, stage: string) => {
      const start = planOpportunityCreation(
        tables,
        { fields: { clientId, name: 'Współpraca 2027', pipeline: KEY_ACCOUNT } },
        salesContext(),
      );
      const after = applied(tables, start.writes);
      const move = planOpportunityMove(
        after,
        start.opportunityId,
        1,
        stage,
        { value: 100, expectedClose: '2027-06-30' },
        salesContext(),
      );
      return appended(move, 'tasks').map((t) => String(t.title).slice(0, 13));
    };
    expect(join('c2', 'Gromadzenie i klasyfikacja danych')).toEqual(['Zebrać dane: ', '[Integracja] ']);
    expect(join('c3', 'Gromadzenie i klasyfikacja danych')).toEqual(['Zebrać dane: ']);
    expect(join('c3', 'Plan strategiczny dla klienta')).toEqual(['Opracować pla', '[Kooperacja] ']);
    expect(join('c1', 'Planowanie działań')).toEqual(['Wyznaczyć cel']);
  });
});

describe('closing as won', () => {
  const offer = (id: string, status: string, opportunityId: string) =>
    stored({ id, number: `OF/2026/${id}`, clientId: 'c1', opportunityId, issuedOn: '2026-12-01', status });

  test('is allowed with no offers at all', () => {
    const start = created();
    const won = planOpportunityWin(start.tables, start.id, 1, {}, salesContext());
    expect(won.writes.opportunities.updates[0].changes).toEqual({
      status: 'won',
      probability: 100,
      closedOn: '2026-12-04',
      lostReason: null,
      lostNote: null,
    });
  });

  test('needs every offer closed and one accepted', () => {
    const start = created();
    const withOffers = (...offers: ReturnType<typeof offer>[]) => ({ ...start.tables, offers });
    const open = thrown(() =>
      planOpportunityWin(
        withOffers(offer('1', 'accepted', start.id), offer('2', 'sent', start.id)),
        start.id,
        1,
        {},
        salesContext(),
      ),
    );
    expect([open.code, open.params]).toEqual([
      'offersNotClosed',
      { opportunity: 'Hala w Kielcach', open: ['OF/2026/2'] },
    ]);
    const none = thrown(() =>
      planOpportunityWin(
        withOffers(offer('3', 'rejected', start.id), offer('4', 'expired', start.id)),
        start.id,
        1,
        {},
        salesContext(),
      ),
    );
    expect(none.code).toBe('noAcceptedOffer');
    const other = offer('5', 'draft', 'someone-else');
    const ok = planOpportunityWin(
      withOffers(offer('6', 'accepted', start.id), offer('7', 'expired', start.id), other),
      start.id,
      1,
      { project: { manager: 'Joanna Baran' } },
      salesContext(),
    );
    expect(appended(ok, 'projects')).toEqual([
      expect.objectContaining({
        name: 'Hala w Kielcach',
        clientId: 'c1',
        offerId: '6',
        manager: 'Joanna Baran',
        status: 'planned',
      }),
    ]);
    expect(history(ok)[0].subject).toBe('Szansa „Hala w Kielcach” wygrana; karta projektu „Hala w Kielcach”');
  });
});

describe('closing as lost', () => {
  test("requires a reason, one of the pipeline's list, written as listed", () => {
    const start = created();
    expect(
      thrown(() => planOpportunityLoss(start.tables, start.id, 1, '  ', null, salesContext())).code,
    ).toBe('lostReasonRequired');
    const unknown = thrown(() =>
      planOpportunityLoss(start.tables, start.id, 1, 'Pogoda', null, salesContext()),
    );
    expect(unknown.code).toBe('unknownLostReason');
    expect(unknown.messageIn('pl')).toContain('„Decyzja no-go”');
    const lost = planOpportunityLoss(
      start.tables,
      start.id,
      1,
      'decyzja NO-GO',
      '  Za mało czasu  ',
      salesContext(),
    );
    expect(lost.writes.opportunities.updates[0].changes).toEqual({
      status: 'lost',
      probability: 0,
      closedOn: '2026-12-04',
      lostReason: 'Decyzja no-go',
      lostNote: 'Za mało czasu',
    });
  });

  test('takes any reason when the pipeline lists none', () => {
    const tables = funnelTables(['tender']);
    tables.pipelines = [];
    const start = created(tables);
    const lost = planOpportunityLoss(start.tables, start.id, 1, 'Pogoda', undefined, salesContext());
    expect(lost.writes.opportunities.updates[0].changes).toMatchObject({
      lostReason: 'Pogoda',
      lostNote: null,
    });
  });
});

describe('reopening', () => {
  test("opens a closed opportunity in its stage with the stage's probability; an open one cannot be reopened", () => {
    const start = created();
    expect(thrown(() => planOpportunityReopen(start.tables, start.id, 1, salesContext())).code).toBe(
      'opportunityNotClosed',
    );
    const lost = applied(
      start.tables,
      planOpportunityLoss(start.tables, start.id, 1, 'Cena wyższa od konkurencji', 'x', salesContext())
        .writes,
    );
    const reopened = planOpportunityReopen(lost, start.id, 2, salesContext('pl', '2026-12-10'));
    expect(reopened.writes.opportunities.updates[0].changes).toEqual({
      status: 'open',
      closedOn: null,
      lostReason: null,
      lostNote: null,
      probability: 10,
      stageEnteredOn: '2026-12-10',
    });
  });
});

describe('the history', () => {
  test('gets one entry of type opportunity for every transition, in the workbook language', () => {
    const tables = funnelTables(['tender'], 'en');
    const context = salesContext('en');
    const start = planOpportunityCreation(
      tables,
      { fields: { clientId: 'c1', name: 'Hall', pipeline: 'Tender / general contractor' } },
      context,
    );
    let after = applied(tables, start.writes);
    const move = planOpportunityMove(
      after,
      start.opportunityId,
      1,
      'Go/no-go decision',
      { expectedClose: '2027-01-31' },
      context,
    );
    after = applied(after, move.writes);
    const lost = planOpportunityLoss(after, start.opportunityId, 2, 'No-go decision', null, context);
    after = applied(after, lost.writes);
    const reopened = planOpportunityReopen(after, start.opportunityId, 3, context);
    after = applied(after, reopened.writes);
    const won = planOpportunityWin(after, start.opportunityId, 4, {}, context);
    const edit = planOpportunityUpdate(after, start.opportunityId, 4, { value: 12_300 }, undefined, context);
    const plans = [start, move, lost, reopened, won, edit];
    expect(plans.map((p) => history(p).length)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(
      plans.map((p) => [history(p)[0].type, history(p)[0].opportunityId, history(p)[0].clientId]),
    ).toEqual(plans.map(() => ['opportunity', start.opportunityId, 'c1']));
    expect(plans.map((p) => history(p)[0].subject)).toEqual([
      'New opportunity "Hall" in the stage "Notice"',
      'Opportunity "Hall": stage "Notice" → "Go/no-go decision"',
      'Opportunity "Hall" lost: No-go decision',
      'Opportunity "Hall" reopened in the stage "Go/no-go decision"',
      'Opportunity "Hall" won',
      'Opportunity "Hall" changed',
    ]);
    expect(history(start)[0].details).toBe(
      'Created 2 tasks: Record the notice with its link (e-Zamówienia / BZP / TED) and deadlines; Download the tender documents and the contract template',
    );
    expect(history(edit)[0].details).toBe('Value');
  });

  test('counts the created tasks with Polish plural forms', () => {
    const { plan } = created();
    expect(history(plan)[0].details).toMatch(/^Utworzono 2 zadania: /);
    expect(history(plan)[0].owner).toBe('Anna Wiśniewska');
  });

  test('audits every record a transition writes, the history entry aside', () => {
    const { plan } = created();
    const audited = appended(plan, 'audit').map((a) => [a.action, a.table, a.recordId]);
    expect(audited).toEqual([
      ['create', 'opportunities', plan.opportunityId],
      ...plan.createdTaskIds.map((id) => ['create', 'tasks', id]),
    ]);
  });
});

describe('editing an opportunity', () => {
  test('replaces its lines and sums the value from them; stage and status only through the transitions', () => {
    const start = created();
    const withLine = planOpportunityUpdate(
      start.tables,
      start.id,
      1,
      {},
      [{ description: 'Stal', quantity: 2, unit: 't', netPrice: 100, vatRate: '23' }],
      salesContext(),
    );
    const after = applied(start.tables, withLine.writes);
    const replaced = planOpportunityUpdate(
      after,
      start.id,
      2,
      { name: 'Hala B' },
      [{ description: 'Beton', quantity: 1, unit: 'm³', netPrice: 50, vatRate: '8' }],
      salesContext(),
    );
    expect(replaced.writes.opportunityLines.removes.map((r) => r.id)).toEqual(
      withLine.writes.opportunityLines.appends.map((l) => l.id),
    );
    expect(replaced.writes.opportunities.updates[0].changes).toEqual({ name: 'Hala B', value: 50 });
    expect(history(replaced)[0].details).toBe('Nazwa; Wartość; Pozycje');
    expect(() =>
      planOpportunityUpdate(
        start.tables,
        start.id,
        1,
        { stage: 'Decyzja go/no-go' },
        undefined,
        salesContext(),
      ),
    ).toThrow(/stage/);
  });
});
