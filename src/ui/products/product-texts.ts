import type { Bilingual, Locale } from '../../core/i18n';
import { countOf, type CountForms } from '../../core/plural';

/** Texts of the Products view. */
export const PRODUCT_TEXTS = {
  title: { pl: 'Produkty i usługi', en: 'Products and services' },
  add: { pl: 'Dodaj produkt', en: 'Add a product' },
  edit: { pl: 'Edytuj', en: 'Edit' },
  deactivate: { pl: 'Wycofaj z oferty', en: 'Deactivate' },
  activate: { pl: 'Przywróć do oferty', en: 'Reactivate' },
  inactive: { pl: 'Nieaktywny', en: 'Inactive' },
  save: { pl: 'Zapisz produkt', en: 'Save the product' },
  cancel: { pl: 'Anuluj', en: 'Cancel' },
  code: { pl: 'Kod', en: 'Code' },
  name: { pl: 'Nazwa', en: 'Name' },
  unit: { pl: 'Jednostka', en: 'Unit' },
  unitHint: { pl: 'np. szt., h, usł., kpl.', en: 'e.g. szt., h, usł., kpl.' },
  netPrice: { pl: 'Cena netto (zł)', en: 'Net price (PLN)' },
  netPriceHint: { pl: 'W złotych, np. 1 234,56', en: 'In złoty, e.g. 1 234,56' },
  vatRate: { pl: 'Stawka VAT', en: 'VAT rate' },
  active: {
    pl: 'Aktywny (można go wybrać w szansach i ofertach)',
    en: 'Active (can be picked on opportunities and offers)',
  },
  showInactive: { pl: 'Pokaż wycofane', en: 'Show inactive' },
  none: {
    pl: 'Katalog jest pusty. Dodaj produkt albo zaimportuj plik.',
    en: 'The catalogue is empty. Add a product or import a file.',
  },
  saved: { pl: 'Produkt zapisany.', en: 'Product saved.' },
  notSaved: { pl: 'Nie zapisano produktu', en: 'The product was not saved' },
  importTitle: { pl: 'Import z pliku CSV lub .xlsx', en: 'Import from a CSV or .xlsx file' },
  importHint: {
    pl: 'Pierwszy wiersz z nagłówkami: Kod, Nazwa, Jednostka, Cena netto (w złotych), Stawka VAT (23, 8, 5, 0, zw., np.), opcjonalnie Aktywny. Kod, który już jest w katalogu, zmienia tamten produkt.',
    en: 'The first row with headers: Code, Name, Unit, Net price (in złoty), VAT rate (23, 8, 5, 0, zw., np.), optionally Active. A code already in the catalogue changes that product.',
  },
  chooseFile: { pl: 'Wybierz plik', en: 'Choose a file' },
  xlsxUnavailable: {
    pl: 'Tu można importować tylko pliki CSV. Zapisz arkusz jako CSV i wybierz go ponownie.',
    en: 'Only CSV files can be imported here. Save the sheet as CSV and choose it again.',
  },
  fileUnreadable: { pl: 'Nie udało się odczytać pliku', en: 'The file could not be read' },
  importProblems: {
    pl: 'Plik ma błędy; nic nie zaimportowano. Popraw je w pliku i wybierz go ponownie:',
    en: 'The file has errors; nothing was imported. Correct them in the file and choose it again:',
  },
  row: { pl: 'Wiersz', en: 'Row' },
  importReady: { pl: 'Gotowe do importu', en: 'Ready to import' },
  importButton: { pl: 'Importuj', en: 'Import' },
  nothingToImport: { pl: 'Plik nie ma wierszy z produktami.', en: 'The file has no product rows.' },
} satisfies Record<string, Bilingual>;

export type ProductTextKey = keyof typeof PRODUCT_TEXTS;

export function productText(locale: Locale, key: ProductTextKey): string {
  return PRODUCT_TEXTS[key][locale];
}

export const PRODUCTS: CountForms = { pl: ['produkt', 'produkty', 'produktów'], en: ['product', 'products'] };
const NEW: CountForms = { pl: ['nowy', 'nowe', 'nowych'], en: ['new', 'new'] };
const CHANGED: CountForms = { pl: ['zmieniony', 'zmienione', 'zmienionych'], en: ['changed', 'changed'] };

/** "Zaimportowano 3 produkty: 2 nowe, 1 zmieniony." */
export function importedNotice(locale: Locale, created: number, updated: number): string {
  const all = countOf(locale, created + updated, PRODUCTS);
  const parts = `${countOf(locale, created, NEW)}, ${countOf(locale, updated, CHANGED)}`;
  return locale === 'pl' ? `Zaimportowano ${all}: ${parts}.` : `Imported ${all}: ${parts}.`;
}

/** "Do importu: 2 nowe, 1 zmieniony." */
export function plannedNotice(locale: Locale, created: number, updated: number): string {
  const parts = `${countOf(locale, created, NEW)}, ${countOf(locale, updated, CHANGED)}`;
  return locale === 'pl' ? `Do importu: ${parts}.` : `To import: ${parts}.`;
}
