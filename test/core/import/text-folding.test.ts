import { foldText, foldedWords } from '../../../src/core/import/text-folding';

describe('foldText', () => {
  it.each([
    ['Miejscowość (służbowy)', 'miejscowosc sluzbowy'],
    ['ZAŻÓŁĆ GĘŚLĄ JAŹŃ', 'zazolc gesla jazn'],
    ['  E-mail   Address ', 'e mail address'],
    ['Kraj/region', 'kraj region'],
    ['„Żak” sp. z o.o.', 'zak sp z o o'],
    ['Ölmühle', 'olmuhle'],
    ['', ''],
    ['—…', ''],
  ])('folds %s to %s', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });

  it('splits into words', () => {
    expect(foldedWords('Nazwa firmy / klienta')).toEqual(['nazwa', 'firmy', 'klienta']);
    expect(foldedWords(' - ')).toEqual([]);
  });
});
