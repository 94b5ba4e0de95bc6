import { Button, CounterBadge, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Locale } from '../../core/i18n';
import { clientText, type ClientTextKey } from './client-texts';

export interface CardSectionProps {
  locale: Locale;
  id: string;
  title: ClientTextKey;
  /** Shown beside the title unless absent. */
  count?: number;
  /** The quick "add" action's label; no action when absent. */
  addLabel?: ClientTextKey;
  adding?: boolean;
  onAdd?: () => void;
  /** The inline form shown while adding. */
  addForm?: ReactNode;
  /** A message about what was just done in this section (a deletion), shown under its heading. */
  notice?: ReactNode;
  children: ReactNode;
}

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
  },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { flexGrow: 1, display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0 },
  empty: { color: tokens.colorNeutralForeground3 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
});

/** One part of the client card: a heading with its count and quick "add", then its records. */
export function CardSection(props: CardSectionProps) {
  const { locale, id, title, count, addLabel, adding, onAdd, addForm, notice, children } = props;
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <div className={styles.heading}>
        <h3 className={styles.title} id={id}>
          <Subtitle2>{clientText(locale, title)}</Subtitle2>
          {count !== undefined && (
            <CounterBadge count={count} showZero size="small" appearance="ghost" color="informative" />
          )}
        </h3>
        {addLabel && onAdd && !adding && (
          <Button size="small" appearance="subtle" onClick={onAdd}>
            {clientText(locale, addLabel)}
          </Button>
        )}
      </div>
      {notice}
      {adding && addForm}
      {count === 0 ? (
        !adding && <span className={styles.empty}>{clientText(locale, 'none')}</span>
      ) : (
        <ul className={styles.list}>{children}</ul>
      )}
    </section>
  );
}
