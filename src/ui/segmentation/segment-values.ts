import type { Locale } from '../../core/i18n';
import type { FieldValue } from '../../core/records';
import { CURRENT_SCHEMA, tableByKey } from '../../core/schema';
import { enumLabel } from '../shared/enum-options';
import { segmentationViewText } from './segmentation-view-texts';

const CLIENT_COLUMNS = new Map(
  tableByKey(CURRENT_SCHEMA, 'clients').columns.map((column) => [column.key, column]),
);

/** A client field's name as the workbook's header shows it. */
export function clientFieldLabel(field: string, locale: Locale): string {
  return CLIENT_COLUMNS.get(field)?.header[locale] ?? field;
}

/** A client field's value as people read it: the label of a list key, yes/no, or "(empty)". */
export function clientValueText(field: string, value: FieldValue | undefined, locale: Locale): string {
  if (value === null || value === undefined || value === '') return segmentationViewText(locale, 'empty');
  if (typeof value === 'boolean') return segmentationViewText(locale, value ? 'yes' : 'no');
  const enumKey = CLIENT_COLUMNS.get(field)?.enumKey;
  return enumKey ? enumLabel(enumKey, String(value), locale) : String(value);
}
