import { Body1, Button, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Locale } from '../../core/i18n';
import type { SegmentationWrite } from '../../core/segmentation';
import { SEGMENTATION_VIEW_COUNTS, segmentationViewText } from './segmentation-view-texts';

export interface RecentWritesProps {
  locale: Locale;
  writes: readonly SegmentationWrite[];
  busy: boolean;
  onUndo: (writeId: string) => void;
}

/** The newest writes shown; older ones stay in the audit. */
const SHOWN_WRITES = 5;

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: 'none' },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  done: { color: tokens.colorNeutralForeground3 },
});

/** The segmentation writes the audit holds, newest first, each with its undo. */
export function RecentWrites({ locale, writes, busy, onUndo }: RecentWritesProps) {
  const styles = useStyles();
  if (writes.length === 0) return null;
  return (
    <section aria-labelledby="segmentation-writes-title">
      <Subtitle2 as="h3" id="segmentation-writes-title" className={styles.heading}>
        {segmentationViewText(locale, 'recentWrites')}
      </Subtitle2>
      <ul className={styles.list}>
        {writes.slice(0, SHOWN_WRITES).map((write) => {
          const label = SEGMENTATION_VIEW_COUNTS.writeEntry(locale, write.at, write.user, write.clients);
          return (
            <li key={write.id} className={styles.item}>
              <Body1>{label}</Body1>
              {write.undone ? (
                <Body1 className={styles.done}>{segmentationViewText(locale, 'undoneMark')}</Body1>
              ) : (
                <Button
                  size="small"
                  disabled={busy}
                  aria-label={`${segmentationViewText(locale, 'undo')}: ${label}`}
                  onClick={() => onUndo(write.id)}
                >
                  {segmentationViewText(locale, 'undo')}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
