import path from 'node:path';
import { createCellContext } from '../../core/cells';
import { RelacjeError } from '../../core/errors';
import { CURRENT_SCHEMA, META_SHEET, type WorkbookSchema } from '../../core/schema';
import { planMigration } from '../../core/schema/migrations';
import { looseCellSource, tableCellSource } from './engine-cell-source';
import { loadWorkbookModel } from './engine/workbook-model';
import { readMetaSheet } from './meta-sheet';
import { rangeRef } from './package/cell-ref';
import { readTableRecords } from './table-reader';
import { guessLocale } from './workbook-file';

/**
 * Every problem of a workbook's tables and cells that a strict open would stop at (`relacje
 * validate`), read the way the engine reads it: lean, in bounded memory, whatever its size —
 * never through a library that builds a model of every cell.
 */
export function inspectWithEngine(
  file: string,
  content: Buffer,
  options: { schema?: WorkbookSchema; now?: () => Date } = {},
): RelacjeError[] {
  const schema = options.schema ?? CURRENT_SCHEMA;
  const model = loadWorkbookModel(file, content);
  const problems: RelacjeError[] = [];
  const metaSheet = model.sheets.find((s) => s.name === META_SHEET);
  const metaRead = metaSheet
    ? readMetaSheet(looseCellSource(META_SHEET, model.looseCells(metaSheet)))
    : undefined;
  if (metaRead) problems.push(...metaRead.problems);
  const stored = metaRead?.meta;
  // A workbook without `_meta` is taken as the oldest version, so every migration's additions are allowed.
  const version = stored?.schemaVersion ?? 1;
  if (version > schema.version) {
    throw new RelacjeError('newerSchema', { file: path.basename(file), version, supported: schema.version });
  }
  const plan = planMigration(version, schema);
  const locale =
    stored?.locale ??
    guessLocale(
      model.sheets.map((s) => s.name),
      schema,
    );
  const context = createCellContext(schema, locale);
  const now = (options.now ?? (() => new Date()))().toISOString();
  const tables = model.sheets.flatMap((s) => s.tables);
  for (const table of schema.tables) {
    const found = tables.find((t) => t.name.toLowerCase() === table.tableName.toLowerCase());
    if (!found) {
      if (!plan.newTables.has(table.key))
        problems.push(
          new RelacjeError('missingTable', { table: table.tableName, sheet: table.sheet[locale] }),
        );
      continue;
    }
    readTableRecords(
      table,
      tableCellSource(found),
      {
        tableRef: rangeRef({ top: found.top, left: found.left, bottom: found.bottom, right: found.right }),
        totalsRow: found.totalsRowCount > 0,
        columns: found.headers.map((name) => ({ name })),
      },
      {
        context,
        addedColumns: new Set(plan.newColumns.get(table.key)?.keys() ?? []),
        aliases: plan.headerAliases.get(table.key),
        now,
        problems,
      },
    );
  }
  return problems;
}
