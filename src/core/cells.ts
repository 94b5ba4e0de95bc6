import type { Bilingual, Locale } from './i18n';
import type { ColumnSchema, ColumnType, EnumSchema, WorkbookSchema } from './schema/types';

/**
 * The cell codec: how a record's field becomes a spreadsheet cell and back. Pure; the
 * adapters (ExcelJS file, Graph, Office.js) turn their own cell shapes into `RawCell` first.
 */

/** A field's value in a record (the same shape as the store port's `FieldValue`). */
export type CellFieldValue = string | number | boolean | null;

/** A cell's value as a spreadsheet gives it, after formulas are replaced by their results. */
export type RawCell = string | number | boolean | Date | null | undefined;

/** What `encodeCell` puts in a cell: never a formula, never a Date (dates are serial numbers). */
export type EncodedCell = string | number | boolean | null;

export type DecodeResult = { ok: true; value: CellFieldValue } | { ok: false; expected: Bilingual };

/** Reads and writes one enumeration's values: keys in records, labels in cells. */
export interface EnumCodec {
  labelOf(key: string, locale: Locale): string | undefined;
  /** The key for a label in either language or for the key itself (case- and space-insensitive). */
  keyOf(text: string): string | undefined;
  labels(locale: Locale): string[];
}

export interface CellContext {
  /** The workbook's language: enum labels are written in it. */
  locale: Locale;
  enumCodec(enumKey: string): EnumCodec;
}

/** What each column type expects, for `badCell` messages. */
export const EXPECTED_BY_TYPE: Record<ColumnType, Bilingual> = {
  id: { pl: 'identyfikator (tekst)', en: 'an identifier (text)' },
  text: { pl: 'tekst', en: 'text' },
  integer: { pl: 'liczba całkowita', en: 'a whole number' },
  number: { pl: 'liczba', en: 'a number' },
  money: { pl: 'kwota w złotych, np. 1 234,56', en: 'an amount, e.g. 1234.56' },
  percent: { pl: 'procent jako liczba całkowita 0–100', en: 'a whole percent 0–100' },
  date: { pl: 'data dd.mm.rrrr', en: 'a date dd.mm.yyyy' },
  datetime: {
    pl: 'data i godzina ISO 8601, np. 2024-05-01T10:00:00Z',
    en: 'an ISO 8601 timestamp, e.g. 2024-05-01T10:00:00Z',
  },
  boolean: { pl: 'PRAWDA lub FAŁSZ', en: 'TRUE or FALSE' },
  enum: { pl: 'jedna z wartości z listy', en: 'one of the values in the list' },
  ref: { pl: 'identyfikator rekordu (tekst)', en: 'a record identifier (text)' },
};

export const REQUIRED_VALUE: Bilingual = {
  pl: 'wartość (pole jest wymagane)',
  en: 'a value (the field is required)',
};

/** Text a spreadsheet would run as a formula if it were typed in: `=`, `+`, `-`, `@`, tab, CR. */
export function isFormulaLike(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

// Excel's day 0 is 1899-12-30, so that serial 60 is the (non-existent) 1900-02-29 of Lotus.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const MAX_SERIAL = 2_958_465; // 9999-12-31

/** `yyyy-mm-dd` → Excel serial day number, or undefined for an impossible date. */
export function isoDateToSerial(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const ms = validUtcDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return ms === undefined ? undefined : Math.round((ms - EXCEL_EPOCH_MS) / DAY_MS);
}

/** Excel serial day number → `yyyy-mm-dd` (the time of day, if any, is dropped). */
export function serialToIsoDate(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_SERIAL) return undefined;
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

function validUtcDate(year: number, month: number, day: number): number | undefined {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  return new Date(ms).getUTCDate() === day ? ms : undefined;
}

/** A date typed `dd.mm.rrrr` (also `d.m.rrrr`) or ISO `yyyy-mm-dd` → `yyyy-mm-dd`. */
export function parseTypedDate(text: string): string | undefined {
  const t = text.trim();
  const pl = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  const [year, month, day] = pl
    ? [Number(pl[3]), Number(pl[2]), Number(pl[1])]
    : (/^(\d{4})-(\d{2})-(\d{2})$/.exec(t)?.slice(1).map(Number) ?? []);
  if (year === undefined) return undefined;
  const ms = validUtcDate(year, month, day);
  return ms === undefined ? undefined : new Date(ms).toISOString().slice(0, 10);
}

/**
 * A number typed the Polish or the English way (`1 234,56`, `1234.56`, `1 234,56 zł`, `-12,5`)
 * as a plain decimal string (`1234.56`), so that callers needing exact digits (money) get them.
 * A lone dot followed by three digits in groups (`1.234.567`) is read as thousands separators.
 */
export function canonicalTypedNumber(text: string): string | undefined {
  let t = text.replace(/[\s\u00a0\u202f]/g, '').replace(/(zł|pln)$/i, '');
  if (t === '') return undefined;
  const comma = t.lastIndexOf(',');
  const dot = t.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    t = comma > dot ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
  } else if (comma >= 0) {
    if ((t.match(/,/g) ?? []).length > 1) return undefined;
    t = t.replace(',', '.');
  } else if (/^-?\d{1,3}(\.\d{3}){2,}$/.test(t)) {
    t = t.replace(/\./g, '');
  }
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(t) ? t : undefined;
}

/** A number typed the Polish or the English way (see `canonicalTypedNumber`). */
export function parseTypedNumber(text: string): number | undefined {
  const canonical = canonicalTypedNumber(text);
  return canonical === undefined ? undefined : Number(canonical);
}

const ISO_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 timestamp with a zone whose date exists (JavaScript's own parser takes 31 November). */
export function isIsoTimestamp(text: string): boolean {
  // Every stored row has several timestamps: checked from the match's digits, without a Date.
  const m = ISO_TIMESTAMP.exec(text);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days =
    month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days;
}

const TRUE_WORDS = new Set(['true', 'prawda', 'tak', 'yes', '1']);
const FALSE_WORDS = new Set(['false', 'fałsz', 'falsz', 'nie', 'no', '0']);

/** `tak`/`nie`, `yes`/`no`, `PRAWDA`/`FAŁSZ`, `TRUE`/`FALSE`, `1`/`0` → a boolean. */
export function booleanFromWord(text: string): boolean | undefined {
  const word = normalizeLabel(text);
  return TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : undefined;
}

/** Lower-case, trimmed, inner runs of white space made one space: how labels and headers are compared. */
export function normalizeLabel(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

const TYPED_LABELS_KEPT = 1000;

function buildEnumCodec(schema: EnumSchema): EnumCodec {
  const byText = new Map<string, string>();
  for (const v of schema.values) {
    for (const alias of [v.key, v.label.pl, v.label.en]) byText.set(normalizeLabel(alias), v.key);
  }
  const byKey = new Map(schema.values.map((v) => [v.key, v.label]));
  // Cells hold the same few labels over and over: each text as typed is normalised once.
  const byTyped = new Map<string, string>();
  return {
    labelOf: (key, locale) => byKey.get(key)?.[locale],
    keyOf: (text) => {
      const seen = byTyped.get(text);
      if (seen !== undefined) return seen;
      const key = byText.get(normalizeLabel(text));
      if (key !== undefined && byTyped.size < TYPED_LABELS_KEPT) byTyped.set(text, key);
      return key;
    },
    labels: (locale) => schema.values.map((v) => v.label[locale]),
  };
}

const codecCache = new WeakMap<readonly EnumSchema[], Map<string, EnumCodec>>();

/** The codec context for one workbook: its locale and the schema's enumerations, indexed once. */
export function createCellContext(schema: Pick<WorkbookSchema, 'enums'>, locale: Locale): CellContext {
  let codecs = codecCache.get(schema.enums);
  if (!codecs) {
    codecs = new Map(schema.enums.map((e) => [e.key, buildEnumCodec(e)]));
    codecCache.set(schema.enums, codecs);
  }
  const known = codecs;
  return {
    locale,
    enumCodec(enumKey) {
      const codec = known.get(enumKey);
      if (!codec) throw new Error(`Unknown enumeration: ${enumKey}`);
      return codec;
    },
  };
}

/** A record field → the cell value to write. Values that do not fit the type are written as they are, so nothing is lost. */
export function encodeCell(
  column: ColumnSchema,
  value: CellFieldValue | undefined,
  ctx: CellContext,
): EncodedCell {
  if (value === null || value === undefined || value === '') return null;
  switch (column.type) {
    case 'money':
      return typeof value === 'number' ? value / 100 : value;
    case 'date':
      return typeof value === 'string' ? (isoDateToSerial(value) ?? value) : value;
    case 'enum':
      return typeof value === 'string' && column.enumKey
        ? (ctx.enumCodec(column.enumKey).labelOf(value, ctx.locale) ?? value)
        : value;
    case 'id':
    case 'ref':
    case 'text':
    case 'datetime':
      return String(value);
    default:
      return value;
  }
}

const ok = (value: CellFieldValue): DecodeResult => ({ ok: true, value });
const EMPTY: DecodeResult = Object.freeze({ ok: true, value: null });
// One answer per type, not one per cell: every cell of a load is decoded.
const FAIL_BY_TYPE = Object.fromEntries(
  Object.entries(EXPECTED_BY_TYPE).map(([type, expected]) => [type, Object.freeze({ ok: false, expected })]),
) as Record<ColumnType, DecodeResult>;

/** A cell → the record field, or what was expected when the cell does not fit the column. */
export function decodeCell(column: ColumnSchema, raw: RawCell, ctx: CellContext): DecodeResult {
  if (raw === null || raw === undefined || raw === '') return EMPTY;
  const fail = FAIL_BY_TYPE[column.type];
  switch (column.type) {
    case 'id':
    case 'ref':
    case 'text':
      return ok(textOf(raw));
    case 'integer': {
      const n = numberOf(raw);
      return n !== undefined && Number.isSafeInteger(n) ? ok(n) : fail;
    }
    case 'number': {
      const n = numberOf(raw);
      return n !== undefined ? ok(n) : fail;
    }
    case 'money': {
      const n = numberOf(raw);
      // Rounded to whole grosze: a cell computed by a formula may carry float noise.
      return n !== undefined && Math.abs(n) < 9e13 ? ok(Math.round(n * 100)) : fail;
    }
    case 'percent': {
      const n = typeof raw === 'string' ? numberOf(raw.replace(/\s*%$/, '')) : numberOf(raw);
      return n !== undefined && Number.isInteger(n) && n >= 0 && n <= 100 ? ok(n) : fail;
    }
    case 'date': {
      const iso = dateOf(raw);
      return iso !== undefined ? ok(iso) : fail;
    }
    case 'datetime': {
      if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? fail : ok(raw.toISOString());
      if (typeof raw === 'number') {
        return raw >= 1 && raw <= MAX_SERIAL
          ? ok(new Date(EXCEL_EPOCH_MS + raw * DAY_MS).toISOString())
          : fail;
      }
      const t = String(raw);
      return isIsoTimestamp(t) ? ok(t) : fail;
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return ok(raw);
      const word = booleanFromWord(String(raw));
      return word === undefined ? fail : ok(word);
    }
    case 'enum': {
      if (!column.enumKey) return ok(textOf(raw));
      const codec = ctx.enumCodec(column.enumKey);
      const key =
        codec.keyOf(textOf(raw)) ??
        // Typing `23%` in Excel stores 0.23 with a percent format.
        (typeof raw === 'number' ? codec.keyOf(`${Math.round(raw * 100)}%`) : undefined);
      return key !== undefined ? ok(key) : fail;
    }
  }
}

function textOf(raw: string | number | boolean | Date): string {
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  return String(raw);
}

function numberOf(raw: string | number | boolean | Date): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw === 'string') return parseTypedNumber(raw);
  return undefined;
}

function dateOf(raw: string | number | boolean | Date): string | undefined {
  if (raw instanceof Date) {
    return Number.isNaN(raw.getTime())
      ? undefined
      : serialToIsoDate((raw.getTime() - EXCEL_EPOCH_MS) / DAY_MS);
  }
  if (typeof raw === 'number') return serialToIsoDate(raw);
  if (typeof raw === 'string') return parseTypedDate(raw);
  return undefined;
}
