import type { Bilingual, Locale } from '../../core/i18n';
import { countOf, type CountForms } from '../../core/plural';

/** Every text of the sales screens (board, opportunity, funnel designer), in both languages. */
export const SALES_TEXTS = {
  boardTitle: { pl: 'Tablica sprzedaży', en: 'Sales board' },
  pipeline: { pl: 'Lejek', en: 'Pipeline' },
  noPipelines: {
    pl: 'Skoroszyt nie ma jeszcze lejka sprzedaży. Dodaj gotowy lejek w widoku „Lejki”.',
    en: 'The workbook has no sales pipeline yet. Add a ready one in the "Funnels" view.',
  },
  noWorkbook: { pl: 'Skoroszyt nie jest jeszcze wczytany.', en: 'The workbook is not loaded yet.' },
  filters: { pl: 'Filtry', en: 'Filters' },
  owner: { pl: 'Opiekun', en: 'Owner' },
  segment: { pl: 'Segment', en: 'Segment' },
  closeMonth: { pl: 'Miesiąc zamknięcia', en: 'Close month' },
  everyone: { pl: 'Wszyscy', en: 'Everyone' },
  every: { pl: 'Wszystkie', en: 'All' },
  noCloseDate: { pl: 'Bez daty zamknięcia', en: 'No close date' },
  clearFilters: { pl: 'Wyczyść filtry', en: 'Clear filters' },
  addOpportunity: { pl: 'Nowa szansa', en: 'New opportunity' },
  sum: { pl: 'Suma', en: 'Sum' },
  weighted: { pl: 'Ważona', en: 'Weighted' },
  weightedLong: { pl: 'Wartość ważona', en: 'Weighted value' },
  total: { pl: 'Razem', en: 'Total' },
  forecastTitle: { pl: 'Prognoza wg miesiąca zamknięcia', en: 'Forecast by close month' },
  month: { pl: 'Miesiąc', en: 'Month' },
  count: { pl: 'Liczba', en: 'Count' },
  stale: { pl: 'Zastój', en: 'Stale' },
  staleTitle: {
    pl: 'Dłużej w etapie niż oczekiwane {expected} dni ({days} dni)',
    en: 'Longer in the stage than the expected {expected} days ({days} days)',
  },
  closeOn: { pl: 'Zamknięcie', en: 'Close' },
  noOwner: { pl: 'bez opiekuna', en: 'no owner' },
  moveTo: { pl: 'Przenieś do…', en: 'Move to…' },
  // The visible "Move to…" starts the name, so speech input finds the button by what it shows.
  moveToLabel: { pl: 'Przenieś do… ({name})', en: 'Move to… ({name})' },
  open: { pl: 'Otwórz', en: 'Open' },
  keyboardHint: {
    pl: 'Karty można przeciągać między etapami albo przenosić skrótem Alt+strzałka w prawo / w lewo.',
    en: 'Drag cards between stages, or move them with Alt+Right arrow / Alt+Left arrow.',
  },
  moved: { pl: '„{name}” przeniesiono do etapu „{stage}”.', en: '"{name}" moved to the stage "{stage}".' },
  movedWithTasks: {
    pl: '„{name}” przeniesiono do etapu „{stage}”; {tasks}.',
    en: '"{name}" moved to the stage "{stage}"; {tasks}.',
  },
  noFurtherStage: {
    pl: '„{name}” jest już w skrajnym etapie lejka.',
    en: '"{name}" is already in the end stage of the pipeline.',
  },
  moveFailed: { pl: 'Nie udało się przenieść szansy', en: 'Could not move the opportunity' },
  showMore: { pl: 'Pokaż więcej (jeszcze {count})', en: 'Show more ({count} more)' },
  emptyColumn: { pl: 'Brak szans w tym etapie.', en: 'No opportunities in this stage.' },
  unplaced: { pl: 'Poza etapami lejka', en: 'Outside the pipeline\u2019s stages' },
  requiredTitle: { pl: 'Uzupełnij przed przeniesieniem', en: 'Fill in before moving' },
  requiredMessage: {
    pl: 'Etap „{stage}” wymaga tych pól. Uzupełnij je, a szansa zostanie przeniesiona.',
    en: 'The stage "{stage}" needs these fields. Fill them in and the opportunity moves.',
  },
  fieldMissing: { pl: 'Uzupełnij to pole.', en: 'Fill in this field.' },
  moveConfirm: { pl: 'Przenieś', en: 'Move' },
  cancel: { pl: 'Anuluj', en: 'Cancel' },
  // The opportunity view.
  newOpportunity: { pl: 'Nowa szansa sprzedaży', en: 'New sales opportunity' },
  editOpportunity: { pl: 'Szansa sprzedaży', en: 'Sales opportunity' },
  backToBoard: { pl: 'Wróć do tablicy', en: 'Back to the board' },
  client: { pl: 'Klient', en: 'Client' },
  person: { pl: 'Osoba kontaktowa', en: 'Contact person' },
  name: { pl: 'Nazwa szansy', en: 'Opportunity name' },
  value: { pl: 'Wartość (zł)', en: 'Value (PLN)' },
  moneyHint: { pl: 'Kwota w złotych, np. 12 500,00.', en: 'An amount in złoty, e.g. 12,500.00.' },
  currency: { pl: 'Waluta', en: 'Currency' },
  probability: { pl: 'Prawdopodobieństwo %', en: 'Probability %' },
  probabilityHint: {
    pl: 'Puste: z etapu ({stage}%).',
    en: 'Empty: from the stage ({stage}%).',
  },
  expectedClose: { pl: 'Planowane zamknięcie', en: 'Expected close' },
  stage: { pl: 'Etap', en: 'Stage' },
  save: { pl: 'Zapisz', en: 'Save' },
  saving: { pl: 'Zapisywanie…', en: 'Saving…' },
  saved: { pl: 'Zapisano.', en: 'Saved.' },
  created: { pl: 'Dodano szansę „{name}”.', en: 'Added the opportunity "{name}".' },
  saveFailed: { pl: 'Nie udało się zapisać szansy', en: 'Could not save the opportunity' },
  fixFields: { pl: 'Popraw zaznaczone pola.', en: 'Fix the marked fields.' },
  clientMissing: { pl: 'Wybierz klienta.', en: 'Choose the client.' },
  nameMissing: { pl: 'Podaj nazwę szansy.', en: 'Give the opportunity a name.' },
  badMoney: {
    pl: 'To nie jest kwota. Wpisz ją w złotych, np. 12 500,00.',
    en: 'This is not an amount. Type it in złoty, e.g. 12,500.00.',
  },
  badNumber: { pl: 'Wpisz liczbę, np. 2 albo 1,5.', en: 'Type a number, e.g. 2 or 1.5.' },
  badPercent: { pl: 'Wpisz liczbę od 0 do 100.', en: 'Type a number from 0 to 100.' },
  lines: { pl: 'Pozycje (produkty i usługi)', en: 'Lines (products and services)' },
  product: { pl: 'Produkt', en: 'Product' },
  otherProduct: { pl: '(inna pozycja)', en: '(other item)' },
  description: { pl: 'Opis', en: 'Description' },
  quantity: { pl: 'Ilość', en: 'Quantity' },
  unit: { pl: 'Jedn.', en: 'Unit' },
  netPrice: { pl: 'Cena netto (zł)', en: 'Net price (PLN)' },
  discount: { pl: 'Rabat %', en: 'Discount %' },
  vat: { pl: 'VAT', en: 'VAT' },
  lineTotal: { pl: 'Netto pozycji', en: 'Line net' },
  netTotal: { pl: 'Razem netto', en: 'Net total' },
  addLine: { pl: 'Dodaj pozycję', en: 'Add a line' },
  removeLine: { pl: 'Usuń pozycję {no}', en: 'Remove line {no}' },
  useLinesTotal: { pl: 'Przyjmij jako wartość', en: 'Use as the value' },
  line: { pl: 'Pozycja {no}', en: 'Line {no}' },
  tender: { pl: 'Przetarg', en: 'Tender' },
  documentsHint: {
    pl: 'Dokumenty rozdziel średnikiem; gotowe oznacz znakiem ✓ na początku.',
    en: 'Separate the documents with semicolons; mark the ready ones with ✓ at the start.',
  },
  documentReady: { pl: 'Gotowe', en: 'Ready' },
  stageTasks: { pl: 'Zadania etapu', en: 'Tasks of the stage' },
  noStageTasks: { pl: 'Ten etap nie ma zadań.', en: 'This stage has no tasks.' },
  stageGoal: { pl: 'Cel etapu', en: 'Stage goal' },
  due: { pl: 'termin {date}', en: 'due {date}' },
  moveNext: { pl: 'Dalej: {stage}', en: 'Next: {stage}' },
  moveAny: { pl: 'Przenieś do etapu', en: 'Move to the stage' },
  win: { pl: 'Wygrana', en: 'Won' },
  winTitle: { pl: 'Zamknąć jako wygraną?', en: 'Close as won?' },
  winMessage: {
    pl: 'Szansa „{name}” zostanie zamknięta jako wygrana.',
    en: 'The opportunity "{name}" will be closed as won.',
  },
  createProject: { pl: 'Załóż kartę projektu', en: 'Create the project card' },
  projectName: { pl: 'Nazwa projektu', en: 'Project name' },
  projectManager: { pl: 'Kierownik projektu', en: 'Project manager' },
  won: { pl: 'Zamknięto jako wygraną.', en: 'Closed as won.' },
  lose: { pl: 'Przegrana', en: 'Lost' },
  loseTitle: { pl: 'Zamknąć jako przegraną?', en: 'Close as lost?' },
  lostReason: { pl: 'Powód przegranej', en: 'Reason for the loss' },
  lostReasonMissing: { pl: 'Wybierz powód przegranej.', en: 'Choose the reason for the loss.' },
  lostNote: { pl: 'Notatka', en: 'Note' },
  lost: { pl: 'Zamknięto jako przegraną.', en: 'Closed as lost.' },
  reopen: { pl: 'Otwórz ponownie', en: 'Reopen' },
  reopened: { pl: 'Szansa jest znów otwarta.', en: 'The opportunity is open again.' },
  closeFailed: { pl: 'Nie udało się zamknąć szansy', en: 'Could not close the opportunity' },
  status: { pl: 'Status', en: 'Status' },
  history: { pl: 'Historia szansy', en: 'History of the opportunity' },
  noHistory: { pl: 'Brak wpisów.', en: 'No entries.' },
  notFound: {
    pl: 'Tej szansy nie ma już w skoroszycie (mogła zostać usunięta).',
    en: 'This opportunity is no longer in the workbook (it may have been deleted).',
  },
  inStageSince: { pl: 'W etapie od {date}', en: 'In the stage since {date}' },
  // The funnel designer.
  funnelsTitle: { pl: 'Lejki sprzedaży', en: 'Sales funnels' },
  addReady: { pl: 'Dodaj gotowy lejek', en: 'Add a ready funnel' },
  readyFunnel: { pl: 'Gotowy lejek', en: 'Ready funnel' },
  readyName: { pl: 'Nazwa (opcjonalnie)', en: 'Name (optional)' },
  add: { pl: 'Dodaj', en: 'Add' },
  readyAdded: { pl: 'Dodano lejek.', en: 'Funnel added.' },
  newPipeline: { pl: 'Nowy lejek', en: 'New funnel' },
  edit: { pl: 'Edytuj', en: 'Edit' },
  stagesCount: { pl: 'etapy', en: 'stages' },
  settings: { pl: 'Ustawienia lejka', en: 'Funnel settings' },
  pipelineName: { pl: 'Nazwa lejka', en: 'Funnel name' },
  clientType: { pl: 'Rodzaj klienta', en: 'Client type' },
  productOfPipeline: { pl: 'Produkt / usługa', en: 'Product / service' },
  saleForm: { pl: 'Forma sprzedaży', en: 'Form of sale' },
  lostReasons: { pl: 'Powody przegranej', en: 'Reasons for a loss' },
  lostReasonsHint: { pl: 'Jeden powód w wierszu.', en: 'One reason a line.' },
  stages: { pl: 'Etapy', en: 'Stages' },
  stageName: { pl: 'Nazwa etapu', en: 'Stage name' },
  goal: { pl: 'Cel', en: 'Goal' },
  expectedDays: { pl: 'Oczekiwana liczba dni', en: 'Expected days' },
  requiredFields: { pl: 'Pola wymagane na wejściu', en: 'Fields required on entry' },
  addStage: { pl: 'Dodaj etap', en: 'Add a stage' },
  removeStage: { pl: 'Usuń etap „{stage}”', en: 'Remove the stage "{stage}"' },
  stageUp: { pl: 'Przesuń „{stage}” wyżej', en: 'Move "{stage}" up' },
  stageDown: { pl: 'Przesuń „{stage}” niżej', en: 'Move "{stage}" down' },
  stageNo: { pl: 'Etap {no}', en: 'Stage {no}' },
  tasks: { pl: 'Zadania na wejściu', en: 'Tasks on entry' },
  taskTitle: { pl: 'Zadanie', en: 'Task' },
  ownerRole: { pl: 'Rola wykonawcy', en: 'Owner role' },
  priority: { pl: 'Priorytet', en: 'Priority' },
  dueInDays: { pl: 'Termin (dni od wejścia)', en: 'Due (days after entry)' },
  addTask: { pl: 'Dodaj zadanie', en: 'Add a task' },
  removeTask: { pl: 'Usuń zadanie „{task}”', en: 'Remove the task "{task}"' },
  savePipeline: { pl: 'Zapisz lejek', en: 'Save the funnel' },
  pipelineSaved: { pl: 'Zapisano lejek „{name}”.', en: 'Saved the funnel "{name}".' },
  pipelineSaveFailed: { pl: 'Nie udało się zapisać lejka', en: 'Could not save the funnel' },
  pipelineNameMissing: { pl: 'Podaj nazwę lejka.', en: 'Give the funnel a name.' },
  pipelineNameTaken: {
    pl: 'Lejek o tej nazwie już jest. Podaj inną nazwę.',
    en: 'A funnel of this name exists. Give another name.',
  },
  stageNameMissing: { pl: 'Podaj nazwę etapu.', en: 'Give the stage a name.' },
  stageNameTwice: {
    pl: 'Ta nazwa etapu powtarza się w lejku. Nadaj etapom różne nazwy.',
    en: 'This stage name repeats in the funnel. Give the stages different names.',
  },
  noStages: { pl: 'Lejek potrzebuje co najmniej jednego etapu.', en: 'A funnel needs at least one stage.' },
  taskTitleMissing: { pl: 'Podaj treść zadania.', en: 'Give the task a title.' },
  badDays: { pl: 'Wpisz liczbę całkowitą dni, 0 lub więcej.', en: 'Type a whole number of days, 0 or more.' },
  backToFunnels: { pl: 'Wróć do listy lejków', en: 'Back to the funnels' },
} satisfies Record<string, Bilingual>;

export type SalesTextKey = keyof typeof SALES_TEXTS;

/** A text of the sales screens with its `{placeholders}` filled in. */
export function salesText(
  locale: Locale,
  key: SalesTextKey,
  values: Record<string, string | number> = {},
): string {
  return SALES_TEXTS[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** The nouns the sales screens count. */
export const SALES_COUNTS = {
  opportunities: { pl: ['szansa', 'szanse', 'szans'], en: ['opportunity', 'opportunities'] },
  tasks: { pl: ['zadanie', 'zadania', 'zadań'], en: ['task', 'tasks'] },
  stages: { pl: ['etap', 'etapy', 'etapów'], en: ['stage', 'stages'] },
  newTasks: {
    pl: ['nowe zadanie', 'nowe zadania', 'nowych zadań'],
    en: ['new task', 'new tasks'],
  },
} satisfies Record<string, CountForms>;

export function salesCount(locale: Locale, count: number, noun: keyof typeof SALES_COUNTS): string {
  return countOf(locale, count, SALES_COUNTS[noun]);
}

const MONTH_FORMATS: Record<Locale, Intl.DateTimeFormat> = {
  pl: new Intl.DateTimeFormat('pl-PL', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** `yyyy-mm` as "grudzień 2026" / "December 2026"; `none` as the words for no date. */
export function monthLabel(locale: Locale, month: string): string {
  if (month === 'none') return salesText(locale, 'noCloseDate');
  const [year, monthNo] = month.split('-').map(Number);
  if (!year || !monthNo) return month;
  return MONTH_FORMATS[locale].format(new Date(Date.UTC(year, monthNo - 1, 1)));
}
