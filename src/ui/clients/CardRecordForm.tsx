import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { isRelacjeError, type FieldIssue } from '../../core/errors';
import type { Bilingual, Locale } from '../../core/i18n';
import { validateRecord, type RecordFields } from '../../core/records';
import { CURRENT_SCHEMA, tableByKey, type TableKey } from '../../core/schema';
import type { CrmService } from '../../services/crm-service';
import type { StoredRecord } from '../../store/port';
import type { EnumOption } from '../shared/enum-options';
import { focusFirstField, revealMessage } from '../shared/focus-and-scroll';
import { RecordFieldInput } from '../shared/RecordFieldInput';
import { changedInputs, inputValueOf, withChangedInputs, type InputValue } from '../shared/record-inputs';
import { useUnsavedChanges } from '../shared/unsaved-changes';
import { SaveMessages } from './SaveMessages';
import { clientText } from './client-texts';
import { useEditConflict } from './use-edit-conflict';

export interface CardFormField {
  key: string;
  /** Offered instead of the column's whole list (e.g. only note, call and meeting). */
  choices?: readonly EnumOption[];
  /** The label instead of the column's header. */
  header?: Bilingual;
}

export interface CardRecordFormProps {
  locale: Locale;
  service: CrmService;
  table: TableKey;
  /** The fields the user fills, in order. */
  fields: readonly CardFormField[];
  /** The record to edit; a new record when absent. */
  editing?: StoredRecord;
  /** A new record's start: shown fields' initial values and fixed ones (the client's id). */
  initial?: RecordFields;
  /** Computed when the user saves a new record, e.g. the moment of an activity. */
  fixedAtSave?: () => RecordFields;
  /** How a new record is written; the service's `create` in `table` by default. */
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

type Inputs = Record<string, InputValue>;

/**
 * A small inline form on the client card that adds a linked record, or edits one at the version
 * the user sees; a save someone else's change came before is explained and can be applied again.
 */
export function CardRecordForm({
  locale,
  service,
  table,
  fields,
  editing,
  initial = {},
  fixedAtSave,
  save = (crm, record) => crm.create(table, record),
  onDone,
}: CardRecordFormProps) {
  const styles = useStyles();
  const schema = tableByKey(CURRENT_SCHEMA, table);
  const formRef = useRef<HTMLFormElement>(null);
  const messagesRef = useRef<HTMLDivElement>(null);
  // The version the user works on: the record as opened, until a conflict is resolved.
  const [base, setBase] = useState(editing);
  const startOf = (record: RecordFields): Inputs =>
    Object.fromEntries(
      fields.map((f) => {
        const column = schema.columns.find((c) => c.key === f.key);
        return [f.key, column ? inputValueOf(column, record[f.key], locale) : ''];
      }),
    );
  const [original, setOriginal] = useState<Inputs>(() => startOf(editing ?? initial));
  const [values, setValues] = useState<Inputs>(original);
  const [submitted, setSubmitted] = useState(false);
  const [serviceIssues, setServiceIssues] = useState<FieldIssue[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [reapplied, setReapplied] = useState(false);
  const [saving, setSaving] = useState(false);
  const conflict = useEditConflict(service, table);
  const changes = useMemo(() => changedInputs(original, values), [original, values]);
  useUnsavedChanges(Object.keys(changes).length > 0);

  useEffect(() => focusFirstField(formRef.current), []);
  useEffect(() => {
    if (failure !== null || conflict.found) revealMessage(messagesRef.current);
  }, [failure, conflict.found]);

  const record = useMemo(() => {
    if (base) return changes;
    const fieldsNow: RecordFields = { ...initial, ...changes };
    for (const key of Object.keys(fieldsNow)) if (fieldsNow[key] === null) delete fieldsNow[key];
    return { ...fieldsNow, ...fixedAtSave?.() };
    // fixedAtSave is read again at the save; here it only completes the record for the check.
  }, [base, changes, initial, fixedAtSave]);

  const shownKeys = new Set(fields.map((f) => f.key));
  const mode = base ? 'update' : 'create';
  const localIssues = validateRecord(schema, record, { mode }).issues.filter((i) => shownKeys.has(i.field));
  const errorOf = (key: string): string | undefined => {
    if (!submitted) return undefined;
    return [...localIssues, ...serviceIssues].find((i) => i.field === key)?.message[locale];
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setFailure(null);
    setReapplied(false);
    conflict.clear();
    if (localIssues.length > 0) return;
    if (base && Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    setSaving(true);
    try {
      if (base) await service.update(table, base.id, base.version, changes);
      else await save(service, { ...record, ...fixedAtSave?.() });
      onDone();
    } catch (error) {
      setSaving(false);
      if (isRelacjeError(error, 'invalidRecord')) setServiceIssues([...error.params.issues]);
      if (await conflict.explain(error, base, changes)) return;
      setFailure(error);
    }
  };

  const rebase = (keepMine: boolean) => {
    const fresh = conflict.answer();
    if (!fresh) return onDone();
    const start = startOf(fresh);
    setBase(fresh);
    setOriginal(start);
    setValues(keepMine ? withChangedInputs(start, original, values) : start);
    setReapplied(keepMine);
    setSubmitted(false);
  };

  return (
    <form
      ref={formRef}
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
      <div ref={messagesRef}>
        <SaveMessages
          locale={locale}
          conflict={conflict.found}
          reapplied={reapplied}
          failure={failure}
          onReapply={() => rebase(true)}
          onDiscard={() => rebase(false)}
          onDismissFailure={() => setFailure(null)}
        />
      </div>
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
