import type { FieldIssue } from '../errors';
import type { Bilingual } from '../i18n';
import { validateRecord, type RecordFields } from '../records';
import { normalizeClientName } from '../clients/client-duplicates';
import { normalizeLabel } from '../cells';
import { CURRENT_SCHEMA, enumByKey, tableByKey } from '../schema';
import type { ColumnSchema } from '../schema/types';
import { krsOfNumberCell } from '../validation/identifiers';
import { fieldMessage } from '../validation/messages';
import type { ColumnMapping, ImportTable } from './column-mapping';
import { IMPORT_TEXTS } from './import-texts';
import { listLabels, listValueKey } from './list-values';
import { runSteps, STEP_ROWS } from './steps';

/** What a new client gets for a field the file does not give (enum keys). */
export interface ImportDefaults {
  status: string;
  source: string;
}

export const IMPORT_DEFAULTS: ImportDefaults = { status: 'lead', source: 'import' };

/** One row of the file, valid and normalised the way the workbook keeps values. */
export interface ImportRow {
  /** The row's number in the source file, the header row being 1. */
  rowNumber: number;
  client: RecordFields;
  /**
   * Fields the import filled itself (defaults, the inferred type): they go into a new client but
   * never replace or fill anything in a client already in the base.
   */
  defaulted: readonly string[];
  /** The contact person of a company client, when the row names one. */
  person: RecordFields | null;
  cells: readonly string[];
  /** What the import read differently from how the file wrote it, for the preview to say. */
  notes: Bilingual[];
}

export interface RejectedRow {
  rowNumber: number;
  cells: readonly string[];
  issues: FieldIssue[];
  /** One sentence per issue naming the field, the value and the rule. */
  reasons: Bilingual[];
}

export interface ImportRowsResult {
  valid: ImportRow[];
  rejected: RejectedRow[];
  /** Rows with no value at all, passed over. */
  blankRows: number;
}

export interface ImportRowsOptions {
  /** The file's row number of the first data row; 2 when the header is row 1. */
  firstRowNumber?: number;
  defaults?: Partial<ImportDefaults>;
  /**
   * Whether the cell of a file row (1-based, the header row being 1) and column (0-based) held a
   * number: a spreadsheet drops a number's leading zeros, so a KRS from such a cell is padded.
   */
  isNumberCell?: (rowNumber: number, column: number) => boolean;
}

const CLIENTS = tableByKey(CURRENT_SCHEMA, 'clients');
const PEOPLE = tableByKey(CURRENT_SCHEMA, 'people');
/** The ids are given by the store when the plan is written, not by the file. */
const GIVEN_LATER = new Set(['id', 'clientId']);
const COLUMNS: Record<ImportTable, ReadonlyMap<string, ColumnSchema>> = {
  clients: new Map(CLIENTS.columns.map((column) => [column.key, column])),
  people: new Map(PEOPLE.columns.map((column) => [column.key, column])),
};
const NO_NUMBER_CELLS = () => false;

/**
 * Turns data rows into client records through the mapping: Polish values parsed and checked by
 * `validateRecord`, defaults applied, rows that break a rule or repeat an earlier row's NIP rejected.
 */
export function buildImportRows(
  dataRows: readonly (readonly string[])[],
  mapping: ColumnMapping,
  options: ImportRowsOptions = {},
): ImportRowsResult {
  return runSteps(checkImportRows(dataRows, mapping, options));
}

/**
 * `buildImportRows` in steps: yields the number of rows checked so far every `STEP_ROWS` rows,
 * so a caller can show progress and stop between steps; returns the result at the end.
 */
export function* checkImportRows(
  dataRows: readonly (readonly string[])[],
  mapping: ColumnMapping,
  options: ImportRowsOptions = {},
): Generator<number, ImportRowsResult> {
  const defaults = { ...IMPORT_DEFAULTS, ...options.defaults };
  const firstRowNumber = options.firstRowNumber ?? 2;
  const result: ImportRowsResult = { valid: [], rejected: [], blankRows: 0 };
  // A contact list repeats its firm's NIP on each person's row: the same NIP under the same name
  // is one firm (planImport makes one client of it); under another name it is a mistake.
  const firstOfNip = new Map<string, { rowNumber: number; name: string; typedName: string }>();
  for (let index = 0; index < dataRows.length; index++) {
    if (index > 0 && index % STEP_ROWS === 0) yield index;
    const cells = dataRows[index];
    const rowNumber = firstRowNumber + index;
    if (cells.every((cell) => cell.trim() === '')) {
      result.blankRows += 1;
      continue;
    }
    const isNumberCell = (column: number) => (options.isNumberCell ?? NO_NUMBER_CELLS)(rowNumber, column);
    const { client, person, defaulted, notes } = draftsOf(cells, mapping, defaults, isNumberCell);
    const checkedClient = validateRecord(CLIENTS, client, { mode: 'create' });
    const issues = checkedClient.issues.filter((i) => !GIVEN_LATER.has(i.field)).map(withAllowed('clients'));
    let checkedPerson: RecordFields | null = null;
    if (person && checkedClient.record.type !== 'person') {
      const validation = validateRecord(PEOPLE, person, { mode: 'create' });
      issues.push(...validation.issues.filter((i) => !GIVEN_LATER.has(i.field)).map(withAllowed('people')));
      checkedPerson = validation.record;
    }
    const nip = checkedClient.record.nip;
    if (typeof nip === 'string') {
      const typedName = String(checkedClient.record.name ?? '');
      const name = normalizeClientName(typedName);
      const first = firstOfNip.get(nip);
      if (first === undefined) firstOfNip.set(nip, { rowNumber, name, typedName });
      else if (first.name !== name) issues.push(duplicateNipIssue(String(client.nip), nip, first));
    }
    if (issues.length > 0) {
      result.rejected.push({ rowNumber, cells, issues, reasons: issues.map((i) => i.message) });
    } else {
      result.valid.push({
        rowNumber,
        client: checkedClient.record,
        defaulted,
        person: checkedPerson,
        cells,
        notes,
      });
    }
  }
  return result;
}

function duplicateNipIssue(
  typed: string,
  nip: string,
  first: { rowNumber: number; typedName: string },
): FieldIssue {
  return {
    field: 'nip',
    value: typed,
    rule: 'duplicateInFile',
    message: IMPORT_TEXTS.duplicateNipInFile(nip, first.rowNumber, first.typedName),
  };
}

/** A value not in its list, told with the labels the list allows. */
const withAllowed =
  (table: ImportTable) =>
  (issue: FieldIssue): FieldIssue => {
    const column = COLUMNS[table].get(issue.field);
    if (issue.rule !== 'enum' || !column?.enumKey) return issue;
    const allowed = IMPORT_TEXTS.allowedValues(listLabels(column.enumKey));
    return { ...issue, message: fieldMessage(column.header, issue.value, 'enum', allowed) };
  };

interface RowDrafts {
  client: RecordFields;
  person: RecordFields | null;
  defaulted: string[];
  notes: Bilingual[];
}

/**
 * The cell's value as the field takes it: a list's value by its key when the file gives a label or
 * a synonym (`www` → website); a KRS from a number cell with the zeros the spreadsheet dropped.
 */
function readCell(
  table: ImportTable,
  field: string,
  value: string,
  numberCell: boolean,
  notes: Bilingual[],
): string {
  const column = COLUMNS[table].get(field);
  if (column?.enumKey) {
    const key = listValueKey(column.enumKey, value);
    if (key === undefined || key === value) return key ?? value;
    const label = enumByKey(CURRENT_SCHEMA, column.enumKey).values.find((v) => v.key === key)?.label;
    const said = label && [label.pl, label.en].some((text) => normalizeLabel(text) === normalizeLabel(value));
    if (label && !said) notes.push(IMPORT_TEXTS.listValueRead(column.header, value, label));
    return key;
  }
  if (column?.check === 'krs' && numberCell) {
    const krs = krsOfNumberCell(value);
    if (krs) {
      notes.push(IMPORT_TEXTS.krsFromNumberCell(value, krs));
      return krs;
    }
  }
  return value;
}

/**
 * The row's values by field. A row with a person's name and no company name is a private person
 * named after them; a row with a company name or a NIP is a company; empty cells give no field, so
 * they never clear anything.
 */
function draftsOf(
  cells: readonly string[],
  mapping: ColumnMapping,
  defaults: ImportDefaults,
  isNumberCell: (column: number) => boolean,
): RowDrafts {
  const values: Record<ImportTable, RecordFields> = { clients: {}, people: {} };
  const notes: Bilingual[] = [];
  mapping.forEach((target, column) => {
    const value = (cells[column] ?? '').trim();
    if (!target || value === '') return;
    const [table, field] = target.split('.') as [ImportTable, string];
    values[table][field] = readCell(table, field, value, isNumberCell(column), notes);
  });
  const client = values.clients;
  const person = Object.keys(values.people).length > 0 ? values.people : null;
  const defaulted: string[] = [];
  const personName = [person?.firstName, person?.lastName].filter(Boolean).join(' ');
  const privatePerson = client.name === undefined && client.nip === undefined && personName !== '';
  if (privatePerson) {
    client.name = personName;
    for (const field of ['email', 'phone'] as const) {
      if (client[field] === undefined && person?.[field] !== undefined) client[field] = person[field];
    }
  }
  const fill = (field: string, value: string) => {
    if (client[field] !== undefined) return;
    client[field] = value;
    defaulted.push(field);
  };
  fill('type', privatePerson ? 'person' : 'company');
  fill('status', defaults.status);
  fill('source', defaults.source);
  return { client, person: privatePerson ? null : person, defaulted, notes };
}
