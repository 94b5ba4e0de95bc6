import {
  Badge,
  Button,
  Caption1,
  Field,
  Input,
  Link,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { Locale } from '../../core/i18n';
import type { TaskEntry } from '../../core/tasks/task-list';
import { EnumBadge } from '../clients/EnumBadge';
import { shownDate } from '../shared/format';
import { useRecordListStyles } from './record-list-styles';
import { taskText } from './task-texts';

const useStyles = makeStyles({
  done: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground3 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface TaskRowProps {
  locale: Locale;
  entry: TaskEntry;
  clientName?: string;
  busy: boolean;
  onComplete: () => void;
  onReopen: () => void;
  /** Resolves to whether the new date was saved (the editor closes then). */
  onReschedule: (dueDate: string) => Promise<boolean>;
  onOpenClient?: () => void;
}

/** One task of a list: title, badges, due date, owner, the client, and what can be done to it. */
export function TaskRow({
  locale,
  entry,
  clientName,
  busy,
  onComplete,
  onReopen,
  onReschedule,
  onOpenClient,
}: TaskRowProps) {
  const styles = { ...useRecordListStyles(), ...useStyles() };
  const { task, overdue, stale } = entry;
  const title = String(task.title ?? '');
  const done = task.status === 'done' || task.status === 'cancelled';
  const [editing, setEditing] = useState(false);
  const [date, setDate] = useState('');
  const rescheduleButton = useRef<HTMLButtonElement>(null);
  const closeEditor = () => {
    setEditing(false);
    // Focus goes back to what opened the editor.
    requestAnimationFrame(() => rescheduleButton.current?.focus());
  };
  return (
    <li className={styles.item} aria-label={title}>
      <div className={styles.line}>
        <Text weight="semibold" className={`${styles.text} ${done ? styles.done : ''}`}>
          {title}
        </Text>
        <EnumBadge locale={locale} enumKey="taskPriority" value={task.priority} />
        {task.status !== 'todo' && <EnumBadge locale={locale} enumKey="taskStatus" value={task.status} />}
        {overdue && (
          <Badge color="danger" appearance="filled" size="small">
            {taskText(locale, 'overdueMark')}
          </Badge>
        )}
        {stale && (
          <Badge color="warning" appearance="tint" size="small">
            {taskText(locale, 'staleMark')}
          </Badge>
        )}
      </div>
      <div className={styles.line}>
        <Caption1>
          {taskText(locale, 'due')}:{' '}
          {typeof task.dueDate === 'string' ? shownDate(task.dueDate, locale) : taskText(locale, 'noDue')}
        </Caption1>
        <Caption1 className={styles.muted}>
          {typeof task.owner === 'string' && task.owner ? task.owner : taskText(locale, 'nobody')}
        </Caption1>
        {clientName && onOpenClient && (
          <Caption1>
            {taskText(locale, 'client')}:{' '}
            <Link as="button" onClick={onOpenClient}>
              {clientName}
            </Link>
          </Caption1>
        )}
      </div>
      {editing ? (
        <form
          className={styles.line}
          onSubmit={(event) => {
            event.preventDefault();
            void onReschedule(date).then((saved) => saved && closeEditor());
          }}
        >
          <Field label={taskText(locale, 'newDue')} size="small">
            <Input
              size="small"
              value={date}
              placeholder={locale === 'pl' ? 'dd.mm.rrrr' : 'yyyy-mm-dd'}
              autoFocus
              onChange={(_e, data) => setDate(data.value)}
            />
          </Field>
          <Button size="small" appearance="primary" type="submit" disabled={busy}>
            {taskText(locale, 'save')}
          </Button>
          <Button size="small" onClick={closeEditor}>
            {taskText(locale, 'cancel')}
          </Button>
        </form>
      ) : (
        <div className={styles.line}>
          {done ? (
            <Button
              size="small"
              disabled={busy}
              onClick={onReopen}
              aria-label={`${taskText(locale, 'reopen')}: ${title}`}
            >
              {taskText(locale, 'reopen')}
            </Button>
          ) : (
            <Button
              size="small"
              appearance="primary"
              disabled={busy}
              onClick={onComplete}
              aria-label={`${taskText(locale, 'complete')}: ${title}`}
            >
              {taskText(locale, 'complete')}
            </Button>
          )}
          <Button
            size="small"
            ref={rescheduleButton}
            disabled={busy}
            aria-label={`${taskText(locale, 'reschedule')}: ${title}`}
            onClick={() => {
              setDate(typeof task.dueDate === 'string' ? shownDate(task.dueDate, locale) : '');
              setEditing(true);
            }}
          >
            {taskText(locale, 'reschedule')}
          </Button>
        </div>
      )}
    </li>
  );
}
