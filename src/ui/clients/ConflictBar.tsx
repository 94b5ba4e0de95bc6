import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { conflictMessage } from '../../core/clients/edit-conflict';
import type { Locale } from '../../core/i18n';
import { CURRENT_SCHEMA, tableByKey } from '../../core/schema';
import { shownDate } from '../shared/format';
import { clientText } from './client-texts';
import type { ConflictFound } from './use-edit-conflict';

export interface ConflictBarProps {
  locale: Locale;
  found: ConflictFound;
  /** Reload the record and lay the user's changes over it, for a check before saving again. */
  onReapply: () => void;
  onDiscard: () => void;
}

/** Someone else saved the record first: who, when, what, and the two ways on. */
export function ConflictBar({ locale, found, onReapply, onDiscard }: ConflictBarProps) {
  const { conflict } = found;
  const table = tableByKey(CURRENT_SCHEMA, found.table);
  return (
    <MessageBar intent="warning" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{clientText(locale, 'conflictTitle')}</MessageBarTitle>
        {conflictMessage(conflict, table, locale, shownDate(conflict.changedAt ?? '', locale))}
      </MessageBarBody>
      <MessageBarActions>
        {!conflict.deleted && (
          <Button size="small" appearance="primary" onClick={onReapply}>
            {clientText(locale, 'conflictReapply')}
          </Button>
        )}
        <Button size="small" onClick={onDiscard}>
          {clientText(locale, conflict.deleted ? 'close' : 'conflictDiscard')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
