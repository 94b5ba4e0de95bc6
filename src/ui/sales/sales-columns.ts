import type { Locale } from '../../core/i18n';
import { CURRENT_SCHEMA, columnByKey, tableByKey, type ColumnSchema } from '../../core/schema';

/** A column of a table of the current schema; the sales screens name only columns that exist. */
export function columnOf(table: string, key: string): ColumnSchema {
  const column = columnByKey(tableByKey(CURRENT_SCHEMA, table), key);
  if (!column) throw new Error(`No column ${key} in ${table}`);
  return column;
}

/** A field of an opportunity as people read it: its header, or the text itself when unknown. */
export function opportunityFieldLabel(key: string, locale: Locale): string {
  return columnByKey(tableByKey(CURRENT_SCHEMA, 'opportunities'), key)?.header[locale] ?? key;
}

const NOT_CHOSEN_BY_HAND = new Set([
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'pipeline',
  'stage',
  'status',
]);

/** The fields of an opportunity a stage may require on entry, with their labels. */
export function requirableFields(locale: Locale): { key: string; label: string }[] {
  return tableByKey(CURRENT_SCHEMA, 'opportunities')
    .columns.filter((c) => !NOT_CHOSEN_BY_HAND.has(c.key))
    .map((c) => ({ key: c.key, label: c.header[locale] }));
}
