import type { Bilingual, Locale } from '../../core/i18n';

/** Texts of the client base: list, form, duplicates, merge and the client card. */
export const CLIENT_TEXTS = {
  // list
  searchLabel: { pl: 'Szukaj klienta', en: 'Search clients' },
  searchPlaceholder: { pl: 'Nazwa, NIP, miasto, e-mail', en: 'Name, NIP, city, e-mail' },
  filters: { pl: 'Filtry', en: 'Filters' },
  clearFilters: { pl: 'Wyczyść filtry', en: 'Clear filters' },
  anyValue: { pl: 'Wszystkie', en: 'All' },
  sortBy: { pl: 'Sortuj według', en: 'Sort by' },
  sortName: { pl: 'Nazwa', en: 'Name' },
  sortCity: { pl: 'Miejscowość', en: 'City' },
  sortStatus: { pl: 'Status', en: 'Status' },
  sortUpdated: { pl: 'Ostatnia zmiana', en: 'Last changed' },
  listLabel: { pl: 'Lista klientów', en: 'Client list' },
  columnClient: { pl: 'Klient', en: 'Client' },
  columnStatus: { pl: 'Status', en: 'Status' },
  noClients: {
    pl: 'Brak klientów. Dodaj pierwszego albo zaimportuj arkusz.',
    en: 'No clients yet. Add the first one or import a spreadsheet.',
  },
  noMatches: {
    pl: 'Żaden klient nie pasuje do wyszukiwania i filtrów.',
    en: 'No client matches the search and filters.',
  },
  addClient: { pl: 'Dodaj klienta', en: 'Add client' },
  listHint: {
    pl: 'Strzałki wybierają klienta, Enter otwiera kartę.',
    en: 'Arrow keys choose a client, Enter opens the card.',
  },
  // form
  newClientTitle: { pl: 'Nowy klient', en: 'New client' },
  editClientTitle: { pl: 'Edycja klienta', en: 'Edit client' },
  save: { pl: 'Zapisz', en: 'Save' },
  cancel: { pl: 'Anuluj', en: 'Cancel' },
  back: { pl: 'Wróć', en: 'Back' },
  saving: { pl: 'Zapisywanie…', en: 'Saving…' },
  formInvalid: {
    pl: 'Nie zapisano: popraw pola oznaczone poniżej.',
    en: 'Not saved: correct the fields marked below.',
  },
  sectionIdentity: { pl: 'Dane firmy', en: 'Company' },
  sectionAddress: { pl: 'Adres', en: 'Address' },
  sectionContact: { pl: 'Kontakt', en: 'Contact' },
  sectionSales: { pl: 'Sprzedaż', en: 'Sales' },
  // duplicates
  duplicateTitle: { pl: 'Możliwy duplikat', en: 'Possible duplicate' },
  duplicateIntro: {
    pl: 'W bazie jest już podobny klient. Sprawdź, zanim zapiszesz:',
    en: 'A similar client is already in the base. Check before saving:',
  },
  openExisting: { pl: 'Otwórz istniejącego', en: 'Open existing' },
  saveAnyway: { pl: 'Zapisz mimo to', en: 'Save anyway' },
  mergeInto: { pl: 'Scal z…', en: 'Merge into…' },
  // merge
  mergeTitle: { pl: 'Scalanie klientów', en: 'Merging clients' },
  mergeSurvivor: { pl: 'Klient, który zostaje', en: 'Client that stays' },
  mergeMerged: { pl: 'Klient scalany (zostanie usunięty)', en: 'Client merged (will be deleted)' },
  mergeSwap: { pl: 'Zamień role', en: 'Swap roles' },
  mergeChooseSurvivor: { pl: 'Scal z klientem', en: 'Merge into client' },
  mergeMoves: { pl: 'Przeniesione do klienta, który zostaje:', en: 'Moved to the client that stays:' },
  mergeNothingMoves: {
    pl: 'Scalany klient nie ma powiązanych rekordów.',
    en: 'The merged client has no linked records.',
  },
  mergeFilled: { pl: 'Uzupełnione puste pola:', en: 'Empty fields filled in:' },
  mergeConflicts: {
    pl: 'Różne wartości (zostaje wartość klienta, który zostaje; druga trafi do historii):',
    en: 'Different values (the staying client’s is kept; the other goes to the history):',
  },
  mergeKept: { pl: 'zostaje', en: 'kept' },
  mergeNotTaken: { pl: 'do historii', en: 'to the history' },
  mergeConfirm: { pl: 'Scal klientów', en: 'Merge clients' },
  mergeDone: { pl: 'Scalono klientów.', en: 'Clients merged.' },
  // card
  cardData: { pl: 'Dane', en: 'Details' },
  edit: { pl: 'Edytuj klienta', en: 'Edit client' },
  people: { pl: 'Osoby', en: 'People' },
  history: { pl: 'Historia', en: 'History' },
  opportunities: { pl: 'Szanse', en: 'Opportunities' },
  offers: { pl: 'Oferty', en: 'Offers' },
  tasks: { pl: 'Zadania', en: 'Tasks' },
  projects: { pl: 'Projekty', en: 'Projects' },
  surveyAnswers: { pl: 'Ankiety', en: 'Surveys' },
  complaints: { pl: 'Reklamacje', en: 'Complaints' },
  none: { pl: 'Brak', en: 'None' },
  add: { pl: 'Dodaj', en: 'Add' },
  addActivity: { pl: 'Dodaj wpis', en: 'Add entry' },
  addPerson: { pl: 'Dodaj osobę', en: 'Add person' },
  addOpportunity: { pl: 'Dodaj szansę', en: 'Add opportunity' },
  addTask: { pl: 'Dodaj zadanie', en: 'Add task' },
  addOffer: { pl: 'Dodaj ofertę', en: 'Add offer' },
  offerOpportunity: { pl: 'Szansa', en: 'Opportunity' },
  netShort: { pl: 'netto', en: 'net' },
  validUntilShort: { pl: 'ważna do', en: 'valid until' },
  addProject: { pl: 'Dodaj projekt', en: 'Add project' },
  addComplaint: { pl: 'Dodaj reklamację', en: 'Add complaint' },
  addSurveyAnswer: { pl: 'Dodaj odpowiedź', en: 'Add answer' },
  noSurveys: {
    pl: 'Najpierw utwórz ankietę w arkuszu Ankiety.',
    en: 'Create a survey in the Surveys sheet first.',
  },
  gdprNoBasis: { pl: 'Brak podstawy RODO', en: 'No GDPR basis' },
  gdprConsentOn: { pl: 'Zgoda z', en: 'Consent of' },
  gdprNoConsentDate: { pl: 'Brak daty zgody', en: 'No consent date' },
  gdprConsentWithdrawn: { pl: 'Zgoda wycofana', en: 'Consent withdrawn' },
  gdprRetentionPassed: { pl: 'Minął okres przechowywania', en: 'Retention period passed' },
  gdprRetainUntil: { pl: 'Przechowywać do', en: 'Retain until' },
  priority: { pl: 'Priorytet', en: 'Priority' },
  due: { pl: 'Termin', en: 'Due' },
  probability: { pl: 'prawd.', en: 'prob.' },
  backToList: { pl: 'Lista klientów', en: 'Client list' },
  clientNotFound: {
    pl: 'Tego klienta nie ma już w bazie — mógł zostać scalony lub usunięty.',
    en: 'This client is no longer in the base; it may have been merged or deleted.',
  },
  saved: { pl: 'Zapisano.', en: 'Saved.' },
  close: { pl: 'Zamknij', en: 'Close' },
  // editing the card's records
  editRecord: { pl: 'Edytuj', en: 'Edit' },
  deleteRecord: { pl: 'Usuń', en: 'Delete' },
  openRecord: { pl: 'Otwórz', en: 'Open' },
  completeTask: { pl: 'Wykonane', en: 'Done' },
  reopenTask: { pl: 'Przywróć', en: 'Reopen' },
  withdrawConsent: { pl: 'Wycofaj zgodę', en: 'Withdraw consent' },
  deleteTitle: { pl: 'Usunąć?', en: 'Delete?' },
  deleteConfirm: { pl: 'Usuń', en: 'Delete' },
  deleted: {
    pl: 'Usunięto. Wpis o tym jest w historii klienta.',
    en: 'Deleted. The client’s history has an entry about it.',
  },
  deleting: { pl: 'Usuwanie…', en: 'Deleting…' },
  // a save someone else's change came before
  conflictTitle: { pl: 'Ktoś inny zmienił ten rekord', en: 'Someone else changed this record' },
  conflictReapply: {
    pl: 'Wczytaj ponownie i zastosuj moje zmiany',
    en: 'Reload and apply my changes again',
  },
  conflictDiscard: { pl: 'Odrzuć moje zmiany', en: 'Discard my changes' },
  conflictReapplied: {
    pl: 'Wczytano aktualną wersję i naniesiono na nią Twoje zmiany. Sprawdź je i zapisz.',
    en: 'The current version is loaded with your changes laid over it. Check them and save.',
  },
  yesWord: { pl: 'tak', en: 'yes' },
  noWord: { pl: 'nie', en: 'no' },
} satisfies Record<string, Bilingual>;

export type ClientTextKey = keyof typeof CLIENT_TEXTS;

export function clientText(locale: Locale, key: ClientTextKey): string {
  return CLIENT_TEXTS[key][locale];
}

/** The question before a deletion, naming the record. */
export function deleteQuestion(locale: Locale, noun: string, title: string): string {
  const named = title ? (locale === 'pl' ? ` „${title}”` : ` "${title}"`) : '';
  return locale === 'pl'
    ? `Usunąć ${noun}${named}? Wpis o usunięciu trafi do historii klienta.`
    : `Delete the ${noun}${named}? An entry about it goes to the client’s history.`;
}
