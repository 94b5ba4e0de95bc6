import type { CellValue } from './package/package-types';
import type { EngineTable } from './engine/engine-table';
import type { LooseCells } from './engine/loose-sheet';
import type { CellSource, SourceCell, SourceRow } from './table-reader';

const BLANK: SourceCell = Object.freeze({ raw: null, blank: true, formula: false });

function sourceCellOf(value: CellValue, formula: boolean): SourceCell {
  return { raw: value, blank: value === null || value === '', formula };
}

/** A table the engine holds, as the table reader reads sheets: header row, then its data rows. */
export function tableCellSource(table: EngineTable): CellSource {
  return {
    name: table.sheetName,
    eachRow(from, to, visit) {
      const { top, left } = table;
      if (from <= top && top <= to) {
        visit({
          number: top,
          cell: (col) => {
            const header = table.headers[col - left];
            return header === undefined ? undefined : sourceCellOf(header, false);
          },
        });
      }
      const rows = table.rows;
      const first = Math.max(0, from - top - 1);
      const last = Math.min(rows.length - 1, to - top - 1);
      let current = rows[first];
      const view: SourceRow & { number: number } = {
        number: 0,
        cell: (col) => {
          const j = col - left;
          if (j < 0 || j >= table.width) return undefined;
          const value = current.values[j];
          const formula = current.formulas?.[j] !== undefined;
          return value === null && !formula ? BLANK : sourceCellOf(value, formula);
        },
      };
      for (let i = first; i <= last; i += 1) {
        current = rows[i];
        view.number = top + 1 + i;
        visit(view);
      }
    },
  };
}

/** A sheet's loose cells (`_meta`) as a `CellSource`. */
export function looseCellSource(name: string, cells: LooseCells): CellSource {
  return {
    name,
    eachRow(from, to, visit) {
      const numbers = [...cells.keys()].filter((r) => r >= from && r <= to).sort((a, b) => a - b);
      for (const number of numbers) {
        const row = cells.get(number)!;
        visit({
          number,
          cell: (col) => {
            const cell = row.get(col);
            return cell ? sourceCellOf(cell.value, cell.formula !== undefined) : undefined;
          },
        });
      }
    },
  };
}
