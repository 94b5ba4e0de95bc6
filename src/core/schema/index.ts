import { ENUMS_V1, ENUMS_V3 } from './enums';
import { TABLES_V1, TABLES_V2, TABLES_V3 } from './tables';
import type { ColumnSchema, EnumSchema, TableSchema, WorkbookSchema } from './types';

export * from './types';
export { ID_COLUMN, TRACKING_COLUMNS } from './tables';

/** Version 1, kept unchanged: the base that migrations start from and old fixtures were made with. */
export const SCHEMA_V1: WorkbookSchema = { version: 1, tables: TABLES_V1, enums: ENUMS_V1 };

/** Version 2 (segmentation), kept unchanged: what workbooks made before the sales process hold. */
export const SCHEMA_V2: WorkbookSchema = { version: 2, tables: TABLES_V2, enums: ENUMS_V1 };

/** The schema this build of Relacje reads and writes; older workbooks are migrated (`migrations.ts`). */
export const CURRENT_SCHEMA: WorkbookSchema = { version: 3, tables: TABLES_V3, enums: ENUMS_V3 };

/** The key of a table of the current schema: a name mistyped in code does not compile. */
export type TableKey = (typeof TABLES_V3)[number]['key'];

/** The sheet that holds `_meta`: schema version, locale, offer number format and counters. */
export const META_SHEET = '_meta';
/** The sheet Relacje writes the management measures to. */
export const DASHBOARD_SHEET = 'Dashboard';

export function findTable(schema: WorkbookSchema, key: string): TableSchema | undefined {
  return schema.tables.find((t) => t.key === key);
}

export function tableByKey(schema: WorkbookSchema, key: string): TableSchema {
  const found = findTable(schema, key);
  if (!found) throw new Error(`Unknown table key: ${key}`);
  return found;
}

export function enumByKey(schema: WorkbookSchema, key: string): EnumSchema {
  const found = schema.enums.find((e) => e.key === key);
  if (!found) throw new Error(`Unknown enumeration: ${key}`);
  return found;
}

export function columnByKey(table: TableSchema, key: string): ColumnSchema | undefined {
  return table.columns.find((c) => c.key === key);
}
