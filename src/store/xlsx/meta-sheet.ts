import type ExcelJS from 'exceljs';
import { RelacjeError } from '../../core/errors';
import type { RawCell } from '../../core/cells';
import { isLocale, type Bilingual, type Locale } from '../../core/i18n';
import { META_SHEET } from '../../core/schema';
import type { WorkbookMeta } from '../port';
import { displayOfRaw, rawFromExcel } from './cell-value';
import { SHEET_TEXTS } from './sheet-texts';
import type { CellSource } from './table-reader';

export const DEFAULT_OFFER_NUMBER_FORMAT = 'OF/{YYYY}/{NNN}';
const COUNTER_PREFIX = 'counter:';
const HEADER = ['key', 'value'] as const;
const KNOWN_KEYS = new Set(['schemaVersion', 'locale', 'offerNumberFormat']);

export function defaultMeta(schemaVersion: number, locale: Locale): WorkbookMeta {
  return { schemaVersion, locale, offerNumberFormat: DEFAULT_OFFER_NUMBER_FORMAT, counters: {} };
}

const isOurKey = (key: string) => KNOWN_KEYS.has(key) || key.startsWith(COUNTER_PREFIX);

/**
 * The `_meta` sheet's key/value rows, or undefined when the workbook has none. Values that
 * cannot be what their key needs are problems naming the row, not silent defaults.
 */
export function readMetaSheet(
  sheet: CellSource | undefined,
): { meta: Partial<WorkbookMeta>; problems: RelacjeError[] } | undefined {
  if (!sheet) return undefined;
  const meta: Partial<WorkbookMeta> & { counters: Record<string, number> } = { counters: {} };
  const problems: RelacjeError[] = [];
  const bad = (row: number, raw: RawCell, expected: Bilingual) =>
    problems.push(
      new RelacjeError('badCell', {
        sheet: META_SHEET,
        column: HEADER[1],
        row,
        value: displayOfRaw(raw),
        expected,
      }),
    );
  sheet.eachRow(1, Infinity, (row) => {
    const rowNumber = row.number;
    const key = displayOfRaw(row.cell(1)?.raw ?? null).trim();
    const value = row.cell(2)?.raw ?? null;
    const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
    if (key === 'schemaVersion') {
      if (Number.isInteger(number) && number >= 1) meta.schemaVersion = number;
      else bad(rowNumber, value, SHEET_TEXTS.metaSchemaVersion);
    } else if (key === 'locale') {
      if (isLocale(value)) meta.locale = value;
      else bad(rowNumber, value, SHEET_TEXTS.metaLocale);
    } else if (key === 'offerNumberFormat') {
      if (typeof value === 'string' && value.trim()) meta.offerNumberFormat = value;
      else bad(rowNumber, value, SHEET_TEXTS.metaOfferNumberFormat);
    } else if (key.startsWith(COUNTER_PREFIX)) {
      if (Number.isSafeInteger(number) && number >= 0)
        meta.counters[key.slice(COUNTER_PREFIX.length)] = number;
      else bad(rowNumber, value, SHEET_TEXTS.metaCounter);
    }
  });
  return { meta, problems };
}

/**
 * Writes the meta as key/value rows on the hidden `_meta` sheet. Rows with keys Relacje does not
 * know (someone's own notes there) are kept below ours.
 */
export function writeMetaSheet(workbook: ExcelJS.Workbook, meta: WorkbookMeta): void {
  const sheet = workbook.getWorksheet(META_SHEET) ?? workbook.addWorksheet(META_SHEET, { state: 'hidden' });
  const foreign: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const key = displayOfRaw(rawFromExcel(row.findCell(1)?.value)).trim();
    if (!isOurKey(key)) foreign.push([row.findCell(1)?.value ?? null, row.findCell(2)?.value ?? null]);
  });
  const rows: ExcelJS.CellValue[][] = [
    [...HEADER],
    ['schemaVersion', meta.schemaVersion],
    ['locale', meta.locale],
    ['offerNumberFormat', meta.offerNumberFormat],
    ...Object.entries(meta.counters).map(([name, value]) => [`${COUNTER_PREFIX}${name}`, value]),
    ...foreign,
  ];
  const previousRows = sheet.rowCount;
  rows.forEach(([key, value], i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = key;
    row.getCell(2).value = value;
  });
  for (let r = rows.length + 1; r <= previousRows; r += 1) {
    sheet.getRow(r).getCell(1).value = null;
    sheet.getRow(r).getCell(2).value = null;
  }
  sheet.getColumn(1).width = 24;
  sheet.getColumn(2).width = 24;
}
