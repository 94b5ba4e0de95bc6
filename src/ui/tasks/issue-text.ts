import { isRelacjeError } from '../../core/errors';
import type { Locale } from '../../core/i18n';
import { failureText } from '../shared/failure-text';

/**
 * A refused write in the user's words: for a form, only what is wrong with each field (the field's
 * name in it, no table key); any other failure as its own message.
 */
export function writeFailureText(error: unknown, locale: Locale): string {
  if (isRelacjeError(error, 'invalidRecord')) {
    const fix = locale === 'pl' ? 'Popraw i zapisz ponownie.' : 'Correct it and save again.';
    return `${error.params.issues.map((issue) => issue.message[locale]).join('; ')}. ${fix}`;
  }
  return failureText(error, locale);
}
