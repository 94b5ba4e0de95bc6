import { useRef, useState } from 'react';
import type { Locale } from '../../core/i18n';
import { ErrorMessageBar } from '../shared/ErrorMessageBar';
import { RecordFieldInput } from '../shared/RecordFieldInput';
import { inputValueOf, type InputValue } from '../shared/record-inputs';
import { SalesDialog } from './SalesDialog';
import { columnOf } from './sales-columns';
import { salesText } from './sales-texts';
import type { OpportunityMove, PendingMove } from './use-opportunity-move';

export interface PendingMoveDialogProps {
  locale: Locale;
  move: OpportunityMove;
}

/** A move waiting for its stage's required fields, when there is one. */
export function PendingMoveDialog({ locale, move }: PendingMoveDialogProps) {
  // The last move asked about stays drawn while its dialog closes (see SalesDialog's `open`).
  const last = useRef<PendingMove | null>(null);
  if (move.pending) last.current = move.pending;
  const pending = last.current;
  if (!pending) return null;
  return (
    <RequiredFieldsDialog
      key={`${pending.opportunity.id}/${pending.stage}`}
      locale={locale}
      move={move}
      pending={pending}
      open={move.pending !== null}
    />
  );
}

/** Asks for the fields a stage requires before the opportunity enters it; nothing moves until then. */
function RequiredFieldsDialog({
  locale,
  move,
  pending,
  open,
}: PendingMoveDialogProps & { pending: PendingMove; open: boolean }) {
  const [values, setValues] = useState<Record<string, InputValue>>(() =>
    Object.fromEntries(
      pending.missing.map((key) => [
        key,
        inputValueOf(columnOf('opportunities', key), pending.opportunity[key], locale),
      ]),
    ),
  );
  const [tried, setTried] = useState(false);
  const empty = (key: string) => values[key] === '' || values[key] === undefined;
  return (
    <SalesDialog
      locale={locale}
      open={open}
      title={salesText(locale, 'requiredTitle')}
      confirmLabel={salesText(locale, 'moveConfirm')}
      busy={move.busy}
      onCancel={move.cancel}
      onConfirm={() => {
        setTried(true);
        if (pending.missing.some(empty)) return;
        const changes = Object.fromEntries(
          pending.missing.map((key) => {
            const value = values[key];
            return [key, typeof value === 'string' ? value.trim() : value];
          }),
        );
        void move.complete(changes);
      }}
    >
      <span>{salesText(locale, 'requiredMessage', { stage: pending.stage })}</span>
      {pending.missing.map((key) => (
        <RecordFieldInput
          key={key}
          locale={locale}
          column={{ ...columnOf('opportunities', key), required: true }}
          value={values[key] ?? ''}
          error={tried && empty(key) ? salesText(locale, 'fieldMissing') : undefined}
          onChange={(value) => setValues((current) => ({ ...current, [key]: value }))}
        />
      ))}
      {move.error !== null && (
        <ErrorMessageBar locale={locale} error={move.error} title={salesText(locale, 'moveFailed')} />
      )}
    </SalesDialog>
  );
}
