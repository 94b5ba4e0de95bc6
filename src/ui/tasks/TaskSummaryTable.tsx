import { Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Locale } from '../../core/i18n';
import type { TaskCompletion } from '../../core/tasks/task-summary';
import { shownRate, taskText } from './task-texts';

const useStyles = makeStyles({
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  cell: {
    textAlign: 'right',
    paddingInline: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  name: {
    textAlign: 'left',
    overflowWrap: 'anywhere',
    paddingInline: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

export interface TaskSummaryTableProps {
  locale: Locale;
  caption: string;
  rows: readonly TaskCompletion[];
  /** The name of the group of tasks without an owner or a stage. */
  emptyKey: string;
}

/** Completion per owner or per stage: done of due, on time, overdue. */
export function TaskSummaryTable({ locale, caption, rows, emptyKey }: TaskSummaryTableProps) {
  const styles = useStyles();
  if (rows.length === 0) return null;
  return (
    <table className={styles.table}>
      <caption style={{ textAlign: 'left' }}>
        <Subtitle2>{caption}</Subtitle2>
      </caption>
      <thead>
        <tr>
          <th className={styles.name} scope="col">
            <Caption1>{caption}</Caption1>
          </th>
          <th className={styles.cell} scope="col">
            {taskText(locale, 'doneOfDue')}
          </th>
          <th className={styles.cell} scope="col">
            {taskText(locale, 'onTime')}
          </th>
          <th className={styles.cell} scope="col">
            {taskText(locale, 'overdueCount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th className={styles.name} scope="row">
              {row.key || emptyKey}
            </th>
            <td className={styles.cell}>
              {row.done}/{row.due} ({shownRate(row.doneRate, locale)})
            </td>
            <td className={styles.cell}>{shownRate(row.onTimeRate, locale)}</td>
            <td className={styles.cell}>{row.overdue}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
