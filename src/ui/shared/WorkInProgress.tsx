import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { WorkProgress } from './WorkProgress';

export interface WorkInProgressProps {
  label: string;
  value?: number;
  /** Shown only where stopping is safe (before anything is written). */
  onCancel?: () => void;
  cancelLabel: string;
}

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  bar: { flexGrow: 1, minWidth: 0 },
});

/** A progress bar for work that may take over a second, with Cancel where that is safe. */
export function WorkInProgress({ label, value, onCancel, cancelLabel }: WorkInProgressProps) {
  const styles = useStyles();
  return (
    <div className={styles.row} aria-live="polite">
      <div className={styles.bar}>
        <WorkProgress label={label} value={value} />
      </div>
      {onCancel && (
        <Button size="small" onClick={onCancel}>
          {cancelLabel}
        </Button>
      )}
    </div>
  );
}
