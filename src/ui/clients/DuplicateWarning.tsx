import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { DuplicateWarning as DuplicateMatch } from '../../core/clients/client-duplicates';
import type { Locale } from '../../core/i18n';
import { clientText } from './client-texts';

export interface DuplicateWarningProps {
  locale: Locale;
  matches: readonly DuplicateMatch[];
  onOpenExisting: (clientId: string) => void;
  /** Offered when the form edits a client already saved (a new one has nothing to merge yet). */
  onMerge?: (clientId: string) => void;
  onSaveAnyway: () => void;
}

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  match: { marginBlock: tokens.spacingVerticalXS },
  reasons: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

/** Shown before a save when the client may already exist: open it, merge, or save anyway. */
export function DuplicateWarning({
  locale,
  matches,
  onOpenExisting,
  onMerge,
  onSaveAnyway,
}: DuplicateWarningProps) {
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{clientText(locale, 'duplicateTitle')}</MessageBarTitle>
        {clientText(locale, 'duplicateIntro')}
        <ul className={styles.list}>
          {matches.map((match) => (
            <li key={match.clientId} className={styles.match}>
              <span className={styles.reasons}>{match.message[locale]}</span>
              <div className={styles.actions}>
                <Button size="small" appearance="transparent" onClick={() => onOpenExisting(match.clientId)}>
                  {clientText(locale, 'openExisting')}
                </Button>
                {onMerge && (
                  <Button size="small" appearance="transparent" onClick={() => onMerge(match.clientId)}>
                    {clientText(locale, 'mergeInto')}
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onSaveAnyway}>
          {clientText(locale, 'saveAnyway')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
