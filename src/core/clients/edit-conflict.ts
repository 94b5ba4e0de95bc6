import type { Locale } from '../i18n';
import type { FieldValue, RecordFields } from '../records';
import { ID_COLUMN, TRACKING_COLUMNS } from '../schema';
import type { TableSchema } from '../schema/types';
import { isEmptyValue, type StoredRow } from './client-rows';

/** What happened to a record between the user's read and their save, in the terms of its fields. */
export interface EditConflict {
  /** The record is no longer there. */
  deleted: boolean;
  /** Who saved the other change, when the audit names them. */
  changedBy: string | null;
  /** When: the stored record's `updatedAt`, or the deletion's audit time. */
  changedAt: string | null;
  /** Fields that differ between what the user loaded and what is stored now, in column order. */
  theirFields: string[];
  /** Of those, the ones the user changed too: their value wins only if the user checks it. */
  bothChanged: string[];
}

const NOT_COMPARED = new Set([ID_COLUMN.key, ...TRACKING_COLUMNS.map((c) => c.key)]);

function same(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (isEmptyValue(a) && isEmptyValue(b)) return true;
  return a === b;
}

/**
 * Compares the record the user loaded with the one stored now (null when deleted) and finds who
 * made the change in the audit rows (any order; the latest row for the record after the user's
 * read counts). `mine` are the fields the user changed.
 */
export function describeConflict(input: {
  table: TableSchema;
  loaded: StoredRow & { updatedAt?: FieldValue };
  stored: (StoredRow & { updatedAt?: FieldValue }) | null;
  mine: RecordFields;
  audit: readonly RecordFields[];
}): EditConflict {
  const { table, loaded, stored, mine, audit } = input;
  const since = String(loaded.updatedAt ?? '');
  let latest: RecordFields | null = null;
  for (const row of audit) {
    if (row.recordId !== loaded.id || row.table !== table.key) continue;
    const at = String(row.at ?? '');
    if (at <= since) continue;
    if (!latest || at >= String(latest.at ?? '')) latest = row;
  }
  const theirFields = stored
    ? table.columns
        .map((c) => c.key)
        .filter((key) => !NOT_COMPARED.has(key) && !same(loaded[key], stored[key]))
    : [];
  const changedBy = latest && !isEmptyValue(latest.user) ? String(latest.user) : null;
  const changedAt = stored ? String(stored.updatedAt ?? '') || null : latest ? String(latest.at) : null;
  return {
    deleted: stored === null,
    changedBy,
    changedAt,
    theirFields,
    bothChanged: theirFields.filter((key) => Object.prototype.hasOwnProperty.call(mine, key)),
  };
}

/**
 * The conflict in plain words: who, when, which fields (by their headers), and that nothing of the
 * user's was saved. `shownAt` is `changedAt` as the user reads dates.
 */
export function conflictMessage(
  conflict: EditConflict,
  table: TableSchema,
  locale: Locale,
  shownAt: string,
): string {
  const header = (key: string) => table.columns.find((c) => c.key === key)?.header[locale] ?? key;
  const who = conflict.changedBy ?? (locale === 'pl' ? 'Inny użytkownik' : 'Another user');
  const when = shownAt ? ` (${shownAt})` : '';
  const list = (keys: readonly string[]) => keys.map(header).join(', ');
  if (locale === 'pl') {
    if (conflict.deleted) {
      return `${who}${when} usunął(-ęła) ten rekord, gdy go edytowano. Twoje zmiany nie zostały zapisane.`;
    }
    const fields = conflict.theirFields.length > 0 ? ` Zmienione pola: ${list(conflict.theirFields)}.` : '';
    const both =
      conflict.bothChanged.length > 0
        ? ` Te same pola zmieniono też u Ciebie: ${list(conflict.bothChanged)} — sprawdź je przed zapisem.`
        : '';
    return `${who}${when} zapisał(a) zmianę tego rekordu, gdy go edytowano.${fields}${both} Twoje zmiany nie zostały jeszcze zapisane.`;
  }
  if (conflict.deleted) {
    return `${who}${when} deleted this record while you were editing it. Your changes were not saved.`;
  }
  const fields = conflict.theirFields.length > 0 ? ` Fields changed: ${list(conflict.theirFields)}.` : '';
  const both =
    conflict.bothChanged.length > 0
      ? ` You changed some of them too: ${list(conflict.bothChanged)}; check them before saving.`
      : '';
  return `${who}${when} saved a change to this record while you were editing it.${fields}${both} Your changes are not saved yet.`;
}

/** The stored record with the user's changed fields laid over it: what the form shows to be checked again. */
export function reappliedChanges(stored: RecordFields, mine: RecordFields): RecordFields {
  return { ...stored, ...mine };
}
