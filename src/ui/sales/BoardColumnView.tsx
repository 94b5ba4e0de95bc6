import { Button, Caption1, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { Locale } from '../../core/i18n';
import type { StoredRow } from '../../core/clients/client-rows';
import type { BoardCard } from '../../core/sales/board-view';
import { shownMoney } from '../shared/format';
import { BoardCardItem, type BoardCardItemProps } from './BoardCardItem';
import { salesCount, salesText } from './sales-texts';

/** Cards a column shows at first and adds with each "show more": the board stays quick at 5,000. */
export const CARDS_PER_STEP = 20;

export interface BoardColumnViewProps extends Pick<BoardCardItemProps, 'onOpen' | 'onMoveMenu' | 'onStep'> {
  locale: Locale;
  stage: string;
  /** A card dropped on the column. */
  onMove: (opportunityId: string, stage: string) => void;
  count: number;
  /** Null where the core does not sum (outside the pipeline's stages). */
  sum: number | null;
  weighted: number | null;
  expectedDays: number | null;
  rows: readonly StoredRow[];
  /** A row as its card: made for the cards drawn only. */
  cardOf: (row: StoredRow, expectedDays: number | null) => BoardCard;
  /** Set on a column the cards cannot be dropped on (outside the pipeline's stages). */
  noDrop?: boolean;
}

const useStyles = makeStyles({
  column: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    flex: '0 0 260px',
    maxWidth: '85vw',
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    scrollSnapAlign: 'start',
  },
  over: { outline: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}` },
  heading: { margin: 0 },
  figures: { display: 'flex', flexDirection: 'column', color: tokens.colorNeutralForeground2 },
  cards: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0 },
});

/** A stage of the board: its figures and its cards, a drop target for a dragged card. */
export function BoardColumnView(props: BoardColumnViewProps) {
  const { locale, stage, count, sum, weighted, expectedDays, rows, cardOf, noDrop, onMove } = props;
  const styles = useStyles();
  const [shown, setShown] = useState(CARDS_PER_STEP);
  const [over, setOver] = useState(false);
  const headingId = useId();
  const rest = rows.length - shown;
  return (
    <section
      aria-labelledby={headingId}
      className={mergeClasses(styles.column, over && styles.over)}
      onDragOver={(event) => {
        if (noDrop) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        setOver(false);
        if (noDrop) return;
        event.preventDefault();
        const id = event.dataTransfer.getData('text/plain');
        if (id) onMove(id, stage);
      }}
    >
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {stage}
      </Subtitle2>
      <div className={styles.figures}>
        <Caption1>{salesCount(locale, count, 'opportunities')}</Caption1>
        {sum !== null && (
          <Caption1>
            {salesText(locale, 'sum')}: {shownMoney(sum, locale)}
          </Caption1>
        )}
        {weighted !== null && (
          <Caption1>
            {salesText(locale, 'weighted')}: {shownMoney(weighted, locale)}
          </Caption1>
        )}
      </div>
      {rows.length === 0 ? (
        <Caption1>{salesText(locale, 'emptyColumn')}</Caption1>
      ) : (
        <ul className={styles.cards}>
          {rows.slice(0, shown).map((row) => (
            <BoardCardItem
              key={row.id}
              locale={locale}
              card={cardOf(row, expectedDays)}
              expectedDays={expectedDays}
              onOpen={props.onOpen}
              onMoveMenu={props.onMoveMenu}
              onStep={props.onStep}
            />
          ))}
        </ul>
      )}
      {rest > 0 && (
        <Button size="small" onClick={() => setShown((n) => n + CARDS_PER_STEP * 2)}>
          {salesText(locale, 'showMore', { count: rest.toLocaleString(locale === 'pl' ? 'pl-PL' : 'en-GB') })}
        </Button>
      )}
    </section>
  );
}
