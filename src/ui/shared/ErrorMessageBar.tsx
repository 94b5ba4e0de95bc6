import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { Locale } from '../../core/i18n';
import { failureText } from './failure-text';
import { sharedText } from './shared-texts';

export interface ErrorMessageBarProps {
  locale: Locale;
  error: unknown;
  /** A short line before the error's own message, e.g. what could not be done. */
  title?: string;
  onRetry?: () => void;
  onDismiss?: () => void;
}

/** A failure as the user reads it: the product error's text in their language, with a retry. */
export function ErrorMessageBar({ locale, error, title, onRetry, onDismiss }: ErrorMessageBarProps) {
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {failureText(error, locale)}
      </MessageBarBody>
      {(onRetry || onDismiss) && (
        <MessageBarActions>
          {onRetry && (
            <Button size="small" onClick={onRetry}>
              {sharedText(locale, 'retry')}
            </Button>
          )}
          {onDismiss && (
            <Button size="small" appearance="subtle" onClick={onDismiss}>
              {sharedText(locale, 'close')}
            </Button>
          )}
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
