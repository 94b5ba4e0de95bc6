import type { Bilingual, Locale } from '../../core/i18n';

/** Texts of the building blocks every view shares. */
export const SHARED_TEXTS = {
  retry: { pl: 'Spróbuj ponownie', en: 'Try again' },
  close: { pl: 'Zamknij', en: 'Close' },
  unexpected: {
    pl: 'Wystąpił nieoczekiwany błąd. Nic nie zostało utracone — spróbuj ponownie.',
    en: 'Something unexpected went wrong. Nothing was lost; try again.',
  },
  working: { pl: 'Trwa zapisywanie…', en: 'Saving…' },
  chooseValue: { pl: 'Wybierz…', en: 'Choose…' },
  noValue: { pl: '(brak)', en: '(none)' },
  yes: { pl: 'Tak', en: 'Yes' },
  no: { pl: 'Nie', en: 'No' },
  unsavedTitle: { pl: 'Niezapisane zmiany', en: 'Unsaved changes' },
  unsavedMessage: {
    pl: 'Formularz ma niezapisane zmiany. Jeśli przejdziesz dalej, przepadną.',
    en: 'The form has unsaved changes. If you go on, they will be lost.',
  },
  discardChanges: { pl: 'Odrzuć zmiany', en: 'Discard changes' },
  keepEditing: { pl: 'Wróć do formularza', en: 'Keep editing' },
} satisfies Record<string, Bilingual>;

export type SharedTextKey = keyof typeof SHARED_TEXTS;

export function sharedText(locale: Locale, key: SharedTextKey): string {
  return SHARED_TEXTS[key][locale];
}
