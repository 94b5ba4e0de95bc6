import type { Locale } from '../../core/i18n';
import type { FieldValue, RecordFields } from '../../core/records';
import type { ColumnSchema } from '../../core/schema';

/** What a form field holds: text for every column but the yes/no ones. */
export type InputValue = string | boolean;

/**
 * A stored value as the user types it again: money in złote with the decimal sign of their
 * language (grosze are the core's unit, never the user's), everything else as its text.
 */
export function inputValueOf(
  column: ColumnSchema,
  value: FieldValue | undefined,
  locale: Locale,
): InputValue {
  if (typeof value === 'boolean') return value;
  if (value === null || value === undefined) return column.type === 'boolean' ? false : '';
  if (column.type === 'money' && typeof value === 'number') {
    const sign = value < 0 ? '-' : '';
    const abs = Math.abs(value);
    const text = `${Math.floor(abs / 100)}${locale === 'pl' ? ',' : '.'}${String(abs % 100).padStart(2, '0')}`;
    return `${sign}${text}`;
  }
  return String(value);
}

/** The inputs the user changed against the ones the form started with; a cleared one is null. */
export function changedInputs(
  original: Readonly<Record<string, InputValue>>,
  values: Readonly<Record<string, InputValue>>,
): RecordFields {
  const changes: RecordFields = {};
  for (const [key, value] of Object.entries(values)) {
    if ((original[key] ?? '') === value) continue;
    changes[key] = typeof value === 'boolean' ? value : value.trim() === '' ? null : value;
  }
  return changes;
}

/** The inputs of `start` with those the user changed (against `original`) laid over them. */
export function withChangedInputs<V>(
  start: Readonly<Record<string, V>>,
  original: Readonly<Record<string, V>>,
  values: Readonly<Record<string, V>>,
): Record<string, V> {
  const changed = Object.keys(values).filter((key) => (values[key] ?? '') !== (original[key] ?? ''));
  return { ...start, ...Object.fromEntries(changed.map((key) => [key, values[key]])) };
}
