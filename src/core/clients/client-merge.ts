import { RelacjeError } from '../errors';
import { countOf, type CountForms } from '../plural';
import { formatMoney } from '../validation/money';
import type { Bilingual, Locale } from '../i18n';
import type { FieldValue, RecordFields } from '../records';
import { CURRENT_SCHEMA, ID_COLUMN, TRACKING_COLUMNS, tableByKey } from '../schema';
import type { WorkbookSchema } from '../schema/types';
import { auditRow } from './audit-rows';
import {
  clientReferencesByTable,
  isEmptyValue,
  type NewRow,
  type RowRef,
  type RowUpdate,
  type StoredRow,
  type TableRows,
} from './client-rows';

/** A field both clients hold with different values: the survivor's stays, the UI shows the other. */
export interface MergeConflict {
  field: string;
  header: Bilingual;
  survivorValue: FieldValue;
  mergedValue: FieldValue;
}

/** What one table receives, in the order a store applies it: updates, then appends, then removes. */
export interface TableWrites {
  updates: RowUpdate[];
  appends: NewRow[];
  removes: RowRef[];
}

export interface ClientMergePlan {
  survivorId: string;
  mergedId: string;
  /** Fields the survivor takes from the merged client because its own are empty. */
  filled: RecordFields;
  conflicts: MergeConflict[];
  /** Records re-pointed from the merged client to the survivor, by table. */
  moved: Record<string, number>;
  /** Every write of the merge by table key (references, survivor, history, audit, the deletion). */
  writes: Record<string, TableWrites>;
}

export interface MergeContext {
  /** ISO timestamp of the merge. */
  at: string;
  user: string;
  newId: () => string;
  /** Language of the history entry: the user's (the workbook's when not told). Default Polish. */
  locale?: Locale;
  schema?: WorkbookSchema;
}

const NOT_MERGED = new Set([ID_COLUMN.key, ...TRACKING_COLUMNS.map((c) => c.key)]);

/**
 * Plans the merge of `mergedId` into `survivorId`: pure, from the rows as read. The survivor never
 * loses a value; the merged client's record and every value the survivor did not take are kept in
 * the history entry and the audit, so the deletion loses nothing.
 */
export function planClientMerge(
  tables: TableRows,
  survivorId: string,
  mergedId: string,
  context: MergeContext,
): ClientMergePlan {
  if (survivorId === mergedId) throw new Error('A client cannot be merged into itself');
  const schema = context.schema ?? CURRENT_SCHEMA;
  const clients = tables.clients ?? [];
  const survivor = clients.find((c) => c.id === survivorId);
  const merged = clients.find((c) => c.id === mergedId);
  if (!survivor) throw new RelacjeError('recordNotFound', { table: 'clients', id: survivorId });
  if (!merged) throw new RelacjeError('recordNotFound', { table: 'clients', id: mergedId });

  const writes: Record<string, TableWrites> = {};
  const writesOf = (table: string) => (writes[table] ??= { updates: [], appends: [], removes: [] });
  const audit = (table: string, recordId: string, details: unknown) =>
    writesOf('audit').appends.push(
      auditRow({
        id: context.newId(),
        at: context.at,
        user: context.user,
        action: 'merge',
        table,
        recordId,
        details,
      }),
    );

  const moved = moveReferences(tables, schema, mergedId, survivorId, writesOf, audit);
  const { filled, conflicts } = fillEmptyFields(tableByKey(schema, 'clients').columns, survivor, merged);
  if (Object.keys(filled).length > 0) {
    writesOf('clients').updates.push({ id: survivorId, expectedVersion: survivor.version, changes: filled });
  }
  const history = historyText(merged, moved, filled, conflicts, schema);
  const locale = context.locale ?? 'pl';
  writesOf('activities').appends.push({
    id: context.newId(),
    clientId: survivorId,
    type: 'merge',
    occurredAt: context.at,
    subject: history.subject[locale],
    details: history.details[locale],
    owner: context.user,
  });
  audit('clients', survivorId, { mergedId, filled, conflicts: conflicts.map(({ header: _, ...c }) => c) });
  audit('clients', mergedId, { mergedInto: survivorId, record: merged });
  writesOf('clients').removes.push({ id: mergedId, expectedVersion: merged.version });
  return { survivorId, mergedId, filled, conflicts, moved, writes };
}

function moveReferences(
  tables: TableRows,
  schema: WorkbookSchema,
  fromId: string,
  toId: string,
  writesOf: (table: string) => TableWrites,
  audit: (table: string, recordId: string, details: unknown) => void,
): Record<string, number> {
  const moved: Record<string, number> = {};
  for (const [table, columns] of clientReferencesByTable(schema)) {
    for (const row of tables[table] ?? []) {
      const changes: RecordFields = {};
      for (const column of columns) if (row[column] === fromId) changes[column] = toId;
      if (Object.keys(changes).length === 0) continue;
      writesOf(table).updates.push({ id: row.id, expectedVersion: row.version, changes });
      audit(table, row.id, { from: fromId, to: toId, columns: Object.keys(changes) });
      moved[table] = (moved[table] ?? 0) + 1;
    }
  }
  return moved;
}

function fillEmptyFields(
  columns: ReturnType<typeof tableByKey>['columns'],
  survivor: StoredRow,
  merged: StoredRow,
): { filled: RecordFields; conflicts: MergeConflict[] } {
  const filled: RecordFields = {};
  const conflicts: MergeConflict[] = [];
  for (const column of columns) {
    if (NOT_MERGED.has(column.key)) continue;
    const mine = survivor[column.key];
    const theirs = merged[column.key];
    if (isEmptyValue(theirs)) continue;
    if (isEmptyValue(mine)) filled[column.key] = theirs;
    else if (mine !== theirs) {
      conflicts.push({ field: column.key, header: column.header, survivorValue: mine, mergedValue: theirs });
    }
  }
  return { filled, conflicts };
}

/** The records of each table a merge moves, counted in words: "1 osoba kontaktowa", "3 wpisy historii". */
const MOVED_FORMS: Record<string, CountForms> = {
  people: {
    pl: ['osoba kontaktowa', 'osoby kontaktowe', 'osób kontaktowych'],
    en: ['contact person', 'contact people'],
  },
  activities: {
    pl: ['wpis historii', 'wpisy historii', 'wpisów historii'],
    en: ['history entry', 'history entries'],
  },
  opportunities: {
    pl: ['szansa sprzedaży', 'szanse sprzedaży', 'szans sprzedaży'],
    en: ['opportunity', 'opportunities'],
  },
  offers: { pl: ['oferta', 'oferty', 'ofert'], en: ['offer', 'offers'] },
  tasks: { pl: ['zadanie', 'zadania', 'zadań'], en: ['task', 'tasks'] },
  projects: { pl: ['projekt', 'projekty', 'projektów'], en: ['project', 'projects'] },
  surveyAnswers: {
    pl: ['odpowiedź z ankiety', 'odpowiedzi z ankiet', 'odpowiedzi z ankiet'],
    en: ['survey answer', 'survey answers'],
  },
  complaints: { pl: ['reklamacja', 'reklamacje', 'reklamacji'], en: ['complaint', 'complaints'] },
};

/** `count` records of `table` in words; a table without its own words is named by its sheet. */
export function movedRecordsText(
  table: string,
  count: number,
  locale: Locale,
  schema: WorkbookSchema = CURRENT_SCHEMA,
): string {
  const forms = MOVED_FORMS[table];
  if (forms) return countOf(locale, count, forms);
  const sheet = schema.tables.find((t) => t.key === table)?.sheet[locale] ?? table;
  return `${sheet}: ${count.toLocaleString(locale === 'pl' ? 'pl-PL' : 'en-GB')}`;
}

const YES_NO: Record<Locale, readonly [string, string]> = { pl: ['tak', 'nie'], en: ['yes', 'no'] };

/** A client field's value as people read it: a list's label, yes/no, an amount in złote; never a key. */
export function mergeValueText(
  field: string,
  value: FieldValue,
  locale: Locale,
  schema: WorkbookSchema = CURRENT_SCHEMA,
): string {
  if (value === null || value === '') return '';
  if (typeof value === 'boolean') return YES_NO[locale][value ? 0 : 1];
  const column = tableByKey(schema, 'clients').columns.find((c) => c.key === field);
  if (column?.enumKey) {
    const label = schema.enums.find((e) => e.key === column.enumKey)?.values.find((v) => v.key === value)
      ?.label[locale];
    return label ?? String(value);
  }
  if (column?.type === 'money' && typeof value === 'number') return formatMoney(value, locale);
  return String(value);
}

function historyText(
  merged: StoredRow,
  moved: Record<string, number>,
  filled: RecordFields,
  conflicts: readonly MergeConflict[],
  schema: WorkbookSchema,
): { subject: Bilingual; details: Bilingual } {
  const name = String(merged.name ?? merged.id);
  const headers = new Map(tableByKey(schema, 'clients').columns.map((c) => [c.key, c.header]));
  const movedList = (locale: Locale) =>
    Object.entries(moved)
      .map(([table, count]) => movedRecordsText(table, count, locale, schema))
      .join(', ');
  const fieldValue = (locale: Locale, field: string, value: FieldValue) =>
    `${headers.get(field)?.[locale] ?? field}: ${mergeValueText(field, value, locale, schema)}`;
  const filledList = (locale: Locale) =>
    Object.entries(filled)
      .map(([field, value]) => fieldValue(locale, field, value))
      .join('; ');
  const kept = (locale: Locale) =>
    conflicts.map((c) => fieldValue(locale, c.field, c.mergedValue)).join('; ');
  const line = (label: string, value: string) => (value ? `${label}: ${value}.` : '');
  const join = (...lines: string[]) => lines.filter(Boolean).join('\n');
  return {
    subject: {
      pl: `Scalono klienta „${name}” z tym klientem`,
      en: `Client "${name}" merged into this client`,
    },
    details: {
      pl: join(
        line('Przeniesione', movedList('pl')),
        line('Uzupełnione pola', filledList('pl')),
        line('Wartości scalonego klienta, których nie przejęto', kept('pl')),
      ),
      en: join(
        line('Moved', movedList('en')),
        line('Fields filled in', filledList('en')),
        line("The merged client's values not taken", kept('en')),
      ),
    },
  };
}
