import { CURRENT_SCHEMA } from '../core/schema';
import type { NewRecord, WorkbookStore } from '../store/port';

/** Table keys ordered so that every table comes after the tables its references point to. */
export function tablesInReferenceOrder(): string[] {
  const ordered: string[] = [];
  const visit = (key: string, path: readonly string[]) => {
    if (ordered.includes(key) || path.includes(key)) return;
    const table = CURRENT_SCHEMA.tables.find((t) => t.key === key);
    for (const column of table?.columns ?? []) {
      if (column.refTable && column.refTable !== key) visit(column.refTable, [...path, key]);
    }
    ordered.push(key);
  };
  for (const table of CURRENT_SCHEMA.tables) visit(table.key, []);
  return ordered;
}

/** Appends a data set through the store, one call per table, referenced tables first; returns the row count. */
export async function appendDataset(
  store: WorkbookStore,
  dataset: Readonly<Record<string, readonly NewRecord[]>>,
): Promise<number> {
  const order = tablesInReferenceOrder();
  const unknown = Object.keys(dataset).filter((key) => !order.includes(key));
  if (unknown.length > 0)
    throw new Error(`The data set has tables the schema does not: ${unknown.join(', ')}`);
  let rows = 0;
  for (const table of order) {
    const records = dataset[table];
    if (!records || records.length === 0) continue;
    await store.append(table, records);
    rows += records.length;
  }
  return rows;
}
