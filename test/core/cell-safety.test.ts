import fc from 'fast-check';
import { protectText, unprotectText } from '../../src/core/cell-safety';
import { isFormulaLike } from '../../src/core/cells';

describe('cell safety', () => {
  test.each(['=1+1', '+48 600 100 200', '-5', '@SUM(A1)', '\tx', '\rx'])('%j is neutralised', (text) => {
    const protectedText = protectText(text);
    expect(protectedText).toBe(`'${text}`);
    expect(isFormulaLike(protectedText)).toBe(false);
  });

  test('plain text is left as it is', () => {
    expect(protectText('Firma Żak')).toBe('Firma Żak');
    expect(protectText('')).toBe('');
  });

  test('any text round-trips exactly and never starts with a formula character once protected', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const protectedText = protectText(text);
        expect(isFormulaLike(protectedText)).toBe(false);
        expect(unprotectText(protectedText)).toBe(text);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});
