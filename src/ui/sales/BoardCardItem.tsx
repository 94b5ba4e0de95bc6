import { Badge, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { memo, type KeyboardEvent } from 'react';
import type { Locale } from '../../core/i18n';
import type { BoardCard } from '../../core/sales/board-view';
import { shownDate, shownMoney } from '../shared/format';
import { salesText } from './sales-texts';

export interface BoardCardItemProps {
  locale: Locale;
  card: BoardCard;
  expectedDays: number | null;
  onOpen: (opportunityId: string) => void;
  /** Opens the board's one "Move to…" menu at this card's button. */
  onMoveMenu: (opportunityId: string, button: HTMLElement) => void;
  /** Alt+Left / Alt+Right: the stage before or after. */
  onStep: (opportunityId: string, step: -1 | 1) => void;
}

const useStyles = makeStyles({
  card: {
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    cursor: 'grab',
  },
  title: {
    justifyContent: 'flex-start',
    textAlign: 'start',
    paddingInline: 0,
    minWidth: 0,
    fontWeight: tokens.fontWeightSemibold,
  },
  line: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground2 },
  value: { fontWeight: tokens.fontWeightSemibold },
});

/** One opportunity on the board: what it is worth, whose it is, when it should close, whether it stalls. */
export const BoardCardItem = memo(function BoardCardItem({
  locale,
  card,
  expectedDays,
  onOpen,
  onMoveMenu,
  onStep,
}: BoardCardItemProps) {
  const styles = useStyles();
  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.altKey || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
    event.preventDefault();
    onStep(card.id, event.key === 'ArrowLeft' ? -1 : 1);
  };
  return (
    <li
      className={styles.card}
      draggable
      data-opportunity={card.id}
      onDragStart={(event) => {
        event.dataTransfer.setData('text/plain', card.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
    >
      <Button
        appearance="transparent"
        className={styles.title}
        onClick={() => onOpen(card.id)}
        onKeyDown={onKeyDown}
        aria-keyshortcuts="Alt+ArrowLeft Alt+ArrowRight"
      >
        {card.name}
      </Button>
      <Caption1>{card.clientName}</Caption1>
      <div className={styles.line}>
        <span className={styles.value}>{shownMoney(card.value, locale, card.currency)}</span>
        {card.stale && (
          <Badge
            color="warning"
            appearance="tint"
            title={salesText(locale, 'staleTitle', {
              expected: expectedDays ?? 0,
              days: card.daysInStage ?? 0,
            })}
          >
            {salesText(locale, 'stale')}
          </Badge>
        )}
      </div>
      <Caption1 className={styles.muted}>
        {card.owner || salesText(locale, 'noOwner')}
        {card.expectedClose
          ? ` · ${salesText(locale, 'closeOn')} ${shownDate(card.expectedClose, locale)}`
          : ''}
      </Caption1>
      <Button
        size="small"
        appearance="subtle"
        aria-haspopup="menu"
        aria-label={salesText(locale, 'moveToLabel', { name: card.name })}
        onClick={(event) => onMoveMenu(card.id, event.currentTarget)}
      >
        {salesText(locale, 'moveTo')}
      </Button>
    </li>
  );
});
