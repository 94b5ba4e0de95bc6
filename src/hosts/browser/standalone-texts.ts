import type { Bilingual, Locale } from '../../core/i18n';

/** Texts only the standalone browser mode shows. */
export const STANDALONE_TEXTS = {
  whoTitle: { pl: 'Kto pracuje w Relacjach?', en: 'Who is working in Relacje?' },
  whoHint: {
    pl: 'To imię trafi do historii kontaktów i dziennika zmian. Zapamiętamy je w tej przeglądarce.',
    en: 'This name goes into the contact history and the audit log. This browser will remember it.',
  },
  whoLabel: { pl: 'Twoje imię i nazwisko', en: 'Your name' },
  whoRequired: { pl: 'Wpisz imię, aby kontynuować.', en: 'Enter a name to continue.' },
  whoContinue: { pl: 'Dalej', en: 'Continue' },
  whoPlaceholder: { pl: 'np. Anna Nowak', en: 'e.g. Anna Nowak' },
} satisfies Record<string, Bilingual>;

export type StandaloneTextKey = keyof typeof STANDALONE_TEXTS;

export function standaloneText(locale: Locale, key: StandaloneTextKey): string {
  return STANDALONE_TEXTS[key][locale];
}
