import type { Bilingual } from '../i18n';

/**
 * How a column's value is kept in a record and in a cell.
 * - `text`: a string; `check` names an extra rule (NIP, e-mail…)
 * - `integer`, `number`: numbers; `money`: grosze in records, złote with two decimals in cells
 * - `percent`: whole percent 0–100
 * - `date`: `yyyy-mm-dd` in records, a real date cell shown as dd.mm.rrrr in the workbook
 * - `datetime`: an ISO 8601 UTC timestamp, kept as text so it sorts and round-trips exactly
 * - `boolean`: TRUE/FALSE
 * - `enum`: one key of a closed list, shown in the workbook as its label in the workbook's language
 * - `ref`: the id of a record in another table
 */
export type ColumnType =
  | 'id'
  | 'text'
  | 'integer'
  | 'number'
  | 'money'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'enum'
  | 'ref';

/** Extra rules a text column can carry, implemented in `core/validation`. */
export type TextCheck =
  'nip' | 'regon' | 'krs' | 'pesel' | 'email' | 'phone' | 'postalCode' | 'currency' | 'url';

export interface ColumnSchema {
  /** Stable key used in records; never changes once released. */
  readonly key: string;
  readonly type: ColumnType;
  readonly required: boolean;
  readonly header: Bilingual;
  /** For `enum` columns: the key of the enumeration in `enums.ts`. */
  readonly enumKey?: string;
  /** For `ref` columns: the table the id points to. */
  readonly refTable?: string;
  readonly check?: TextCheck;
  /** Longest text accepted (Excel's own cell limit is 32,767). */
  readonly maxLength?: number;
}

export interface TableSchema {
  /** Stable key used in code and records, e.g. `clients`. */
  readonly key: string;
  /** The Excel table (ListObject) name, e.g. `tClients`. */
  readonly tableName: string;
  /** The sheet that holds the table. */
  readonly sheet: Bilingual;
  readonly columns: readonly ColumnSchema[];
}

export interface EnumSchema {
  readonly key: string;
  readonly values: readonly { readonly key: string; readonly label: Bilingual }[];
}

export interface WorkbookSchema {
  readonly version: number;
  readonly tables: readonly TableSchema[];
  readonly enums: readonly EnumSchema[];
}
