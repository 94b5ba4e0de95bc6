import type { FieldIssue } from '../../core/errors';
import type { FieldValue, RecordFields } from '../../core/records';
import { CURRENT_SCHEMA, tableByKey, type ColumnSchema } from '../../core/schema';
import type { ClientTextKey } from './client-texts';

/** The Clients table as the schema defines it. */
export const CLIENTS_TABLE = tableByKey(CURRENT_SCHEMA, 'clients');

/** The form's sections and the columns in each; segmentation results are not edited by hand. */
const SECTIONS: readonly { title: ClientTextKey; fields: readonly string[] }[] = [
  { title: 'sectionIdentity', fields: ['name', 'type', 'nip', 'regon', 'krs', 'industry'] },
  { title: 'sectionAddress', fields: ['street', 'postalCode', 'city', 'country'] },
  { title: 'sectionContact', fields: ['email', 'phone', 'website'] },
  {
    title: 'sectionSales',
    fields: ['status', 'owner', 'source', 'sourceDetail', 'segment', 'keyAccount', 'notes'],
  },
];

export interface FormSection {
  title: ClientTextKey;
  columns: ColumnSchema[];
}

export const FORM_SECTIONS: readonly FormSection[] = SECTIONS.map((section) => ({
  title: section.title,
  columns: section.fields.map((key) => {
    const column = CLIENTS_TABLE.columns.find((c) => c.key === key);
    if (!column) throw new Error(`The Clients table has no column ${key}`);
    return column;
  }),
}));

const FORM_FIELDS = new Set(FORM_SECTIONS.flatMap((s) => s.columns.map((c) => c.key)));

/** What the user typed or chose, per field: text for every column but the yes/no ones. */
export type FormValues = Record<string, string | boolean>;

export function emptyClientValues(): FormValues {
  return { type: 'company', status: 'lead', keyAccount: false };
}

export function valuesOfClient(client: RecordFields): FormValues {
  const values: FormValues = {};
  for (const key of FORM_FIELDS) {
    const value = client[key];
    values[key] =
      typeof value === 'boolean' ? value : value === null || value === undefined ? '' : String(value);
  }
  return values;
}

function fieldValue(value: string | boolean | undefined): FieldValue {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value;
  return value.trim() === '' ? null : value;
}

/** The fields of a new client: the filled ones only. */
export function newClientFields(values: FormValues): RecordFields {
  const fields: RecordFields = {};
  for (const [key, value] of Object.entries(values)) {
    const field = fieldValue(value);
    if (field !== null) fields[key] = field;
  }
  return fields;
}

/** The fields the user changed; a cleared field becomes null. */
export function changedClientFields(original: FormValues, values: FormValues): RecordFields {
  const changes: RecordFields = {};
  for (const key of FORM_FIELDS) {
    if ((original[key] ?? '') !== (values[key] ?? '')) changes[key] = fieldValue(values[key]);
  }
  return changes;
}

/** Issues by field, keeping only those of fields on the form (the id is the service's to give). */
export function issuesByField(issues: readonly FieldIssue[]): Map<string, FieldIssue> {
  const byField = new Map<string, FieldIssue>();
  for (const issue of issues) {
    if (FORM_FIELDS.has(issue.field) && !byField.has(issue.field)) byField.set(issue.field, issue);
  }
  return byField;
}
