import {
  Body1,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Locale } from '../../core/i18n';
import { planSegmentationUndo, segmentationWrites, type DateWindow } from '../../core/segmentation';
import type { CrmService } from '../../services/crm-service';
import { WorkInProgress } from '../shared/WorkInProgress';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { ErrorMessageBar } from '../shared/ErrorMessageBar';
import { useCrmSnapshot } from '../shared/use-crm';
import { ChangePreview } from './ChangePreview';
import { ReadinessForm } from './ReadinessForm';
import { RecentWrites } from './RecentWrites';
import { RuleForm } from './RuleForm';
import { ScoringForm } from './ScoringForm';
import { clientsOf, lastTwelveMonths, todayUtc } from './segmentation-facts';
import {
  SEGMENTATION_VIEW_COUNTS,
  segmentationViewText,
  type SegmentationViewTextKey,
} from './segmentation-view-texts';
import { useSegmentChanges } from './use-segment-changes';
import { WindowFields } from './WindowFields';

export interface SegmentationPanelProps {
  locale: Locale;
  service: CrmService;
}

type Method = 'abc' | 'rfm' | 'rule' | 'readiness';

const METHODS: readonly { method: Method; label: SegmentationViewTextKey; hint: SegmentationViewTextKey }[] =
  [
    { method: 'abc', label: 'methodAbc', hint: 'abcHint' },
    { method: 'rfm', label: 'methodRfm', hint: 'rfmHint' },
    { method: 'rule', label: 'methodRule', hint: 'ruleHint' },
    { method: 'readiness', label: 'methodReadiness', hint: 'readinessHint' },
  ];

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  methods: { marginInline: `calc(-1 * ${tokens.spacingHorizontalS})` },
  hint: { color: tokens.colorNeutralForeground2 },
  title: { margin: 0 },
  // A native select is as wide as its longest option; in a narrow pane it must shrink instead.
  narrow: {
    '& .fui-Field, & .fui-Select, & .fui-Input': { minWidth: 0, maxWidth: '100%' },
    '& select': { minWidth: 0 },
  },
});

/**
 * Segmentation: choose a method, compute it over the loaded workbook (pure core functions), see
 * how many clients move where, then write every change in one batch.
 */
export function SegmentationPanel({ locale, service }: SegmentationPanelProps) {
  const styles = useStyles();
  const snapshot = useCrmSnapshot(service);
  const [method, setMethod] = useState<Method>('abc');
  const [today] = useState(todayUtc);
  const [period, setPeriod] = useState<DateWindow>(() => lastTwelveMonths(today));
  const changes = useSegmentChanges(service);
  const text = (key: SegmentationViewTextKey) => segmentationViewText(locale, key);
  const chosen = METHODS.find((candidate) => candidate.method === method) ?? METHODS[0];
  const audit = snapshot?.tables.audit;
  const writes = useMemo(() => segmentationWrites(audit ?? []), [audit]);
  const [undoTarget, setUndoTarget] = useState<string | null>(null);
  const undoPlan = useMemo(
    () =>
      undoTarget && snapshot
        ? planSegmentationUndo(snapshot.tables.audit ?? [], clientsOf(snapshot), undoTarget)
        : null,
    [undoTarget, snapshot],
  );

  const changePeriod = (next: DateWindow) => {
    setPeriod(next);
    changes.reset();
  };

  const renderForm = () => {
    if (!snapshot) return <Body1>{text('noWorkbook')}</Body1>;
    const props = { locale, snapshot, period, today, changes };
    switch (method) {
      case 'abc':
      case 'rfm':
        return <ScoringForm key={`${period.from}/${period.to}`} {...props} method={method} />;
      case 'rule':
        return <RuleForm {...props} />;
      case 'readiness':
        return <ReadinessForm locale={locale} snapshot={snapshot} changes={changes} />;
    }
  };

  return (
    <section className={`${styles.panel} ${styles.narrow}`} aria-labelledby="segmentation-title">
      <Title3 as="h2" id="segmentation-title" className={styles.title}>
        {text('title')}
      </Title3>
      <TabList
        className={styles.methods}
        size="small"
        aria-label={text('methodLabel')}
        selectedValue={method}
        onTabSelect={(_event, data) => {
          setMethod(data.value as Method);
          changes.reset();
        }}
      >
        {METHODS.map((candidate) => (
          <Tab key={candidate.method} value={candidate.method}>
            {text(candidate.label)}
          </Tab>
        ))}
      </TabList>
      <Body1 className={styles.hint}>{text(chosen.hint)}</Body1>
      {method !== 'readiness' && <WindowFields locale={locale} period={period} onChange={changePeriod} />}
      {renderForm()}
      {changes.work && (
        <WorkInProgress
          label={text(changes.work.label)}
          cancelLabel={text('cancel')}
          onCancel={changes.work.cancellable ? changes.cancel : undefined}
        />
      )}
      {changes.plan && snapshot && (
        <ChangePreview
          locale={locale}
          plan={changes.plan}
          clients={clientsOf(snapshot)}
          busy={changes.work !== null}
          onWrite={() => void changes.write()}
        />
      )}
      {changes.written !== null && (
        <MessageBar intent="success" role="status" layout="multiline">
          <MessageBarBody>{SEGMENTATION_VIEW_COUNTS.written(locale, changes.written.clients)}</MessageBarBody>
          {changes.written.clients > 0 && (
            <MessageBarActions>
              <Button
                size="small"
                disabled={changes.work !== null}
                onClick={() => setUndoTarget(changes.written?.writeId ?? null)}
              >
                {text('undo')}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {changes.undone !== null && (
        <MessageBar intent="success" role="status" layout="multiline">
          <MessageBarBody>
            {[
              SEGMENTATION_VIEW_COUNTS.undone(locale, changes.undone.restored),
              SEGMENTATION_VIEW_COUNTS.undoLeaves(
                locale,
                changes.undone.changedSince,
                changes.undone.missing,
              ),
            ]
              .filter(Boolean)
              .join(' ')}
          </MessageBarBody>
        </MessageBar>
      )}
      {changes.error !== null && (
        <ErrorMessageBar locale={locale} error={changes.error} title={text(changes.failed)} />
      )}
      <RecentWrites
        locale={locale}
        writes={writes}
        busy={changes.work !== null}
        onUndo={(writeId) => setUndoTarget(writeId)}
      />
      {undoPlan && (
        <ConfirmDialog
          open
          title={text('undoTitle')}
          message={[
            SEGMENTATION_VIEW_COUNTS.confirmUndo(locale, undoPlan.updates.length),
            SEGMENTATION_VIEW_COUNTS.undoLeaves(locale, undoPlan.changedSince, undoPlan.missing),
          ]
            .filter(Boolean)
            .join(' ')}
          confirmLabel={text('undoConfirm')}
          cancelLabel={text('cancelWrite')}
          onConfirm={() => {
            setUndoTarget(null);
            void changes.undo(undoPlan.writeId);
          }}
          onCancel={() => setUndoTarget(null)}
        />
      )}
    </section>
  );
}
