import fc from 'fast-check';
import { columnName } from '../../../src/store/xlsx/package/cell-ref';
import { shiftFormula } from '../../../src/store/xlsx/package/formula-shift';

describe('shiftFormula', () => {
  it.each([
    ['A1+B2', 1, 0, 'A2+B3'],
    ['$A$1+$A1+A$1', 2, 3, '$A$1+$A3+D$1'],
    ['SUM(A1:B2)', 1, 1, 'SUM(B2:C3)'],
    ['SUM(A:A,$B:B)', 5, 1, 'SUM(B:B,$B:C)'],
    ['SUM(1:1,$2:3)', 2, 9, 'SUM(3:3,$2:5)'],
    ['Sheet1!A1*2', 1, 0, 'Sheet1!A2*2'],
    ["'My sheet'!A1+'It''s'!B2", 1, 0, "'My sheet'!A2+'It''s'!B3"],
    ['"A1"&A1', 1, 0, '"A1"&A2'],
    ['"say ""B2"""&B2', 1, 0, '"say ""B2"""&B3'],
    ['tTable[[#This Row],[Price]]*A1', 3, 0, 'tTable[[#This Row],[Price]]*A4'],
    ["tT[[#This Row],['[A1']]]+A1", 1, 0, "tT[[#This Row],['[A1']]]+A2"],
    ['LOG10(A1)+ATAN2(B1,C1)', 1, 0, 'LOG10(A2)+ATAN2(B2,C2)'],
    ['myName+XFE1+A1048577', 1, 0, 'myName+XFE1+A1048577'],
    ['A1-1', 1, 0, 'A2-1'],
    ['IF(#REF!,#N/A,A1)', 1, 0, 'IF(#REF!,#N/A,A2)'],
    ['[1]Sheet1!A1', 1, 0, '[1]Sheet1!A2'],
    ['_xlfn.XLOOKUP(A1,B:B,C:C)', 1, 0, '_xlfn.XLOOKUP(A2,B:B,C:C)'],
    ['a1*2', 1, 0, 'A2*2'],
    ['Źródło!A1', 1, 0, 'Źródło!A2'],
    ['1.5E+10*A1', 1, 0, '1.5E+10*A2'],
  ])('%s moved by (%i, %i) is %s', (formula, dRow, dCol, expected) => {
    expect(shiftFormula(formula, dRow, dCol)).toBe(expected);
  });

  it('turns references pushed off the sheet into #REF!', () => {
    expect(shiftFormula('A1+B5', -1, 0)).toBe('#REF!+B4');
    expect(shiftFormula('SUM(A1:A3)', -1, 0)).toBe('SUM(#REF!)');
    expect(shiftFormula('Sheet1!A1', 0, -1)).toBe('Sheet1!#REF!');
    expect(shiftFormula('XFD1', 0, 1)).toBe('#REF!');
    expect(shiftFormula('A1048576', 1, 0)).toBe('#REF!');
    expect(shiftFormula('1:1', -1, 0)).toBe('#REF!');
    expect(shiftFormula('$A$1', -5, -5)).toBe('$A$1');
  });

  // A formula made of pieces whose translation is known: references with random anchors, and
  // pieces that must never change (literals, structured references, functions, names).
  const reference = fc.record({
    row: fc.integer({ min: 1, max: 2000 }),
    col: fc.integer({ min: 1, max: 200 }),
    rowAnchor: fc.boolean(),
    colAnchor: fc.boolean(),
  });
  type Ref = { row: number; col: number; rowAnchor: boolean; colAnchor: boolean };
  const refText = (r: Ref, dRow: number, dCol: number) => {
    const row = r.rowAnchor ? r.row : r.row + dRow;
    const col = r.colAnchor ? r.col : r.col + dCol;
    return `${r.colAnchor ? '$' : ''}${columnName(col)}${r.rowAnchor ? '$' : ''}${row}`;
  };
  const fixed = fc.constantFrom(
    '"A1:B2 ""C3"""',
    'tSales[[#This Row],[Qty]]',
    'LOG10(',
    ')',
    'myRate',
    '+',
    '*',
    ',',
    ' ',
    '1.5',
    'TRUE',
    '#N/A',
    "'Q1 A1'!",
  );
  const piece = fc.oneof(
    fc.record({ kind: fc.constant('ref' as const), ref: reference }),
    fc.record({ kind: fc.constant('range' as const), ref: reference, to: reference }),
    fc.record({ kind: fc.constant('text' as const), text: fixed }),
  );
  type Piece =
    { kind: 'ref'; ref: Ref } | { kind: 'range'; ref: Ref; to: Ref } | { kind: 'text'; text: string };
  const render = (pieces: Piece[], dRow: number, dCol: number) =>
    pieces
      .map((p) =>
        p.kind === 'text'
          ? p.text
          : p.kind === 'ref'
            ? refText(p.ref, dRow, dCol)
            : `${refText(p.ref, dRow, dCol)}:${refText(p.to, dRow, dCol)}`,
      )
      // Pieces are joined by an operator so that two never run into one name.
      .join('+');

  it('moves exactly the relative parts of every reference and nothing else', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 12 }),
        fc.integer({ min: -500, max: 500 }),
        fc.integer({ min: -100, max: 100 }),
        (pieces, dRow, dCol) => {
          // Keep every reference on the sheet: the #REF! case has its own test.
          const safe = pieces.map((p) =>
            p.kind === 'text'
              ? p
              : {
                  ...p,
                  ref: { ...p.ref, row: p.ref.row + 500, col: p.ref.col + 100 },
                  ...(p.kind === 'range'
                    ? { to: { ...p.to, row: p.to.row + 500, col: p.to.col + 100 } }
                    : {}),
                },
          ) as Piece[];
          expect(shiftFormula(render(safe, 0, 0), dRow, dCol)).toBe(render(safe, dRow, dCol));
        },
      ),
      { seed: 20261204, numRuns: 500 },
    );
  });

  it('undoes itself when moved back, and leaves formulas without references alone', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.integer({ min: -3, max: 3 }),
        fc.integer({ min: -3, max: 3 }),
        (text, dRow, dCol) => {
          const literal = `"${text.replace(/"/g, '""')}"&tT[[#This Row],[A1]]`;
          expect(shiftFormula(literal, dRow, dCol)).toBe(literal);
          const moved = shiftFormula(`${literal}&M10:N20&$C$3`, dRow, dCol);
          expect(shiftFormula(moved, -dRow, -dCol)).toBe(`${literal}&M10:N20&$C$3`);
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });
});
