import {
  Button,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { isRelacjeError, type FieldIssue } from '../../core/errors';
import type { Locale } from '../../core/i18n';
import { validateRecord } from '../../core/records';
import type { CrmService } from '../../services/crm-service';
import type { RecordFields, StoredRecord } from '../../store/port';
import { RecordFieldInput } from '../shared/RecordFieldInput';
import { focusFirstField, revealMessage } from '../shared/focus-and-scroll';
import { useUnsavedChanges } from '../shared/unsaved-changes';
import { withChangedInputs } from '../shared/record-inputs';
import { SaveMessages } from './SaveMessages';
import { useEditConflict } from './use-edit-conflict';
import type { DuplicateWarning as DuplicateMatch } from '../../core/clients/client-duplicates';
import { DuplicateWarning } from './DuplicateWarning';
import {
  CLIENTS_TABLE,
  FORM_SECTIONS,
  changedClientFields,
  emptyClientValues,
  issuesByField,
  newClientFields,
  valuesOfClient,
  type FormValues,
} from './client-form-fields';
import { clientText } from './client-texts';

export interface ClientFormProps {
  locale: Locale;
  service: CrmService;
  /** The client to edit; a new client when absent. */
  client?: StoredRecord;
  /** Clients already in the base that look like these fields (excluding the edited one). */
  duplicatesOf: (fields: RecordFields, ownId?: string) => DuplicateMatch[];
  onSaved: (client: StoredRecord) => void;
  onCancel: () => void;
  onOpenClient: (clientId: string) => void;
  onMerge: (survivorId: string, mergedId: string) => void;
}

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
  },
  title: { margin: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS },
  footer: {
    position: 'sticky',
    bottom: `calc(-1 * ${tokens.spacingHorizontalM})`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // Beside Save, so a refusal is seen where the user clicked; a long one scrolls inside.
  messages: {
    maxHeight: '50vh',
    overflowY: 'auto',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/**
 * Adding or editing a client. Each field is checked with the core's rules when the user leaves it
 * and all of them on save; nothing is sent to the workbook while a field is wrong. A possible
 * duplicate is shown before saving, with the choice to open it or save anyway.
 */
export function ClientForm(props: ClientFormProps) {
  const { locale, service, duplicatesOf, onSaved, onCancel, onOpenClient, onMerge } = props;
  const styles = useStyles();
  // The version the user edits: the client as opened (a reload behind the form leaves it), until
  // the user resolves a conflict.
  const [client, setClient] = useState(props.client);
  const original = useMemo(() => (client ? valuesOfClient(client) : emptyClientValues()), [client]);
  const [values, setValues] = useState<FormValues>(original);
  const [reapplied, setReapplied] = useState(false);
  const conflict = useEditConflict(service, 'clients');
  const messagesRef = useRef<HTMLDivElement>(null);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serviceIssues, setServiceIssues] = useState<FieldIssue[]>([]);
  const [duplicates, setDuplicates] = useState<DuplicateMatch[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const dirty = useMemo(
    () => Object.keys(values).some((key) => (values[key] ?? '') !== (original[key] ?? '')),
    [values, original],
  );
  useUnsavedChanges(dirty && !saving);
  useEffect(() => focusFirstField(formRef.current), []);

  const fields = useMemo(() => newClientFields(values), [values]);
  const localIssues = useMemo(
    () => issuesByField(validateRecord(CLIENTS_TABLE, fields, { mode: 'create' }).issues),
    [fields],
  );
  const issues = useMemo(() => {
    const merged = new Map(localIssues);
    for (const [field, issue] of issuesByField(serviceIssues))
      if (!merged.has(field)) merged.set(field, issue);
    return merged;
  }, [localIssues, serviceIssues]);

  const shownError = (field: string) =>
    submitted || touched.has(field) ? issues.get(field)?.message[locale] : undefined;

  const change = (field: string, value: string | boolean) => {
    setValues((current) => ({ ...current, [field]: value }));
    setServiceIssues((current) => current.filter((issue) => issue.field !== field));
    setDuplicates(null);
  };
  const leave = (field: string) =>
    setTouched((current) => (current.has(field) ? current : new Set(current).add(field)));

  const focusFirstInvalid = () => {
    requestAnimationFrame(() => {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    });
  };

  const save = async (checkDuplicates: boolean) => {
    setSubmitted(true);
    setFailure(null);
    setReapplied(false);
    conflict.clear();
    if (localIssues.size > 0) {
      focusFirstInvalid();
      return;
    }
    if (checkDuplicates) {
      const found = duplicatesOf(fields, client?.id);
      if (found.length > 0) {
        setDuplicates(found);
        return;
      }
    }
    setDuplicates(null);
    setSaving(true);
    const changes = client ? changedClientFields(original, values) : fields;
    try {
      const saved = client
        ? await service.update('clients', client.id, client.version, changes)
        : await service.create('clients', fields);
      onSaved(saved);
    } catch (error) {
      setSaving(false);
      if (isRelacjeError(error, 'invalidRecord')) {
        setServiceIssues([...error.params.issues]);
        focusFirstInvalid();
      }
      if (await conflict.explain(error, client, changes)) return;
      setFailure(error);
    }
  };

  /** After a conflict: the stored client, with the user's changes laid over it or not. */
  const rebase = (keepMine: boolean) => {
    const fresh = conflict.answer();
    if (!fresh) return onCancel();
    const start = valuesOfClient(fresh);
    setClient(fresh);
    setValues(keepMine ? withChangedInputs(start, original, values) : start);
    setReapplied(keepMine);
    setSubmitted(false);
  };

  useEffect(() => {
    if (failure !== null || duplicates || conflict.found) revealMessage(messagesRef.current);
  }, [failure, duplicates, conflict.found]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(true);
  };

  const invalidCount = submitted ? issues.size : 0;
  return (
    <form ref={formRef} className={styles.form} onSubmit={onSubmit} noValidate>
      <Subtitle1 as="h2" className={styles.title}>
        {clientText(locale, client ? 'editClientTitle' : 'newClientTitle')}
      </Subtitle1>
      {FORM_SECTIONS.map((section) => (
        <fieldset key={section.title} className={styles.section}>
          <legend className={styles.legend}>
            <Subtitle2>{clientText(locale, section.title)}</Subtitle2>
          </legend>
          {section.columns.map((column) => (
            <RecordFieldInput
              key={column.key}
              locale={locale}
              column={column}
              value={values[column.key] ?? (column.type === 'boolean' ? false : '')}
              error={shownError(column.key)}
              onChange={(value) => change(column.key, value)}
              onBlur={() => leave(column.key)}
            />
          ))}
        </fieldset>
      ))}
      <div className={styles.footer}>
        <div className={styles.messages} ref={messagesRef}>
          {invalidCount > 0 && !failure && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{clientText(locale, 'formInvalid')}</MessageBarBody>
            </MessageBar>
          )}
          <SaveMessages
            locale={locale}
            conflict={conflict.found}
            reapplied={reapplied}
            failure={failure}
            onReapply={() => rebase(true)}
            onDiscard={() => rebase(false)}
            onDismissFailure={() => setFailure(null)}
          />
          {duplicates && (
            <DuplicateWarning
              locale={locale}
              matches={duplicates}
              onOpenExisting={onOpenClient}
              onMerge={client ? (existingId) => onMerge(existingId, client.id) : undefined}
              onSaveAnyway={() => void save(false)}
            />
          )}
        </div>
        <div className={styles.buttons}>
          <Button type="submit" appearance="primary" disabled={saving}>
            {clientText(locale, saving ? 'saving' : 'save')}
          </Button>
          <Button type="button" onClick={onCancel} disabled={saving}>
            {clientText(locale, 'cancel')}
          </Button>
        </div>
      </div>
    </form>
  );
}
