import { CURRENT_SCHEMA } from '../core/schema';
import type { WorkbookStore } from '../store/port';

/** One Excel table as the tables endpoint lists it. */
export interface TableSummary {
  name: string;
  rowCount: number;
}

/** Every table of the schema, in sheet order, with its number of data rows, read through the store. */
export async function tableSummaries(store: WorkbookStore): Promise<TableSummary[]> {
  const snapshot = await store.readAll();
  return CURRENT_SCHEMA.tables.map((table) => ({
    name: table.tableName,
    rowCount: snapshot.tables[table.key]?.length ?? 0,
  }));
}
