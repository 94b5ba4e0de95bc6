import type { CellValue, FormulaCell } from '../package/package-types';
import { attributeOf, decodeXmlText, scanXml } from '../xml-scan';
import type { StoredCell } from './cell-writes';

/** A cell of a sheet the engine holds cell by cell (`_meta`, the Dashboard, a user's own sheet). */
export interface LooseCell {
  value: CellValue;
  formula?: string;
}

/** Row → column → cell, 1-based. */
export type LooseCells = Map<number, Map<number, LooseCell>>;

/** The most cells a sheet held cell by cell may have: those sheets are small, tables are not. */
export const MAX_LOOSE_CELLS = 1_000_000;

/**
 * Every cell of a small sheet, values as the engine holds them (shared strings resolved, formulas
 * with their cached results, date-styled numbers left as serials).
 */
export function readLooseCells(
  xml: string,
  sharedString: (index: number) => string,
  where: string,
): LooseCells {
  const cells: LooseCells = new Map();
  let count = 0;
  let row = 0;
  let cell: { col: number; type?: string; v?: string; f?: string; text?: string[] } | undefined;
  let node: 'v' | 'f' | 't' | undefined;
  let inRunProps = 0;
  scanXml(xml, {
    open(name, attributes, selfClosing) {
      if (name === 'row') row = Number(attributeOf(attributes, 'r') ?? row + 1);
      else if (name === 'c') {
        const ref = attributeOf(attributes, 'r');
        const col = ref ? columnNumber(ref) : (cell?.col ?? 0) + 1;
        cell = { col, type: attributeOf(attributes, 't') };
        if (selfClosing) cell = undefined;
      } else if (cell && name === 'rPr') inRunProps += 1;
      else if (cell && inRunProps === 0 && (name === 'v' || name === 'f' || name === 't')) {
        node = name;
        if (name === 't') cell.text ??= [];
      }
    },
    text(raw) {
      if (!cell || !node || inRunProps > 0) return;
      const text = decodeXmlText(raw);
      if (node === 'v') cell.v = (cell.v ?? '') + text;
      else if (node === 'f') cell.f = (cell.f ?? '') + text;
      else cell.text!.push(text);
    },
    close(name) {
      if (name === 'rPr') inRunProps -= 1;
      else if (name === 'v' || name === 'f' || name === 't') node = undefined;
      else if (name === 'c' && cell) {
        const value = valueOf(cell, sharedString);
        if (value !== null || cell.f !== undefined) {
          count += 1;
          if (count > MAX_LOOSE_CELLS) throw new Error(`${where}: more than ${MAX_LOOSE_CELLS} cells`);
          let cols = cells.get(row);
          if (!cols) cells.set(row, (cols = new Map()));
          cols.set(cell.col, cell.f !== undefined ? { value, formula: cell.f } : { value });
        }
        cell = undefined;
      }
    },
  });
  return cells;
}

function valueOf(
  cell: { type?: string; v?: string; text?: string[] },
  sharedString: (index: number) => string,
): CellValue {
  const { type, v } = cell;
  if (type === 'inlineStr') return cell.text?.join('') ?? null;
  if (v === undefined) return null;
  switch (type) {
    case 's':
      return sharedString(parseInt(v, 10)) ?? null;
    case 'str':
    case 'e':
      return v;
    case 'b':
      return v === '1' || v === 'true';
    case 'd':
      return v;
    default: {
      const number = Number(v);
      return Number.isFinite(number) ? number : v;
    }
  }
}

/** `AB12` → 28. */
export function columnNumber(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i += 1) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  return col;
}

/** The cell the engine keeps for a write. */
export function looseCellOf(write: StoredCell): LooseCell | undefined {
  if (write === null) return undefined;
  if (typeof write === 'object') return { value: null, formula: write.formula };
  return { value: write };
}

/** The cells as the sheet writer takes them. */
export function patchCellsOf(cells: LooseCells): Map<number, Map<number, CellValue | FormulaCell>> {
  const out = new Map<number, Map<number, CellValue | FormulaCell>>();
  for (const [r, cols] of cells) {
    const row = new Map<number, CellValue | FormulaCell>();
    for (const [c, cell] of cols) {
      row.set(c, cell.formula !== undefined ? { formula: cell.formula, value: cell.value } : cell.value);
    }
    out.set(r, row);
  }
  return out;
}
