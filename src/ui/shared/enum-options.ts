import type { Locale } from '../../core/i18n';
import { CURRENT_SCHEMA, enumByKey } from '../../core/schema';

export interface EnumOption {
  key: string;
  label: string;
}

/** The choices of a closed list with their labels in the user's language. */
export function enumOptions(enumKey: string, locale: Locale): EnumOption[] {
  return enumByKey(CURRENT_SCHEMA, enumKey).values.map((value) => ({
    key: value.key,
    label: value.label[locale],
  }));
}

/** The label of one key of a closed list; an unknown key is shown as it is. */
export function enumLabel(enumKey: string, key: string | null | undefined, locale: Locale): string {
  if (key === null || key === undefined || key === '') return '';
  const found = enumByKey(CURRENT_SCHEMA, enumKey).values.find((value) => value.key === key);
  return found ? found.label[locale] : key;
}
