import { documentItems, documentsText, parseLine, EMPTY_LINE } from '../../../src/ui/sales/opportunity-draft';
import { salesScreenFrom } from '../../../src/ui/sales/sales-screens';

describe('an opportunity line as typed', () => {
  it('takes złote and Polish decimals into grosze and numbers', () => {
    const parsed = parseLine({
      ...EMPTY_LINE,
      description: 'Szkolenie',
      quantity: '1,5',
      netPrice: '1 200,50',
      discount: '10',
    });
    expect(parsed.problems).toEqual({});
    expect(parsed.line).toEqual({
      productId: null,
      description: 'Szkolenie',
      quantity: 1.5,
      unit: 'szt.',
      netPrice: 120_050,
      discount: 10,
      vatRate: '23',
    });
  });

  it('says what is wrong with each field and gives no line', () => {
    const parsed = parseLine({
      ...EMPTY_LINE,
      description: ' ',
      quantity: '0',
      netPrice: 'dużo',
      discount: '120',
    });
    expect(parsed.line).toBeUndefined();
    expect(parsed.problems).toEqual({
      description: 'fieldMissing',
      quantity: 'badNumber',
      netPrice: 'badMoney',
      discount: 'badPercent',
    });
  });
});

describe('a tender’s documents checklist', () => {
  it('reads the ready marks and writes them back', () => {
    const items = documentItems('✓ Formularz ofertowy; JEDZ;; Wadium ');
    expect(items).toEqual([
      { name: 'Formularz ofertowy', ready: true },
      { name: 'JEDZ', ready: false },
      { name: 'Wadium', ready: false },
    ]);
    expect(documentsText(items.map((i) => ({ ...i, ready: !i.ready })))).toBe(
      'Formularz ofertowy; ✓ JEDZ; ✓ Wadium',
    );
  });
});

describe('the sales view’s place in the history', () => {
  it('reads back a checked screen, the board for anything else', () => {
    expect(salesScreenFrom({ kind: 'opportunity', opportunityId: 'o1' })).toEqual({
      kind: 'opportunity',
      opportunityId: 'o1',
    });
    expect(salesScreenFrom({ kind: 'opportunity' })).toEqual({ kind: 'board' });
    expect(salesScreenFrom({ kind: 'new', pipeline: 'B2B', clientId: 'c1' })).toEqual({
      kind: 'new',
      pipeline: 'B2B',
      clientId: 'c1',
    });
    expect(salesScreenFrom({ kind: 'funnel', pipeline: 'B2B' })).toEqual({ kind: 'funnel', pipeline: 'B2B' });
    expect(salesScreenFrom('nonsense')).toEqual({ kind: 'board' });
  });
});
