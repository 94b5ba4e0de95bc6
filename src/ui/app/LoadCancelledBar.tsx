import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { Locale } from '../../core/i18n';
import { appText } from './app-texts';

export interface LoadCancelledBarProps {
  locale: Locale;
  onLoadAgain: () => void;
}

/** What the pane shows after the user cancelled loading the workbook, with the way to load it again. */
export function LoadCancelledBar({ locale, onLoadAgain }: LoadCancelledBarProps) {
  const loadAgain = useRef<HTMLButtonElement>(null);
  // The Cancel button that had the focus is gone: the focus goes to the way on.
  useEffect(() => loadAgain.current?.focus(), []);
  return (
    <MessageBar intent="info" layout="multiline" role="status">
      <MessageBarBody>
        <MessageBarTitle>{appText(locale, 'loadCancelled')}</MessageBarTitle>
        {appText(locale, 'loadCancelledDetail')}
      </MessageBarBody>
      <MessageBarActions>
        <Button ref={loadAgain} size="small" appearance="primary" onClick={onLoadAgain}>
          {appText(locale, 'loadAgain')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
