import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { Locale } from '../../core/i18n';
import { ErrorMessageBar } from '../shared/ErrorMessageBar';
import { ConflictBar } from './ConflictBar';
import { clientText } from './client-texts';
import type { ConflictFound } from './use-edit-conflict';

export interface SaveMessagesProps {
  locale: Locale;
  /** A refused save someone else's change came before, described. */
  conflict: ConflictFound | null;
  /** The user's changes were laid over the stored version and wait for a check. */
  reapplied: boolean;
  failure: unknown;
  onReapply: () => void;
  onDiscard: () => void;
  onDismissFailure: () => void;
}

/** What a save of a form said, shown beside its Save button: a conflict, a re-applied change, a failure. */
export function SaveMessages(props: SaveMessagesProps) {
  const { locale, conflict, reapplied, failure, onReapply, onDiscard, onDismissFailure } = props;
  return (
    <>
      {conflict && (
        <ConflictBar locale={locale} found={conflict} onReapply={onReapply} onDiscard={onDiscard} />
      )}
      {reapplied && (
        <MessageBar intent="info" role="status">
          <MessageBarBody>{clientText(locale, 'conflictReapplied')}</MessageBarBody>
        </MessageBar>
      )}
      {failure !== null && <ErrorMessageBar locale={locale} error={failure} onDismiss={onDismissFailure} />}
    </>
  );
}
