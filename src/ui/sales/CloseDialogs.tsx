import { Checkbox, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { Locale } from '../../core/i18n';
import type { WinOptions } from '../../services/sales-process';
import { ErrorMessageBar } from '../shared/ErrorMessageBar';
import { NameOptions, SalesDialog } from './SalesDialog';
import { salesText } from './sales-texts';

interface CloseDialogBase {
  locale: Locale;
  open: boolean;
  name: string;
  busy: boolean;
  error: unknown;
  onCancel: () => void;
}

export interface WinDialogProps extends CloseDialogBase {
  /** The user, the project manager proposed. */
  user: string;
  onWin: (options: WinOptions) => void;
}

/** Closing as won, optionally with the project card of what was sold (its name and manager). */
export function WinDialog({ locale, open, name, user, busy, error, onWin, onCancel }: WinDialogProps) {
  const [withProject, setWithProject] = useState(false);
  const [project, setProject] = useState(name);
  const [manager, setManager] = useState(user);
  return (
    <SalesDialog
      locale={locale}
      open={open}
      title={salesText(locale, 'winTitle')}
      confirmLabel={salesText(locale, 'win')}
      busy={busy}
      confirmDisabled={withProject && project.trim() === ''}
      onCancel={onCancel}
      onConfirm={() =>
        onWin(withProject ? { project: { name: project.trim(), manager: manager.trim() || null } } : {})
      }
    >
      <span>{salesText(locale, 'winMessage', { name })}</span>
      <Checkbox
        label={salesText(locale, 'createProject')}
        checked={withProject}
        onChange={(_e, data) => setWithProject(data.checked === true)}
      />
      {withProject && (
        <>
          <Field label={salesText(locale, 'projectName')} required>
            <Input value={project} onChange={(_e, d) => setProject(d.value)} />
          </Field>
          <Field label={salesText(locale, 'projectManager')}>
            <Input value={manager} onChange={(_e, d) => setManager(d.value)} />
          </Field>
        </>
      )}
      {error !== null && (
        <ErrorMessageBar locale={locale} error={error} title={salesText(locale, 'closeFailed')} />
      )}
    </SalesDialog>
  );
}

export interface LoseDialogProps extends CloseDialogBase {
  /** The pipeline's reasons; when it lists none, the reason is typed. */
  reasons: readonly string[];
  onLose: (reason: string, note: string) => void;
}

/** Closing as lost: a reason from the pipeline's list (required) and a note. */
export function LoseDialog({ locale, open, reasons, busy, error, onLose, onCancel }: LoseDialogProps) {
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const missing = tried && reason.trim() === '';
  const fieldState = missing
    ? { validationState: 'error' as const, validationMessage: salesText(locale, 'lostReasonMissing') }
    : {};
  return (
    <SalesDialog
      locale={locale}
      open={open}
      title={salesText(locale, 'loseTitle')}
      confirmLabel={salesText(locale, 'lose')}
      busy={busy}
      onCancel={onCancel}
      onConfirm={() => {
        setTried(true);
        if (reason.trim() !== '') onLose(reason.trim(), note.trim());
      }}
    >
      <Field label={salesText(locale, 'lostReason')} required {...fieldState}>
        {reasons.length > 0 ? (
          <Select value={reason} onChange={(_e, d) => setReason(d.value)}>
            <option value="">—</option>
            <NameOptions names={reasons} />
          </Select>
        ) : (
          <Input value={reason} onChange={(_e, d) => setReason(d.value)} />
        )}
      </Field>
      <Field label={salesText(locale, 'lostNote')}>
        <Textarea value={note} onChange={(_e, d) => setNote(d.value)} />
      </Field>
      {error !== null && (
        <ErrorMessageBar locale={locale} error={error} title={salesText(locale, 'closeFailed')} />
      )}
    </SalesDialog>
  );
}
