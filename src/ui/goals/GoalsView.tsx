import { Badge, Button, Caption1, ProgressBar, Text } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import { goalProgress, type GoalProgress } from '../../core/goals/goal-progress';
import type { Locale } from '../../core/i18n';
import { countOf } from '../../core/plural';
import type { RecordFields } from '../../core/records';
import { warsawDay } from '../../core/tasks/calendar-days';
import { formatMoney } from '../../core/validation/money';
import type { CrmService } from '../../services/crm-service';
import { enumLabel } from '../shared/enum-options';
import { shownDate } from '../shared/format';
import { EditableListHeader } from '../tasks/EditableListHeader';
import { useRecordListStyles } from '../tasks/record-list-styles';
import { useCrmSnapshot } from '../shared/use-crm';
import { writeFailureText } from '../tasks/issue-text';
import { GoalForm } from './GoalForm';
import { GOALS, goalText } from './goal-texts';

export interface GoalsViewProps {
  locale: Locale;
  service: CrmService;
}

type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; id: string };

function amount(progress: GoalProgress, value: number, locale: Locale): string {
  if (progress.metric === 'wonValue') return formatMoney(Math.round(value * 100), locale);
  const rounded =
    progress.metric === 'wonCount' || value === Math.round(value) ? value : Math.round(value * 10) / 10;
  return rounded.toLocaleString(locale === 'pl' ? 'pl-PL' : 'en-GB');
}

/** SMART goals: each with its progress from the data against the pro-rated target and the last period. */
export function GoalsView({ locale, service }: GoalsViewProps) {
  const styles = useRecordListStyles();
  const snapshot = useCrmSnapshot(service);
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const today = warsawDay(new Date());
  const tables = snapshot?.tables;
  const goals = tables?.goals ?? [];
  const progress = useMemo(
    () => (tables ? (tables.goals ?? []).map((goal) => goalProgress(tables, goal, today)) : []),
    [tables, today],
  );
  const pipelines = useMemo(
    () =>
      [
        ...new Set([
          ...(tables?.pipelines ?? []).map((p) => p.name),
          ...(tables?.stages ?? []).map((s) => s.pipeline),
        ]),
      ]
        .filter((name): name is string => typeof name === 'string' && name !== '')
        .sort((a, b) => a.localeCompare(b, 'pl')),
    [tables?.pipelines, tables?.stages],
  );
  const segments = useMemo(
    () =>
      [...new Set((tables?.clients ?? []).map((c) => c.segment))]
        .filter((name): name is string => typeof name === 'string' && name !== '')
        .sort((a, b) => a.localeCompare(b, 'pl')),
    [tables?.clients],
  );
  const products = tables?.products ?? [];

  const close = () => {
    setEditing({ kind: 'none' });
    requestAnimationFrame(() => addButton.current?.focus());
  };
  const save = async (fields: RecordFields) => {
    setBusy(true);
    setFailure(null);
    try {
      if (editing.kind === 'edit') {
        const goal = goals.find((g) => g.id === editing.id);
        if (goal) await service.updateGoal(goal.id, goal.version, fields);
      } else {
        await service.addGoal(fields);
      }
      setNotice(goalText(locale, 'saved'));
      close();
    } catch (error) {
      setFailure(`${goalText(locale, 'notSaved')}: ${writeFailureText(error, locale)}`);
    } finally {
      setBusy(false);
    }
  };

  const form = (goalId?: string) => (
    <>
      {failure && (
        <div role="alert" className={styles.error}>
          {failure}
        </div>
      )}
      <GoalForm
        locale={locale}
        goal={goalId ? goals.find((g) => g.id === goalId) : undefined}
        defaultOwner={service.user}
        pipelines={pipelines}
        segments={segments}
        products={products}
        busy={busy}
        onSave={(fields) => void save(fields)}
        onCancel={close}
      />
    </>
  );

  return (
    <div className={styles.root}>
      <EditableListHeader
        title={goalText(locale, 'title')}
        notice={notice}
        addLabel={goalText(locale, 'add')}
        addForm={editing.kind === 'new' ? form() : null}
        addButton={addButton}
        onAdd={() => {
          setFailure(null);
          setEditing({ kind: 'new' });
        }}
      />
      <Caption1>
        {goals.length === 0 ? goalText(locale, 'none') : countOf(locale, goals.length, GOALS)}
      </Caption1>
      <ul className={styles.list}>
        {progress.map((p) => {
          const owner =
            typeof p.goal.owner === 'string' && p.goal.owner ? p.goal.owner : goalText(locale, 'team');
          if (editing.kind === 'edit' && editing.id === p.goal.id)
            return <li key={p.goal.id}>{form(p.goal.id)}</li>;
          const state =
            p.state === 'upcoming'
              ? goalText(locale, 'upcoming')
              : p.state === 'ended'
                ? goalText(locale, 'ended')
                : goalText(locale, p.onTrack ? 'onTrack' : 'behind');
          return (
            <li key={p.goal.id} className={styles.item} aria-label={String(p.goal.description ?? '')}>
              <Text weight="semibold" className={styles.text}>
                {String(p.goal.description ?? '')}
              </Text>
              <div className={styles.line}>
                <Caption1>{owner}</Caption1>
                <Caption1>{enumLabel('goalMetric', String(p.goal.metric ?? ''), locale)}</Caption1>
                <Caption1>
                  {shownDate(p.period.from, locale)} – {shownDate(p.period.to, locale)}
                </Caption1>
                <Badge
                  size="small"
                  appearance="tint"
                  color={p.state === 'running' ? (p.onTrack ? 'success' : 'warning') : 'informative'}
                >
                  {state}
                </Badge>
              </div>
              <ProgressBar
                value={Math.min(p.share ?? 0, 1)}
                color={p.onTrack ? 'success' : 'warning'}
                aria-label={`${goalText(locale, 'actual')}: ${String(p.goal.description ?? '')}`}
              />
              <Caption1>
                {goalText(locale, 'actual')}: {amount(p, p.actual, locale)} {goalText(locale, 'of')}{' '}
                {amount(p, p.target, locale)}
                {p.share !== null ? ` (${Math.round(p.share * 100)}%)` : ''}
              </Caption1>
              {p.state === 'running' && (
                <Caption1>
                  {goalText(locale, 'dueByNow')}: {amount(p, p.dueByNow, locale)} ·{' '}
                  {goalText(locale, 'elapsed')}: {Math.round(p.elapsedShare * 100)}%
                </Caption1>
              )}
              <Caption1>
                {goalText(locale, 'previous')} ({shownDate(p.previousPeriod.from, locale)} –{' '}
                {shownDate(p.previousPeriod.to, locale)}): {amount(p, p.previousActual, locale)}
              </Caption1>
              <div className={styles.line}>
                <Button
                  size="small"
                  aria-label={`${goalText(locale, 'edit')}: ${String(p.goal.description ?? '')}`}
                  onClick={() => {
                    setFailure(null);
                    setEditing({ kind: 'edit', id: p.goal.id });
                  }}
                >
                  {goalText(locale, 'edit')}
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
