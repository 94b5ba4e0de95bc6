import { isIsoTimestamp, parseTypedDate } from '../cells';
import type { Locale } from '../i18n';
import { accept, reject, type Parsed } from './parsed';

/** A date typed `dd.mm.rrrr`, `d.m.rrrr` or `yyyy-mm-dd` → `yyyy-mm-dd`; impossible dates are refused. */
export function parseDate(input: string): Parsed<string> {
  const iso = parseTypedDate(input);
  return iso ? accept(iso) : reject('date');
}

/** `yyyy-mm-dd` → `22.11.2026` (pl) or `2026-11-22` (en). */
export function formatDate(iso: string, locale: Locale): string {
  if (locale === 'en') return iso;
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}

/** An ISO 8601 timestamp with a zone, kept as written. */
export function parseTimestamp(input: string): Parsed<string> {
  const text = input.trim();
  return isIsoTimestamp(text) ? accept(text) : reject('datetime');
}
