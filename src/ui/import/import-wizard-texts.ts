import type { Bilingual, Locale } from '../../core/i18n';
import { countForm, countOf, type CountForms } from '../../core/plural';
import type { ClientImportOutcome } from '../../services/crm-service';

/** Every text of the import wizard, in both languages. */
export const IMPORT_WIZARD_TEXTS = {
  title: { pl: 'Import klientów', en: 'Import clients' },
  intro: {
    pl: 'Wczytaj klientów z pliku CSV albo arkusza .xlsx. Zanim cokolwiek zapiszemy, zobaczysz każdy wiersz i zdecydujesz, co zrobić z klientami, którzy już są w bazie.',
    en: 'Load clients from a CSV file or an .xlsx sheet. Before anything is saved you see every row and decide what to do with clients already in the base.',
  },
  stepFile: { pl: 'Plik', en: 'File' },
  stepFormat: { pl: 'Kodowanie i separator', en: 'Encoding and delimiter' },
  stepMapping: { pl: 'Kolumny', en: 'Columns' },
  stepPreview: { pl: 'Sprawdzenie wierszy', en: 'Row check' },
  stepMatches: { pl: 'Klienci już w bazie', en: 'Clients already in the base' },
  stepResult: { pl: 'Wynik', en: 'Result' },
  chooseFile: { pl: 'Wybierz plik…', en: 'Choose a file…' },
  chooseFileHint: {
    pl: 'CSV (np. „CSV (rozdzielany średnikami)” z Excela, eksport kontaktów z Outlooka) albo .xlsx — pierwszy wiersz to nagłówki kolumn.',
    en: 'CSV (e.g. Excel\'s "CSV (semicolon delimited)", an Outlook contacts export) or .xlsx; the first row holds the column headers.',
  },
  fileInputLabel: { pl: 'Plik do importu', en: 'File to import' },
  xlsxUnavailable: {
    pl: 'Ten panel nie czyta plików .xlsx. Zapisz arkusz w Excelu jako „CSV UTF-8” i wybierz ten plik.',
    en: 'This pane cannot read .xlsx files. Save the sheet in Excel as "CSV UTF-8" and choose that file.',
  },
  emptyFile: {
    pl: 'Plik nie zawiera żadnych wierszy. Wybierz plik z nagłówkami w pierwszym wierszu i danymi poniżej.',
    en: 'The file holds no rows. Choose a file with headers in its first row and data below.',
  },
  noDataRows: {
    pl: 'Plik ma tylko wiersz nagłówków — nie ma czego importować.',
    en: 'The file has only the header row; there is nothing to import.',
  },
  readFailed: { pl: 'Nie udało się odczytać pliku.', en: 'Could not read the file.' },
  encoding: { pl: 'Kodowanie znaków', en: 'Character encoding' },
  encodingHint: {
    pl: 'Wykryte automatycznie. Jeśli polskie litery wyglądają źle, wybierz inne.',
    en: 'Detected automatically. If Polish letters look wrong, choose another.',
  },
  delimiter: { pl: 'Separator pól', en: 'Field delimiter' },
  delimiterSemicolon: { pl: 'Średnik ;', en: 'Semicolon ;' },
  delimiterComma: { pl: 'Przecinek ,', en: 'Comma ,' },
  delimiterTab: { pl: 'Tabulator', en: 'Tab' },
  sampleCaption: { pl: 'Pierwsze wiersze pliku', en: 'First rows of the file' },
  mappingHint: {
    pl: 'Wskaż, które pole klienta wypełnia każda kolumna. Podpowiedzi wybraliśmy po nazwach nagłówków.',
    en: 'Choose the client field each column fills. The suggestions come from the header names.',
  },
  notImported: { pl: '— nie importuj —', en: '— do not import —' },
  clientFields: { pl: 'Klient', en: 'Client' },
  personFields: { pl: 'Osoba kontaktowa', en: 'Contact person' },
  suggested: { pl: 'podpowiedź', en: 'suggested' },
  example: { pl: 'np.', en: 'e.g.' },
  problemsTitle: { pl: 'Popraw przypisanie kolumn', en: 'Fix the column choice' },
  checkingRows: { pl: 'Sprawdzanie wierszy…', en: 'Checking the rows…' },
  readingFile: { pl: 'Odczytywanie pliku…', en: 'Reading the file…' },
  matchingRows: { pl: 'Szukanie klientów w bazie…', en: 'Looking for the clients in the base…' },
  writing: {
    pl: 'Zapisywanie do skoroszytu… (tego nie da się przerwać — zapisze się wszystko albo nic)',
    en: 'Saving to the workbook… (this cannot be stopped; all of it is saved, or nothing)',
  },
  cancel: { pl: 'Przerwij', en: 'Cancel' },
  cancelled: { pl: 'Przerwano — nic nie zostało zapisane.', en: 'Cancelled; nothing was saved.' },
  back: { pl: 'Wstecz', en: 'Back' },
  next: { pl: 'Dalej', en: 'Next' },
  startOver: { pl: 'Importuj inny plik', en: 'Import another file' },
  onlyProblems: { pl: 'Tylko wiersze z błędami i uwagami', en: 'Only rows with problems or notes' },
  rowValid: { pl: 'poprawny', en: 'valid' },
  rowRejected: { pl: 'odrzucony', en: 'rejected' },
  rowsCaption: { pl: 'Wiersze pliku', en: 'Rows of the file' },
  rowColumn: { pl: 'Wiersz', en: 'Row' },
  nameColumn: { pl: 'Klient', en: 'Client' },
  checkColumn: { pl: 'Wynik sprawdzenia', en: 'Check' },
  noValidRows: {
    pl: 'Żaden wiersz nie przeszedł sprawdzenia. Popraw plik (raport odrzuconych wierszy podaje powody) albo przypisanie kolumn.',
    en: 'No row passed the check. Fix the file (the report of rejected rows gives the reasons) or the column choice.',
  },
  noMatches: {
    pl: 'Żaden wiersz nie pasuje do klienta z bazy — wszystkie zostaną dodane jako nowi klienci.',
    en: 'No row matches a client in the base; all of them will be added as new clients.',
  },
  matchesHint: {
    pl: 'Te wiersze pasują do klientów, którzy już są w bazie. Wybierz, co zrobić z każdym.',
    en: 'These rows match clients already in the base. Choose what to do with each.',
  },
  allMatches: { pl: 'Dla wszystkich', en: 'For all of them' },
  decisionFill: { pl: 'Uzupełnij puste pola', en: 'Fill empty fields' },
  decisionOverwrite: { pl: 'Nadpisz pola', en: 'Overwrite fields' },
  decisionSkip: { pl: 'Pomiń', en: 'Skip' },
  decisionAddNew: { pl: 'Dodaj jako nowego', en: 'Add as new' },
  decisionLabel: { pl: 'Co zrobić', en: 'What to do' },
  noChanges: {
    pl: 'bez zmian — wszystko już jest w bazie',
    en: 'no change: everything is already in the base',
  },
  importButton: { pl: 'Importuj', en: 'Import' },
  nothingToWrite: {
    pl: 'Nie ma nic do zapisania: wszystkie poprawne wiersze są już w bazie albo zostały pominięte.',
    en: 'There is nothing to save: every valid row is already in the base or skipped.',
  },
  importFailed: {
    pl: 'Import nie powiódł się — nic nie zostało zapisane.',
    en: 'The import failed; nothing was saved.',
  },
  resultTitle: { pl: 'Import zakończony', en: 'Import finished' },
  downloadReport: {
    pl: 'Pobierz raport odrzuconych wierszy (CSV)',
    en: 'Download the report of rejected rows (CSV)',
  },
  reportFileName: { pl: 'odrzucone-wiersze.csv', en: 'rejected-rows.csv' },
} satisfies Record<string, Bilingual>;

export type ImportWizardTextKey = keyof typeof IMPORT_WIZARD_TEXTS;

export function importWizardText(locale: Locale, key: ImportWizardTextKey): string {
  return IMPORT_WIZARD_TEXTS[key][locale];
}

const ROWS: CountForms = { pl: ['wiersz', 'wiersze', 'wierszy'], en: ['row', 'rows'] };
const COLUMNS: CountForms = { pl: ['kolumna', 'kolumny', 'kolumn'], en: ['column', 'columns'] };
/** A client as the object of a verb: "importuj 1 klienta, 2 klientów". */
const CLIENTS_OBJECT: CountForms = { pl: ['klienta', 'klientów', 'klientów'], en: ['client', 'clients'] };
const PEOPLE_OBJECT: CountForms = {
  pl: ['osobę kontaktową', 'osoby kontaktowe', 'osób kontaktowych'],
  en: ['contact person', 'contact people'],
};
const VALID_ROWS: CountForms = {
  pl: ['poprawny wiersz', 'poprawne wiersze', 'poprawnych wierszy'],
  en: ['valid row', 'valid rows'],
};
const REJECTED: CountForms = { pl: ['odrzucony', 'odrzucone', 'odrzuconych'], en: ['rejected', 'rejected'] };
const BLANK: CountForms = {
  pl: ['pusty pominięty', 'puste pominięte', 'pustych pominiętych'],
  en: ['blank passed over', 'blank passed over'],
};
const NEW_CLIENTS: CountForms = {
  pl: ['nowy klient', 'nowi klienci', 'nowych klientów'],
  en: ['new client', 'new clients'],
};
const CHANGED: CountForms = { pl: ['zmieniony', 'zmienieni', 'zmienionych'], en: ['changed', 'changed'] };
const SKIPPED: CountForms = { pl: ['pominięty', 'pominięci', 'pominiętych'], en: ['skipped', 'skipped'] };
const NEW_PEOPLE: CountForms = {
  pl: ['nowa osoba kontaktowa', 'nowe osoby kontaktowe', 'nowych osób kontaktowych'],
  en: ['new contact person', 'new contact people'],
};

/** Texts with figures in them. */
export const IMPORT_WIZARD_COUNTS = {
  step: (locale: Locale, number: number, of: number, name: string) =>
    locale === 'pl' ? `Krok ${number} z ${of}: ${name}` : `Step ${number} of ${of}: ${name}`,
  fileSummary: (locale: Locale, name: string, dataRows: number, columns: number) =>
    locale === 'pl'
      ? `${name}: ${countOf(locale, dataRows, ROWS)} danych, ${countOf(locale, columns, COLUMNS)}`
      : `${name}: ${dataRows} data ${countForm(locale, dataRows, ROWS)}, ${countOf(locale, columns, COLUMNS)}`,
  checkSummary: (locale: Locale, valid: number, rejected: number, blank: number) =>
    [
      countOf(locale, valid, VALID_ROWS),
      countOf(locale, rejected, REJECTED),
      ...(blank ? [countOf(locale, blank, BLANK)] : []),
    ].join(', ') + '.',
  moreRows: (locale: Locale, count: number) =>
    locale === 'pl'
      ? `…i ${countOf(locale, count, ROWS)} więcej (wszystkie odrzucone są w raporcie).`
      : `…and ${count} more ${countForm(locale, count, ROWS)} (every rejected one is in the report).`,
  matchedBy: (locale: Locale, by: 'nip' | 'email' | 'name', existing: string) => {
    const key = { nip: 'NIP', email: 'e-mail', name: locale === 'pl' ? 'nazwa' : 'name' }[by];
    return locale === 'pl'
      ? `w bazie: „${existing}” (zgodny ${key})`
      : `in the base: "${existing}" (same ${key})`;
  },
  changes: (locale: Locale, fields: readonly string[]) =>
    (locale === 'pl' ? 'zmieni: ' : 'changes: ') + fields.join(', '),
  planSummary: (locale: Locale, create: number, update: number, skip: number, people: number) =>
    `${locale === 'pl' ? 'Do zapisania' : 'To save'}: ${[
      countOf(locale, create, NEW_CLIENTS),
      countOf(locale, update, CHANGED),
      countOf(locale, skip, SKIPPED),
      countOf(locale, people, NEW_PEOPLE),
    ].join(', ')}.`,
  importButton: (locale: Locale, count: number) =>
    locale === 'pl'
      ? `Importuj (${countOf(locale, count, CLIENTS_OBJECT)})`
      : `Import (${countOf(locale, count, CLIENTS_OBJECT)})`,
  result: (locale: Locale, outcome: ClientImportOutcome, skipped: number, rejected: number) =>
    locale === 'pl'
      ? `Dodano ${countOf(locale, outcome.created, CLIENTS_OBJECT)}, zaktualizowano ${countOf(locale, outcome.updated, CLIENTS_OBJECT)}, dodano ${countOf(locale, outcome.peopleCreated, PEOPLE_OBJECT)}, pominięto ${countOf(locale, skipped, CLIENTS_OBJECT)}, odrzucono ${countOf(locale, rejected, ROWS)}.`
      : `Added ${countOf(locale, outcome.created, CLIENTS_OBJECT)}, updated ${countOf(locale, outcome.updated, CLIENTS_OBJECT)}, added ${countOf(locale, outcome.peopleCreated, PEOPLE_OBJECT)}, skipped ${countOf(locale, skipped, CLIENTS_OBJECT)}, rejected ${countOf(locale, rejected, ROWS)}.`,
};
