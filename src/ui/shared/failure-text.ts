import { isRelacjeError } from '../../core/errors';
import type { Locale } from '../../core/i18n';
import { sharedText } from './shared-texts';

/** What a failure means for the user, in their language; unknown failures keep their own words. */
export function failureText(error: unknown, locale: Locale): string {
  if (isRelacjeError(error)) return error.messageIn(locale);
  if (error instanceof Error && error.message)
    return `${sharedText(locale, 'unexpected')} (${error.message})`;
  return sharedText(locale, 'unexpected');
}
