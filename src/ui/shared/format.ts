import type { Locale } from '../../core/i18n';
import type { FieldValue } from '../../core/records';
import { formatDate } from '../../core/validation/dates';
import { formatMoney } from '../../core/validation/money';

/** `yyyy-mm-dd` or an ISO timestamp as a date people read (time in the user's time zone). */
export function shownDate(value: FieldValue | undefined, locale: Locale): string {
  if (typeof value !== 'string' || value === '') return '';
  if (value.length === 10) return formatDate(value, locale);
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString(locale === 'pl' ? 'pl-PL' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
}

/** Grosze as an amount, or nothing when the value is empty. */
export function shownMoney(value: FieldValue | undefined, locale: Locale, currency?: FieldValue): string {
  if (typeof value !== 'number') return '';
  return formatMoney(value, locale, typeof currency === 'string' && currency ? currency : 'PLN');
}

export function shownText(value: FieldValue | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Today in the user's time zone as `yyyy-mm-dd`: the default of date fields. */
export function todayIso(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}
