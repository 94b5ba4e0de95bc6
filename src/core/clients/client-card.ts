import { CURRENT_SCHEMA } from '../schema';
import type { WorkbookSchema } from '../schema/types';
import { clientReferencesByTable, isEmptyValue, type StoredRow } from './client-rows';

/** Every table's rows grouped by the client they point at, built once per snapshot. */
export interface ClientRecordIndex<T extends StoredRow = StoredRow> {
  readonly clients: ReadonlyMap<string, T>;
  /** table key → client id → rows in workbook order. */
  readonly byTable: ReadonlyMap<string, ReadonlyMap<string, readonly T[]>>;
}

/** Groups per table array: a snapshot after a write shares the arrays of the tables it left alone. */
const GROUPS = new WeakMap<readonly StoredRow[], Map<string, Map<string, StoredRow[]>>>();
const CLIENTS = new WeakMap<readonly StoredRow[], Map<string, StoredRow>>();

/** Cheap for a snapshot that shares tables with an earlier one: only the changed tables are grouped again. */
export function indexByClient<T extends StoredRow>(
  tables: Readonly<Record<string, readonly T[]>>,
  schema: WorkbookSchema = CURRENT_SCHEMA,
): ClientRecordIndex<T> {
  const byTable = new Map<string, Map<string, T[]>>();
  for (const [table, columns] of clientReferencesByTable(schema)) {
    byTable.set(table, groupsOf(tables[table] ?? [], columns));
  }
  const clientRows = tables.clients ?? [];
  let clients = CLIENTS.get(clientRows) as Map<string, T> | undefined;
  if (!clients) {
    clients = new Map(clientRows.map((c) => [c.id, c]));
    CLIENTS.set(clientRows, clients);
  }
  return { clients, byTable };
}

function groupsOf<T extends StoredRow>(rows: readonly T[], columns: readonly string[]): Map<string, T[]> {
  const columnsKey = columns.join(',');
  const cached = GROUPS.get(rows)?.get(columnsKey);
  if (cached) return cached as Map<string, T[]>;
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    columns.forEach((column, i) => {
      const clientId = row[column];
      // A row naming the same client in two columns is listed once.
      if (typeof clientId !== 'string' || !clientId || columns.slice(0, i).some((c) => row[c] === clientId)) {
        return;
      }
      const group = groups.get(clientId);
      if (group) group.push(row);
      else groups.set(clientId, [row]);
    });
  }
  const perColumns = GROUPS.get(rows) ?? new Map<string, Map<string, StoredRow[]>>();
  perColumns.set(columnsKey, groups);
  GROUPS.set(rows, perColumns);
  return groups;
}

/** A contact person with what GDPR asks to be known about the processing of their data. */
export interface PersonOnCard<T extends StoredRow = StoredRow> {
  person: T;
  legalBasis: string | null;
  consentDate: string | null;
  /** The person withdrew their consent on this day: it no longer allows the processing. */
  consentWithdrawnOn: string | null;
  retentionUntil: string | null;
  /** The retention date has passed: the data should be erased or the basis renewed. */
  retentionPassed: boolean;
  missingLegalBasis: boolean;
  /** Consent is the basis but its date is not recorded. */
  missingConsentDate: boolean;
}

export interface ClientCard<T extends StoredRow = StoredRow> {
  client: T;
  people: PersonOnCard<T>[];
  /** Activities, newest first. */
  history: T[];
  opportunities: T[];
  /** Newest first. */
  offers: T[];
  tasks: T[];
  projects: T[];
  surveyAnswers: T[];
  /** Newest first. */
  complaints: T[];
  /** People with a GDPR flag. */
  gdprAttention: number;
}

/**
 * The 360° card of one client; its cost is the client's own records. `today` (`yyyy-mm-dd`)
 * decides which retention dates have passed.
 */
export function buildClientCard<T extends StoredRow>(
  index: ClientRecordIndex<T>,
  clientId: string,
  today: string,
): ClientCard<T> | undefined {
  const client = index.clients.get(clientId);
  if (!client) return undefined;
  const of = (table: string) => [...(index.byTable.get(table)?.get(clientId) ?? [])];
  const people = of('people').map((person) => personOnCard(person, today));
  return {
    client,
    people,
    history: newestFirst(of('activities'), 'occurredAt'),
    opportunities: of('opportunities'),
    offers: newestFirst(of('offers'), 'issuedOn'),
    tasks: of('tasks'),
    projects: of('projects'),
    surveyAnswers: of('surveyAnswers'),
    complaints: newestFirst(of('complaints'), 'receivedOn'),
    gdprAttention: people.filter(
      (p) =>
        p.retentionPassed || p.missingLegalBasis || p.missingConsentDate || p.consentWithdrawnOn !== null,
    ).length,
  };
}

function personOnCard<T extends StoredRow>(person: T, today: string): PersonOnCard<T> {
  const textOrNull = (field: string) => (isEmptyValue(person[field]) ? null : String(person[field]));
  const legalBasis = textOrNull('legalBasis');
  const consentDate = textOrNull('consentDate');
  const consentWithdrawnOn = textOrNull('consentWithdrawnOn');
  const retentionUntil = textOrNull('retentionUntil');
  return {
    person,
    legalBasis,
    consentDate,
    consentWithdrawnOn,
    retentionUntil,
    retentionPassed: retentionUntil !== null && retentionUntil < today,
    missingLegalBasis: legalBasis === null,
    missingConsentDate: legalBasis === 'consent' && consentDate === null,
  };
}

/** Sorted by a date or timestamp field, latest first; rows without it last; ties keep workbook order. */
function newestFirst<T extends StoredRow>(rows: T[], field: string): T[] {
  const key = (row: T) => (isEmptyValue(row[field]) ? '' : String(row[field]));
  return rows.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return x === y ? 0 : x > y ? -1 : 1;
  });
}
