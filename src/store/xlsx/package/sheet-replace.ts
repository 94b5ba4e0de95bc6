import { attributeOf } from '../xml-scan';
import { cellRef } from './cell-ref';
import { cellXml, type CellXmlOptions } from './cell-xml';
import type { CellValue, FormulaCell } from './package-types';
import { rowAttributes, withDimension, worthKeeping } from './sheet-frame';
import { parseRow, rowSpans, sheetLayout, type ParsedRow } from './sheet-rows';

/** Row → column → cell, 1-based. */
export type SheetCells = ReadonlyMap<number, ReadonlyMap<number, CellValue | FormulaCell>>;

/**
 * The sheet with exactly these cells in `<sheetData>`, for sheets the product owns (`_meta`, the
 * Dashboard): each cell keeps the style its place had, each row its attributes (height, hidden…);
 * cells not listed are gone. Everything outside `<sheetData>` but `<dimension>` stays byte for byte.
 */
export function* replaceSheetCells(
  original: Buffer,
  cells: SheetCells,
  options: CellXmlOptions,
): Generator<string> {
  const layout = sheetLayout(original);
  const numbers = [...cells.keys()].filter((r) => cells.get(r)!.size > 0).sort((a, b) => a - b);
  yield withDimension(original.toString('utf8', 0, layout.start), () => usedRange(cells, numbers));
  yield '<sheetData>';
  const spans = rowSpans(original, layout);
  let span = spans.next();
  let i = 0;
  for (;;) {
    const existing = span.done ? undefined : span.value;
    const listed = i < numbers.length ? numbers[i] : undefined;
    if (!existing && listed === undefined) break;
    const number = Math.min(existing?.number ?? Infinity, listed ?? Infinity);
    const old = existing?.number === number ? parseRow(original, existing) : undefined;
    const row = listed === number ? cells.get(number) : undefined;
    const text = rowXml(number, old, row, options);
    if (text) yield text;
    if (old) span = spans.next();
    if (listed === number) i += 1;
  }
  yield '</sheetData>';
  yield original.toString('utf8', layout.end);
}

function rowXml(
  number: number,
  old: ParsedRow | undefined,
  row: ReadonlyMap<number, CellValue | FormulaCell> | undefined,
  options: CellXmlOptions,
): string {
  const styles = new Map<number, number>();
  for (const cell of old?.cells ?? []) {
    const s = attributeOf(cell.attributes, 's');
    if (s !== undefined) styles.set(cell.col, Number(s));
  }
  const cols = row ? [...row.keys()].sort((a, b) => a - b) : [];
  const xml = cols
    .map((col) => cellXml(cellRef(number, col), row!.get(col)!, styles.get(col), options))
    .join('');
  const attributes = old ? old.attributes : '';
  if (!xml && !worthKeeping(attributes)) return '';
  return `<row r="${number}"${rowAttributes(attributes)}${xml ? `>${xml}</row>` : '/>'}`;
}

function usedRange(cells: SheetCells, numbers: readonly number[]) {
  if (numbers.length === 0) return { top: 1, left: 1, bottom: 1, right: 1 };
  let left = Infinity;
  let right = 0;
  for (const r of numbers) {
    for (const col of cells.get(r)!.keys()) {
      left = Math.min(left, col);
      right = Math.max(right, col);
    }
  }
  return { top: numbers[0], left, bottom: numbers[numbers.length - 1], right };
}
