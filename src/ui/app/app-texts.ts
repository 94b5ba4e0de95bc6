import type { Bilingual, Locale } from '../../core/i18n';

/** Texts of the app shell: navigation and the workbook's loading states. */
export const APP_TEXTS = {
  navigation: { pl: 'Widoki', en: 'Views' },
  clientsTab: { pl: 'Klienci', en: 'Clients' },
  salesTab: { pl: 'Sprzedaż', en: 'Sales' },
  importTab: { pl: 'Import', en: 'Import' },
  tasksTab: { pl: 'Zadania', en: 'Tasks' },
  productsTab: { pl: 'Produkty', en: 'Products' },
  segmentationTab: { pl: 'Segmentacja', en: 'Segmentation' },
  workbookTab: { pl: 'Skoroszyt', en: 'Workbook' },
  loadingWorkbook: {
    pl: 'Wczytywanie skoroszytu… Duży skoroszyt może się wczytywać kilka sekund.',
    en: 'Loading the workbook… A big workbook may take a few seconds.',
  },
  cancelLoading: { pl: 'Anuluj', en: 'Cancel' },
  loadCancelled: { pl: 'Wczytywanie przerwane', en: 'Loading cancelled' },
  loadCancelledDetail: {
    pl: 'Skoroszyt nie został wczytany; nic w nim nie zmieniono.',
    en: 'The workbook was not loaded; nothing in it was changed.',
  },
  loadAgain: { pl: 'Wczytaj ponownie', en: 'Load again' },
  openingView: { pl: 'Otwieranie widoku…', en: 'Opening the view…' },
  loadFailed: { pl: 'Nie udało się wczytać skoroszytu', en: 'Could not load the workbook' },
  changeUser: { pl: 'Zmień użytkownika', en: 'Change user' },
} satisfies Record<string, Bilingual>;

export type AppTextKey = keyof typeof APP_TEXTS;

export function appText(locale: Locale, key: AppTextKey): string {
  return APP_TEXTS[key][locale];
}
