import type { Bilingual } from '../../core/i18n';

/** Texts Relacje writes into the workbook itself, in the workbook's language. */
export const SHEET_TEXTS = {
  /** Title of the message Excel shows when a typed value is not on an enumeration's list. */
  notInListTitle: { pl: 'Wartość spoza listy', en: 'Not in the list' },
  notInList: { pl: 'Wybierz wartość z listy.', en: 'Choose a value from the list.' },
  metaSchemaVersion: { pl: 'numer wersji schematu (1, 2, …)', en: 'a schema version number (1, 2, …)' },
  metaLocale: { pl: 'język skoroszytu: pl albo en', en: 'the workbook language: pl or en' },
  metaOfferNumberFormat: {
    pl: 'wzór numeru oferty, np. OF/{YYYY}/{NNN}',
    en: 'an offer number pattern, e.g. OF/{YYYY}/{NNN}',
  },
  metaCounter: { pl: 'licznik: liczba całkowita ≥ 0', en: 'a counter: a whole number ≥ 0' },
} satisfies Record<string, Bilingual>;

/** Why a file is not an .xlsx workbook (the `reason` of `notAWorkbook`). */
export const NOT_A_WORKBOOK_REASONS = {
  empty: { pl: 'plik jest pusty', en: 'the file is empty' },
  notZip: { pl: 'to nie jest plik pakietu Office Open XML', en: 'it is not an Office Open XML package' },
  legacy: {
    pl: 'to stary plik .xls albo plik chroniony hasłem — zapisz go w Excelu jako .xlsx bez hasła',
    en: 'it is an old .xls file or a password-protected one; save it from Excel as .xlsx without a password',
  },
  noWorkbookPart: {
    pl: 'archiwum ZIP nie zawiera skoroszytu (xl/workbook.xml)',
    en: 'the ZIP archive holds no workbook (xl/workbook.xml)',
  },
  unreadable: {
    pl: 'pliku nie da się odczytać — może jest uszkodzony',
    en: 'the file cannot be read; it may be damaged',
  },
  noSheets: { pl: 'skoroszyt nie ma arkuszy', en: 'the workbook has no sheets' },
} satisfies Record<string, Bilingual>;
