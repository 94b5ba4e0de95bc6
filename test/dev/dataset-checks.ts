import { createHash } from 'node:crypto';
import { CURRENT_SCHEMA } from '../../src/core/schema';
import type { RecordFields } from '../../src/store/port';

type Tables = Readonly<Record<string, readonly (RecordFields & { id: string })[]>>;

/** Every reference of every row that points at no row of its table, as `table.column → id`. */
export function danglingReferences(tables: Tables): string[] {
  const ids = new Map<string, Set<string>>();
  for (const [key, rows] of Object.entries(tables)) ids.set(key, new Set(rows.map((r) => r.id)));
  const dangling: string[] = [];
  for (const table of CURRENT_SCHEMA.tables) {
    const refColumns = table.columns.filter((c) => c.type === 'ref');
    for (const row of tables[table.key] ?? []) {
      for (const column of refColumns) {
        const value = row[column.key];
        if (value === null || value === undefined || value === '') continue;
        if (!ids.get(column.refTable ?? '')?.has(String(value)))
          dangling.push(`${table.key}.${column.key} → ${value}`);
      }
    }
  }
  return dangling;
}

/** A digest of a whole data set, to compare two of them without keeping both in a diff. */
export function datasetDigest(tables: Tables): string {
  const hash = createHash('sha256');
  for (const key of Object.keys(tables).sort()) hash.update(key + '\n' + JSON.stringify(tables[key]) + '\n');
  return hash.digest('hex');
}
