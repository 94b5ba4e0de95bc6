import { Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

export interface CardItemProps {
  title: string;
  /** Secondary facts, joined with a dot. */
  details?: readonly string[];
  badges?: ReactNode;
  /** A longer text under the item (an activity's details). */
  body?: string;
  /** The item's own buttons (edit, delete, complete). */
  actions?: ReactNode;
}

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    ':first-child': { borderTop: 'none', paddingTop: 0 },
    minWidth: 0,
  },
  title: { overflowWrap: 'anywhere' },
  details: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  body: { whiteSpace: 'pre-line', overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

/** One record in a section of the client card. */
export function CardItem({ title, details = [], badges, body, actions }: CardItemProps) {
  const styles = useStyles();
  const facts = details.filter((d) => d !== '');
  return (
    <li className={styles.item}>
      <Text weight="semibold" className={styles.title}>
        {title}
      </Text>
      {facts.length > 0 && <Caption1 className={styles.details}>{facts.join(' · ')}</Caption1>}
      {badges && <div className={styles.badges}>{badges}</div>}
      {body && <Caption1 className={styles.body}>{body}</Caption1>}
      {actions && <div className={styles.actions}>{actions}</div>}
    </li>
  );
}
