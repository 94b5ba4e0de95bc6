import { countForm, countOf, type CountForms } from '../../src/core/plural';

const OFFERS: CountForms = { pl: ['oferta', 'oferty', 'ofert'], en: ['offer', 'offers'] };

describe('countForm', () => {
  it.each([
    [1, 'oferta'],
    [2, 'oferty'],
    [4, 'oferty'],
    [5, 'ofert'],
    [12, 'ofert'],
    [14, 'ofert'],
    [22, 'oferty'],
    [25, 'ofert'],
    [0, 'ofert'],
    [101, 'ofert'],
  ])('Polish %i takes "%s"', (count, form) => {
    expect(countForm('pl', count, OFFERS)).toBe(form);
  });

  it('English has one and other', () => {
    expect([0, 1, 2, 21].map((n) => countForm('en', n, OFFERS))).toEqual([
      'offers',
      'offer',
      'offers',
      'offers',
    ]);
  });

  it('writes the count with its noun, grouped as each language groups thousands', () => {
    expect(countOf('pl', 19, OFFERS)).toBe('19 ofert');
    expect(countOf('pl', 12000, OFFERS)).toBe('12\u00a0000 ofert');
    expect(countOf('en', 12000, OFFERS)).toBe('12,000 offers');
  });
});
