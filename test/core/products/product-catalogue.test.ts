import type { StoredRow } from '../../../src/core/clients/client-rows';
import { newProductFields, productUpdate } from '../../../src/core/products/product-catalogue';
import { planProductImport, productColumnMapping } from '../../../src/core/products/product-import';
import { polishFailure } from './polish-failure';

const products: StoredRow[] = [
  {
    id: 'P1',
    version: 2,
    code: 'SZK-01',
    name: 'Szkolenie BHP',
    unit: 'h',
    netPrice: 15000,
    vatRate: 'zw',
    active: true,
  },
  {
    id: 'P2',
    version: 1,
    code: 'AUD-01',
    name: 'Audyt',
    unit: 'szt.',
    netPrice: 250000,
    vatRate: '23',
    active: true,
  },
];

describe('the products catalogue', () => {
  it('takes a net price typed in złote as grosze and the VAT rate by its label', () => {
    const fields = newProductFields(products, {
      code: ' KON-01 ',
      name: 'Konsultacja',
      unit: 'h',
      netPrice: '1 234,56',
      vatRate: 'zw.',
    });
    expect(fields).toMatchObject({ code: 'KON-01', netPrice: 123456, vatRate: 'zw', active: true });
    expect(
      newProductFields(products, { code: 'X', name: 'X', unit: 'szt.', netPrice: '12.5', vatRate: '8' })
        .netPrice,
    ).toBe(1250);
  });

  it('refuses a code another product holds, whatever its case, naming that product', () => {
    expect(
      polishFailure(() =>
        newProductFields(products, { code: 'szk-01', name: 'Inne', unit: 'h', netPrice: '1', vatRate: '23' }),
      ),
    ).toContain('Kod „szk-01” ma już produkt „Szkolenie BHP”');
  });

  it('lets a product keep its own code, refuses a negative price and a stale version', () => {
    expect(productUpdate(products, 'P1', 2, { code: 'SZK-01', netPrice: '160' }).changes).toEqual({
      code: 'SZK-01',
      netPrice: 16000,
    });
    expect(polishFailure(() => productUpdate(products, 'P1', 2, { netPrice: '-5' }))).toContain(
      'nie może być ujemna',
    );
    expect(() => productUpdate(products, 'P1', 1, { active: false })).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
  });
});

describe('products import', () => {
  it('maps the headers people write', () => {
    expect(productColumnMapping(['Symbol', 'Nazwa towaru', 'J.m.', 'Cena netto', 'VAT %', 'Uwagi'])).toEqual([
      'code',
      'name',
      'unit',
      'netPrice',
      'vatRate',
      null,
    ]);
  });

  it('plans new products and updates of codes already in the catalogue', () => {
    const plan = planProductImport(
      [
        ['Kod', 'Nazwa', 'Jednostka', 'Cena netto', 'Stawka VAT'],
        ['NEW-1', 'Wdrożenie', 'szt.', '4 500,00', '23%'],
        ['', '', '', '', ''],
        ['aud-01', 'Audyt rozszerzony', 'szt.', '3000', '23'],
      ],
      products,
    );
    expect(plan.problems).toEqual([]);
    expect(plan.create).toEqual([
      expect.objectContaining({ code: 'NEW-1', netPrice: 450000, vatRate: '23', active: true }),
    ]);
    expect(plan.update).toEqual([
      {
        id: 'P2',
        expectedVersion: 1,
        changes: expect.objectContaining({ name: 'Audyt rozszerzony', netPrice: 300000 }),
      },
    ]);
  });

  it('names the row and field of each problem: a bad price, a missing name, a code twice', () => {
    const plan = planProductImport(
      [
        ['Kod', 'Nazwa', 'Jednostka', 'Cena netto', 'Stawka VAT'],
        ['A', 'Jeden', 'szt.', 'dużo', '23'],
        ['B', '', 'szt.', '10', '7'],
        ['C', 'Trzy', 'szt.', '10', '23'],
        ['c', 'Cztery', 'szt.', '10', '23'],
      ],
      products,
    );
    expect(plan.problems.map((p) => [p.row, p.field])).toEqual([
      [2, 'netPrice'],
      [3, 'name'],
      [3, 'vatRate'],
      [5, 'code'],
    ]);
    expect(plan.problems[3].message.pl).toContain('wierszu 4');
  });

  it('names the columns a file lacks', () => {
    const plan = planProductImport([['Kod', 'Nazwa']], products);
    expect(plan.problems).toHaveLength(1);
    expect(plan.problems[0].message.pl).toContain('Jednostka, Cena netto, Stawka VAT');
  });
});
