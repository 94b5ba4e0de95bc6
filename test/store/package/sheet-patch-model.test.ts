import fc from 'fast-check';
import { cellRef } from '../../../src/store/xlsx/package/cell-ref';
import type { BodyCell, BodyRow } from '../../../src/store/xlsx/package/package-types';
import { patchSheet } from '../../../src/store/xlsx/package/sheet-patch';
import { sheetXml } from './xlsx-fixture';

// The table stands in columns B:C from row 2 (its header); columns A and D are beside it, row 1
// above it. Any set of cells, any change of its body: the output must hold exactly the cells the
// model of Excel's row insert and delete says, each once, in order.
const TOP = 2;
const LEFT = 2;
const RIGHT = 3;
const WIDTH = RIGHT - LEFT + 1;

type Grid = Map<number, Map<number, number>>;

const scenario = fc
  .record({
    body: fc.integer({ min: 1, max: 6 }),
    totals: fc.integer({ min: 0, max: 1 }),
    below: fc.integer({ min: 0, max: 4 }),
    seedCells: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
    fates: fc.array(fc.constantFrom('keep', 'delete', 'update', 'clear'), { minLength: 6, maxLength: 6 }),
    inserts: fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 5 }),
  })
  .map((s) => {
    const oldBottom = TOP + s.body + s.totals;
    const grid: Grid = new Map();
    let k = 0;
    for (let r = 1; r <= oldBottom + s.below; r += 1) {
      for (let c = 1; c <= 4; c += 1) {
        if (!s.seedCells[k++ % 64]) continue;
        if (!grid.has(r)) grid.set(r, new Map());
        grid.get(r)!.set(c, r * 10 + c);
      }
    }
    const rows: BodyRow[] = [];
    for (let i = 0; i < s.body; i += 1) {
      for (const at of s.inserts)
        if (at === i) rows.push({ origin: 0, cells: [9000 + rows.length, undefined] });
      const origin = TOP + 1 + i;
      const fate = s.fates[i];
      if (fate === 'delete') continue;
      const cells: BodyCell[] =
        fate === 'keep'
          ? [undefined, undefined]
          : fate === 'update'
            ? [undefined, 5000 + origin]
            : [null, undefined];
      rows.push({ origin, cells });
    }
    for (const at of s.inserts) if (at >= s.body) rows.push({ origin: 0, cells: [9000 + rows.length, null] });
    return { grid, rows, oldBottom, totals: s.totals };
  });

function xmlOf(grid: Grid): string {
  const rows = [...grid.keys()].sort((a, b) => a - b);
  return sheetXml(
    rows
      .map((r) => {
        const cols = [...grid.get(r)!.keys()].sort((a, b) => a - b);
        return `<row r="${r}">${cols.map((c) => `<c r="${cellRef(r, c)}"><v>${grid.get(r)!.get(c)}</v></c>`).join('')}</row>`;
      })
      .join(''),
  );
}

function expected(
  grid: Grid,
  rows: readonly BodyRow[],
  oldBottom: number,
  totals: number,
): Map<string, number> {
  const out = new Map<string, number>();
  const oldLastData = oldBottom - totals;
  const delta = TOP + Math.max(rows.length, 1) + totals - oldBottom;
  for (const [r, cols] of grid) {
    for (const [c, value] of cols) {
      const inside = c >= LEFT && c <= RIGHT && r > TOP;
      if (!inside) out.set(cellRef(r, c), value);
      else if (r > oldLastData) out.set(cellRef(r + delta, c), value);
    }
  }
  rows.forEach((row, i) => {
    for (let j = 0; j < WIDTH; j += 1) {
      const cell = row.cells[j];
      const ref = cellRef(TOP + 1 + i, LEFT + j);
      if (typeof cell === 'number') out.set(ref, cell);
      else if (cell === undefined && row.origin > 0) {
        const kept = grid.get(row.origin)?.get(LEFT + j);
        if (kept !== undefined) out.set(ref, kept);
      }
    }
  });
  return out;
}

function actual(xml: string): Map<string, number> {
  const out = new Map<string, number>();
  let lastRow = 0;
  for (const row of xml.matchAll(/<row r="(\d+)"[^>]*>(.*?)<\/row>/g)) {
    const number = Number(row[1]);
    expect(number).toBeGreaterThan(lastRow);
    lastRow = number;
    let lastCol = '';
    for (const cell of row[2].matchAll(/<c r="([A-Z]+)(\d+)"[^>]*><v>([^<]*)<\/v><\/c>/g)) {
      expect(Number(cell[2])).toBe(number);
      expect(cell[1] > lastCol).toBe(true);
      lastCol = cell[1];
      out.set(`${cell[1]}${cell[2]}`, Number(cell[3]));
    }
  }
  return out;
}

describe('patchSheet against a model of Excel table row inserts and deletes', () => {
  it('writes exactly the cells the model says, in order', () => {
    fc.assert(
      fc.property(scenario, ({ grid, rows, oldBottom, totals }) => {
        const patch = patchSheet(
          Buffer.from(xmlOf(grid)),
          {
            top: TOP,
            left: LEFT,
            right: RIGHT,
            oldBottom,
            totalsRowCount: totals,
            rows,
            calculatedFormulas: [],
            columnStyles: [],
          },
          { date1904: false, isDateStyle: () => false },
        );
        const xml = [...patch.chunks].join('');
        expect(Object.fromEntries(actual(xml))).toEqual(
          Object.fromEntries(expected(grid, rows, oldBottom, totals)),
        );
      }),
      { seed: 42, numRuns: 400 },
    );
  });
});
