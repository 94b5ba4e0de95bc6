import { columnLetters } from '../../core/cell-address';
import { isLocale, type Locale } from '../../core/i18n';
import { META_SHEET, type TableSchema, type WorkbookSchema } from '../../core/schema';
import { resolveHeaders } from '../../core/table-layout';
import { schemaGapsOf, type SheetValue } from '../table-rows';

/**
 * Completes a workbook of an earlier schema in the open Excel: the tables and columns the current
 * schema added, and `_meta`'s version. Excel can do what Graph cannot (add a table), so the
 * add-in upgrades a workbook the first time it opens it, as the .xlsx store does with a file.
 * Three syncs, run only when a read found a table or column missing. Returns the version it
 * upgraded from, or undefined when the workbook is not of an earlier schema.
 */
export async function upgradeOlderWorkbook(
  context: Excel.RequestContext,
  schema: WorkbookSchema,
  fallbackLocale: Locale,
): Promise<number | undefined> {
  const meta = context.workbook.worksheets
    .getItemOrNullObject(META_SHEET)
    .getUsedRangeOrNullObject(true)
    .load('values,rowIndex');
  const existing = context.workbook.tables.load('items/name');
  const sheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  if (meta.isNullObject) return undefined;
  const rows = meta.values as SheetValue[][];
  const versionRow = rows.findIndex(([key]) => String(key).trim() === 'schemaVersion');
  const version = versionRow < 0 ? 1 : Number(rows[versionRow][1]);
  if (!(version < schema.version)) return undefined;
  const named = rows.find(([key]) => String(key).trim() === 'locale')?.[1];
  const locale = isLocale(named) ? named : fallbackLocale;

  const gaps = schemaGapsOf(version, schema);
  const present = new Set(existing.items.map((t) => t.name.toLowerCase()));
  const widened = schema.tables
    .filter((t) => present.has(t.tableName.toLowerCase()) && gaps.columns.has(t.key))
    .map((table) => ({
      table,
      header: context.workbook.tables.getItem(table.tableName).getHeaderRowRange().load('values'),
    }));
  await context.sync();

  const sheetNames = new Set(sheets.items.map((s) => s.name.toLowerCase()));
  for (const table of schema.tables) {
    if (present.has(table.tableName.toLowerCase()) || !gaps.tables.has(table.key)) continue;
    addTable(context, table, locale, freeSheetName(table.sheet[locale], sheetNames));
  }
  for (const { table, header } of widened) {
    const { missing } = resolveHeaders(table, (header.values[0] ?? []).map(String));
    const columns = context.workbook.tables.getItem(table.tableName).columns;
    for (const column of missing) {
      if (gaps.columns.get(table.key)?.has(column.key))
        columns.add(undefined, undefined, column.header[locale]);
    }
  }
  const sheet = context.workbook.worksheets.getItem(META_SHEET);
  const row = meta.rowIndex + 1 + (versionRow < 0 ? rows.length : versionRow);
  sheet.getRange(`A${row}:B${row}`).values = [['schemaVersion', schema.version]];
  await context.sync();
  return version;
}

/** The name, or — when the user has a sheet of that name — the name with the first free number. */
function freeSheetName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${name} (${n})`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

function addTable(
  context: Excel.RequestContext,
  table: TableSchema,
  locale: Locale,
  sheetName: string,
): void {
  const sheet = context.workbook.worksheets.add(sheetName);
  const address = `A1:${columnLetters(table.columns.length)}1`;
  sheet.getRange(address).values = [table.columns.map((c) => c.header[locale])];
  sheet.tables.add(address, true).name = table.tableName;
}
