import { cliMessage } from './cli-messages';
import type { Locale } from '../core/i18n';
import { validateRecord } from '../core/records';
import { CURRENT_SCHEMA } from '../core/schema';
import type { WorkbookSnapshot } from '../store/port';

/** Rows sit below the table's header row, which our workbooks keep on row 1. */
const FIRST_DATA_ROW = 2;

/**
 * What is wrong inside the rows of a structurally sound workbook: values breaking a rule of
 * their column, and references to rows that do not exist. One line per problem, in `lang`;
 * sheets and headers are named as the workbook names them.
 */
export function recordProblems(snapshot: WorkbookSnapshot, lang: Locale): string[] {
  const workbookLocale = snapshot.meta.locale;
  const ids = new Map<string, Set<string>>();
  for (const [key, rows] of Object.entries(snapshot.tables)) ids.set(key, new Set(rows.map((r) => r.id)));
  const problems: string[] = [];
  for (const table of CURRENT_SCHEMA.tables) {
    const sheet = table.sheet[workbookLocale];
    const refColumns = table.columns.filter((c) => c.type === 'ref' && c.refTable);
    (snapshot.tables[table.key] ?? []).forEach((record, index) => {
      const row = FIRST_DATA_ROW + index;
      const { issues } = validateRecord(table, record);
      if (issues.length > 0) {
        const text = issues.map((i) => i.message[lang]).join('; ');
        problems.push(cliMessage('recordProblem', { sheet, row, issues: text })[lang]);
      }
      for (const column of refColumns) {
        const value = record[column.key];
        if (value === null || value === undefined || value === '') continue;
        const target = column.refTable as string;
        if (ids.get(target)?.has(String(value))) continue;
        const targetSheet =
          CURRENT_SCHEMA.tables.find((t) => t.key === target)?.sheet[workbookLocale] ?? target;
        problems.push(
          cliMessage('danglingReference', {
            sheet,
            row,
            column: column.header[workbookLocale],
            value: String(value),
            target: targetSheet,
          })[lang],
        );
      }
    });
  }
  return problems;
}
