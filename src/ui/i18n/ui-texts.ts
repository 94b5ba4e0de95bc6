import type { Bilingual, Locale } from '../../core/i18n';

/** Every text the panes show, in both languages, in one place. */
export const UI_TEXTS = {
  productName: { pl: 'Relacje', en: 'Relacje' },
  productTagline: { pl: 'CRM w Microsoft 365', en: 'CRM inside Microsoft 365' },
  switchLanguage: { pl: 'English', en: 'Polski' },
  switchLanguageLabel: { pl: 'Zmień język na angielski', en: 'Switch the language to Polish' },
  workbook: { pl: 'Skoroszyt', en: 'Workbook' },
  loading: { pl: 'Wczytywanie skoroszytu…', en: 'Loading the workbook…' },
  tablesCaption: { pl: 'Tabele skoroszytu', en: 'Tables of the workbook' },
  tableColumn: { pl: 'Tabela', en: 'Table' },
  rowCountColumn: { pl: 'Wiersze', en: 'Rows' },
  noWorkbook: {
    pl: 'Serwer nie udostępnia żadnego skoroszytu. Uruchom „relacje serve” ze ścieżką do pliku .xlsx.',
    en: 'The server offers no workbook. Run "relacje serve" with the path of an .xlsx file.',
  },
  loadFailed: {
    pl: 'Nie udało się wczytać skoroszytu:',
    en: 'Could not load the workbook:',
  },
  retry: { pl: 'Spróbuj ponownie', en: 'Try again' },
} satisfies Record<string, Bilingual>;

export type UiTextKey = keyof typeof UI_TEXTS;

export function uiText(locale: Locale, key: UiTextKey): string {
  return UI_TEXTS[key][locale];
}
