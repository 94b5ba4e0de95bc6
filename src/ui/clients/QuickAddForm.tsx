import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState, type FormEvent } from 'react';
import { isRelacjeError, type FieldIssue } from '../../core/errors';
import type { Bilingual, Locale } from '../../core/i18n';
import { validateRecord, type RecordFields } from '../../core/records';
import { CURRENT_SCHEMA, tableByKey, type TableKey } from '../../core/schema';
import type { CrmService } from '../../services/crm-service';
import type { StoredRecord } from '../../store/port';
import type { EnumOption } from '../shared/enum-options';
import { ErrorMessageBar } from '../shared/ErrorMessageBar';
import { RecordFieldInput } from '../shared/RecordFieldInput';
import { clientText } from './client-texts';

export interface QuickAddField {
  key: string;
  /** Offered instead of the column's whole list (e.g. only note, call and meeting). */
  choices?: readonly EnumOption[];
  /** The label instead of the column's header. */
  header?: Bilingual;
}

export interface QuickAddFormProps {
  locale: Locale;
  service: CrmService;
  table: TableKey;
  /** The fields the user fills, in order. */
  fields: readonly QuickAddField[];
  /** What the form starts with: shown fields' initial values and fixed ones (the client's id). */
  initial: RecordFields;
  /** Computed when the user saves, e.g. the moment of an activity. */
  fixedAtSave?: () => RecordFields;
  /** How the record is written; the service's `create` in `table` by default. */
  save?: (service: CrmService, fields: RecordFields) => Promise<StoredRecord>;
  onDone: () => void;
}

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

function asInput(value: RecordFields[string] | undefined): string | boolean {
  return typeof value === 'boolean' ? value : value === null || value === undefined ? '' : String(value);
}

/** A small inline form on the client card that creates one linked record through the service. */
export function QuickAddForm({
  locale,
  service,
  table,
  fields,
  initial,
  fixedAtSave,
  save = (crm, record) => crm.create(table, record),
  onDone,
}: QuickAddFormProps) {
  const styles = useStyles();
  const schema = tableByKey(CURRENT_SCHEMA, table);
  const [values, setValues] = useState<Record<string, string | boolean>>(() =>
    Object.fromEntries(fields.map((f) => [f.key, asInput(initial[f.key])])),
  );
  const [submitted, setSubmitted] = useState(false);
  const [serviceIssues, setServiceIssues] = useState<FieldIssue[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const record = useMemo(() => {
    const fieldsNow: RecordFields = { ...initial };
    for (const [key, value] of Object.entries(values)) {
      if (typeof value === 'boolean') fieldsNow[key] = value;
      else if (value.trim() !== '') fieldsNow[key] = value;
      else delete fieldsNow[key];
    }
    return fieldsNow;
  }, [initial, values]);

  const shownKeys = new Set(fields.map((f) => f.key));
  const errorOf = (key: string): string | undefined => {
    if (!submitted) return undefined;
    const local = validateRecord(schema, { ...record, ...fixedAtSave?.() }, { mode: 'create' }).issues;
    return [...local, ...serviceIssues].find((i) => i.field === key)?.message[locale];
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setFailure(null);
    const full = { ...record, ...fixedAtSave?.() };
    const issues = validateRecord(schema, full, { mode: 'create' }).issues.filter((i) =>
      shownKeys.has(i.field),
    );
    if (issues.length > 0) return;
    setSaving(true);
    try {
      await save(service, full);
      onDone();
    } catch (error) {
      if (isRelacjeError(error, 'invalidRecord')) setServiceIssues([...error.params.issues]);
      setFailure(error);
      setSaving(false);
    }
  };

  return (
    <form
      className={styles.form}
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={schema.sheet[locale]}
    >
      {fields.map((field) => {
        const found = schema.columns.find((c) => c.key === field.key);
        if (!found) return null;
        const column = field.header ? { ...found, header: field.header } : found;
        return (
          <RecordFieldInput
            key={field.key}
            locale={locale}
            column={column}
            choices={field.choices}
            value={values[field.key] ?? ''}
            error={errorOf(field.key)}
            onChange={(value) => {
              setValues((current) => ({ ...current, [field.key]: value }));
              setServiceIssues((current) => current.filter((i) => i.field !== field.key));
            }}
          />
        );
      })}
      {failure !== null && (
        <ErrorMessageBar locale={locale} error={failure} onDismiss={() => setFailure(null)} />
      )}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" size="small" disabled={saving}>
          {clientText(locale, saving ? 'saving' : 'save')}
        </Button>
        <Button type="button" size="small" onClick={onDone} disabled={saving}>
          {clientText(locale, 'cancel')}
        </Button>
      </div>
    </form>
  );
}
