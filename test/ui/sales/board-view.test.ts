import type { StoredRow } from '../../../src/core/clients/client-rows';
import { boardView, isTenderPipeline, neighbourStage } from '../../../src/core/sales/board-view';

const row = (id: string, fields: Record<string, string | number | null>): StoredRow => ({
  id,
  version: 1,
  ...fields,
});

const tables = {
  pipelines: [
    row('p1', { name: 'B2B', saleForm: 'Sprzedaż bezpośrednia' }),
    row('p2', { name: 'Publiczne', saleForm: 'Przetarg' }),
  ],
  stages: [
    row('s2', {
      pipeline: 'B2B',
      stage: 'Oferta',
      order: 2,
      probability: 50,
      expectedDays: 10,
      requiredFields: 'Wartość; expectedClose',
    }),
    row('s1', { pipeline: 'B2B', stage: 'Kontakt', order: 1, probability: 10, expectedDays: 7 }),
    row('s3', { pipeline: 'Publiczne', stage: 'Ogłoszenie', order: 1 }),
  ],
  clients: [
    row('c1', { name: 'Alfa sp. z o.o.', segment: 'VIP' }),
    row('c2', { name: 'Beta SA', segment: 'MŚP' }),
  ],
  opportunities: [
    row('o1', {
      pipeline: 'B2B',
      stage: 'Kontakt',
      status: 'open',
      clientId: 'c1',
      name: 'Zeta',
      value: 100_000,
      probability: 10,
      owner: 'Anna',
      expectedClose: '2026-12-20',
      stageEnteredOn: '2026-11-01',
    }),
    row('o2', {
      pipeline: 'B2B',
      stage: 'Kontakt',
      status: 'open',
      clientId: 'c2',
      name: 'Alfa',
      value: 50_000,
      probability: 10,
      owner: 'Jan',
      expectedClose: '2026-12-10',
      stageEnteredOn: '2026-12-01',
    }),
    row('o3', {
      pipeline: 'B2B',
      stage: 'Oferta',
      status: 'open',
      clientId: 'c2',
      name: 'Bez daty',
      value: 20_000,
      probability: 50,
      owner: 'Jan',
      expectedClose: null,
      stageEnteredOn: '2026-12-01',
    }),
    row('o4', {
      pipeline: 'B2B',
      stage: 'Usunięty etap',
      status: 'open',
      clientId: 'c1',
      name: 'Sierota',
      value: 1,
      owner: 'Anna',
      expectedClose: '2027-01-05',
    }),
    row('o5', {
      pipeline: 'B2B',
      stage: 'Oferta',
      status: 'won',
      clientId: 'c1',
      name: 'Wygrana',
      value: 9,
      owner: 'Ewa',
      closedOn: '2026-10-01',
    }),
  ],
};

describe('the board view', () => {
  const view = boardView(tables, 'B2B', {}, '2026-12-04');

  it('puts the stages in order with their cards, the nearest close first and undated last', () => {
    expect(view.columns.map((c) => c.stage)).toEqual(['Kontakt', 'Oferta']);
    expect(view.columns[0].rows.map((r) => r.id)).toEqual(['o2', 'o1']);
    expect(view.columns[0].count).toBe(2);
    expect(view.columns[0].sum).toBe(150_000);
    expect(view.unplaced.map((r) => r.id)).toEqual(['o4']);
  });

  it('makes a card with the client, the weighted value and the stale mark past the expected days', () => {
    const stale = view.card(view.columns[0].rows[1], view.columns[0].expectedDays);
    expect(stale).toMatchObject({
      clientName: 'Alfa sp. z o.o.',
      weighted: 10_000,
      owner: 'Anna',
      daysInStage: 33,
      stale: true,
    });
    const fresh = view.card(view.columns[0].rows[0], view.columns[0].expectedDays);
    expect(fresh).toMatchObject({ clientName: 'Beta SA', daysInStage: 3, stale: false });
  });

  it('reads a stage’s required fields by header or key as field keys', () => {
    expect(view.columns[1].requiredFields).toEqual(['value', 'expectedClose']);
    expect(view.columns[0].requiredFields).toEqual([]);
  });

  it('offers the owners, segments and months of the open opportunities, undated last', () => {
    expect(view.choices.owners).toEqual(['Anna', 'Jan']);
    expect(view.choices.segments).toEqual(['MŚP', 'VIP']);
    expect(view.choices.months).toEqual(['2026-12', '2027-01', '']);
  });

  it('narrows the columns by owner', () => {
    const jan = boardView(tables, 'B2B', { owner: 'Jan' }, '2026-12-04');
    expect(jan.columns.map((c) => c.rows.map((r) => r.id))).toEqual([['o2'], ['o3']]);
  });
});

describe('moving by keyboard and tender pipelines', () => {
  it('finds the stage before and after, nothing past the ends', () => {
    const columns = [{ stage: 'A' }, { stage: 'B' }, { stage: 'C' }];
    expect(neighbourStage(columns, 'B', 1)).toBe('C');
    expect(neighbourStage(columns, 'B', -1)).toBe('A');
    expect(neighbourStage(columns, 'C', 1)).toBeNull();
    expect(neighbourStage(columns, 'X', 1)).toBeNull();
  });

  it('knows a tender pipeline by its form of sale', () => {
    expect(isTenderPipeline(tables, 'Publiczne')).toBe(true);
    expect(isTenderPipeline(tables, 'B2B')).toBe(false);
  });
});
