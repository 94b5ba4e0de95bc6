import {
  Button,
  Caption1,
  Card,
  Subtitle1,
  Subtitle2,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useMemo } from 'react';
import { mergeValueText, movedRecordsText, planClientMerge } from '../../core/clients/client-merge';
import type { Locale } from '../../core/i18n';
import type { CrmService } from '../../services/crm-service';
import type { WorkbookSnapshot } from '../../store/port';
import { ErrorMessageBar } from '../shared/ErrorMessageBar';
import { useAsyncAction } from '../shared/use-async-action';
import { CLIENTS_TABLE } from './client-form-fields';
import { clientText } from './client-texts';

export interface MergeViewProps {
  locale: Locale;
  service: CrmService;
  snapshot: WorkbookSnapshot;
  survivorId: string;
  mergedId: string;
  onSwap: () => void;
  onDone: (survivorId: string) => void;
  onCancel: () => void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  pair: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: { padding: tokens.spacingHorizontalM },
  label: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  conflicts: { margin: 0 },
  conflictField: { fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalS },
  cellText: { overflowWrap: 'anywhere', marginInlineStart: tokens.spacingHorizontalM },
  other: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Merging two clients: what moves to the one that stays and which values differ, before confirming. */
export function MergeView(props: MergeViewProps) {
  const { locale, service, snapshot, survivorId, mergedId, onSwap, onDone, onCancel } = props;
  const styles = useStyles();
  const clients = snapshot.tables.clients ?? [];
  const survivor = clients.find((c) => c.id === survivorId);
  const merged = clients.find((c) => c.id === mergedId);
  const plan = useMemo(() => {
    if (!survivor || !merged) return null;
    // A preview only: the service plans the merge again, with its own clock, user and ids.
    return planClientMerge(snapshot.tables, survivorId, mergedId, {
      at: new Date().toISOString(),
      user: '',
      newId: () => 'preview',
    });
  }, [snapshot, survivor, merged, survivorId, mergedId]);
  // The history entry in the language the user works in.
  const merge = useAsyncAction(() => service.mergeClients(survivorId, mergedId, { locale }));

  if (!survivor || !merged || !plan) {
    return (
      <ErrorMessageBar
        locale={locale}
        error={new Error(clientText(locale, 'clientNotFound'))}
        onDismiss={onCancel}
      />
    );
  }
  const moved = Object.entries(plan.moved).filter(([, count]) => count > 0);
  const header = (field: string) =>
    CLIENTS_TABLE.columns.find((c) => c.key === field)?.header[locale] ?? field;

  return (
    <section className={styles.root} aria-labelledby="merge-title">
      <Subtitle1 as="h2" id="merge-title" className={styles.heading}>
        {clientText(locale, 'mergeTitle')}
      </Subtitle1>
      <div className={styles.pair}>
        <Card className={styles.card} appearance="outline">
          <Caption1 className={styles.label}>{clientText(locale, 'mergeSurvivor')}</Caption1>
          <Text weight="semibold">{String(survivor.name)}</Text>
          <Caption1>{[survivor.city, survivor.nip].filter(Boolean).join(' · ')}</Caption1>
        </Card>
        <Card className={styles.card} appearance="filled-alternative">
          <Caption1 className={styles.label}>{clientText(locale, 'mergeMerged')}</Caption1>
          <Text weight="semibold">{String(merged.name)}</Text>
          <Caption1>{[merged.city, merged.nip].filter(Boolean).join(' · ')}</Caption1>
        </Card>
        <div>
          <Button size="small" onClick={onSwap} disabled={merge.busy}>
            {clientText(locale, 'mergeSwap')}
          </Button>
        </div>
      </div>
      <div>
        <Subtitle2 as="h3" className={styles.heading}>
          {clientText(locale, moved.length > 0 ? 'mergeMoves' : 'mergeNothingMoves')}
        </Subtitle2>
        {moved.length > 0 && (
          <ul className={styles.list}>
            {moved.map(([table, count]) => (
              <li key={table}>{movedRecordsText(table, count, locale)}</li>
            ))}
          </ul>
        )}
      </div>
      {Object.keys(plan.filled).length > 0 && (
        <div>
          <Subtitle2 as="h3" className={styles.heading}>
            {clientText(locale, 'mergeFilled')}
          </Subtitle2>
          <ul className={styles.list}>
            {Object.entries(plan.filled).map(([field, value]) => (
              <li key={field}>
                {header(field)}: {mergeValueText(field, value, locale)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {plan.conflicts.length > 0 && (
        <div>
          <Subtitle2 as="h3" className={styles.heading}>
            {clientText(locale, 'mergeConflicts')}
          </Subtitle2>
          <dl className={styles.conflicts}>
            {plan.conflicts.map((conflict) => [
              <dt key={`${conflict.field}-name`} className={styles.conflictField}>
                {conflict.header[locale]}
              </dt>,
              <dd key={`${conflict.field}-kept`} className={styles.cellText}>
                {clientText(locale, 'mergeKept')}:{' '}
                {mergeValueText(conflict.field, conflict.survivorValue, locale)}
              </dd>,
              <dd key={`${conflict.field}-other`} className={mergeClasses(styles.cellText, styles.other)}>
                {clientText(locale, 'mergeNotTaken')}:{' '}
                {mergeValueText(conflict.field, conflict.mergedValue, locale)}
              </dd>,
            ])}
          </dl>
        </div>
      )}
      {merge.error !== null && (
        <ErrorMessageBar locale={locale} error={merge.error} onDismiss={merge.clearError} />
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={merge.busy}
          onClick={() => {
            void merge.run().then((merged) => merged && onDone(survivorId));
          }}
        >
          {clientText(locale, merge.busy ? 'saving' : 'mergeConfirm')}
        </Button>
        <Button onClick={onCancel} disabled={merge.busy}>
          {clientText(locale, 'cancel')}
        </Button>
      </div>
    </section>
  );
}
