import type { Locale } from '../../core/i18n';
import { failureText } from '../../ui/shared/failure-text';

interface Bilingually {
  messageIn(locale: Locale): string;
}

/** Sign-in and configuration errors carry both languages as product errors do; read it there. */
function isBilingual(error: unknown): error is Bilingually {
  return error instanceof Error && typeof (error as Partial<Bilingually>).messageIn === 'function';
}

/** What a failure to open or start means for the user, in their language. */
export function paneFailureText(error: unknown, locale: Locale): string {
  return isBilingual(error) ? error.messageIn(locale) : failureText(error, locale);
}
