import { normalizeLabel } from './cells';
import type { ColumnSchema, TableSchema } from './schema/types';

/** How a table's header row maps onto its schema: found by header text in either language. */
export interface HeaderResolution {
  /** Schema column key → position in the header row (0-based). */
  indexByKey: Map<string, number>;
  /** Positions of headers that belong to no schema column: the user's own columns. */
  extras: number[];
  missing: ColumnSchema[];
  /** Schema columns whose header appears more than once (the later positions). */
  duplicates: { column: ColumnSchema; index: number }[];
}

/**
 * Maps headers onto the table's columns. A header matches a column when, compared case- and
 * space-insensitively, it equals the Polish or English header or one of `aliases` (old headers
 * a migration renamed).
 */
export function resolveHeaders(
  table: TableSchema,
  headers: readonly (string | null | undefined)[],
  aliases: ReadonlyMap<string, readonly string[]> = new Map(),
): HeaderResolution {
  const byText = headerIndex(table, aliases);
  const indexByKey = new Map<string, number>();
  const extras: number[] = [];
  const duplicates: HeaderResolution['duplicates'] = [];
  headers.forEach((header, index) => {
    const column = header ? byText.get(normalizeLabel(header)) : undefined;
    if (!column) extras.push(index);
    else if (indexByKey.has(column.key)) duplicates.push({ column, index });
    else indexByKey.set(column.key, index);
  });
  const missing = table.columns.filter((c) => !indexByKey.has(c.key));
  return { indexByKey, extras, missing, duplicates };
}

function headerIndex(
  table: TableSchema,
  aliases: ReadonlyMap<string, readonly string[]>,
): Map<string, ColumnSchema> {
  const byText = new Map<string, ColumnSchema>();
  for (const column of table.columns) {
    for (const text of [column.header.pl, column.header.en, ...(aliases.get(column.key) ?? [])]) {
      byText.set(normalizeLabel(text), column);
    }
  }
  return byText;
}
