import {
  Button,
  Caption1,
  Field,
  Input,
  Radio,
  RadioGroup,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { lazy, Suspense, useMemo, useState } from 'react';
import { parseTypedDate } from '../../core/cells';
import type { Locale } from '../../core/i18n';
import { countOf } from '../../core/plural';
import { warsawDay } from '../../core/tasks/calendar-days';
import { listTasks, type TaskEntry, type TaskPeriod } from '../../core/tasks/task-list';
import { summarizeTasks } from '../../core/tasks/task-summary';
import type { CrmService } from '../../services/crm-service';
import { useCrmSnapshot } from '../shared/use-crm';
import { WorkProgress } from '../shared/WorkProgress';
import { writeFailureText } from './issue-text';
import { TaskRow } from './TaskRow';
import { TaskSummaryTable } from './TaskSummaryTable';
import { TASKS, taskDoneNotice, taskText } from './task-texts';

// The goals load when their section is first opened, like the pane's other views.
const GoalsView = lazy(() =>
  import(/* webpackChunkName: "goals-view" */ '../goals/GoalsView').then((m) => ({ default: m.GoalsView })),
);

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  controls: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  range: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export interface TasksViewProps {
  locale: Locale;
  service: CrmService;
  /** Opens the client's card in the client list. */
  onOpenClient?: (clientId: string) => void;
}

type PeriodKind = TaskPeriod['kind'];
const PAGE = 100;

/** The salesperson's tasks: a period, mine or the team's, complete/reopen/reschedule; and the goals. */
export function TasksView({ locale, service, onOpenClient }: TasksViewProps) {
  const styles = useStyles();
  const snapshot = useCrmSnapshot(service);
  const [section, setSection] = useState<'tasks' | 'goals'>('tasks');
  const [kind, setKind] = useState<PeriodKind>('week');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [whose, setWhose] = useState<'mine' | 'team'>('mine');
  const [shown, setShown] = useState(PAGE);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  // The day in Warsaw when the view renders: "today" and "overdue" count from it.
  const today = warsawDay(new Date());

  const rangeFrom = parseTypedDate(from);
  const rangeTo = parseTypedDate(to);
  const period: TaskPeriod | null =
    kind !== 'range' ? { kind } : rangeFrom && rangeTo ? { kind, from: rangeFrom, to: rangeTo } : null;
  const owner = whose === 'mine' ? service.user : null;
  const tables = snapshot?.tables;
  const entries = useMemo(
    () => (tables && period ? listTasks(tables, { period, owner, today }) : []),
    // The period is rebuilt each render; its parts are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [tables, kind, rangeFrom, rangeTo, owner, today],
  );
  const summary = useMemo(
    () => (tables && period ? summarizeTasks(tables, period, today, owner) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [tables, kind, rangeFrom, rangeTo, owner, today],
  );
  const clientNames = useMemo(
    () => new Map((tables?.clients ?? []).map((c) => [c.id, String(c.name ?? '')])),
    [tables?.clients],
  );

  const act = async (entry: TaskEntry, change: 'complete' | 'reopen' | 'reschedule', dueDate = '') => {
    const { task } = entry;
    setBusyId(task.id);
    setFailure(null);
    try {
      if (change === 'complete') await service.completeTask(task.id, task.version, { locale });
      else if (change === 'reopen') await service.reopenTask(task.id, task.version, { locale });
      else await service.rescheduleTask(task.id, task.version, dueDate, { locale });
      setNotice(taskDoneNotice(locale, change, String(task.title ?? '')));
      return true;
    } catch (error) {
      setFailure(`${taskText(locale, 'actionFailed')}: ${writeFailureText(error, locale)}`);
      return false;
    } finally {
      setBusyId(null);
    }
  };

  return (
    <section className={styles.root} aria-label={taskText(locale, 'sections')}>
      <TabList
        size="small"
        selectedValue={section}
        onTabSelect={(_e, data) => setSection(data.value as 'tasks' | 'goals')}
        aria-label={taskText(locale, 'sections')}
      >
        <Tab value="tasks">{taskText(locale, 'tasksSection')}</Tab>
        <Tab value="goals">{taskText(locale, 'goalsSection')}</Tab>
      </TabList>
      {section === 'goals' ? (
        <Suspense fallback={<WorkProgress label={taskText(locale, 'goalsSection')} />}>
          <GoalsView locale={locale} service={service} />
        </Suspense>
      ) : (
        <>
          <div className={styles.controls}>
            <Field label={taskText(locale, 'period')}>
              <RadioGroup
                layout="horizontal"
                value={kind}
                onChange={(_e, data) => {
                  setKind(data.value as PeriodKind);
                  setShown(PAGE);
                }}
              >
                <Radio value="today" label={taskText(locale, 'today')} />
                <Radio value="week" label={taskText(locale, 'week')} />
                <Radio value="overdue" label={taskText(locale, 'overdue')} />
                <Radio value="range" label={taskText(locale, 'range')} />
              </RadioGroup>
            </Field>
            <Field label={taskText(locale, 'whose')}>
              <RadioGroup
                layout="horizontal"
                value={whose}
                onChange={(_e, data) => setWhose(data.value as 'mine' | 'team')}
              >
                <Radio value="mine" label={taskText(locale, 'mine')} />
                <Radio value="team" label={taskText(locale, 'team')} />
              </RadioGroup>
            </Field>
          </div>
          {kind === 'range' && (
            <div className={styles.range}>
              <Field
                label={taskText(locale, 'from')}
                validationMessage={from && !rangeFrom ? taskText(locale, 'badRange') : undefined}
              >
                <Input
                  value={from}
                  placeholder={locale === 'pl' ? 'dd.mm.rrrr' : 'yyyy-mm-dd'}
                  onChange={(_e, d) => setFrom(d.value)}
                />
              </Field>
              <Field
                label={taskText(locale, 'to')}
                validationMessage={to && !rangeTo ? taskText(locale, 'badRange') : undefined}
              >
                <Input
                  value={to}
                  placeholder={locale === 'pl' ? 'dd.mm.rrrr' : 'yyyy-mm-dd'}
                  onChange={(_e, d) => setTo(d.value)}
                />
              </Field>
            </div>
          )}
          <div role="status" aria-live="polite">
            <Caption1>{notice}</Caption1>
          </div>
          {failure && (
            <div role="alert" className={styles.error}>
              {failure}
            </div>
          )}
          <Caption1>
            {period ? countOf(locale, entries.length, TASKS) : taskText(locale, 'badRange')}
          </Caption1>
          {period && entries.length === 0 && <Caption1>{taskText(locale, 'none')}</Caption1>}
          <ul className={styles.list} aria-label={taskText(locale, 'title')}>
            {entries.slice(0, shown).map((entry) => {
              const clientId = typeof entry.task.clientId === 'string' ? entry.task.clientId : null;
              return (
                <TaskRow
                  key={entry.task.id}
                  locale={locale}
                  entry={entry}
                  busy={busyId === entry.task.id}
                  clientName={clientId ? clientNames.get(clientId) : undefined}
                  onOpenClient={clientId && onOpenClient ? () => onOpenClient(clientId) : undefined}
                  onComplete={() => void act(entry, 'complete')}
                  onReopen={() => void act(entry, 'reopen')}
                  onReschedule={(date) => act(entry, 'reschedule', date)}
                />
              );
            })}
          </ul>
          {entries.length > shown && (
            <Button onClick={() => setShown((n) => n + PAGE)}>{taskText(locale, 'showMore')}</Button>
          )}
          {summary && summary.total.due > 0 && (
            <>
              <TaskSummaryTable
                locale={locale}
                caption={taskText(locale, 'byOwner')}
                rows={summary.byOwner}
                emptyKey={taskText(locale, 'nobody')}
              />
              <TaskSummaryTable
                locale={locale}
                caption={taskText(locale, 'byStage')}
                rows={summary.byStage}
                emptyKey={taskText(locale, 'noStage')}
              />
            </>
          )}
        </>
      )}
    </section>
  );
}
