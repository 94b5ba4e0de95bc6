import type ExcelJS from 'exceljs';
import { encodeCell, type CellContext } from '../../core/cells';
import type { ColumnSchema, TableSchema } from '../../core/schema';
import type { StoredRecord } from '../port';
import { SHEET_TEXTS } from './sheet-texts';
import { colCache, numberFormatOf, rangeOf, type KeptCell, type TableLayout } from './table-sheet';

/**
 * Writes the records into the table's area: headers, one row per record, the user's cells by
 * record id, the totals row below them; clears rows the table no longer covers and updates the
 * table's range and its enumeration lists.
 */
export function writeTable(
  layout: TableLayout,
  table: TableSchema,
  records: readonly StoredRecord[],
  context: CellContext,
): void {
  const { sheet, top, left, columnKeys } = layout;
  const byKey = new Map(table.columns.map((c) => [c.key, c]));
  const columns = columnKeys.map((key) => (key === undefined ? undefined : byKey.get(key)));
  const right = left + columns.length - 1;
  const totalsRows = layout.totals ? 1 : 0;
  // An Excel table has at least one data row, even when it holds no records.
  const dataRows = Math.max(records.length, 1);
  const oldBottom = top + layout.dataRows + totalsRows;
  const newBottom = top + dataRows + totalsRows;
  if (newBottom > oldBottom && rangeHasContent(sheet, oldBottom + 1, newBottom, left, right)) {
    // Something of the user's sits right below the table: move it down, as Excel does when a
    // table grows, rather than write over it.
    sheet.spliceRows(oldBottom + 1, 0, ...Array.from({ length: newBottom - oldBottom }, () => []));
  }

  const headerRow = sheet.getRow(top);
  // Excel requires each header cell to equal its table column's name.
  columns.forEach((column, j) => {
    headerRow.getCell(left + j).value = layout.model.columns[j]?.name ?? column?.header[context.locale] ?? '';
  });
  const formats = columns.map(numberFormatOf);
  records.forEach((record, i) => {
    const row = sheet.getRow(top + 1 + i);
    const kept = layout.userCells.get(record.id);
    const formulas = layout.formulas.get(record.id);
    let userIndex = 0;
    columns.forEach((column, j) => {
      const cell = row.getCell(left + j);
      if (column) {
        const encoded = encodeCell(column, record[column.key], context);
        const formula = formulas?.get(column.key);
        // A formula the user wrote stays while its result is still the record's value.
        cell.value =
          formula && formula.value === (record[column.key] ?? null)
            ? ({ formula: formula.formula, result: encoded ?? undefined } as ExcelJS.CellFormulaValue)
            : encoded;
        const format = formats[j];
        if (format && cell.numFmt !== format) cell.numFmt = format;
      } else {
        putKeptCell(cell, kept?.[userIndex]);
        userIndex += 1;
      }
    });
  });
  for (let r = top + 1 + records.length; r <= oldBottom; r += 1) {
    const row = sheet.findRow(r);
    if (!row) continue;
    for (let c = left; c <= right; c += 1) {
      const cell = row.findCell(c);
      if (cell) cell.value = null;
    }
  }
  if (layout.totals) {
    const row = sheet.getRow(top + dataRows + 1);
    layout.totals.forEach((kept, j) => putKeptCell(row.getCell(left + j), kept));
  }
  layout.dataRows = dataRows;
  layout.model.tableRef = colCache.encode(top, left, newBottom, right);
  layout.model.autoFilterRef = colCache.encode(top, left, top + dataRows, right);
  writeListValidations(layout, columns, context);
}

function putKeptCell(cell: ExcelJS.Cell, kept: KeptCell | undefined): void {
  cell.value = kept ? kept.value : null;
  if (!kept) return;
  cell.style = kept.style;
  if (kept.note !== undefined) cell.note = kept.note;
}

function rangeHasContent(
  sheet: ExcelJS.Worksheet,
  from: number,
  to: number,
  left: number,
  right: number,
): boolean {
  for (let r = from; r <= Math.min(to, sheet.rowCount); r += 1) {
    const row = sheet.findRow(r);
    for (let c = left; row && c <= right; c += 1) {
      const value = row.findCell(c)?.value;
      if (value !== null && value !== undefined && value !== '') return true;
    }
  }
  return false;
}

interface ListValidation {
  type?: string;
  errorTitle?: string;
}

const OUR_TITLES = new Set([SHEET_TEXTS.notInListTitle.pl, SHEET_TEXTS.notInListTitle.en]);

/**
 * One list validation per enumeration column covering exactly the table's data rows (Excel
 * extends it as the table grows). Not whole columns: ExcelJS's stock reader expands a range into
 * one entry per cell, so 1,048,576 rows would make any ExcelJS-based reader of the file crawl.
 * Our earlier lists on this table are found by their title and replaced, so a column that
 * moved never keeps a stale list.
 */
function writeListValidations(
  layout: TableLayout,
  columns: readonly (ColumnSchema | undefined)[],
  context: CellContext,
): void {
  const model = (layout.sheet as unknown as { dataValidations: { model: Record<string, ListValidation> } })
    .dataValidations.model;
  const right = layout.left + columns.length - 1;
  for (const [address, validation] of Object.entries(model)) {
    if (validation.type !== 'list' || !OUR_TITLES.has(validation.errorTitle ?? '')) continue;
    const range = rangeOf(address);
    if (range.left >= layout.left && range.right <= right && range.top > layout.top) delete model[address];
  }
  const bottom = layout.top + layout.dataRows;
  columns.forEach((column, j) => {
    if (column?.type !== 'enum' || !column.enumKey) return;
    const letter = colCache.n2l(layout.left + j);
    const labels = context.enumCodec(column.enumKey).labels(context.locale);
    const first = layout.top + 1;
    model[first === bottom ? `${letter}${first}` : `${letter}${first}:${letter}${bottom}`] = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${labels.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: SHEET_TEXTS.notInListTitle[context.locale],
      error: SHEET_TEXTS.notInList[context.locale],
    } as ListValidation;
  });
}
