import { Button, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

export interface StepFrameProps {
  heading: string;
  children: ReactNode;
  backLabel?: string;
  onBack?: () => void;
  nextLabel?: string;
  onNext?: () => void;
  nextDisabled?: boolean;
}

const useStyles = makeStyles({
  step: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  footer: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalS,
  },
});

/** One step of a wizard: its heading, its content, and Back / Next at the bottom. */
export function StepFrame({
  heading,
  children,
  backLabel,
  onBack,
  nextLabel,
  onNext,
  nextDisabled,
}: StepFrameProps) {
  const styles = useStyles();
  return (
    <div className={styles.step}>
      <Subtitle2 as="h3" className={styles.heading}>
        {heading}
      </Subtitle2>
      {children}
      {(onBack || onNext) && (
        <div className={styles.footer}>
          {onBack ? <Button onClick={onBack}>{backLabel}</Button> : <span />}
          {onNext && (
            <Button appearance="primary" onClick={onNext} disabled={nextDisabled}>
              {nextLabel}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
