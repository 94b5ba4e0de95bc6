import { EXIT_OK } from '../cli-failure';
import { cliMessage } from '../cli-messages';
import type { CommandContext } from '../command-context';
import { CURRENT_SCHEMA } from '../../core/schema';
import { openXlsxStore } from '../../store/xlsx/xlsx-store';

/** `relacje stats [file]`: rows per table, schema version and the workbook's language. */
export async function runStats(context: CommandContext): Promise<number> {
  const file = context.existingWorkbookFile();
  const store = await openXlsxStore(file, { readOnly: true });
  let snapshot;
  try {
    snapshot = await store.readAll();
  } finally {
    await store.close();
  }
  context.say('statsWorkbook', { file });
  context.say('statsMeta', { version: snapshot.meta.schemaVersion, locale: snapshot.meta.locale });
  const tableHeader = cliMessage('statsTableColumn', {})[context.lang];
  const rowsHeader = cliMessage('statsRowsColumn', {})[context.lang];
  const lines = CURRENT_SCHEMA.tables.map((t) => ({
    label: `${t.sheet[context.lang]} (${t.tableName})`,
    rows: snapshot.tables[t.key]?.length ?? 0,
  }));
  const width = Math.max(tableHeader.length, ...lines.map((l) => l.label.length));
  context.sayText(`${tableHeader.padEnd(width)}  ${rowsHeader}`);
  for (const line of lines)
    context.sayText(`${line.label.padEnd(width)}  ${String(line.rows).padStart(rowsHeader.length)}`);
  context.say('statsTotal', { rows: lines.reduce((sum, l) => sum + l.rows, 0) });
  return EXIT_OK;
}
