import { ENUMS_V1, ENUMS_V3 } from './enums';
import {
  CLIENT_COLUMNS_ADDED_IN_V2,
  COLUMNS_ADDED_IN_V3,
  SEGMENTS_TABLE_V2,
  TABLES_ADDED_IN_V3,
  TABLES_V1,
  TABLES_V2,
  TABLES_V3,
  type KeyedTable,
} from './tables';
import type { FieldValue } from '../records';
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

/** Every table as first defined, and the columns later versions added to them, by table key. */
type DefinedTable =
  (typeof TABLES_V1)[number] | typeof SEGMENTS_TABLE_V2 | (typeof TABLES_ADDED_IN_V3)[number];
type AddedColumns =
  | { clients: (typeof CLIENT_COLUMNS_ADDED_IN_V2)[number]['key'] }
  | {
      [K in keyof typeof COLUMNS_ADDED_IN_V3]: { [Key in K]: (typeof COLUMNS_ADDED_IN_V3)[K][number]['key'] };
    }[keyof typeof COLUMNS_ADDED_IN_V3];
type AddedTo<T extends string> = AddedColumns extends infer A
  ? A extends Record<T, infer F>
    ? F
    : never
  : never;

/** The field keys of a table of the current schema: a field name mistyped in code does not compile. */
export type FieldKey<T extends TableKey> =
  | (Extract<DefinedTable, { key: T }> extends KeyedTable<T, infer F> ? F : never)
  | AddedTo<T>
  | 'id'
  | 'version'
  | 'createdAt'
  | 'updatedAt';

/** Fields of a record of table `T`, some or all: what creating or changing one takes. */
export type FieldsOf<T extends TableKey> = { [F in FieldKey<T>]?: FieldValue };

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
