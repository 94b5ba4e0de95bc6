import { booleanFromWord, createCellContext, parseTypedNumber } from './cells';
import type { FieldIssue } from './errors';
import { CURRENT_SCHEMA } from './schema';
import type { ColumnSchema, TableSchema, TextCheck, WorkbookSchema } from './schema/types';
import { parseEmail, parseCurrency, parsePhone, parsePostalCode, parseUrl } from './validation/contact';
import { parseDate, parseTimestamp } from './validation/dates';
import { parseKrs, parseNip, parsePesel, parseRegon } from './validation/identifiers';
import { fieldMessage, type RuleCode } from './validation/messages';
import { parseMoney } from './validation/money';
import { accept, reject, type Parsed } from './validation/parsed';

/** A field's value in a record: dates `yyyy-mm-dd`, timestamps ISO 8601, money in grosze. */
export type FieldValue = string | number | boolean | null;

export interface RecordFields {
  [field: string]: FieldValue;
}

/**
 * - `stored`: a whole record as a store keeps it, tracking fields included;
 * - `create`: a new record from a caller (the store sets version and timestamps);
 * - `update`: only the fields present are checked; a required field may not be cleared and the
 *   id and tracking fields may not be changed.
 */
export type ValidationMode = 'stored' | 'create' | 'update';

export interface RecordValidation {
  ok: boolean;
  /** The normalised record (compact NIP, grosze, ISO dates, enum keys); complete only when ok. */
  record: RecordFields;
  issues: FieldIssue[];
}

const TRACKING_FIELDS = new Set(['version', 'createdAt', 'updatedAt']);
const EXCEL_CELL_LIMIT = 32_767;

const TEXT_CHECKS: Record<TextCheck, (text: string) => Parsed<string>> = {
  nip: parseNip,
  regon: parseRegon,
  krs: parseKrs,
  pesel: (text) => {
    const parsed = parsePesel(text);
    return parsed.ok ? accept(parsed.value.pesel) : parsed;
  },
  email: parseEmail,
  phone: parsePhone,
  postalCode: parsePostalCode,
  currency: parseCurrency,
  url: parseUrl,
};

/** Checks a record against its table and returns it normalised, or every issue found. */
export function validateRecord(
  table: TableSchema,
  input: Readonly<RecordFields>,
  options: { mode?: ValidationMode; schema?: Pick<WorkbookSchema, 'enums'> } = {},
): RecordValidation {
  const mode = options.mode ?? 'stored';
  const context = createCellContext(options.schema ?? CURRENT_SCHEMA, 'pl');
  const record: RecordFields = {};
  const issues: FieldIssue[] = [];
  const known = new Set(table.columns.map((c) => c.key));
  for (const field of Object.keys(input)) {
    if (!known.has(field)) {
      issues.push(issue({ pl: field, en: field }, field, input[field], 'unknownField'));
    }
  }
  for (const column of table.columns) {
    const present = Object.prototype.hasOwnProperty.call(input, column.key);
    if (mode === 'update' && !present) continue;
    if (mode === 'update' && (column.key === 'id' || TRACKING_FIELDS.has(column.key))) {
      issues.push(issue(column.header, column.key, input[column.key], 'readOnlyField'));
      continue;
    }
    const raw = input[column.key];
    if (raw === null || raw === undefined || raw === '') {
      const requiredHere = column.required && !(mode === 'create' && TRACKING_FIELDS.has(column.key));
      if (requiredHere) issues.push(issue(column.header, column.key, raw, 'required'));
      else if (present) record[column.key] = null;
      continue;
    }
    const parsed = parseField(column, raw, (enumKey, text) => context.enumCodec(enumKey).keyOf(text));
    if (parsed.ok) record[column.key] = parsed.value;
    else issues.push(issue(column.header, column.key, raw, parsed.rule));
  }
  return { ok: issues.length === 0, record, issues };
}

function issue(
  header: { pl: string; en: string },
  field: string,
  value: FieldValue | undefined,
  rule: RuleCode,
): FieldIssue {
  const shown = value === null || value === undefined ? '' : String(value);
  return { field, value: shown, rule, message: fieldMessage(header, shown, rule) };
}

type EnumLookup = (enumKey: string, text: string) => string | undefined;

function parseField(
  column: ColumnSchema,
  raw: string | number | boolean,
  enumKeyOf: EnumLookup,
): Parsed<FieldValue> {
  const text = typeof raw === 'string' ? raw : String(raw);
  switch (column.type) {
    case 'id':
    case 'ref':
      return text.trim() ? accept(text.trim()) : reject('id');
    case 'text': {
      if (typeof raw === 'boolean') return reject('tooLong');
      if (text.length > (column.maxLength ?? EXCEL_CELL_LIMIT)) return reject('tooLong');
      return column.check ? TEXT_CHECKS[column.check](text) : accept(text);
    }
    case 'integer': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? parseTypedNumber(raw) : undefined;
      return n !== undefined && Number.isSafeInteger(n) ? accept(n) : reject('integer');
    }
    case 'number': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? parseTypedNumber(raw) : undefined;
      return n !== undefined && Number.isFinite(n) ? accept(n) : reject('number');
    }
    case 'money': {
      if (typeof raw === 'boolean') return reject('money');
      const parsed = parseMoney(raw);
      return parsed.ok ? parsed : reject('money');
    }
    case 'percent': {
      const n =
        typeof raw === 'number'
          ? raw
          : typeof raw === 'string'
            ? parseTypedNumber(raw.replace(/\s*%$/, ''))
            : undefined;
      return n !== undefined && Number.isInteger(n) && n >= 0 && n <= 100 ? accept(n) : reject('percent');
    }
    case 'date':
      return typeof raw === 'string' ? parseDate(raw) : reject('date');
    case 'datetime':
      return typeof raw === 'string' ? parseTimestamp(raw) : reject('datetime');
    case 'boolean': {
      if (typeof raw === 'boolean') return accept(raw);
      const word = booleanFromWord(text);
      return word === undefined ? reject('boolean') : accept(word);
    }
    case 'enum': {
      const key = column.enumKey ? enumKeyOf(column.enumKey, text) : text;
      return key !== undefined ? accept(key) : reject('enum');
    }
  }
}
